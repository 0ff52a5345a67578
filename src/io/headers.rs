//! Matching CSV column headers to our fields: case- and punctuation-insensitive, with synonyms.
//!
//! CRMs name the same thing differently (`Company name`, `Account Name`, `Name`), so a header is
//! normalised (lower case, alphanumerics only) and looked up in one synonym table. Each synonym
//! has a [`Specificity`]; when two columns of one file map to the same field the more specific
//! one wins (see [`assign_columns`]).

/// The column names `hearback export customers` writes, in order; re-importing them is lossless.
pub const HEARBACK_HEADERS: [&str; 15] = [
    "crm_id",
    "name",
    "size",
    "currency",
    "tier",
    "segment",
    "region",
    "account_manager",
    "salesperson",
    "service_manager",
    "executive_sponsor",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
];

/// A customer field a column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The record's id in the CRM.
    CrmId,
    /// Company name.
    Name,
    /// Size as an amount (`1,250,000.00`, `$1.25M`).
    Size,
    /// Size as integer minor units (cents).
    SizeMinor,
    /// ISO 4217 code of the size.
    Currency,
    /// Key / growth / standard.
    Tier,
    /// Segment or industry.
    Segment,
    /// Region, territory or country.
    Region,
    /// Account (client, relationship) manager or CRM owner.
    AccountManager,
    /// Salesperson or account executive.
    Salesperson,
    /// Service (delivery) manager.
    ServiceManager,
    /// Our executive sponsor.
    ExecutiveSponsor,
    /// The contact person's name.
    ContactName,
    /// The contact person's title.
    ContactRole,
    /// The contact person's email.
    ContactEmail,
    /// The contact person's phone.
    ContactPhone,
}

/// How surely a header names a field; the higher wins when two columns claim one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Specificity {
    /// The column holds something that can stand in (an owner id, an account type).
    Fallback,
    /// A general word that could mean several things (`email`, `owner`, `industry`).
    Generic,
    /// Names exactly one field (`contact_email`, `account_manager`, `Record ID`).
    Specific,
}

/// Which program wrote the file, guessed from its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// HubSpot companies export.
    HubSpot,
    /// Salesforce accounts (API names or report labels).
    Salesforce,
    /// Zoho CRM accounts export.
    Zoho,
    /// hearback's own export.
    Hearback,
    /// Anything else; matched by synonyms only.
    Generic,
}

impl Layout {
    /// A name to show the user.
    pub fn label(self) -> &'static str {
        match self {
            Layout::HubSpot => "HubSpot companies export",
            Layout::Salesforce => "Salesforce accounts",
            Layout::Zoho => "Zoho CRM accounts",
            Layout::Hearback => "hearback export",
            Layout::Generic => "generic CSV",
        }
    }
}

/// Lower case, alphanumerics only, UTF-8 BOM stripped: `"\u{feff}Owner.Name "` -> `ownername`.
pub fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

use Field as F;
use Specificity::{Fallback, Generic, Specific};

/// Normalised header -> field. Keys must already be normalised (a unit test checks).
const SYNONYMS: &[(&str, Field, Specificity)] = &[
    ("crmid", F::CrmId, Specific),
    ("recordid", F::CrmId, Specific),
    ("accountid", F::CrmId, Specific),
    ("companyid", F::CrmId, Specific),
    ("customerid", F::CrmId, Specific),
    ("externalid", F::CrmId, Specific),
    ("hubspotid", F::CrmId, Specific),
    ("salesforceid", F::CrmId, Specific),
    ("zohoid", F::CrmId, Specific),
    ("id", F::CrmId, Generic),
    ("companyname", F::Name, Specific),
    ("accountname", F::Name, Specific),
    ("customername", F::Name, Specific),
    ("clientname", F::Name, Specific),
    ("organisationname", F::Name, Specific),
    ("organizationname", F::Name, Specific),
    ("name", F::Name, Generic),
    ("customer", F::Name, Generic),
    ("company", F::Name, Generic),
    ("account", F::Name, Generic),
    ("client", F::Name, Generic),
    ("organisation", F::Name, Generic),
    ("organization", F::Name, Generic),
    ("size", F::Size, Specific),
    ("acv", F::Size, Specific),
    ("arr", F::Size, Specific),
    ("contractvalue", F::Size, Specific),
    ("annualcontractvalue", F::Size, Specific),
    ("annualrecurringrevenue", F::Size, Specific),
    ("customersize", F::Size, Specific),
    ("accountvalue", F::Size, Specific),
    ("annualrevenue", F::Size, Generic),
    ("revenue", F::Size, Generic),
    ("value", F::Size, Generic),
    ("sizeminor", F::SizeMinor, Specific),
    ("sizeminorunits", F::SizeMinor, Specific),
    ("sizecents", F::SizeMinor, Specific),
    ("currency", F::Currency, Specific),
    ("currencyisocode", F::Currency, Specific),
    ("currencycode", F::Currency, Specific),
    ("accountcurrency", F::Currency, Specific),
    ("tier", F::Tier, Specific),
    ("customertier", F::Tier, Specific),
    ("accounttier", F::Tier, Specific),
    ("clienttier", F::Tier, Specific),
    ("servicetier", F::Tier, Specific),
    ("priority", F::Tier, Generic),
    ("accountpriority", F::Tier, Generic),
    ("segment", F::Segment, Specific),
    ("customersegment", F::Segment, Specific),
    ("marketsegment", F::Segment, Specific),
    ("industry", F::Segment, Generic),
    ("vertical", F::Segment, Generic),
    ("sector", F::Segment, Generic),
    // Salesforce `Type` / Zoho `Account Type` hold "Customer - Direct", "Partner": not tiers,
    // but a usable segment when nothing better is there.
    ("type", F::Segment, Fallback),
    ("accounttype", F::Segment, Fallback),
    ("region", F::Region, Specific),
    ("salesregion", F::Region, Specific),
    ("customerregion", F::Region, Specific),
    ("territory", F::Region, Specific),
    ("salesterritory", F::Region, Specific),
    ("country", F::Region, Generic),
    ("countryregion", F::Region, Generic),
    ("billingcountry", F::Region, Generic),
    ("geography", F::Region, Generic),
    ("accountmanager", F::AccountManager, Specific),
    ("keyaccountmanager", F::AccountManager, Specific),
    ("clientmanager", F::AccountManager, Specific),
    ("relationshipmanager", F::AccountManager, Specific),
    ("customersuccessmanager", F::AccountManager, Specific),
    ("csm", F::AccountManager, Specific),
    ("owner", F::AccountManager, Generic),
    ("ownername", F::AccountManager, Generic),
    ("companyowner", F::AccountManager, Generic),
    ("accountowner", F::AccountManager, Generic),
    ("accountownername", F::AccountManager, Generic),
    ("hubspotowner", F::AccountManager, Generic),
    // Salesforce `OwnerId` is an id, not a name: taken only when no owner name column exists.
    ("ownerid", F::AccountManager, Fallback),
    ("accountownerid", F::AccountManager, Fallback),
    ("salesperson", F::Salesperson, Specific),
    ("salesrep", F::Salesperson, Specific),
    ("salesrepresentative", F::Salesperson, Specific),
    ("accountexecutive", F::Salesperson, Specific),
    ("salesowner", F::Salesperson, Specific),
    ("seller", F::Salesperson, Generic),
    ("servicemanager", F::ServiceManager, Specific),
    ("servicedeliverymanager", F::ServiceManager, Specific),
    ("deliverymanager", F::ServiceManager, Specific),
    ("supportmanager", F::ServiceManager, Specific),
    ("executivesponsor", F::ExecutiveSponsor, Specific),
    ("execsponsor", F::ExecutiveSponsor, Specific),
    ("executive", F::ExecutiveSponsor, Generic),
    ("exec", F::ExecutiveSponsor, Generic),
    ("sponsor", F::ExecutiveSponsor, Generic),
    ("contactname", F::ContactName, Specific),
    ("primarycontact", F::ContactName, Specific),
    ("primarycontactname", F::ContactName, Specific),
    ("maincontact", F::ContactName, Specific),
    ("contact", F::ContactName, Generic),
    ("contactperson", F::ContactName, Generic),
    ("contactrole", F::ContactRole, Specific),
    ("contacttitle", F::ContactRole, Specific),
    ("contactjobtitle", F::ContactRole, Specific),
    ("title", F::ContactRole, Generic),
    ("jobtitle", F::ContactRole, Generic),
    ("role", F::ContactRole, Generic),
    ("position", F::ContactRole, Generic),
    ("contactemail", F::ContactEmail, Specific),
    ("primarycontactemail", F::ContactEmail, Specific),
    ("email", F::ContactEmail, Generic),
    ("emailaddress", F::ContactEmail, Generic),
    ("contactphone", F::ContactPhone, Specific),
    ("contactphonenumber", F::ContactPhone, Specific),
    ("primarycontactphone", F::ContactPhone, Specific),
    ("phone", F::ContactPhone, Generic),
    ("phonenumber", F::ContactPhone, Generic),
    ("telephone", F::ContactPhone, Generic),
    ("mobile", F::ContactPhone, Generic),
];

/// The field a header feeds and how surely; Salesforce custom-field suffixes (`Tier__c`) are
/// ignored.
pub fn match_header(header: &str) -> Option<(Field, Specificity)> {
    let trimmed = header.trim();
    let base = match trimmed.len().checked_sub(3) {
        Some(cut)
            if trimmed.is_char_boundary(cut) && trimmed[cut..].eq_ignore_ascii_case("__c") =>
        {
            &trimmed[..cut]
        }
        _ => trimmed,
    };
    let key = normalise(base);
    SYNONYMS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, field, spec)| (field, spec))
}

/// The field a header feeds, if any (`Create Date`, `City`, `Lifecycle Stage` feed none).
pub fn field_for(header: &str) -> Option<Field> {
    match_header(header).map(|(field, _)| field)
}

/// Guesses which program wrote a file from its header row.
pub fn detect_layout(headers: &[String]) -> Layout {
    let raw: Vec<&str> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .collect();
    let norm: Vec<String> = raw.iter().map(|h| normalise(h)).collect();
    let has = |key: &str| norm.iter().any(|n| n == key);
    let has_raw = |name: &str| raw.contains(&name);
    if has("recordid") && has("companyname") {
        return Layout::HubSpot;
    }
    if has("recordid") && has("accountname") {
        return Layout::Zoho;
    }
    let api_names = [
        "AnnualRevenue",
        "OwnerId",
        "Owner.Name",
        "BillingCountry",
        "CurrencyIsoCode",
    ];
    if api_names.iter().any(|n| has_raw(n))
        || (has_raw("Id") && has_raw("Name"))
        || (has("accountname") && has("accountowner"))
    {
        return Layout::Salesforce;
    }
    let ours = |h: &&str| HEARBACK_HEADERS.contains(h) || *h == "size_minor";
    if has_raw("name") && raw.iter().all(ours) {
        return Layout::Hearback;
    }
    Layout::Generic
}

/// Which column feeds which field, and the columns that feed nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    chosen: Vec<(Field, usize, Specificity)>,
    /// Headers not used: unknown, or beaten by a more specific column for the same field.
    pub ignored: Vec<String>,
}

impl Columns {
    /// Every field that is fed, with the index of its column.
    pub fn fields(&self) -> impl Iterator<Item = (Field, usize)> + '_ {
        self.chosen.iter().map(|&(field, index, _)| (field, index))
    }

    /// The index of the column that feeds `field`.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.chosen
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|&(_, i, _)| i)
    }
}

/// Assigns columns to fields.
///
/// The rule when several columns map to one field: the highest [`Specificity`] wins (so
/// `Owner.Name` beats `OwnerId`, `contact_email` beats `email`, `ACV` beats `Annual Revenue`);
/// between equals the leftmost column wins. Losers are listed in `ignored`.
pub fn assign_columns(headers: &[String]) -> Columns {
    let mut columns = Columns::default();
    let mut losers: Vec<usize> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let Some((field, spec)) = match_header(header) else {
            losers.push(index);
            continue;
        };
        match columns.chosen.iter_mut().find(|(f, _, _)| *f == field) {
            Some(slot) if spec > slot.2 => {
                losers.push(slot.1);
                *slot = (field, index, spec);
            }
            Some(_) => losers.push(index),
            None => columns.chosen.push((field, index, spec)),
        }
    }
    losers.sort_unstable();
    columns.ignored = losers
        .into_iter()
        .filter_map(|i| headers.get(i))
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    columns
}

#[cfg(test)]
mod tests;

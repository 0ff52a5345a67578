//! The map file of `hearback import monitors`: which columns of an ERP or quality export hold
//! the customer, the kind of event, its dates, the document number, an amount and a note, and
//! how to read their cells.
//!
//! ```toml
//! crm_id = "Sold-To Party"          # and/or customer = "Name", email = "Contact email"
//! kind = "delivery"                 # every row one kind, or:
//! # kind_column = "Doc. type"
//! # [kinds]
//! # "RE" = "return"
//! # "ZI" = "ignore"
//! promised = "Requested delivery date"
//! delivered = "Actual goods issue date"
//! date_format = "%d.%m.%Y"
//! reference = "Delivery"
//! ```

use super::survey_map::ColumnRef;
use crate::core::excerpt::excerpt;
use crate::core::money::is_currency_code;
use crate::core::sanitize;
use crate::io::headers::normalise;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a value of the kind column stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindName {
    /// A delivery.
    Delivery,
    /// A warranty claim.
    Claim,
    /// A return.
    Return,
    /// A credit note.
    CreditNote,
    /// A row of another kind of document: skipped, not an error.
    Ignore,
}

impl KindName {
    /// Reads a kind as a map or a cell writes it: `delivery`, `claim`, `return`,
    /// `credit_note` (spaces, case and punctuation ignored; `warranty claim`, `credit memo`
    /// too), or `ignore`.
    pub fn parse(text: &str) -> Option<KindName> {
        Some(match normalise(text).as_str() {
            "delivery" | "deliveries" => KindName::Delivery,
            "claim" | "warrantyclaim" => KindName::Claim,
            "return" | "returns" => KindName::Return,
            "creditnote" | "creditmemo" | "credit" => KindName::CreditNote,
            "ignore" | "skip" => KindName::Ignore,
            _ => return None,
        })
    }
}

/// How the kind of each row is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindSource {
    /// Every row is this kind.
    Fixed(KindName),
    /// A column says, through the `[kinds]` table (normalised cell -> kind) or the names
    /// themselves.
    Column(ColumnRef, Vec<(String, KindName)>),
}

/// A checked map file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonitorMap {
    /// The customer's CRM record id.
    pub crm_id: Option<ColumnRef>,
    /// The customer's name.
    pub customer: Option<ColumnRef>,
    /// An email at the customer (or a bare domain).
    pub email: Option<ColumnRef>,
    /// How each row's kind is known.
    pub kind: KindSource,
    /// The event's date.
    pub date: Option<ColumnRef>,
    /// A delivery's promised date.
    pub promised: Option<ColumnRef>,
    /// A delivery's actual date (blank: not delivered yet).
    pub delivered: Option<ColumnRef>,
    /// A chrono `strftime` format of the date cells, instead of the formats we know.
    pub date_format: Option<String>,
    /// The document number.
    pub reference: ColumnRef,
    /// A credit note's amount.
    pub amount: Option<ColumnRef>,
    /// The currency of amounts whose cell and currency column name none.
    pub currency: Option<String>,
    /// The column holding each amount's currency.
    pub currency_column: Option<ColumnRef>,
    /// A short note.
    pub note: Option<ColumnRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    crm_id: Option<ColumnRef>,
    customer: Option<ColumnRef>,
    email: Option<ColumnRef>,
    kind: Option<String>,
    kind_column: Option<ColumnRef>,
    #[serde(default)]
    kinds: BTreeMap<String, String>,
    date: Option<ColumnRef>,
    promised: Option<ColumnRef>,
    delivered: Option<ColumnRef>,
    date_format: Option<String>,
    reference: Option<ColumnRef>,
    amount: Option<ColumnRef>,
    currency: Option<String>,
    currency_column: Option<ColumnRef>,
    note: Option<ColumnRef>,
}

/// Why a map file was refused: the message names the key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct MonitorMapError(pub String);

fn refuse<T>(text: impl Into<String>) -> Result<T, MonitorMapError> {
    Err(MonitorMapError(text.into()))
}

const KINDS: &str = "delivery, claim, return, credit_note or ignore";

impl MonitorMap {
    /// Parses and checks a map file.
    pub fn from_toml(text: &str) -> Result<MonitorMap, MonitorMapError> {
        let raw: RawMap =
            toml::from_str(text).map_err(|e| MonitorMapError(sanitize::text(&e.to_string())))?;
        if raw.crm_id.is_none() && raw.customer.is_none() && raw.email.is_none() {
            return refuse(
                "the map names no column to find the customer by; add crm_id, customer or \
                 email, e.g. customer = \"Customer name\"",
            );
        }
        let kind = match (raw.kind, raw.kind_column) {
            (Some(_), Some(_)) => {
                return refuse("kind and kind_column are both given; use one of them");
            }
            (None, None) => {
                return refuse(
                    "the map says no kind; add kind = \"delivery\" (every row one kind) or \
                     kind_column = \"...\" with a [kinds] table",
                );
            }
            (Some(name), None) => match KindName::parse(&name) {
                Some(KindName::Ignore) | None => {
                    return refuse(format!(
                        "kind = '{}' is not a kind; use delivery, claim, return or credit_note",
                        excerpt(&name)
                    ));
                }
                Some(k) => {
                    if !raw.kinds.is_empty() {
                        return refuse(
                            "[kinds] needs kind_column, the column whose values it maps",
                        );
                    }
                    KindSource::Fixed(k)
                }
            },
            (None, Some(column)) => {
                let mut kinds = Vec::new();
                for (value, name) in &raw.kinds {
                    let Some(k) = KindName::parse(name) else {
                        return refuse(format!(
                            "kinds.'{}' = '{}' is not a kind; use {KINDS}",
                            excerpt(value),
                            excerpt(name)
                        ));
                    };
                    kinds.push((normalise(value), k));
                }
                KindSource::Column(column, kinds)
            }
        };
        let delivers = match &kind {
            KindSource::Fixed(f) => *f == KindName::Delivery,
            KindSource::Column(_, kinds) => kinds.iter().any(|(_, k)| *k == KindName::Delivery),
        };
        if delivers && raw.promised.is_none() {
            return refuse(
                "deliveries need promised = \"...\", the column of the promised date (and \
                 delivered = \"...\" for the actual date)",
            );
        }
        let only_deliveries = matches!(kind, KindSource::Fixed(KindName::Delivery));
        if !only_deliveries && raw.date.is_none() {
            return refuse("the map names no date column; add date = \"...\"");
        }
        let Some(reference) = raw.reference else {
            return refuse(
                "the map names no reference column; add reference = \"...\", the document \
                 number that tells one delivery, claim, return or credit note from another",
            );
        };
        if let Some(format) = &raw.date_format {
            let broken = chrono::format::StrftimeItems::new(format)
                .any(|item| matches!(item, chrono::format::Item::Error));
            if broken || format.trim().is_empty() {
                return refuse(format!(
                    "date_format = '{}' is not a valid chrono format (e.g. \"%d.%m.%Y\")",
                    excerpt(format)
                ));
            }
        }
        let currency = match raw.currency {
            Some(c) if !is_currency_code(c.trim()) => {
                return refuse(format!(
                    "currency = '{}' is not a three-letter ISO code such as EUR or USD",
                    excerpt(&c)
                ));
            }
            other => other.map(|c| c.trim().to_string()),
        };
        if raw.amount.is_some() && currency.is_none() && raw.currency_column.is_none() {
            return refuse(
                "amount needs a currency: add currency = \"EUR\" or currency_column = \"...\"",
            );
        }
        Ok(MonitorMap {
            crm_id: raw.crm_id,
            customer: raw.customer,
            email: raw.email,
            kind,
            date: raw.date,
            promised: raw.promised,
            delivered: raw.delivered,
            date_format: raw.date_format,
            reference,
            amount: raw.amount,
            currency,
            currency_column: raw.currency_column,
            note: raw.note,
        })
    }

    /// The kind a cell of the kind column stands for.
    pub fn kind_of(&self, cell: &str) -> Result<KindName, String> {
        match &self.kind {
            KindSource::Fixed(k) => Ok(*k),
            KindSource::Column(_, kinds) => {
                let key = normalise(cell);
                kinds
                    .iter()
                    .find(|(value, _)| *value == key)
                    .map(|(_, k)| *k)
                    .or_else(|| KindName::parse(cell))
                    .ok_or_else(|| {
                        format!(
                            "'{}' is not a kind we know; map it under [kinds] to {KINDS}",
                            excerpt(cell.trim())
                        )
                    })
            }
        }
    }

    /// A date cell: `date_format` if the map gives one, else `2026-03-31` (a time after it is
    /// ignored), `31.03.2026` or `20260331`. Slashed dates are ambiguous (day or month
    /// first?): they need `date_format`.
    pub fn date(&self, cell: &str) -> Result<NaiveDate, String> {
        let text = cell.trim();
        let parsed = match &self.date_format {
            Some(f) => NaiveDate::parse_from_str(text, f)
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, f).map(|t| t.date()))
                .ok(),
            None => {
                let head = text
                    .get(..10)
                    .filter(|_| text.len() == 10 || text[10..].starts_with([' ', 'T']));
                head.and_then(|h| NaiveDate::parse_from_str(h, "%Y-%m-%d").ok())
                    .or_else(|| NaiveDate::parse_from_str(text, "%d.%m.%Y").ok())
                    .or_else(|| {
                        (text.len() == 8)
                            .then(|| NaiveDate::parse_from_str(text, "%Y%m%d").ok())
                            .flatten()
                    })
            }
        };
        let Some(date) = parsed else {
            return Err(match &self.date_format {
                Some(f) => format!(
                    "'{}' does not match date_format '{}'",
                    excerpt(text),
                    excerpt(f)
                ),
                None => format!(
                    "'{}' is not a date we read (e.g. 2026-03-31 or 31.03.2026); set \
                     date_format in the map",
                    excerpt(text)
                ),
            });
        };
        let years = crate::core::when::YEARS;
        use chrono::Datelike;
        if !years.contains(&date.year()) {
            return Err(format!(
                "'{}' is in the year {}; dates must be between {} and {}",
                excerpt(text),
                date.year(),
                years.start(),
                years.end()
            ));
        }
        Ok(date)
    }
}

#[cfg(test)]
mod tests;

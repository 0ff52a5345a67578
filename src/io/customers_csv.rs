//! Reading customer lists exported by CRMs (HubSpot, Salesforce, Zoho) or written by hand.

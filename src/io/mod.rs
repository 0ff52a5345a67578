//! Formats at the edge: CRM and survey CSV readers, CSV/JSON export, backups.

pub mod customers_csv;
pub mod headers;

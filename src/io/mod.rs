//! Formats at the edge: CRM and survey CSV readers, CSV/JSON export, backups.

pub mod backup;
pub mod customers_csv;
pub mod export;
pub mod headers;
pub mod invitation;
pub mod survey_csv;
pub mod survey_map;

//! Formats at the edge: CRM and survey CSV readers, CSV/JSON export, backups, reports and the
//! iCalendar feed.

pub mod backup;
pub mod crm_write_back;
pub mod csv_checks;
mod csv_file;
pub mod customers_csv;
pub mod export;
pub mod headers;
pub mod history;
pub mod ics;
pub mod inbox;
pub mod invitation;
pub mod letters;
pub mod monitor_csv;
pub mod monitor_map;
pub mod out_file;
pub mod people_csv;
pub mod report;
pub mod request_csv;
pub mod request_map;
pub mod safe_json;
pub mod survey_csv;
pub mod survey_map;

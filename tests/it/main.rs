//! Every integration test in one binary: one link instead of fifty after a change to the
//! library. Each file is a module; `cargo test --test it NAME::` runs one file's tests.
//!
//! Three tests stay binaries of their own in `tests/` because they time or kill real processes
//! and need the machine to themselves: `crash_store` (SIGKILLs a writer and reopens the store at
//! once), `crash_draft` (the 100 ms promise for typed text) and `tui_disk_failed` (a dashboard
//! under strace's injected disk errors). The tests here share one process: a test that reads
//! or changes process-wide state runs in a child process (`common::run_alone`).

#[path = "../common/mod.rs"]
mod common;

mod alerts;
mod app_history;
mod app_incremental;
mod app_keys;
mod app_prompt;
mod app_props;
mod app_store;
mod calendar_ics;
mod cli;
mod cli_help;
mod cli_loop;
mod cli_repeats;
mod cli_times;
mod command_line;
mod console_only;
mod crm_export;
mod crm_triggers;
mod damage;
mod data_dir_trust;
mod demo;
mod discharge;
mod docs_reference;
mod export;
mod flows;
mod form;
mod forms_request;
mod forms_tasks;
mod forms_tasks_bookings;
mod forms_tasks_customer;
mod full_disk;
mod fuzz;
mod fuzz_bounds;
mod golden;
mod hostile_backup;
mod hostile_config;
mod hostile_dates;
mod hub;
mod hub_safety;
mod import_customers;
mod import_hostile;
mod import_monitors;
mod import_progress;
mod import_requests;
mod import_responses;
mod inbox;
mod keys;
mod lateness;
mod layering;
mod letters;
mod monitor_dashboard;
mod one_writer;
mod open_work;
mod open_work_store;
mod out_file;
mod queue;
mod queue_props;
mod quiet_reads;
mod readonly_media;
mod report_customer;
mod reports;
mod request_cli;
mod requests_figures;
mod review;
mod soak;
mod staff;
mod stats;
mod store;
mod store_contract;
mod store_durability;
mod strace_commit;
mod tui_report_customer;
mod tui_tasks;
mod tui_tmux;
mod ui_calendar;
mod ui_disk_failed;
mod ui_document;
mod ui_insight;
mod ui_narrow;
mod ui_requests;
mod ui_review;
mod ui_snapshots;
mod ui_staff;
mod undo;
mod wording;

//! Merging imported customer rows into the data: creates, updates by CRM id or name, never duplicates.

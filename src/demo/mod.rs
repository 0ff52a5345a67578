//! Deterministic, realistic sample data for `hearback demo`.

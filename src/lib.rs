//! hearback: a keyboard-first console for a closed-loop customer feedback programme.
//!
//! Layers point one way: `core` <- `store` / `io` <- `app` <- `ui` <- `runtime` / `cli`.
//! The binary is a thin shell over this library so tests build everything without a terminal.

pub mod app;
pub mod cli;
pub mod core;
pub mod demo;
pub mod io;
pub mod keymap;
pub mod runtime;
pub mod store;
pub mod ui;

//! hearback: a keyboard-first console for a closed-loop customer feedback programme.
//!
//! Layers point one way: `core` <- `store` / `io` <- `cli` (and later `app` <- `ui` <- `runtime`).
//! The binary is a thin shell over this library so tests build everything without a terminal.

pub mod cli;
pub mod core;
pub mod demo;
pub mod io;
pub mod store;

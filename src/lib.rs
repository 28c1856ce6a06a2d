//! cogovern: a browser workbench for modelling synergetic cyberspace governance.
//!
//! `core` is the pure domain; `ui` renders it with Leptos and dispatches its commands.
#![warn(missing_docs)]

pub mod core;
pub mod i18n;
pub mod ui;

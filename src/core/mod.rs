//! The pure domain: data, commands, history, validation, analytics and the file format.
//!
//! Nothing here touches the browser, a clock or a random source: time and ids are arguments,
//! so everything is tested with plain `cargo test`.

pub mod agree;
pub mod analytics;
pub mod chart;
pub mod commands;
pub mod csv;
pub mod diagram;
pub mod diff;
pub mod format;
pub mod grid;
pub mod history;
pub mod link;
pub mod merge;
pub mod model;
pub mod network;
pub mod order;
pub mod plan;
pub mod presets;
pub mod qr;
pub mod snapshot;
pub mod strict;
pub mod timer;

pub mod validate;
pub mod versions;
pub mod viewbox;
pub mod window;
pub mod workshop;

//! One room per tab. A tab may use the ground floor (`crate::ui::*`) but never another tab.

pub mod analysis;
pub mod compare;
pub mod data;
pub mod diagram;
pub mod matrix;
pub mod plan;
pub mod timeline;
pub mod workshop;

//! The views of the shell. Each is a thin component over derived data and core commands.

pub mod bin;
pub mod company;
pub mod company_list;
pub mod controls;
pub mod csv_import;
pub mod dashboard;
pub mod deliverables;
pub mod dialog;
pub mod exports;
pub mod filters;
pub mod flows_import;
pub mod header;
pub mod home;
pub mod import;
pub mod leave;
pub mod legend;
pub mod pipeline;
pub mod projection;
pub mod proposals;
pub mod questionnaire;
pub mod repair;
pub mod roadmap;
pub mod settings;
pub mod shortcuts;
pub mod territory;
pub mod toolbar;

//! The provider catalogue: provider templates (`providers.yaml`), and the Connect UI form each
//! provider and auth mode yields.

mod provider;

pub use provider::{AuthMode, FieldFormat, FieldSpec, Provider};

//! The provider catalogue: provider templates (`providers.yaml`), and the Connect UI form each
//! provider and auth mode yields.

mod defaults;
mod form;
mod loader;
mod pattern;
mod provider;
mod validate;

pub use defaults::{BUILTIN_FIELDS, BuiltinField, builtin_field};
pub use form::{
    Control, DocsUrl, FieldGroup, FieldId, FormField, FormModel, FormValues, IntegrationContext,
};
pub use loader::{Catalogue, CatalogueError};
pub use pattern::{
    BACKTRACK_LIMIT, JsPattern, MAX_BROWSER_INPUT, PatternError, translate as translate_js_pattern,
};
pub use provider::{AuthMode, FieldFormat, FieldSpec, Provider};
pub use validate::{
    FieldError, ValidationReport, is_email, is_hostname, is_url, is_uuid, validate_field,
};

#[cfg(test)]
mod form_tests;

//! Per-field validation of the Connect UI form (connect-ui §2.5.4): hidden, enum, format,
//! required, JavaScript pattern, optional. Errors are typed; English messages are provided.

use std::collections::BTreeMap;

use super::form::{FieldId, FormField, FormModel, FormValues};
use super::pattern::PatternError;
use super::provider::FieldFormat;

/// Why a field's value is rejected. The UI translates by variant; [`FieldError::message`] is the
/// English text of the original UI.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// Empty, and neither optional nor defaulted.
    #[error("This field is required")]
    Required,
    /// `format: hostname` and not letters, digits, dots and hyphens.
    #[error("Invalid hostname")]
    InvalidHostname,
    /// `format: uuid` and not a UUID.
    #[error("Invalid uuid")]
    InvalidUuid,
    /// `format: uri` and not an absolute URL.
    #[error("Invalid url")]
    InvalidUrl,
    /// `format: email` and not an e-mail address.
    #[error("Invalid email")]
    InvalidEmail,
    /// The `pattern` does not match.
    #[error("Incorrect {title}")]
    PatternMismatch {
        /// The field title shown in the message.
        title: String,
    },
    /// Not one of the `enum` values.
    #[error("Invalid option: expected one of {}", allowed.join(", "))]
    NotInEnum {
        /// The allowed values.
        allowed: Vec<String>,
    },
}

impl FieldError {
    /// The English message.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// The outcome of validating a whole form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationReport {
    /// Rejected fields.
    pub errors: BTreeMap<FieldId, FieldError>,
    /// Fields whose pattern could not be used (not blocked, only reported).
    pub pattern_errors: BTreeMap<FieldId, PatternError>,
}

impl ValidationReport {
    /// True when no field is rejected.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

impl FormModel {
    /// Validates every field (a missing value counts as `''`); returns the rejected fields.
    pub fn validate(&self, values: &FormValues) -> BTreeMap<FieldId, FieldError> {
        self.validate_report(values).errors
    }

    /// Like [`FormModel::validate`], also reporting patterns that could not be evaluated.
    pub fn validate_report(&self, values: &FormValues) -> ValidationReport {
        let mut report = ValidationReport::default();
        for field in &self.fields {
            let id = field.id();
            let value = values.get(&id).unwrap_or("");
            match validate_field(field, value) {
                Ok(None) => {}
                Ok(Some(pattern_error)) => {
                    report.pattern_errors.insert(id, pattern_error);
                }
                Err(error) => {
                    report.errors.insert(id, error);
                }
            }
        }
        report
    }
}

/// Validates one value; `Ok(Some(_))` means accepted because the pattern could not be evaluated.
pub fn validate_field(field: &FormField, value: &str) -> Result<Option<PatternError>, FieldError> {
    if field.accepts_any_value {
        return Ok(None);
    }
    if let super::form::Control::Select { options, .. } = &field.control {
        return if options.iter().any(|o| o == value) || (field.optional && value.is_empty()) {
            Ok(None)
        } else {
            Err(FieldError::NotInEnum {
                allowed: options.clone(),
            })
        };
    }
    if field.optional && value.is_empty() {
        return Ok(None);
    }
    match &field.format {
        Some(FieldFormat::Hostname) if !is_hostname(value) => {
            return Err(FieldError::InvalidHostname);
        }
        Some(FieldFormat::Uuid) if !is_uuid(value) => return Err(FieldError::InvalidUuid),
        Some(FieldFormat::Uri) if !is_url(value) => return Err(FieldError::InvalidUrl),
        Some(FieldFormat::Email) if !is_email(value) => return Err(FieldError::InvalidEmail),
        Some(FieldFormat::Hostname | FieldFormat::Uuid | FieldFormat::Uri | FieldFormat::Email) => {
        }
        Some(FieldFormat::Other(_)) | None => {
            if value.is_empty() && !field.has_default_value {
                return Err(FieldError::Required);
            }
        }
    }
    match &field.compiled_pattern {
        None => Ok(None),
        Some(Err(error)) => Ok(Some(error.clone())),
        Some(Ok(pattern)) => match pattern.is_match(value) {
            Ok(true) => Ok(None),
            Ok(false) => Err(FieldError::PatternMismatch {
                title: field.title().to_owned(),
            }),
            Err(error) => Ok(Some(error)),
        },
    }
}

/// Letters, digits, dots and hyphens (at least one).
pub fn is_hostname(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// `8-4-4-4-12` hexadecimal digits.
pub fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// An absolute URL as the WHATWG URL parser accepts it.
pub fn is_url(value: &str) -> bool {
    url::Url::parse(value).is_ok()
}

/// `local@domain.tld`: a dot-separated local part of common characters (no leading, trailing or
/// double dot) and a domain of letters, digits and hyphens with an alphabetic TLD of 2+ letters.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._'+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_checks() {
        assert!(is_hostname("api.eu-1.example.com"));
        assert!(!is_hostname("https://x.com"));
        assert!(!is_hostname(""));
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
        assert!(is_url("https://example.com/x"));
        assert!(!is_url("example.com"));
        assert!(is_email("jane.doe+x@example.co"));
        assert!(!is_email("jane@example"));
        assert!(!is_email("jane..doe@example.com"));
        assert!(!is_email("@example.com"));
    }

    #[test]
    fn messages_are_english() {
        assert_eq!(FieldError::Required.message(), "This field is required");
        assert_eq!(FieldError::InvalidHostname.message(), "Invalid hostname");
        assert_eq!(
            FieldError::PatternMismatch {
                title: "API Key".into()
            }
            .message(),
            "Incorrect API Key"
        );
    }
}

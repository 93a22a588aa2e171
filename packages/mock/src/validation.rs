//! Small zod-like validation of JSON bodies and queries, producing [`Issue`]s with zod v4's
//! codes and messages so the envelopes match Nango's.

use serde_json::{Map, Value};

use crate::envelope::Issue;

/// The zod name of a JSON value's type (`undefined` for a missing one).
pub fn type_name(value: Option<&Value>) -> &'static str {
    match value {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
        Some(Value::Object(_)) => "object",
    }
}

/// Collects issues while walking a value.
#[derive(Debug, Default)]
pub struct Checker {
    /// Issues found so far.
    pub issues: Vec<Issue>,
}

impl Checker {
    /// A fresh checker.
    pub fn new() -> Self {
        Checker::default()
    }

    /// True when no issue was found.
    pub fn ok(&self) -> bool {
        self.issues.is_empty()
    }

    /// Records an `invalid_type` issue.
    pub fn invalid_type(&mut self, expected: &str, got: Option<&Value>, path: &[&str]) {
        self.issues.push(Issue::new(
            "invalid_type",
            format!(
                "Invalid input: expected {expected}, received {}",
                type_name(got)
            ),
            path,
        ));
    }

    /// Records a `custom` issue.
    pub fn custom(&mut self, message: &str, path: &[&str]) {
        self.issues.push(Issue::new("custom", message, path));
    }

    /// Expects an object at `path`.
    pub fn object<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Some(Value::Object(map)) => Some(map),
            other => {
                self.invalid_type("object", other, path);
                None
            }
        }
    }

    /// Rejects keys outside `allowed` (strict objects).
    pub fn strict(&mut self, map: &Map<String, Value>, allowed: &[&str], path: &[&str]) {
        let unknown: Vec<&String> = map
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .collect();
        if unknown.is_empty() {
            return;
        }
        let list = unknown
            .iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if unknown.len() == 1 {
            format!("Unrecognized key: {list}")
        } else {
            format!("Unrecognized keys: {list}")
        };
        self.issues
            .push(Issue::new("unrecognized_keys", message, path));
    }

    /// A string field with length bounds; `required` decides whether absence is an issue.
    pub fn string<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        min: usize,
        max: usize,
        required: bool,
        parent: &[&str],
    ) -> Option<&'v str> {
        let mut path = parent.to_vec();
        path.push(key);
        match map.get(key) {
            None if !required => None,
            Some(Value::String(s)) => {
                let len = s.chars().count();
                if len < min {
                    self.issues.push(Issue::new(
                        "too_small",
                        format!("Too small: expected string to have >={min} characters"),
                        &path,
                    ));
                    None
                } else if len > max {
                    self.issues.push(Issue::new(
                        "too_big",
                        format!("Too big: expected string to have <={max} characters"),
                        &path,
                    ));
                    None
                } else {
                    Some(s)
                }
            }
            other => {
                self.invalid_type("string", other, &path);
                None
            }
        }
    }

    /// An optional record of strings.
    pub fn string_record(&mut self, map: &Map<String, Value>, key: &str, parent: &[&str]) {
        let mut path = parent.to_vec();
        path.push(key);
        match map.get(key) {
            None => {}
            Some(Value::Object(record)) => {
                for (k, v) in record {
                    if !v.is_string() {
                        let mut inner = path.clone();
                        inner.push(k);
                        self.invalid_type("string", Some(v), &inner);
                    }
                }
            }
            other => self.invalid_type("record", other, &path),
        }
    }
}

/// True for a string shaped like an e-mail address (zod's pragmatic check).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.starts_with('.')
        && domain.contains('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// True for a UUID v4 in canonical lowercase or uppercase form.
pub fn is_uuid_v4(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.get_version_num() == 4) && s.len() == 36
}

/// True for a valid connection id (`[\w\-.:@+|=]`-ish, 1..255 chars), as Nango's schema.
pub fn is_connection_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 255
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '_' | '-' | '.' | ':' | '@' | '+' | '|' | '=' | ' ')
        })
}

/// True for a valid integration key in a path (`[a-zA-Z0-9~:.@ _-]`, ≤255).
pub fn is_provider_config_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 255
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '~' | ':' | '.' | '@' | ' ' | '_' | '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strict_objects_report_unknown_keys() {
        let mut c = Checker::new();
        let v = json!({"a": 1, "b": 2});
        let map = c.object(Some(&v), &[]).unwrap();
        c.strict(map, &["a"], &[]);
        assert_eq!(c.issues[0].code, "unrecognized_keys");
        assert_eq!(c.issues[0].message, "Unrecognized key: \"b\"");
    }

    #[test]
    fn formats() {
        assert!(is_email("a@b.com"));
        assert!(!is_email("a@b"));
        assert!(is_uuid_v4("6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"));
        assert!(!is_uuid_v4("6f1c1d8e-3a4b-1c5d-8e9f-0a1b2c3d4e5f"));
        assert!(is_provider_config_key("my key~:.@_-"));
        assert!(!is_provider_config_key("a/b"));
    }
}

//! The Connect UI auth form as data (connect-ui §2.5.2–2.5.3): which fields a provider asks for,
//! in which order, with which label, placeholder, control and initial value. Renderers draw a
//! [`FormModel`] as is; they never re-derive it from the provider.

use std::fmt;

use indexmap::IndexMap;
use serde_json::Value;

use super::defaults::{BuiltinField, builtin_field};
use super::pattern::{JsPattern, PatternError};
use super::provider::{AuthMode, FieldFormat, FieldSpec, Provider};

/// The integration the form is for (from `GET /integrations` and the connect session).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntegrationContext {
    /// The integration's unique key (provider config key).
    pub unique_key: String,
    /// The admin-chosen display name, if any.
    pub display_name: Option<String>,
    /// Credential label overrides set by the server (e.g. `{apiKey: "Workspace key"}`).
    pub credentials_label: IndexMap<String, String>,
    /// Credential names the admin already set at integration level (never asked).
    pub preconfigured_credentials: Vec<String>,
}

/// Which value group a field belongs to (and which object it is submitted in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldGroup {
    /// `credentials`.
    Credentials,
    /// `params` (connection_config).
    Params,
    /// `assertionOption` (TWO_STEP assertion options).
    AssertionOption,
}

impl FieldGroup {
    /// The form path prefix: `credentials`, `params` or `assertion_option`.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldGroup::Credentials => "credentials",
            FieldGroup::Params => "params",
            FieldGroup::AssertionOption => "assertion_option",
        }
    }
}

/// Identifies one field: its group and its name (names may contain dots; never split them).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldId {
    /// The value group.
    pub group: FieldGroup,
    /// The field name as in the provider template.
    pub name: String,
}

impl FieldId {
    /// A field id from its parts.
    pub fn new(group: FieldGroup, name: impl Into<String>) -> Self {
        FieldId {
            group,
            name: name.into(),
        }
    }
}

impl fmt::Display for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.group.as_str(), self.name)
    }
}

/// The input control a field renders as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Control {
    /// A single-line text input (password input when [`FormField::secret`]).
    Text,
    /// A select over fixed values.
    Select {
        /// The allowed values, in yaml order.
        options: Vec<String>,
        /// An extra first entry meaning "no value" (submits `''`), shown with the field title.
        none_option: bool,
    },
}

/// One field of the form, with everything a renderer and the validator need.
#[derive(Clone, Debug, PartialEq)]
pub struct FormField {
    /// The value group.
    pub group: FieldGroup,
    /// The field name.
    pub name: String,
    /// Render order key (ascending; ties keep generation order).
    pub sort_key: u32,
    /// English label (integration override → yaml title → built-in default → name).
    pub label: String,
    /// Translation key of the label when it is a built-in default (e.g. `field.apiKey`).
    pub default_label_key: Option<&'static str>,
    /// The label came from `integration.credentials_label` (description and placeholder dropped).
    pub label_overridden: bool,
    /// Help text under the label.
    pub description: Option<String>,
    /// Input placeholder (for a select: the text of the "no value" entry).
    pub placeholder: String,
    /// Translation key of the placeholder when it is a built-in default (e.g. `placeholder.apiKey`).
    pub default_placeholder_key: Option<&'static str>,
    /// Grey adornment before the input (not part of the value).
    pub prefix: Option<String>,
    /// Grey adornment after the input (not part of the value).
    pub suffix: Option<String>,
    /// Rendered as a password input.
    pub secret: bool,
    /// Shows the red required star.
    pub required: bool,
    /// Shows the "optional" pill.
    pub optional_pill: bool,
    /// Visually hidden, but still part of the form and submitted.
    pub hidden: bool,
    /// Text input or select.
    pub control: Control,
    /// The value the form starts with.
    pub initial_value: String,
    /// Anchor appended to the docs URL for this field's info link.
    pub doc_section: Option<String>,
    /// Value format checked by validation.
    pub format: Option<FieldFormat>,
    /// The JavaScript pattern source, if any.
    pub pattern: Option<String>,
    /// The compiled pattern, or why it cannot be used (then the field is not blocked by it).
    pub compiled_pattern: Option<Result<JsPattern, PatternError>>,
    /// The empty value is accepted (`optional: true`).
    pub optional: bool,
    /// yaml `default_value` is defined (even `''`): an empty value passes the required check.
    pub has_default_value: bool,
    /// yaml `hidden`: any value is accepted.
    pub accepts_any_value: bool,
}

impl FormField {
    /// The field's id.
    pub fn id(&self) -> FieldId {
        FieldId::new(self.group, self.name.clone())
    }

    /// The title used in the "Incorrect <title>" pattern message.
    pub fn title(&self) -> &str {
        &self.label
    }
}

/// The docs link of the form footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsUrl {
    /// The URL.
    pub url: String,
    /// True when it came from the session override (field anchors are then omitted).
    pub overridden: bool,
}

/// Form values grouped as they are submitted. `Debug` shows field names only: values may be
/// passwords or API keys.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FormValues {
    /// `credentials` values.
    pub credentials: IndexMap<String, String>,
    /// `params` (connection_config) values.
    pub params: IndexMap<String, String>,
    /// `assertionOption` values.
    pub assertion_option: IndexMap<String, String>,
}

impl fmt::Debug for FormValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = |m: &IndexMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
        f.debug_struct("FormValues")
            .field("credentials", &names(&self.credentials))
            .field("params", &names(&self.params))
            .field("assertion_option", &names(&self.assertion_option))
            .finish_non_exhaustive()
    }
}

impl FormValues {
    /// The map of one group.
    pub fn group(&self, group: FieldGroup) -> &IndexMap<String, String> {
        match group {
            FieldGroup::Credentials => &self.credentials,
            FieldGroup::Params => &self.params,
            FieldGroup::AssertionOption => &self.assertion_option,
        }
    }

    /// The mutable map of one group.
    pub fn group_mut(&mut self, group: FieldGroup) -> &mut IndexMap<String, String> {
        match group {
            FieldGroup::Credentials => &mut self.credentials,
            FieldGroup::Params => &mut self.params,
            FieldGroup::AssertionOption => &mut self.assertion_option,
        }
    }

    /// The value of one field, if set.
    pub fn get(&self, id: &FieldId) -> Option<&str> {
        self.group(id.group).get(&id.name).map(String::as_str)
    }

    /// Sets the value of one field.
    pub fn set(&mut self, id: &FieldId, value: impl Into<String>) {
        self.group_mut(id.group)
            .insert(id.name.clone(), value.into());
    }
}

/// The generated auth form for one provider and integration.
#[derive(Clone, Debug, PartialEq)]
pub struct FormModel {
    /// The integration's unique key.
    pub integration_key: String,
    /// The provider template name, if known.
    pub provider_name: Option<String>,
    /// Heading name: the integration's display name, else the provider's.
    pub display_name: String,
    /// The provider's auth mode.
    pub auth_mode: AuthMode,
    /// Submitting opens the OAuth popup (otherwise credentials are POSTed or `create` is called).
    pub uses_popup: bool,
    /// `installation: outbound`.
    pub is_outbound: bool,
    /// The provider's connection guide.
    pub docs_connect: Option<String>,
    /// AWS_SIGV4: the admin-preconfigured `external_id`, when non-empty (else the UI makes one).
    pub preconfigured_external_id: Option<String>,
    /// The fields in render order.
    pub fields: Vec<FormField>,
    /// Schema fields that are never rendered (OAUTH2_CC cert/key without
    /// `require_client_certificate`, `client_secret` under `private_key_jwt`).
    pub unrendered_schema_fields: usize,
}

/// A field while the form is being generated.
struct Draft {
    group: FieldGroup,
    name: String,
    sort_key: u32,
    spec: Option<FieldSpec>,
    base_optional: bool,
    rendered: bool,
    hidden: bool,
    preconfigured: Option<String>,
}

const OAUTH_OVERRIDE_KEYS: [&str; 3] = [
    "oauth_client_id_override",
    "oauth_client_secret_override",
    "oauth_refresh_token_override",
];

/// Base credential fields of an auth mode: (name, optional, rendered).
fn base_fields(provider: &Provider) -> Vec<(&'static str, bool, bool)> {
    match provider.auth_mode {
        AuthMode::ApiKey => vec![("apiKey", false, true)],
        AuthMode::Basic | AuthMode::Signature => {
            vec![("username", false, true), ("password", false, true)]
        }
        AuthMode::OAuth2Cc => {
            let private_key_jwt =
                provider.token_request_auth_method.as_deref() == Some("private_key_jwt");
            let cert = provider.require_client_certificate;
            vec![
                ("client_id", false, true),
                ("client_secret", private_key_jwt, !private_key_jwt),
                ("client_certificate", true, cert),
                ("client_private_key", true, cert),
            ]
        }
        AuthMode::Tba => vec![
            ("oauth_client_id_override", false, true),
            ("oauth_client_secret_override", false, true),
            ("token_id", false, true),
            ("token_secret", false, true),
        ],
        AuthMode::Bill => vec![
            ("username", false, true),
            ("password", false, true),
            ("organization_id", false, true),
            ("dev_key", false, true),
        ],
        AuthMode::AwsSigv4 => vec![("role_arn", false, true)],
        _ => Vec::new(),
    }
}

/// A preconfigured JSON value as form text (`null` is empty, non-strings are compact JSON).
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

impl FormModel {
    /// Generates the form (connect-ui §2.5.2 steps A–E, rendering rules of §2.5.3).
    /// `preconfigured` is the session's `integrations_config_defaults[key].connection_config`.
    pub fn build(
        provider: &Provider,
        integration: &IntegrationContext,
        preconfigured: &serde_json::Map<String, Value>,
    ) -> FormModel {
        let mut counter: u32 = 99;
        let mut next = || {
            counter += 1;
            counter
        };
        let mut drafts: Vec<Draft> = Vec::new();

        // Step A: base fields by auth mode.
        for (name, optional, rendered) in base_fields(provider) {
            drafts.push(Draft {
                group: FieldGroup::Credentials,
                name: name.to_owned(),
                sort_key: next(),
                spec: None,
                base_optional: optional,
                rendered,
                hidden: false,
                preconfigured: None,
            });
        }

        // Step B: provider credentials, then the TWO_STEP integration_config fallback.
        let mut credential_specs: Vec<(&String, FieldSpec)> = provider
            .credentials
            .iter()
            .map(|(n, s)| (n, s.clone()))
            .collect();
        if provider.auth_mode == AuthMode::TwoStep {
            for (name, spec) in &provider.integration_config {
                if !provider.credentials.contains_key(name) {
                    let mut forced = spec.clone();
                    forced.optional = false;
                    credential_specs.push((name, forced));
                }
            }
        }
        for (name, spec) in credential_specs {
            if spec.automated || integration.preconfigured_credentials.contains(name) {
                continue;
            }
            let hidden = spec.hidden;
            match drafts
                .iter_mut()
                .find(|d| d.group == FieldGroup::Credentials && &d.name == name)
            {
                Some(existing) => {
                    existing.spec = Some(spec);
                    existing.rendered = true;
                    existing.hidden = hidden;
                }
                None => drafts.push(Draft {
                    group: FieldGroup::Credentials,
                    name: name.clone(),
                    sort_key: next(),
                    spec: Some(spec),
                    base_optional: false,
                    rendered: true,
                    hidden,
                    preconfigured: None,
                }),
            }
        }

        // Step C: connection_config.
        for (name, spec) in &provider.connection_config {
            if spec.automated {
                continue;
            }
            let sort_key = match spec.order {
                Some(order) if order > 0 => order,
                _ => next(),
            };
            let preset = preconfigured.get(name).map(value_text);
            drafts.push(Draft {
                group: FieldGroup::Params,
                name: name.clone(),
                sort_key,
                spec: Some(spec.clone()),
                base_optional: false,
                rendered: true,
                hidden: spec.hidden || preset.is_some(),
                preconfigured: preset,
            });
        }

        // Step D: assertion options (never skipped).
        for (name, spec) in &provider.assertion_option {
            drafts.push(Draft {
                group: FieldGroup::AssertionOption,
                name: name.clone(),
                sort_key: next(),
                spec: Some(spec.clone()),
                base_optional: false,
                rendered: true,
                hidden: spec.hidden || spec.automated,
                preconfigured: None,
            });
        }

        // Step E: OAUTH2 override fields announced by the session defaults.
        if provider.auth_mode == AuthMode::OAuth2 && !preconfigured.is_empty() {
            for key in OAUTH_OVERRIDE_KEYS {
                let Some(value) = preconfigured.get(key) else {
                    continue;
                };
                if drafts
                    .iter()
                    .any(|d| d.group == FieldGroup::Credentials && d.name == key)
                {
                    continue;
                }
                drafts.push(Draft {
                    group: FieldGroup::Credentials,
                    name: key.to_owned(),
                    sort_key: next(),
                    spec: None,
                    base_optional: true,
                    rendered: true,
                    hidden: !value_text(value).is_empty(),
                    preconfigured: None,
                });
            }
        }

        drafts.sort_by_key(|d| d.sort_key);
        let unrendered_schema_fields = drafts.iter().filter(|d| !d.rendered).count();
        let fields = drafts
            .into_iter()
            .filter(|d| d.rendered)
            .map(|d| render_field(d, integration))
            .collect();

        let display_name = integration
            .display_name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or(&provider.display_name)
            .to_owned();
        let preconfigured_external_id = preconfigured
            .get("external_id")
            .map(value_text)
            .filter(|v| !v.is_empty());

        FormModel {
            integration_key: integration.unique_key.clone(),
            provider_name: provider.name.clone(),
            display_name,
            auth_mode: provider.auth_mode.clone(),
            uses_popup: provider.uses_popup(),
            is_outbound: provider.is_outbound(),
            docs_connect: provider.docs_connect.clone().filter(|d| !d.is_empty()),
            preconfigured_external_id,
            fields,
            unrendered_schema_fields,
        }
    }

    /// "Nothing to ask" (`shouldAutoTrigger`): every schema field, including the non-rendered
    /// base fields, minus the hidden ones, is ≤ 0. Drives the info text, never auto-submits.
    pub fn nothing_to_ask(&self) -> bool {
        let hidden = self.fields.iter().filter(|f| f.hidden).count();
        self.fields.len() + self.unrendered_schema_fields <= hidden
    }

    /// True when the "popup will open" hint follows the "will connect" text (OAUTH2 only).
    pub fn shows_popup_warning(&self) -> bool {
        self.nothing_to_ask() && self.auth_mode == AuthMode::OAuth2
    }

    /// The footer docs link: the session's `overrides[key].docs_connect` when set, else the
    /// provider's `docs_connect`.
    pub fn docs_url(&self, docs_connect_override: Option<&str>) -> Option<DocsUrl> {
        match docs_connect_override.filter(|u| !u.is_empty()) {
            Some(url) => Some(DocsUrl {
                url: url.to_owned(),
                overridden: true,
            }),
            None => self.docs_connect.as_ref().map(|url| DocsUrl {
                url: url.clone(),
                overridden: false,
            }),
        }
    }

    /// The target of a field's info link: the docs URL plus the field's `doc_section` anchor
    /// (no anchor for an overridden URL or a field without one).
    pub fn field_doc_link(field: &FormField, docs: &DocsUrl) -> String {
        match (&field.doc_section, docs.overridden) {
            (Some(section), false) => format!("{}{}", docs.url, section),
            _ => docs.url.clone(),
        }
    }

    /// The values the form starts with (every field, hidden ones included).
    pub fn initial_values(&self) -> FormValues {
        let mut values = FormValues::default();
        for field in &self.fields {
            values
                .group_mut(field.group)
                .insert(field.name.clone(), field.initial_value.clone());
        }
        values
    }

    /// The field with this id.
    pub fn field(&self, id: &FieldId) -> Option<&FormField> {
        self.fields
            .iter()
            .find(|f| f.group == id.group && f.name == id.name)
    }
}

/// Applies the rendering rules of §2.5.3 to one generated field.
fn render_field(draft: Draft, integration: &IntegrationContext) -> FormField {
    let optional = match &draft.spec {
        Some(spec) => spec.optional,
        None => draft.base_optional,
    };
    let spec = draft.spec.unwrap_or_default();
    let builtin: Option<&BuiltinField> = match draft.group {
        FieldGroup::Credentials => builtin_field(&draft.name),
        _ => None,
    };
    let label_override = match draft.group {
        FieldGroup::Credentials => integration
            .credentials_label
            .get(&draft.name)
            .filter(|l| !l.is_empty()),
        _ => None,
    };
    let title = non_empty(&spec.title);
    let (label, default_label_key) = match (label_override, title, builtin) {
        (Some(l), _, _) => (l.clone(), None),
        (None, Some(t), _) => (t.to_owned(), None),
        (None, None, Some(b)) => (b.label.to_owned(), Some(b.label_key)),
        (None, None, None) => (draft.name.clone(), None),
    };
    let label_overridden = label_override.is_some();
    let control = if spec.enum_values.is_empty() {
        Control::Text
    } else {
        Control::Select {
            options: spec.enum_values.clone(),
            none_option: optional,
        }
    };
    let (placeholder, default_placeholder_key) = if matches!(control, Control::Select { .. }) {
        (title.unwrap_or(&label).to_owned(), None)
    } else if label_overridden {
        (String::new(), None)
    } else if let Some(example) = non_empty(&spec.example) {
        (example.to_owned(), None)
    } else if let Some(t) = title {
        (t.to_owned(), None)
    } else if let Some(b) = builtin {
        (b.placeholder.to_owned(), Some(b.placeholder_key))
    } else {
        (String::new(), None)
    };
    let initial_value = if let Some(preset) = draft.preconfigured {
        preset
    } else if let Some(default) = &spec.default_value {
        default.clone()
    } else if draft.hidden {
        String::new()
    } else if !optional {
        spec.enum_values.first().cloned().unwrap_or_default()
    } else {
        String::new()
    };
    let compiled_pattern = spec.pattern.as_deref().map(JsPattern::compile);
    FormField {
        group: draft.group,
        sort_key: draft.sort_key,
        label,
        default_label_key,
        label_overridden,
        description: if label_overridden {
            None
        } else {
            non_empty(&spec.description).map(str::to_owned)
        },
        placeholder,
        default_placeholder_key,
        prefix: non_empty(&spec.prefix).map(str::to_owned),
        suffix: non_empty(&spec.suffix).map(str::to_owned),
        secret: spec.secret || builtin.is_some_and(|b| b.secret),
        required: !optional && !spec.hidden,
        optional_pill: optional,
        hidden: draft.hidden,
        control,
        initial_value,
        doc_section: non_empty(&spec.doc_section).map(str::to_owned),
        format: spec.format.clone(),
        pattern: spec.pattern.clone(),
        compiled_pattern,
        optional,
        has_default_value: spec.default_value.is_some(),
        accepts_any_value: spec.hidden,
        name: draft.name,
    }
}

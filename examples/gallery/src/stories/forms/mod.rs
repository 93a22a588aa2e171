//! Auth forms: the generated form of every auth mode, with empty, valid, invalid (submitted)
//! and session-preconfigured values (the values control).

use nango_core::catalogue::{Control, FieldId, FormField, validate_field};
use nango_ui::connect::{FormScreen, Input};
use nango_ui::fake::{FakeDriver, Outcome, fixtures};

use crate::registry::{Step, StorySetup};
use crate::route::{Controls, FormValuesChoice};

/// The snippet of every form story (`{key}` is the integration).
pub const SNIPPET: &str = r#"// The user picked an integration: its provider's fields become the form.
let driver = FakeDriver::new()
    .with_integrations(Ok(fixtures::every_mode()))
    .with_outcome(Outcome::success("KEY", "my-connection"));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }
// then: send(Input::SelectIntegration("KEY".into()))
// Preconfigured values come from the session:
//   fixtures::preconfigured_session("KEY", &[("subdomain", "acme")])"#;

/// Connection config values a session may preconfigure, per fixture provider.
pub fn preconfigured_values(key: &str) -> &'static [(&'static str, &'static str)] {
    match key {
        "zendesk" | "jira-basic" => &[("subdomain", "acme")],
        "amplitude" => &[("hostname", "analytics.eu.amplitude.com")],
        "netsuite-tba" => &[("accountId", "tstdrv231585")],
        "aws-sigv4" => &[("region", "eu-west-1")],
        "sentry-oauth" => &[("hostname", "us.sentry.io")],
        "mcp-generic" => &[("mcp_server_url", "https://mcp.example.com/sse")],
        _ => &[],
    }
}

/// The form of integration `key` in the state the values control asks for.
pub fn form(key: &str, controls: &Controls) -> StorySetup {
    let mut driver = FakeDriver::new()
        .with_integrations(Ok(fixtures::every_mode()))
        .with_outcome(Outcome::success(key, "my-connection"));
    let mut steps = vec![Step::Input(Input::SelectIntegration(key.into()))];
    match controls.values {
        FormValuesChoice::Empty => {}
        FormValuesChoice::Valid => steps.push(Step::FillValid),
        FormValuesChoice::Invalid => {
            steps.push(Step::FillInvalid);
            steps.push(Step::SubmitInvalid);
        }
        FormValuesChoice::Preconfigured => {
            driver = driver.with_session(Ok(fixtures::preconfigured_session(
                key,
                preconfigured_values(key),
            )));
        }
    }
    StorySetup::scripted(driver, steps)
}

/// Sample values that read naturally, tried in order until one validates.
const CANDIDATES: &[&str] = &[
    "acme",
    "ada@example.com",
    "https://mcp.example.com/sse",
    "tstdrv231585",
    "123e4567-e89b-42d3-a456-426614174000",
    "example.com",
];

/// A valid value for `field`, when one of the samples fits.
pub fn valid_value(field: &FormField) -> Option<String> {
    if let Control::Select { options, .. } = &field.control {
        return options.first().cloned();
    }
    let preferred = match field.name.as_str() {
        n if n.to_ascii_lowercase().contains("region") => Some("eu-west-1"),
        n if n.to_ascii_lowercase().contains("url") => Some("https://mcp.example.com/sse"),
        _ if field.secret => Some("sk_demo_4eC39HqLyjWDarjtT1zdp7dc"),
        _ => None,
    };
    preferred
        .into_iter()
        .chain(CANDIDATES.iter().copied())
        .find(|value| validate_field(field, value).is_ok())
        .map(str::to_owned)
}

/// An invalid value for `field`: something its pattern or format rejects, else empty.
pub fn invalid_value(field: &FormField) -> String {
    let bad = "not valid!";
    if validate_field(field, bad).is_err() {
        bad.to_owned()
    } else {
        String::new()
    }
}

/// The edits a fill step makes on the current form.
pub fn fill(form: &FormScreen, valid: bool) -> Vec<Input> {
    form.model
        .fields
        .iter()
        .filter(|field| !field.hidden)
        .filter_map(|field| {
            let value = if valid {
                valid_value(field)?
            } else {
                invalid_value(field)
            };
            Some(Input::Edit {
                field: FieldId::new(field.group, field.name.clone()),
                value,
            })
        })
        .collect()
}

/// Each form story's integration key (story id, integration key).
pub const FORM_KEYS: &[(&str, &str)] = &[
    ("form-api-key", "github-api-key"),
    ("form-oauth2", "slack"),
    ("form-oauth2-subdomain", "zendesk"),
    ("form-oauth2-outbound", "sentry-oauth"),
    ("form-basic", "jira-basic"),
    ("form-basic-select", "amplitude"),
    ("form-basic-hidden", "freshdesk"),
    ("form-two-step", "tableau"),
    ("form-two-step-fallback", "sage-intacct"),
    ("form-oauth2-cc", "adp"),
    ("form-tba", "netsuite-tba"),
    ("form-jwt", "apple-app-store"),
    ("form-bill", "bill"),
    ("form-signature", "signature-provider"),
    ("form-none", "unauthenticated"),
    ("form-mcp", "mcp-generic"),
    ("aws-external-id", "aws-sigv4"),
];

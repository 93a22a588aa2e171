//! Tests of form generation and validation against the sample providers of connect-ui §8.7.

use serde_json::{Map, Value, json};

use super::*;

fn provider(v: Value) -> Provider {
    serde_json::from_value(v).unwrap()
}

fn integration() -> IntegrationContext {
    IntegrationContext {
        unique_key: "my-key".into(),
        ..Default::default()
    }
}

fn no_preset() -> Map<String, Value> {
    Map::new()
}

fn preset(v: Value) -> Map<String, Value> {
    let Value::Object(m) = v else { panic!() };
    m
}

fn ids(model: &FormModel) -> Vec<String> {
    model.fields.iter().map(|f| f.id().to_string()).collect()
}

fn cred(name: &str) -> FieldId {
    FieldId::new(FieldGroup::Credentials, name)
}

fn param(name: &str) -> FieldId {
    FieldId::new(FieldGroup::Params, name)
}

fn jira_basic() -> Provider {
    provider(json!({
        "display_name": "Jira (Basic Auth)", "auth_mode": "BASIC",
        "docs_connect": "https://docs/jira-basic/connect",
        "credentials": {
            "username": {"type": "string", "title": "Email Address", "format": "email", "doc_section": "#step-1"},
            "password": {"type": "string", "title": "API Key", "doc_section": "#step-2"}
        },
        "connection_config": {
            "subdomain": {"type": "string", "title": "Subdomain", "order": 1, "prefix": "https://",
                          "suffix": ".atlassian.net", "pattern": "^[a-z0-9_-]+$"}
        }
    }))
}

#[test]
fn jira_basic_order_sorts_connection_config_first() {
    let m = FormModel::build(&jira_basic(), &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "params.subdomain",
            "credentials.username",
            "credentials.password"
        ]
    );
    assert_eq!(m.fields[0].sort_key, 1);
    assert_eq!(m.fields[1].sort_key, 100);
    assert_eq!(m.fields[2].sort_key, 101);
    let sub = &m.fields[0];
    assert_eq!(sub.prefix.as_deref(), Some("https://"));
    assert_eq!(sub.suffix.as_deref(), Some(".atlassian.net"));
    assert!(sub.required && !sub.optional_pill);
    let pw = m.field(&cred("password")).unwrap();
    assert_eq!(pw.label, "API Key");
    assert!(pw.secret, "secret from the built-in default");
    let user = m.field(&cred("username")).unwrap();
    assert!(!user.secret);
    assert_eq!(user.placeholder, "Email Address");

    let mut values = m.initial_values();
    let errors = m.validate(&values);
    assert_eq!(errors[&param("subdomain")], FieldError::Required);
    assert_eq!(errors[&cred("username")], FieldError::InvalidEmail);
    assert_eq!(errors[&cred("password")], FieldError::Required);
    values.set(&param("subdomain"), "Acme!");
    values.set(&cred("username"), "jane@acme.com");
    values.set(&cred("password"), "k");
    let errors = m.validate(&values);
    assert_eq!(
        errors[&param("subdomain")],
        FieldError::PatternMismatch {
            title: "Subdomain".into()
        }
    );
    assert_eq!(errors.len(), 1);
    values.set(&param("subdomain"), "acme");
    assert!(m.validate(&values).is_empty());

    let docs = m.docs_url(None).unwrap();
    assert!(!docs.overridden);
    assert_eq!(
        FormModel::field_doc_link(user, &docs),
        "https://docs/jira-basic/connect#step-1"
    );
    // Quirk 1: no "undefined" suffix for a field without doc_section.
    assert_eq!(
        FormModel::field_doc_link(sub, &docs),
        "https://docs/jira-basic/connect"
    );
    let overridden = m.docs_url(Some("https://mine/guide")).unwrap();
    assert!(overridden.overridden);
    assert_eq!(
        FormModel::field_doc_link(user, &overridden),
        "https://mine/guide"
    );
    assert!(!m.nothing_to_ask());
}

#[test]
fn freshdesk_hidden_password_defaults_to_x_and_subdomain_goes_last() {
    let p = provider(json!({
        "display_name": "Freshdesk", "auth_mode": "BASIC",
        "credentials": {
            "username": {"title": "FreshDesk API Key", "secret": true},
            "password": {"title": "", "hidden": true, "default_value": "X"}
        },
        "connection_config": {"subdomain": {"title": "Subdomain", "prefix": "https://", "suffix": ".freshdesk.com", "example": "acme"}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.username",
            "credentials.password",
            "params.subdomain"
        ]
    );
    let pw = m.field(&cred("password")).unwrap();
    assert!(pw.hidden && pw.accepts_any_value);
    assert_eq!(pw.initial_value, "X");
    assert!(m.field(&cred("username")).unwrap().secret);
    assert_eq!(m.field(&param("subdomain")).unwrap().placeholder, "acme");
    let mut values = m.initial_values();
    values.set(&cred("username"), "k");
    values.set(&param("subdomain"), "acme");
    values.set(&cred("password"), "");
    assert!(
        m.validate(&values).is_empty(),
        "hidden field accepts anything"
    );
}

#[test]
fn stripe_api_key_fields() {
    let p = provider(json!({
        "display_name": "Stripe (API Key)", "auth_mode": "BASIC",
        "docs_connect": "https://docs/stripe",
        "credentials": {
            "username": {"title": "Restricted API Key", "example": "rk_live_51H…", "secret": true,
                          "pattern": "^rk_[a-z]+_[A-Za-z0-9]{8}[A-Za-z0-9]+([A-Za-z0-9]{8})$", "doc_section": "#k"},
            "password": {"title": "", "hidden": true, "default_value": ""}
        },
        "connection_config": {"context": {"title": "Account", "optional": true,
            "pattern": "^acct_[A-Za-z0-9]{16}(\\/acct_[A-Za-z0-9]{16})?$"}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    let user = m.field(&cred("username")).unwrap();
    assert_eq!(user.label, "Restricted API Key");
    assert_eq!(user.placeholder, "rk_live_51H…");
    assert!(user.secret && user.required);
    let pw = m.field(&cred("password")).unwrap();
    assert!(pw.hidden);
    assert_eq!(pw.initial_value, "");
    let ctx = m.field(&param("context")).unwrap();
    assert!(ctx.optional_pill && !ctx.required);

    let mut values = m.initial_values();
    values.set(&cred("username"), "rk_live_ABCDEFGH1234ABCDEFGH");
    assert!(m.validate(&values).is_empty(), "optional '' accepted");
    values.set(
        &param("context"),
        "acct_0123456789abcdef/acct_0123456789abcdef",
    );
    assert!(m.validate(&values).is_empty());
    values.set(&param("context"), "acct_x");
    assert!(matches!(
        m.validate(&values)[&param("context")],
        FieldError::PatternMismatch { .. }
    ));
}

#[test]
fn amplitude_optional_enum_has_a_none_option() {
    let p = provider(json!({
        "display_name": "Amplitude", "auth_mode": "BASIC",
        "credentials": {"username": {"title": "API Key", "pattern": "^[a-f0-9]{32}$"},
                        "password": {"title": "Secret Key"}},
        "connection_config": {"hostname": {"title": "Hostname", "optional": true,
            "enum": ["amplitude.com", "analytics.eu.amplitude.com"]}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    let host = m.field(&param("hostname")).unwrap();
    assert_eq!(
        host.control,
        Control::Select {
            options: vec!["amplitude.com".into(), "analytics.eu.amplitude.com".into()],
            none_option: true
        }
    );
    assert_eq!(
        host.initial_value, "",
        "optional enum starts on the none entry"
    );
    assert_eq!(host.placeholder, "Hostname");
    assert!(m.field(&cred("password")).unwrap().secret);
    let mut values = m.initial_values();
    values.set(&cred("username"), "0123456789abcdef0123456789abcdef");
    values.set(&cred("password"), "s");
    assert!(m.validate(&values).is_empty());
    values.set(&param("hostname"), "evil.com");
    assert!(matches!(
        m.validate(&values)[&param("hostname")],
        FieldError::NotInEnum { .. }
    ));
    values.set(&cred("username"), "nothex");
    assert_eq!(
        m.validate(&values)[&cred("username")],
        FieldError::PatternMismatch {
            title: "API Key".into()
        }
    );
}

#[test]
fn sentry_oauth_outbound_preselects_required_enum_and_skips_automated() {
    let p = provider(json!({
        "display_name": "Sentry (OAuth)", "auth_mode": "OAUTH2", "installation": "outbound",
        "connection_config": {
            "hostname": {"title": "Hostname", "format": "hostname", "order": 1,
                         "enum": ["sentry.io", "us.sentry.io"]},
            "actor": {"title": "User ID"},
            "installation.uuid": {"title": "", "automated": true}
        }
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(ids(&m), ["params.hostname", "params.actor"]);
    assert!(!m.uses_popup && m.is_outbound);
    let host = m.field(&param("hostname")).unwrap();
    assert_eq!(host.initial_value, "sentry.io");
    assert!(matches!(
        host.control,
        Control::Select {
            none_option: false,
            ..
        }
    ));
    let mut values = m.initial_values();
    values.set(&param("actor"), "42");
    assert!(m.validate(&values).is_empty(), "enum wins over format");
}

#[test]
fn netsuite_tba_base_fields() {
    let p = provider(json!({
        "display_name": "NetSuite (TBA)", "auth_mode": "TBA", "alias": "netsuite",
        "connection_config": {"accountId": {"title": "Account ID", "example": "tstdrv231585",
            "pattern": "^[A-Za-z0-9_-]+$"}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.oauth_client_id_override",
            "credentials.oauth_client_secret_override",
            "credentials.token_id",
            "credentials.token_secret",
            "params.accountId"
        ]
    );
    let secrets: Vec<bool> = m.fields.iter().map(|f| f.secret).collect();
    assert_eq!(secrets, [false, true, true, true, false]);
    assert!(m.fields.iter().all(|f| f.required));
    let ts = m.field(&cred("token_secret")).unwrap();
    assert_eq!(ts.placeholder, "Token Secret");
    assert_eq!(ts.default_label_key, Some("field.token_secret"));
    assert!(m.docs_url(None).is_none());
    let errors = m.validate(&m.initial_values());
    assert_eq!(errors.len(), 5);
    assert!(errors.values().all(|e| *e == FieldError::Required));
}

#[test]
fn adp_client_certificate_fields_render_with_yaml_rules() {
    let p = provider(json!({
        "display_name": "ADP", "auth_mode": "OAUTH2_CC", "require_client_certificate": true,
        "credentials": {
            "client_certificate": {"title": "Client Public Certificate", "secret": true,
                "pattern": "^-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+)\\s*-----END CERTIFICATE-----$"},
            "client_private_key": {"title": "Client Private Key", "secret": true}
        }
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.client_id",
            "credentials.client_secret",
            "credentials.client_certificate",
            "credentials.client_private_key"
        ]
    );
    assert_eq!(m.unrendered_schema_fields, 0);
    assert!(
        m.fields.iter().all(|f| f.required),
        "yaml replaces the optional base rule"
    );
    assert!(m.field(&cred("client_secret")).unwrap().secret);
    assert!(!m.field(&cred("client_id")).unwrap().secret);
    let mut values = m.initial_values();
    values.set(&cred("client_id"), "id");
    values.set(&cred("client_secret"), "s");
    values.set(&cred("client_private_key"), "k");
    values.set(
        &cred("client_certificate"),
        "-----BEGIN CERTIFICATE-----\nMIID+/=\n-----END CERTIFICATE-----",
    );
    assert!(m.validate(&values).is_empty());

    // Without require_client_certificate, cert and key are schema fields but not rendered.
    let plain = provider(json!({"display_name": "CC", "auth_mode": "OAUTH2_CC"}));
    let m = FormModel::build(&plain, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        ["credentials.client_id", "credentials.client_secret"]
    );
    assert_eq!(m.unrendered_schema_fields, 2);
}

#[test]
fn okta_cc_private_key_jwt_does_not_ask_client_secret() {
    let p = provider(json!({
        "display_name": "Okta (CC)", "auth_mode": "OAUTH2_CC", "token_request_auth_method": "private_key_jwt",
        "credentials": {
            "client_id": {"title": "Client ID"},
            "client_private_key": {"title": "Private Key (JWK)", "secret": true}
        },
        "connection_config": {
            "hostname": {"title": "Okta Domain", "format": "hostname"},
            "subdomain": {"title": "", "hidden": true}
        }
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.client_id",
            "credentials.client_private_key",
            "params.hostname",
            "params.subdomain"
        ]
    );
    assert_eq!(
        m.unrendered_schema_fields, 2,
        "client_secret and client_certificate"
    );
    let mut values = m.initial_values();
    values.set(&cred("client_id"), "id");
    values.set(&cred("client_private_key"), "{}");
    values.set(&param("hostname"), "https://dev.okta.com");
    assert_eq!(
        m.validate(&values)[&param("hostname")],
        FieldError::InvalidHostname
    );
    values.set(&param("hostname"), "dev-1.okta.com");
    assert!(m.validate(&values).is_empty());
}

fn sage_intacct_cc() -> Provider {
    provider(json!({
        "display_name": "Sage Intacct (Client Credentials)", "auth_mode": "TWO_STEP",
        "credentials": {
            "username": {"title": "Username", "optional": true},
            "sessionId": {"title": "Session ID", "optional": true, "secret": true}
        },
        "integration_config": {
            "clientId": {"title": "Client ID", "order": 1, "optional": true},
            "clientSecret": {"title": "Client Secret", "secret": true, "optional": true, "order": 2}
        }
    }))
}

fn tableau() -> Provider {
    provider(json!({
        "display_name": "Tableau", "auth_mode": "TWO_STEP",
        "credentials": {
            "pat_name": {"title": "PAT Name"},
            "pat_secret": {"title": "PAT Secret"},
            "content_url": {"title": "Content URL", "optional": true}
        },
        "connection_config": {
            "hostname": {"title": "Hostname", "format": "hostname", "order": 1, "prefix": "https://"},
            "version": {"title": "Version", "order": 2}
        }
    }))
}

#[test]
fn tv15_preconfigured_client_id_is_not_asked() {
    let mut ctx = integration();
    ctx.preconfigured_credentials = vec!["clientId".into()];
    let m = FormModel::build(&sage_intacct_cc(), &ctx, &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.username",
            "credentials.sessionId",
            "credentials.clientSecret"
        ]
    );
}

#[test]
fn tv16_integration_config_fallback_is_forced_required() {
    let m = FormModel::build(&sage_intacct_cc(), &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.username",
            "credentials.sessionId",
            "credentials.clientId",
            "credentials.clientSecret"
        ]
    );
    assert_eq!(
        m.fields.iter().map(|f| f.sort_key).collect::<Vec<_>>(),
        [100, 101, 102, 103],
        "yaml order on credentials is ignored"
    );
    let client_id = m.field(&cred("clientId")).unwrap();
    assert!(client_id.required && !client_id.optional);
    assert!(m.field(&cred("clientSecret")).unwrap().secret);
    assert!(m.field(&cred("username")).unwrap().optional_pill);
    let errors = m.validate(&m.initial_values());
    assert_eq!(
        errors.keys().map(ToString::to_string).collect::<Vec<_>>(),
        ["credentials.clientId", "credentials.clientSecret"]
    );
}

#[test]
fn tv17_tableau_after_sage_shows_no_client_id() {
    let mut ctx = integration();
    ctx.preconfigured_credentials = vec!["clientId".into()];
    let _sage = FormModel::build(&sage_intacct_cc(), &ctx, &no_preset());
    let m = FormModel::build(&tableau(), &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "params.hostname",
            "params.version",
            "credentials.pat_name",
            "credentials.pat_secret",
            "credentials.content_url"
        ]
    );
    assert!(m.fields.iter().all(|f| f.name != "clientId"));
    assert!(
        m.field(&cred("pat_secret")).unwrap().secret,
        "built-in secret"
    );
}

#[test]
fn netsuite_client_credentials_assertion_option_is_plain_text() {
    let p = provider(json!({
        "display_name": "NetSuite (CC)", "auth_mode": "TWO_STEP",
        "credentials": {"clientId": {"title": "Client ID"}, "certificateId": {"title": "Certificate ID"},
                        "assertion": {"title": "", "automated": true}},
        "connection_config": {"accountId": {"title": "Account ID"}},
        "assertion_option": {"privateKey": {"title": "Private Key"}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(
        ids(&m),
        [
            "credentials.clientId",
            "credentials.certificateId",
            "params.accountId",
            "assertion_option.privateKey"
        ]
    );
    let key = m
        .field(&FieldId::new(FieldGroup::AssertionOption, "privateKey"))
        .unwrap();
    assert!(!key.secret, "no built-in default for assertion options");
    assert!(key.required);
}

#[test]
fn aws_sigv4_fields_and_external_id() {
    let p = provider(json!({
        "display_name": "AWS", "auth_mode": "AWS_SIGV4",
        "credentials": {"role_arn": {"title": "IAM Role ARN", "example": "arn:aws:iam::123456789012:role/NangoAccessRole"}},
        "connection_config": {"region": {"title": "AWS Region (optional)", "optional": true},
                              "service": {"title": "", "automated": true}},
        "integration_config": {"service": {"title": "AWS Service"}}
    }));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert_eq!(ids(&m), ["credentials.role_arn", "params.region"]);
    assert_eq!(m.preconfigured_external_id, None);
    let m = FormModel::build(&p, &integration(), &preset(json!({"external_id": "ext-1"})));
    assert_eq!(m.preconfigured_external_id.as_deref(), Some("ext-1"));
    let bare = provider(json!({"display_name": "AWS", "auth_mode": "AWS_SIGV4"}));
    let m = FormModel::build(&bare, &integration(), &no_preset());
    assert!(m.fields[0].placeholder.starts_with("arn:aws:iam::"));
}

#[test]
fn oauth2_override_fields_come_from_the_session_defaults() {
    let p = provider(
        json!({"display_name": "GitHub (User OAuth)", "auth_mode": "OAUTH2",
        "connection_config": {"subdomain": {"title": "Subdomain"}}}),
    );
    let pre = preset(json!({
        "oauth_client_id_override": "",
        "oauth_client_secret_override": "shh",
        "subdomain": ""
    }));
    let m = FormModel::build(&p, &integration(), &pre);
    assert_eq!(
        ids(&m),
        [
            "params.subdomain",
            "credentials.oauth_client_id_override",
            "credentials.oauth_client_secret_override"
        ]
    );
    let sub = m.field(&param("subdomain")).unwrap();
    assert!(sub.hidden, "hidden when preconfigured even with ''");
    let id = m.field(&cred("oauth_client_id_override")).unwrap();
    assert!(
        !id.hidden && id.optional && !id.required,
        "quirk 9: no required star"
    );
    assert_eq!(id.label, "OAuth Client ID");
    assert!(
        m.field(&cred("oauth_client_secret_override"))
            .unwrap()
            .hidden
    );
    assert!(!m.nothing_to_ask());
    // The preconfigured '' subdomain fails validation: the invalid-preconfigured case.
    assert_eq!(
        m.validate(&m.initial_values())[&param("subdomain")],
        FieldError::Required
    );
}

#[test]
fn github_has_nothing_to_ask() {
    let p = provider(json!({"display_name": "GitHub (User OAuth)", "auth_mode": "OAUTH2"}));
    let m = FormModel::build(&p, &integration(), &no_preset());
    assert!(m.fields.is_empty());
    assert!(m.nothing_to_ask() && m.shows_popup_warning() && m.uses_popup);
    assert_eq!(m.display_name, "GitHub (User OAuth)");
    let mut ctx = integration();
    ctx.display_name = Some("Our GitHub".into());
    assert_eq!(
        FormModel::build(&p, &ctx, &no_preset()).display_name,
        "Our GitHub"
    );
    ctx.display_name = Some(String::new());
    assert_eq!(
        FormModel::build(&p, &ctx, &no_preset()).display_name,
        "GitHub (User OAuth)"
    );
    // Preconfigured params only: still nothing to ask.
    let z = provider(json!({"display_name": "Zendesk", "auth_mode": "OAUTH2",
        "connection_config": {"subdomain": {"title": "Subdomain", "pattern": "^[a-z0-9_-]+$"}}}));
    let m = FormModel::build(&z, &integration(), &preset(json!({"subdomain": "acme"})));
    assert!(m.nothing_to_ask());
    assert_eq!(m.fields[0].initial_value, "acme");
    assert!(m.validate(&m.initial_values()).is_empty());
    let m = FormModel::build(&z, &integration(), &preset(json!({"subdomain": "Not OK"})));
    assert!(m.nothing_to_ask());
    assert!(
        !m.validate(&m.initial_values()).is_empty(),
        "invalidPreconfigured"
    );
    // An APP provider with only automated fields: nothing to ask, no popup warning.
    let app = provider(json!({"display_name": "GitHub App", "auth_mode": "APP",
        "connection_config": {"installation_id": {"automated": true}}}));
    let m = FormModel::build(&app, &integration(), &no_preset());
    assert!(m.nothing_to_ask() && !m.shows_popup_warning());
}

#[test]
fn api_key_label_override_drops_description_and_placeholder() {
    let p = provider(json!({"display_name": "X", "auth_mode": "API_KEY",
        "credentials": {"apiKey": {"title": "Key", "description": "d", "example": "ex"}}}));
    let mut ctx = integration();
    ctx.credentials_label
        .insert("apiKey".into(), "Workspace key".into());
    let m = FormModel::build(&p, &ctx, &no_preset());
    let f = &m.fields[0];
    assert!(f.label_overridden && f.description.is_none() && f.placeholder.is_empty());
    assert_eq!(f.label, "Workspace key");

    let bare = provider(json!({"display_name": "GitHub", "auth_mode": "API_KEY"}));
    let m = FormModel::build(&bare, &integration(), &no_preset());
    let f = &m.fields[0];
    assert_eq!(f.placeholder, "Your API Key");
    assert_eq!(f.default_placeholder_key, Some("placeholder.apiKey"));
    assert_eq!(f.label, "API Key");
    assert_eq!(f.default_label_key, Some("field.apiKey"));
    assert!(f.secret && f.required);
}

#[test]
fn default_value_satisfies_required_but_not_format() {
    let p = provider(json!({"display_name": "X", "auth_mode": "NONE",
    "connection_config": {
        "a": {"title": "A", "default_value": ""},
        "b": {"title": "B", "format": "uuid", "default_value": ""},
        "c": {"title": "C", "format": "uri"},
        "d": {"title": "D", "pattern": "[broken"}
    }}));
    let m = FormModel::build(&p, &integration(), &no_preset());
    let mut values = m.initial_values();
    values.set(&param("c"), "not a url");
    values.set(&param("d"), "x");
    let report = m.validate_report(&values);
    assert!(!report.errors.contains_key(&param("a")));
    assert_eq!(report.errors[&param("b")], FieldError::InvalidUuid);
    assert_eq!(report.errors[&param("c")], FieldError::InvalidUrl);
    assert!(
        !report.errors.contains_key(&param("d")),
        "broken pattern does not block"
    );
    assert!(report.pattern_errors.contains_key(&param("d")));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn hostile_pattern_in_a_provider_returns_promptly() {
    let p = provider(json!({"display_name": "X", "auth_mode": "API_KEY",
        "credentials": {"apiKey": {"title": "Key", "pattern": "(a+)+$"}},
        "connection_config": {"evil": {"title": "Evil", "pattern": "^(a|aa)+(?!x)$"}}}));
    let m = FormModel::build(&p, &integration(), &no_preset());
    let mut values = FormValues::default();
    values.set(&cred("apiKey"), "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
    values.set(&param("evil"), "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
    let started = std::time::Instant::now();
    let report = m.validate_report(&values);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(matches!(
        report.errors[&cred("apiKey")],
        FieldError::PatternMismatch { .. }
    ));
    assert!(matches!(
        report.pattern_errors[&param("evil")],
        PatternError::BacktrackLimit { .. }
    ));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn validate_never_panics(values in proptest::collection::vec(".*", 6)) {
            let p = provider(json!({"display_name": "X", "auth_mode": "OAUTH2_CC",
                "require_client_certificate": true,
                "credentials": {"client_certificate": {"pattern": "^-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+)\\s*-----END CERTIFICATE-----$"}},
                "connection_config": {
                    "h": {"format": "hostname", "pattern": "^(?!.*force\\.com$)[a-z.]+$"},
                    "e": {"format": "email"}, "u": {"format": "uri"}, "d": {"format": "uuid"},
                    "s": {"enum": ["a", "b"], "optional": true}}}));
            let m = FormModel::build(&p, &integration(), &no_preset());
            let mut form = FormValues::default();
            for (field, value) in m.fields.iter().zip(values.iter().cycle()) {
                form.set(&field.id(), value.clone());
            }
            let _ = m.validate_report(&form);
        }

        #[test]
        fn translate_never_panics(source in ".*") {
            let _ = JsPattern::compile(&source);
        }
    }
}

#[test]
fn form_values_debug_hides_values() {
    let mut values = FormValues::default();
    values.set(&cred("apiKey"), "sk_live_supersecret");
    let debug = format!("{values:?}");
    assert!(
        debug.contains("apiKey") && !debug.contains("supersecret"),
        "{debug}"
    );
}

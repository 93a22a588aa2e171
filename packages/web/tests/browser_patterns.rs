//! Provider `pattern` validation in the browser: nango-core hands the catalogue's JavaScript
//! source to the page's own `RegExp`, so the Connect UI checks values exactly as JavaScript would,
//! and bad patterns or oversized values become typed "cannot validate" errors, never a freeze.

#![cfg(target_arch = "wasm32")]

use nango_core::catalogue::{
    FieldError, FieldGroup, FieldId, FormModel, FormValues, IntegrationContext, JsPattern,
    MAX_BROWSER_INPUT, PatternError, Provider,
};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The salesforce hostname rule: needs look-ahead, which only a JavaScript-compatible engine has.
const SALESFORCE_HOST: &str = r"^(?!(?:.*\.)?[Ll][Ii][Gg][Hh][Tt][Nn][Ii][Nn][Gg]\.([Ff][Oo][Rr][Cc][Ee]|[Ss][Aa][Ll][Ee][Ss][Ff][Oo][Rr][Cc][Ee])\.[Cc][Oo][Mm]$)[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*$";

#[wasm_bindgen_test]
fn look_ahead_and_js_classes_match_as_in_javascript() {
    let host = JsPattern::compile(SALESFORCE_HOST).unwrap();
    assert_eq!(host.is_match("acme.my.salesforce.com"), Ok(true));
    assert_eq!(host.is_match("acme.lightning.force.com"), Ok(false));

    let digits = JsPattern::compile(r"^\d+$").unwrap();
    assert_eq!(digits.is_match("123"), Ok(true));
    assert_eq!(digits.is_match("١٢٣"), Ok(false), "JS \\d is ASCII only");

    // Search semantics (RegExp.test), and `\/` as JavaScript reads it.
    let key = JsPattern::compile(r"xai-[A-Za-z0-9]+$").unwrap();
    assert_eq!(key.is_match("my xai-abc"), Ok(true));
    let account = JsPattern::compile(r"^acct_[a-z0-9]{4}(\/acct_[a-z0-9]{4})?$").unwrap();
    assert_eq!(account.is_match("acct_ab12/acct_cd34"), Ok(true));
    assert_eq!(account.is_match("acct_ab12/"), Ok(false));
}

#[wasm_bindgen_test]
fn a_pattern_the_browser_rejects_is_a_typed_error() {
    assert!(matches!(
        JsPattern::compile("(a"),
        Err(PatternError::Invalid { .. })
    ));
    assert!(matches!(
        JsPattern::compile("[abc"),
        Err(PatternError::Unsupported { .. })
    ));
}

#[wasm_bindgen_test]
fn oversized_values_are_not_handed_to_regexp() {
    let pattern = JsPattern::compile("(a+)+$").unwrap();
    let long = "a".repeat(MAX_BROWSER_INPUT + 1);
    assert!(matches!(
        pattern.is_match(&long),
        Err(PatternError::BacktrackLimit { .. })
    ));
    let at_limit = "a".repeat(MAX_BROWSER_INPUT);
    assert_eq!(pattern.is_match(&at_limit), Ok(true));
}

#[wasm_bindgen_test]
fn the_form_blocks_a_mismatch_and_accepts_a_match() {
    let provider: Provider = serde_json::from_value(json!({
        "display_name": "Salesforce-like",
        "auth_mode": "API_KEY",
        "credentials": {"apiKey": {"title": "Key", "pattern": "^sk_[a-z]{4}$"}},
        "connection_config": {"host": {"title": "Host", "pattern": SALESFORCE_HOST}}
    }))
    .unwrap();
    let integration = IntegrationContext {
        unique_key: "sf".into(),
        ..Default::default()
    };
    let model = FormModel::build(&provider, &integration, &serde_json::Map::new());
    let key = FieldId::new(FieldGroup::Credentials, "apiKey");
    let host = FieldId::new(FieldGroup::Params, "host");

    let mut values = FormValues::default();
    values.set(&key, "sk_abcd");
    values.set(&host, "acme.lightning.force.com");
    let report = model.validate_report(&values);
    assert!(!report.errors.contains_key(&key), "{:?}", report.errors);
    assert!(matches!(
        report.errors.get(&host),
        Some(FieldError::PatternMismatch { .. })
    ));

    values.set(&host, "acme.my.salesforce.com");
    let report = model.validate_report(&values);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.pattern_errors.is_empty());
}

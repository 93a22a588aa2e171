//! The official `providers.yaml` of npm `@nangohq/providers` 0.71.10: parsed whole, aliases
//! resolved, a form built for every provider and every pattern compiled.
//!
//! The package is fetched once and cached by nango-fixtures (`NANGO_PROVIDERS_CACHE` to run offline).
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::process::Command;

use nango_core::catalogue::{
    AuthMode, Catalogue, FieldGroup, FormModel, IntegrationContext, JsPattern, PatternError,
};
use proptest::prelude::*;

/// The path of the official providers.yaml (fetched once, shared by every test binary).
fn providers_yaml() -> std::path::PathBuf {
    nango_fixtures::official_providers_yaml().unwrap_or_else(|e| panic!("{e}"))
}

fn catalogue() -> Catalogue {
    let text = std::fs::read_to_string(providers_yaml()).expect("read providers.yaml");
    Catalogue::from_yaml_str(&text).expect("the official providers.yaml parses")
}

#[test]
fn official_catalogue_counts() {
    let c = catalogue();
    assert_eq!(c.len(), 1013);
    assert_eq!(c.alias_count(), 69);
    let mut modes: BTreeMap<String, usize> = BTreeMap::new();
    for (_, p) in c.iter() {
        *modes.entry(p.auth_mode.to_string()).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("OAUTH2", 354),
        ("API_KEY", 332),
        ("OAUTH2_CC", 112),
        ("BASIC", 99),
        ("TWO_STEP", 66),
        ("MCP_OAUTH2", 30),
        ("JWT", 4),
        ("OAUTH1", 4),
        ("BILL", 2),
        ("MCP_OAUTH2_GENERIC", 2),
        ("NONE", 2),
        ("AWS_SIGV4", 1),
        ("INSTALL_PLUGIN", 1),
        ("SIGNATURE", 1),
        ("APP", 1),
        ("CUSTOM", 1),
        ("TBA", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(modes, expected);
    // Chained alias: google-calendar-mcp -> google-calendar -> google.
    let mcp = c.get("google-calendar-mcp").unwrap();
    assert_eq!(mcp.alias.as_deref(), Some("google-calendar"));
    assert!(
        c.get("netsuite-tba")
            .is_some_and(|p| p.auth_mode == AuthMode::Tba)
    );
    // File order is kept.
    assert_eq!(c.iter().next().map(|(n, _)| n), Some(first_key_in_file()));
}

fn first_key_in_file() -> &'static str {
    let text = std::fs::read_to_string(providers_yaml()).unwrap();
    let line = text
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with([' ', '#']))
        .unwrap();
    Box::leak(line.trim_end_matches(':').to_owned().into_boxed_str())
}

#[test]
fn every_provider_yields_a_form_and_every_pattern_compiles() {
    let c = catalogue();
    let integration = IntegrationContext {
        unique_key: "k".into(),
        ..Default::default()
    };
    let mut compiled = 0;
    let mut failures: Vec<String> = Vec::new();
    let mut example_mismatches: Vec<String> = Vec::new();
    for (name, provider) in c.iter() {
        let model = FormModel::build(provider, &integration, &serde_json::Map::new());
        let _ = model.nothing_to_ask();
        let _ = model.validate(&model.initial_values());
        let groups = [
            &provider.credentials,
            &provider.connection_config,
            &provider.integration_config,
            &provider.assertion_option,
        ];
        for (field, spec) in groups.iter().flat_map(|g| g.iter()) {
            let Some(source) = &spec.pattern else {
                continue;
            };
            match JsPattern::compile(source) {
                Ok(pattern) => {
                    compiled += 1;
                    if let Some(example) = &spec.example {
                        match pattern.is_match(example) {
                            Ok(true) => {}
                            Ok(false) => example_mismatches.push(format!("{name}.{field}")),
                            Err(e) => failures.push(format!("{name}.{field}: {e}")),
                        }
                    }
                }
                Err(e) => failures.push(format!("{name}.{field}: {e}")),
            }
        }
        // Form fields carry the compiled patterns too.
        for f in &model.fields {
            if let Some(Err(e)) = &f.compiled_pattern {
                failures.push(format!("{name} form {}: {e}", f.id()));
            }
            assert!(
                !(f.group == FieldGroup::Credentials && f.name.is_empty()),
                "{name}: empty field name"
            );
        }
    }
    // freshteam's `[…\\-+=]` is a backslash-to-plus range: out of order, a SyntaxError in
    // JavaScript too, so the Connect UI cannot validate it either. It must be the only failure,
    // and as an `Invalid` error (the field is then not blocked by its pattern).
    assert_eq!(
        failures,
        [
            "freshteam.apiKey: invalid regex /^[a-zA-Z0-9_!@#$%^&*()\\\\-+=]+$/: range out of order in character class",
            "freshteam form credentials.apiKey: invalid regex /^[a-zA-Z0-9_!@#$%^&*()\\\\-+=]+$/: range out of order in character class",
        ],
        "patterns that failed to compile changed"
    );
    assert!(compiled >= 480, "only {compiled} patterns compiled");
    // The catalogue's examples are often masked (`sk_live_****`) or abbreviated (`...`), so
    // many do not match their own pattern; JavaScript agrees (see
    // `patterns_agree_with_javascript`). The count is pinned so a change is noticed.
    example_mismatches.sort();
    assert_eq!(
        example_mismatches.len(),
        161,
        "examples not matching their own pattern changed: {example_mismatches:#?}"
    );
}

/// Differential check: every (pattern, example) pair gives the same answer as node's `RegExp`.
/// Skipped (with a note) when `node` is not installed.
#[test]
fn patterns_agree_with_javascript() {
    let c = catalogue();
    let mut pairs = Vec::new();
    for (name, p) in c.iter() {
        let groups = [
            &p.credentials,
            &p.connection_config,
            &p.integration_config,
            &p.assertion_option,
        ];
        for (field, spec) in groups.iter().flat_map(|g| g.iter()) {
            if let (Some(pattern), Some(example)) = (&spec.pattern, &spec.example) {
                let ours = JsPattern::compile(pattern)
                    .ok()
                    .and_then(|c| c.is_match(example).ok());
                pairs.push(serde_json::json!({
                    "id": format!("{name}.{field}"), "pattern": pattern, "example": example, "ours": ours
                }));
            }
        }
    }
    let file = nango_fixtures::providers_cache_dir().join("pattern-pairs.json");
    std::fs::write(&file, serde_json::to_string(&pairs).unwrap()).unwrap();
    let script = "const pairs = require(process.argv[1]); const diffs = [];\n\
        for (const p of pairs) { let js = null; try { js = new RegExp(p.pattern).test(p.example); } catch (e) {}\n\
        if (js !== p.ours) diffs.push(p.id); }\n\
        console.log(JSON.stringify(diffs));";
    let Ok(out) = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(&file)
        .output()
    else {
        eprintln!("node not installed: skipping the JavaScript differential check");
        return;
    };
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diffs: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(pairs.len() > 400, "only {} pairs", pairs.len());
    assert!(
        diffs.is_empty(),
        "differs from JavaScript RegExp: {diffs:?}"
    );
}

#[test]
fn hostile_pattern_errors_promptly() {
    let started = std::time::Instant::now();
    let p = JsPattern::compile("^(a|aa)+(?!x)$").unwrap();
    assert!(matches!(
        p.is_match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"),
        Err(PatternError::BacktrackLimit { .. })
    ));
    assert!(started.elapsed().as_secs() < 5);
}

proptest! {
    #[test]
    fn from_yaml_str_never_panics(text in ".{0,400}") {
        let _ = Catalogue::from_yaml_str(&text);
    }

    #[test]
    fn from_yaml_str_never_panics_on_yamlish_text(
        text in "([a-z:\\-\\[\\]{}&*!|>' \n]{0,12}){0,30}"
    ) {
        let _ = Catalogue::from_yaml_str(&text);
    }
}

//! Every provider of the official providers.yaml (npm `@nangohq/providers` 0.71.10) renders its
//! auth form without panic, with one visible control or hidden input per generated field.
//!
//! The file is fetched once and cached by nango-fixtures (`NANGO_PROVIDERS_CACHE` to run offline).

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::rc::Rc;

use dioxus::prelude::*;
use indexmap::IndexMap;
use nango_core::catalogue::{Catalogue, FormModel, IntegrationContext};
use nango_ui::components::GoScreen;
use nango_ui::connect::{FormPhase, FormScreen, HostingMode};
use nango_ui::fake::fixtures;

/// The path of the official providers.yaml (fetched once, shared by every test binary).
fn providers_yaml() -> PathBuf {
    nango_fixtures::official_providers_yaml().unwrap_or_else(|e| panic!("{e}"))
}

#[component]
fn Root(form: FormScreen) -> Element {
    let handlers = common::noop_handlers();
    rsx! { GoScreen { form, mode: HostingMode::Overlay, handlers } }
}

#[test]
fn every_official_provider_renders_its_form() {
    let text = std::fs::read_to_string(providers_yaml()).expect("read providers.yaml");
    let catalogue = Catalogue::from_yaml_str(&text).expect("parses");
    let mut rendered = 0;
    let mut modes = BTreeSet::new();
    for (name, provider) in catalogue.iter() {
        let context = IntegrationContext {
            unique_key: name.to_owned(),
            display_name: None,
            credentials_label: IndexMap::new(),
            preconfigured_credentials: Vec::new(),
        };
        let model = FormModel::build(provider, &context, &serde_json::Map::new());
        let values = model.initial_values();
        let mut integration = fixtures::integration(name, name, &provider.display_name);
        integration.logo = String::new();
        let form = FormScreen {
            integration,
            provider: Rc::new(provider.clone()),
            docs: model.docs_url(None),
            external_id: (model.auth_mode == nango_core::catalogue::AuthMode::AwsSigv4)
                .then(|| "ext".to_owned()),
            model: Rc::new(model),
            values,
            touched: BTreeSet::new(),
            submit_attempted: true,
            phase: FormPhase::Editing { alert: None },
        };
        let visible = form.model.fields.iter().filter(|f| !f.hidden).count();
        let hidden = form.model.fields.len() - visible;
        let mut dom = VirtualDom::new_with_props(Root, RootProps { form });
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains(r#"id="connect-ui-title""#), "{name}");
        assert_eq!(
            html.matches("data-field=").count(),
            visible,
            "{name}: visible fields"
        );
        assert_eq!(
            html.matches(r#"type="hidden""#).count(),
            hidden,
            "{name}: hidden fields"
        );
        modes.insert(provider.auth_mode.as_str().to_owned());
        rendered += 1;
    }
    assert_eq!(rendered, 1013);
    assert_eq!(modes.len(), 17, "{modes:?}");
}

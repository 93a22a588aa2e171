//! Writes static HTML of every screen (SSR output, styles inlined) for visual review in a
//! browser: `cargo test -p nango-ui --test html_dump -- --ignored`, files in
//! `$CARGO_TARGET_DIR/connect-ui-html/` (else `target/connect-ui-html/`).

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use common::{Harness, every_mode_driver};
use dioxus::prelude::*;
use nango_core::AuthError;
use nango_core::catalogue::{FieldGroup, FieldId};
use nango_ui::components::{
    ConnectShell, ErrorView, GoScreen, IntegrationsView, LoadingView, Shared,
};
use nango_ui::connect::{Fallback, FormScreen, HostingMode, Input};
use nango_ui::fake::{Outcome, fixtures};

#[derive(Clone, PartialEq)]
enum Story {
    Loading,
    Error,
    List(Shared<Vec<nango_core::session::Integration>>, String),
    Form(Box<FormScreen>),
}

#[component]
fn Page(story: Story, theme: String, mode: HostingMode) -> Element {
    let handlers = common::noop_handlers();
    let screen = match story {
        Story::Loading => rsx! { LoadingView { on_close: |_| {} } },
        Story::Error => rsx! { ErrorView { kind: Fallback::SessionExpired, on_close: |_| {} } },
        Story::List(list, query) => rsx! {
            IntegrationsView { integrations: list, initial_query: query, on_select: |_| {}, on_close: |_| {} }
        },
        Story::Form(form) => {
            rsx! { GoScreen { form: *form, mode, handlers } }
        }
    };
    rsx! {
        ConnectShell { mode, theme, show_watermark: true, {screen} }
    }
}

fn no_logos(
    mut list: Vec<nango_core::session::Integration>,
) -> Vec<nango_core::session::Integration> {
    for item in &mut list {
        item.logo = String::new();
    }
    list
}

fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("connect-ui-html")
}

fn form(key: &str, edit: &[(FieldId, &str)], outcome: Option<Outcome>, submit: bool) -> FormScreen {
    let mut driver = every_mode_driver();
    if let Some(outcome) = outcome {
        driver = driver.with_outcome(outcome);
    }
    let mut h = Harness::started(driver);
    h.open(key);
    for (field, value) in edit {
        h.send(Input::Edit {
            field: field.clone(),
            value: (*value).to_owned(),
        });
    }
    if submit {
        h.send(Input::Submit);
    }
    let mut form = h.form().clone();
    form.integration.logo = String::new();
    form
}

#[test]
#[ignore = "writes HTML files for visual review"]
fn dump_every_screen() {
    let api_key = FieldId::new(FieldGroup::Credentials, "apiKey");
    let stories: Vec<(&str, Story)> = vec![
        ("loading", Story::Loading),
        ("error", Story::Error),
        (
            "list",
            Story::List(
                Shared(Rc::new(no_logos(fixtures::github_and_slack()))),
                String::new(),
            ),
        ),
        (
            "list-large",
            Story::List(Shared(Rc::new(fixtures::large_catalogue())), String::new()),
        ),
        (
            "list-search",
            Story::List(
                Shared(Rc::new(fixtures::large_catalogue())),
                "café cal".into(),
            ),
        ),
        (
            "list-long-names",
            Story::List(
                Shared(Rc::new(no_logos(vec![
                    fixtures::integration(
                        "erp",
                        "netsuite",
                        "Oracle NetSuite Enterprise Resource Planning (Production EU-West, sandbox mirror)",
                    ),
                    fixtures::integration(
                        "x",
                        "x",
                        "Averyveryverylongintegrationnamewithoutanyspacesatallthatmustwrap",
                    ),
                    fixtures::integration("gh", "github", "GitHub"),
                ]))),
                String::new(),
            ),
        ),
        (
            "form-api-key",
            Story::Form(Box::new(form("github-api-key", &[], None, false))),
        ),
        (
            "form-jira",
            Story::Form(Box::new(form(
                "jira-basic",
                &[(
                    FieldId::new(FieldGroup::Credentials, "username"),
                    "not-an-email",
                )],
                None,
                false,
            ))),
        ),
        (
            "form-amplitude",
            Story::Form(Box::new(form("amplitude", &[], None, false))),
        ),
        (
            "form-oauth",
            Story::Form(Box::new(form("slack", &[], None, false))),
        ),
        (
            "form-aws",
            Story::Form(Box::new(form("aws-sigv4", &[], None, false))),
        ),
        (
            "form-blocked",
            Story::Form(Box::new(form(
                "slack",
                &[],
                Some(Outcome::Error(AuthError::blocked_by_browser())),
                true,
            ))),
        ),
        (
            "waiting",
            Story::Form(Box::new(form("slack", &[], Some(Outcome::Hang), true))),
        ),
        (
            "success",
            Story::Form(Box::new(form(
                "github-api-key",
                &[(api_key.clone(), "k")],
                Some(Outcome::success("github", "c")),
                true,
            ))),
        ),
        ("failure", {
            let mut f = form(
                "github-api-key",
                &[(api_key, "k")],
                Some(Outcome::error(
                    nango_core::AuthErrorKind::from_wire("invalid_credentials"),
                    "{\"detail\":\"bad key\"}",
                )),
                true,
            );
            if let nango_ui::connect::FormPhase::Failed { expanded, .. } = &mut f.phase {
                *expanded = true;
            }
            Story::Form(Box::new(f))
        }),
    ];
    // Embedded as a desktop window's app root (`#main`, default body margin): open these at
    // 500×700 to check that the dialog fills the window.
    let embedded = ["list", "list-large", "form-api-key", "waiting"];
    let dir = out_dir();
    std::fs::create_dir_all(&dir).expect("create dir");
    for (name, story) in stories {
        for theme in ["light", "dark"] {
            let mut dom = VirtualDom::new_with_props(
                Page,
                PageProps {
                    story: story.clone(),
                    theme: theme.to_owned(),
                    mode: HostingMode::Overlay,
                },
            );
            dom.rebuild_in_place();
            let html = format!(
                "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{name}</title></head><body style=\"margin:0;background:#e8e8ea\">{}</body></html>",
                dioxus_ssr::render(&dom)
            );
            std::fs::write(dir.join(format!("{name}-{theme}.html")), html).expect("write");
            if embedded.contains(&name) {
                let mut dom = VirtualDom::new_with_props(
                    Page,
                    PageProps {
                        story: story.clone(),
                        theme: theme.to_owned(),
                        mode: HostingMode::Embedded,
                    },
                );
                dom.rebuild_in_place();
                let html = format!(
                    "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{name} embedded</title></head><body><div id=\"main\">{}</div></body></html>",
                    dioxus_ssr::render(&dom)
                );
                std::fs::write(dir.join(format!("embedded-{name}-{theme}.html")), html)
                    .expect("write");
            }
        }
    }
}

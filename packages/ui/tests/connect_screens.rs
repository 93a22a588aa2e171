//! [`ConnectScreens`], the one renderer of a machine's state used by `ConnectUi` and the
//! gallery: the dialog shell, the current screen, the theme and the inputs its controls send.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use common::Harness;
use dioxus::prelude::*;
use nango_core::connect_ui::ThemeOverride;
use nango_ui::components::Shared;
use nango_ui::connect::{ConnectMachine, ConnectScreens, HostingMode, Input, Screen};
use nango_ui::fake::FakeDriver;
use nango_ui::i18n::{ConnectI18nConfig, Language, use_init_connect_i18n};

#[derive(Clone, PartialEq, Props)]
struct RootProps {
    state: Shared<ConnectMachine>,
    mode: HostingMode,
    theme: Option<ThemeOverride>,
    initial_query: String,
    sent: Shared<RefCell<Vec<Input>>>,
}

#[allow(non_snake_case)]
fn Root(props: RootProps) -> Element {
    use_init_connect_i18n(|| ConnectI18nConfig::new(Language::English));
    let state = props.state.clone();
    let machine = use_signal(move || (*state.0).clone());
    let sent = props.sent.clone();
    let send = use_callback(move |input: Input| sent.0.borrow_mut().push(input));
    rsx! {
        ConnectScreens {
            machine,
            send,
            mode: props.mode,
            theme: props.theme,
            dialog_id: "screens-test-dialog".to_string(),
            initial_query: props.initial_query.clone(),
        }
    }
}

fn render(
    machine: &ConnectMachine,
    mode: HostingMode,
    theme: Option<ThemeOverride>,
    query: &str,
) -> String {
    let sent: Shared<RefCell<Vec<Input>>> = Shared(Rc::default());
    let mut dom = VirtualDom::new_with_props(
        Root,
        RootProps {
            state: Shared::new(machine.clone()),
            mode,
            theme,
            initial_query: query.to_owned(),
            sent,
        },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn list_state_renders_the_list_in_the_dialog_with_the_initial_query() {
    let h = Harness::started(FakeDriver::new());
    assert_eq!(h.machine.screen, Screen::List);
    let html = render(
        &h.machine,
        HostingMode::Overlay,
        Some(ThemeOverride::Dark),
        "slack",
    );
    assert!(html.contains("id=\"screens-test-dialog\""), "{html}");
    assert!(html.contains("role=\"dialog\""), "{html}");
    assert!(html.contains("data-screen=\"list\""), "{html}");
    assert!(html.contains("data-theme=\"dark\""), "{html}");
    // The query filters the two fixture integrations down to one card.
    assert!(html.contains("data-count=\"1\""), "{html}");
    assert_eq!(
        html.matches("data-testid=\"integration-card\"").count(),
        1,
        "{html}"
    );
    assert!(html.contains("data-key=\"slack\""), "{html}");
}

#[test]
fn form_state_renders_the_auth_form_and_connect_link_has_no_close() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    assert!(matches!(h.machine.screen, Screen::Form(_)));
    let overlay = render(&h.machine, HostingMode::Overlay, None, "");
    assert!(overlay.contains("data-screen=\"form\""), "{overlay}");
    assert!(overlay.contains("data-testid=\"close\""), "{overlay}");
    let link = render(&h.machine, HostingMode::ConnectLink, None, "");
    assert!(link.contains("data-screen=\"form\""), "{link}");
    assert!(!link.contains("data-testid=\"close\""), "{link}");
}

//! Every screen in every state rendered with dioxus-ssr, asserting semantic content (roles,
//! labels, aria attributes, fields per auth mode) against translation keys.

mod common;

use std::rc::Rc;

use common::{Harness, en, en_with, esc, every_mode_driver, noop_handlers};
use dioxus::prelude::*;
use nango_core::catalogue::{FieldGroup, FieldId};
use nango_core::session::Integration;
use nango_core::{AuthError, AuthErrorKind};
use nango_ui::components::{
    ConnectShell, EmptyIntegrations, ErrorView, GoScreen, IntegrationsView, LoadingView, Shared,
};
use nango_ui::connect::{
    FailureDetails, Fallback, FormAlert, FormPhase, FormScreen, HostingMode, Input,
};
use nango_ui::fake::{FakeDriver, Outcome, fixtures, run_until_idle};
use nango_ui::i18n::{ConnectI18nConfig, Language, MessageKey, Translator, use_init_connect_i18n};

#[component]
fn FormRoot(form: FormScreen, mode: HostingMode, language: Option<Language>) -> Element {
    if let Some(language) = language {
        use_init_connect_i18n(move || ConnectI18nConfig::new(language));
    }
    let mut handlers = noop_handlers();
    if mode == HostingMode::ConnectLink {
        handlers.on_close = None;
        handlers.on_finish = None;
    }
    rsx! { GoScreen { form, mode, handlers } }
}

fn render_form_in(form: FormScreen, mode: HostingMode, language: Option<Language>) -> String {
    let mut dom = VirtualDom::new_with_props(
        FormRoot,
        FormRootProps {
            form,
            mode,
            language,
        },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

fn render_form(form: FormScreen) -> String {
    render_form_in(form, HostingMode::Overlay, None)
}

/// The form of fixture provider `key`.
fn form_of(key: &str) -> FormScreen {
    let mut h = Harness::started(every_mode_driver());
    h.open(key);
    h.form().clone()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// `data-field` values in document order.
fn fields_in(html: &str) -> Vec<String> {
    html.split("data-field=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn tv01_loading_view_is_a_status_region_named_loading() {
    let html = dioxus_ssr::render_element(rsx! { LoadingView {} });
    assert!(html.contains(r#"role="status""#), "{html}");
    assert!(html.contains(&format!(
        r#"aria-label="{}""#,
        esc(&en(MessageKey::CommonLoading))
    )));
    assert_eq!(count(&html, "nc-skeleton__card"), 4);
}

#[test]
fn error_fallbacks_show_their_translated_message() {
    for kind in [
        Fallback::OpenedDirectly,
        Fallback::SessionExpired,
        Fallback::Generic,
    ] {
        let html = dioxus_ssr::render_element(rsx! { ErrorView { kind } });
        assert!(
            html.contains(&esc(&en(kind.message_key()))),
            "{kind:?}: {html}"
        );
        assert!(html.contains(r#"role="alert""#));
        assert!(html.contains(r#"id="connect-ui-title""#));
    }
}

#[component]
fn ListRoot(integrations: Shared<Vec<Integration>>, query: String) -> Element {
    rsx! {
        IntegrationsView {
            integrations,
            initial_query: query,
            on_select: |_| {},
            on_close: |_| {},
        }
    }
}

fn render_list(integrations: Vec<Integration>, query: &str) -> String {
    let mut dom = VirtualDom::new_with_props(
        ListRoot,
        ListRootProps {
            integrations: Shared(Rc::new(integrations)),
            query: query.to_owned(),
        },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn tv03_list_shows_heading_description_and_named_cards() {
    let html = render_list(fixtures::github_and_slack(), "");
    assert!(html.contains(&esc(&en(MessageKey::IntegrationsListTitle))));
    assert!(html.contains(&esc(&en(MessageKey::IntegrationsListDescription))));
    for name in ["GitHub", "Slack"] {
        let label = en_with(MessageKey::IntegrationsListConnectTo, &[("provider", name)]);
        assert!(
            html.contains(&format!(r#"aria-label="{}""#, esc(&label))),
            "{name}"
        );
    }
    assert_eq!(count(&html, r#"data-testid="integration-card""#), 2);
    // The search box is labelled and the live region is silent until the user searches.
    assert!(html.contains(&esc(&en(MessageKey::IntegrationsListSearchLabel))));
    assert!(
        !html.contains(&esc(&Translator::new(Language::English)
            .format_id(MessageKey::IntegrationsListResultCount.id(), None)))
    );
    // Logos carry alt text.
    let alt = en_with(MessageKey::CommonLogoAlt, &[("provider", "GitHub")]);
    assert!(html.contains(&format!(r#"alt="{}""#, esc(&alt))));
}

#[test]
fn search_filters_and_announces_the_count() {
    let html = render_list(fixtures::github_and_slack(), "SLA");
    assert_eq!(count(&html, r#"data-testid="integration-card""#), 1);
    assert!(html.contains(r#"data-key="slack""#));
    let one = {
        let mut args = dioxus_i18n::fluent::FluentArgs::new();
        args.set("count", 1);
        Translator::new(Language::English)
            .format_id(MessageKey::IntegrationsListResultCount.id(), Some(&args))
    };
    assert!(html.contains(&esc(&one)), "{html}");
    assert!(html.contains(r#"aria-live="polite""#));
}

#[test]
fn search_without_match_says_so() {
    let html = render_list(fixtures::github_and_slack(), "zzz");
    assert_eq!(count(&html, r#"data-testid="integration-card""#), 0);
    let text = en_with(MessageKey::IntegrationsListNoResults, &[("query", "zzz")]);
    assert!(html.contains(&esc(&text)), "{html}");
    // The list is gone, so the search box must not point at it (axe: aria-valid-attr-value).
    assert!(!html.contains(r#"id="nc-integration-list""#), "{html}");
    assert!(!html.contains("aria-controls"), "{html}");
}

#[test]
fn the_search_box_controls_the_list_when_there_are_results() {
    let html = render_list(fixtures::github_and_slack(), "git");
    assert!(
        html.contains(r#"aria-controls="nc-integration-list""#),
        "{html}"
    );
    assert!(html.contains(r#"id="nc-integration-list""#), "{html}");
}

#[test]
fn the_full_catalogue_renders_only_a_window_of_cards() {
    let html = render_list(fixtures::large_catalogue(), "");
    assert!(html.contains(r#"data-count="981""#));
    let cards = count(&html, r#"data-testid="integration-card""#);
    assert!((8..=40).contains(&cards), "{cards} cards in the DOM");
    // Missing logos fall back to a decorative initials avatar (the card's label names it).
    assert!(
        html.contains(r#"class="nc-logo__initials" aria-hidden="true" data-initials="AC""#),
        "initials avatar: {html}"
    );
    // Diacritic-insensitive search over the whole catalogue (81 names start with "Café").
    let html = render_list(fixtures::large_catalogue(), "cafe");
    let at = html.find("data-count=").map(|i| html[i..i + 20].to_owned());
    assert!(html.contains(r#"data-count="81""#), "{at:?}");
}

#[test]
fn empty_state_has_heading_text_and_close() {
    #[component]
    fn EmptyRoot() -> Element {
        rsx! { EmptyIntegrations { on_close: |_| {} } }
    }
    let mut dom = VirtualDom::new(EmptyRoot);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(&esc(&en(MessageKey::IntegrationsListNoIntegrations))));
    assert!(html.contains(&esc(&en(
        MessageKey::IntegrationsListNoIntegrationsDescription
    ))));
    assert!(html.contains(r#"data-testid="empty-close""#));
    let html = render_list(Vec::new(), "");
    assert!(html.contains(r#"data-screen="empty""#));
}

#[test]
fn tv06_api_key_form_heading_label_placeholder_and_docs() {
    let form = form_of("github-api-key");
    let html = render_form(form);
    let heading = en_with(MessageKey::GoLinkAccount, &[("provider", "GitHub")]);
    assert!(html.contains(&esc(&heading)), "{html}");
    assert_eq!(fields_in(&html), ["credentials.apiKey"]);
    let t = Translator::new(Language::English);
    assert!(html.contains(&esc(&t.text(MessageKey::FieldApiKey))));
    assert!(html.contains(&format!(
        r#"placeholder="{}""#,
        esc(&t.placeholder(MessageKey::FieldApiKey))
    )));
    assert!(html.contains(r#"type="password""#));
    assert!(html.contains(r#"aria-required="true""#));
    assert!(html.contains(r#"aria-invalid="false""#));
    let doc_name = en_with(
        MessageKey::GoFieldDocumentation,
        &[("field", &t.text(MessageKey::FieldApiKey))],
    );
    assert!(html.contains(&format!(r#"aria-label="{}""#, esc(&doc_name))));
    assert!(html.contains(&esc(&en(MessageKey::CommonViewGuide))));
    assert!(html.contains(&esc(&en(MessageKey::CommonNeedHelp))));
    assert!(html.contains(&esc(&en(MessageKey::GoConnect))));
    assert!(html.contains(r#"data-testid="back""#) && html.contains(r#"data-testid="close""#));
}

#[test]
fn fields_per_auth_mode() {
    let cases: &[(&str, &[&str])] = &[
        ("slack", &[]),
        ("zendesk", &["params.subdomain"]),
        (
            "jira-basic",
            &[
                "params.subdomain",
                "credentials.username",
                "credentials.password",
            ],
        ),
        (
            "amplitude",
            &[
                "credentials.username",
                "credentials.password",
                "params.hostname",
            ],
        ),
        (
            "sage-intacct",
            &["credentials.username", "credentials.clientId"],
        ),
        (
            "tableau",
            &["credentials.pat_name", "credentials.pat_secret"],
        ),
        (
            "adp",
            &[
                "credentials.client_id",
                "credentials.client_secret",
                "credentials.client_certificate",
                "credentials.client_private_key",
            ],
        ),
        (
            "netsuite-tba",
            &[
                "credentials.oauth_client_id_override",
                "credentials.oauth_client_secret_override",
                "credentials.token_id",
                "credentials.token_secret",
                "params.accountId",
            ],
        ),
        (
            "apple-app-store",
            &[
                "credentials.issuerId",
                "credentials.privateKeyId",
                "credentials.privateKey",
            ],
        ),
        (
            "bill",
            &[
                "credentials.username",
                "credentials.password",
                "credentials.organization_id",
                "credentials.dev_key",
            ],
        ),
        (
            "signature-provider",
            &["credentials.username", "credentials.password"],
        ),
        ("aws-sigv4", &["credentials.role_arn", "params.region"]),
        ("unauthenticated", &[]),
        ("sentry-oauth", &["params.hostname"]),
        ("mcp-generic", &["params.mcp_server_url"]),
    ];
    for (key, expected) in cases {
        let form = form_of(key);
        let mode = form.model.auth_mode.as_str().to_owned();
        let html = render_form(form);
        assert_eq!(&fields_in(&html), expected, "{key}");
        assert!(
            html.contains(&format!(r#"data-auth-mode="{mode}""#)),
            "{key}"
        );
    }
}

#[test]
fn adornments_selects_pills_and_hidden_fields() {
    let html = render_form(form_of("jira-basic"));
    assert!(html.contains("https://") && html.contains(".atlassian.net"));
    assert_eq!(count(&html, "nc-input__adornment--"), 2);

    let html = render_form(form_of("amplitude"));
    assert!(html.contains("<select"));
    assert!(html.contains(r#"value="amplitude.com""#));
    assert!(
        html.contains(&esc(&en(MessageKey::FieldOptional))),
        "optional pill"
    );
    assert!(
        html.contains(r#"<option value="" selected"#)
            || html.contains(r#"<option value="" selected=true"#),
        "{html}"
    );

    let html = render_form(form_of("freshdesk"));
    assert!(html.contains(r#"type="hidden""#));
    assert!(html.contains(r#"name="credentials.password""#));
    assert!(html.contains(r#"value="X""#));
    assert_eq!(
        fields_in(&html),
        ["credentials.username"],
        "hidden field not shown as a field"
    );

    let html = render_form(form_of("sentry-oauth"));
    assert!(html.contains(r#"value="sentry.io" selected"#), "{html}");
}

#[test]
fn nothing_to_ask_shows_will_connect_and_the_popup_hint_for_oauth2_only() {
    let html = render_form(form_of("slack"));
    assert!(html.contains(&esc(&en_with(
        MessageKey::GoWillConnect,
        &[("provider", "Slack")]
    ))));
    assert!(html.contains(&esc(&en(MessageKey::GoPopupWarning))));
    let html = render_form(form_of("unauthenticated"));
    assert!(html.contains(r#"data-testid="will-connect""#));
    assert!(!html.contains(&esc(&en(MessageKey::GoPopupWarning))));
}

#[test]
fn aws_sigv4_shows_the_external_id_box_with_copy() {
    let html = render_form(form_of("aws-sigv4"));
    assert!(html.contains(r#"data-testid="external-id""#));
    assert!(html.contains(&esc(&en(MessageKey::AwsExternalIdTitle))));
    assert!(html.contains(&esc(&en(MessageKey::AwsExternalIdBody))));
    assert!(html.contains("00000000-0000-4000-8000-000000000000"));
    assert!(html.contains(&esc(&en(MessageKey::CommonCopy))));
    assert!(html.contains(r#"readonly"#));
}

#[test]
fn touched_fields_show_translated_errors_linked_by_aria() {
    let mut h = Harness::started(every_mode_driver());
    h.open("jira-basic");
    h.send(Input::Edit {
        field: FieldId::new(FieldGroup::Credentials, "username"),
        value: "not-an-email".to_owned(),
    });
    h.send(Input::Edit {
        field: FieldId::new(FieldGroup::Params, "subdomain"),
        value: "UPPER".to_owned(),
    });
    let html = render_form(h.form().clone());
    assert!(
        html.contains(&esc(&en(MessageKey::ValidationInvalidEmail))),
        "{html}"
    );
    assert!(html.contains(&esc(&en_with(
        MessageKey::ValidationIncorrect,
        &[("field", "Subdomain")]
    ))));
    assert_eq!(count(&html, r#"aria-invalid="true""#), 2);
    assert!(
        html.contains(r#"aria-describedby="nc-field-credentials-username-error""#),
        "{html}"
    );
    assert!(html.contains(r#"id="nc-field-credentials-username-error""#));
    // The untouched password shows no error yet.
    assert!(!html.contains(&esc(&en(MessageKey::ValidationRequired))));
    // After a submit attempt it does.
    h.send(Input::Submit);
    let html = render_form(h.form().clone());
    assert!(html.contains(&esc(&en(MessageKey::ValidationRequired))));
}

#[test]
fn popup_alerts_and_try_again_label() {
    for (outcome, key) in [
        (AuthError::blocked_by_browser(), MessageKey::GoPopupBlocked),
        (AuthError::window_closed(), MessageKey::GoPopupClosed),
    ] {
        let mut h = Harness::started(every_mode_driver().with_outcome(Outcome::Error(outcome)));
        h.open("slack");
        h.send(Input::Submit);
        let html = render_form(h.form().clone());
        assert!(html.contains(&esc(&en(key))), "{key:?}");
        assert!(html.contains(r#"role="alert""#) && html.contains(r#"aria-live="assertive""#));
        assert!(html.contains(&esc(&en(MessageKey::CommonTryAgain))));
    }
    let mut form = form_of("github-api-key");
    form.phase = FormPhase::Editing {
        alert: Some(FormAlert::Message("{ \"x\": 1 }".to_owned())),
    };
    let html = render_form(form);
    assert!(html.contains(&esc(r#"{"x":1}"#)), "{html}");
}

#[test]
fn invalid_preconfigured_values_raise_the_admin_alert() {
    let driver = every_mode_driver().with_session(Ok(fixtures::preconfigured_session(
        "zendesk",
        &[("subdomain", "NOT VALID!")],
    )));
    let mut h = Harness::started(driver);
    h.open("zendesk");
    let html = render_form(h.form().clone());
    assert!(
        html.contains(&esc(&en(MessageKey::GoInvalidPreconfigured))),
        "{html}"
    );
    assert!(html.contains(r#"type="hidden""#));
}

#[test]
fn connecting_state_disables_the_button_with_a_spinner() {
    let mut form = form_of("github-api-key");
    form.phase = FormPhase::Connecting;
    let html = render_form(form);
    assert!(html.contains(&esc(&en(MessageKey::CommonConnecting))));
    assert!(html.contains(r#"aria-busy="true""#));
    assert!(html.contains("nc-spinner"));
}

#[test]
fn waiting_view_has_status_text_and_cancel() {
    let mut form = form_of("slack");
    form.phase = FormPhase::Waiting;
    let html = render_form(form);
    assert!(html.contains(&esc(&en_with(
        MessageKey::GoWaitingProvider,
        &[("provider", "Slack")]
    ))));
    assert!(html.contains(r#"data-testid="cancel""#));
    assert!(html.contains(&esc(&en(MessageKey::CommonCancel))));
    assert!(html.contains(r#"role="status""#));
}

fn success_form() -> FormScreen {
    let mut h = Harness::started(FakeDriver::new().with_outcome(Outcome::success("github", "c-1")));
    h.open("github");
    h.send(Input::Edit {
        field: FieldId::new(FieldGroup::Credentials, "apiKey"),
        value: "k".to_owned(),
    });
    h.send(Input::Submit);
    h.form().clone()
}

#[test]
fn tv08_success_screen_heading_message_and_finish() {
    let html = render_form(success_form());
    assert!(html.contains(&esc(&en(MessageKey::GoSuccess))));
    assert!(html.contains(&esc(&en_with(
        MessageKey::GoSuccessMessage,
        &[("provider", "GitHub")]
    ))));
    assert!(html.contains(r#"data-testid="finish""#));
    assert!(html.contains(&esc(&en(MessageKey::CommonFinish))));
    assert!(html.contains(r#"data-testid="badge-success""#));
    assert!(
        html.contains(r#"<div class="nc-result__text" role="status"><h1 id="connect-ui-title" class="nc-title">"#),
        "a real heading inside a status region: {html}"
    );
    assert!(
        !html.contains(r#"data-testid="back""#),
        "no Back on success"
    );
}

#[test]
fn success_in_connect_link_mode_says_close_the_tab_without_finish_or_close() {
    let html = render_form_in(success_form(), HostingMode::ConnectLink, None);
    let message = format!(
        "{} {}",
        en_with(MessageKey::GoSuccessMessage, &[("provider", "GitHub")]),
        en(MessageKey::GoCloseTab)
    );
    assert!(html.contains(&esc(&message)), "{html}");
    assert!(!html.contains(r#"data-testid="finish""#));
    assert!(!html.contains(r#"data-testid="close""#));
}

#[test]
fn failure_screen_disclosure_states_and_details_per_kind() {
    let cases = [
        (
            AuthErrorKind::ConnectionTestFailed,
            "",
            en_with(MessageKey::GoInvalidCredentials, &[("provider", "GitHub")]),
        ),
        (
            AuthErrorKind::ResourceCapped,
            "",
            en(MessageKey::GoResourceCapped),
        ),
        (
            AuthErrorKind::from_wire("invalid_credentials"),
            "Bad key",
            "Bad key".to_owned(),
        ),
        (
            AuthErrorKind::UnknownError,
            "",
            en(MessageKey::GoUnknownError),
        ),
    ];
    for (kind, message, expected) in cases {
        let mut form = form_of("github-api-key");
        form.phase = FormPhase::Failed {
            details: FailureDetails::for_error(&AuthError::new(kind.clone(), message), "GitHub"),
            expanded: false,
        };
        let html = render_form(form.clone());
        assert!(html.contains(&esc(&en(MessageKey::GoConnectionFailed))));
        assert!(html.contains(&esc(&en(MessageKey::GoConnectionErrorGeneric))));
        assert!(html.contains(&esc(&en(MessageKey::GoShowErrorDetails))));
        assert!(html.contains(r#"aria-expanded="false""#));
        assert!(html.contains(r#"aria-controls="nc-error-details""#));
        assert!(html.contains(&esc(&expected)), "{kind:?}");
        assert!(html.contains(r#"data-testid="failure-back""#));
        assert!(html.contains(r#"data-testid="badge-failure""#));
        form.phase = FormPhase::Failed {
            details: FailureDetails::for_error(&AuthError::new(kind, message), "GitHub"),
            expanded: true,
        };
        let html = render_form(form);
        assert!(html.contains(&esc(&en(MessageKey::GoHideErrorDetails))));
        assert!(html.contains(r#"aria-expanded="true""#));
    }
}

#[test]
fn single_integration_form_has_no_back_link() {
    #[component]
    fn NoBack(form: FormScreen) -> Element {
        let mut handlers = noop_handlers();
        handlers.on_back = None;
        rsx! { GoScreen { form, mode: HostingMode::Overlay, handlers } }
    }
    let mut dom = VirtualDom::new_with_props(
        NoBack,
        NoBackProps {
            form: form_of("github-api-key"),
        },
    );
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(!html.contains(r#"data-testid="back""#));
}

#[test]
fn form_renders_in_french() {
    let html = render_form_in(
        form_of("github-api-key"),
        HostingMode::Overlay,
        Some(Language::French),
    );
    let fr = Translator::new(Language::French);
    assert!(html.contains(&esc(
        &fr.text_with(MessageKey::GoLinkAccount, &[("provider", "GitHub")])
    )));
    assert!(html.contains(&esc(&fr.text(MessageKey::FieldApiKey))));
    assert!(html.contains(&esc(&fr.placeholder(MessageKey::FieldApiKey))));
}

#[component]
fn ShellRoot(mode: HostingMode, theme: String, watermark: bool) -> Element {
    rsx! {
        ConnectShell {
            mode,
            theme,
            show_watermark: watermark,
            on_close_request: |_| {},
            LoadingView {}
        }
    }
}

fn render_shell(mode: HostingMode, theme: &str, watermark: bool) -> String {
    let mut dom = VirtualDom::new_with_props(
        ShellRoot,
        ShellRootProps {
            mode,
            theme: theme.to_owned(),
            watermark,
        },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn shell_is_a_labelled_modal_dialog_with_theme_and_backdrop() {
    let html = render_shell(HostingMode::Overlay, "dark", true);
    assert!(html.contains(r#"role="dialog""#));
    assert!(html.contains(r#"aria-modal="true""#));
    assert!(html.contains(r#"aria-labelledby="connect-ui-title""#));
    assert!(html.contains(&format!(
        r#"aria-label="{}""#,
        esc(&en(MessageKey::CommonDialogLabel))
    )));
    assert!(html.contains(r#"tabindex="-1""#));
    assert!(html.contains(r#"data-theme="dark" data-mode="overlay""#));
    assert!(html.contains(r#"data-testid="backdrop""#));
    assert!(html.contains(&esc(&en(MessageKey::CommonSecuredBy))));
    assert!(
        html.contains("--nango-primary"),
        "tokens stylesheet inlined"
    );
    let html = render_shell(HostingMode::ConnectLink, "light", false);
    assert!(!html.contains(r#"data-testid="backdrop""#));
    assert!(!html.contains(&esc(&en(MessageKey::CommonSecuredBy))));
    assert!(html.contains(r#"data-mode="connect-link""#));
}

#[test]
fn connect_ui_renders_the_loading_skeleton_while_the_data_is_on_its_way() {
    #[component]
    fn Root() -> Element {
        let driver: nango_ui::SharedDriver = Rc::new(FakeDriver::new().with_load_on_next_turn());
        rsx! {
            nango_ui::ConnectUi {
                token: Some(nango_core::ConnectSessionToken::new(fixtures::TOKEN)),
                driver: nango_ui::connect::DriverProp(driver),
                language: "de".to_string(),
            }
        }
    }
    let mut dom = VirtualDom::new(Root);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(r#"data-screen="loading""#), "{html}");
    assert!(html.contains(r#"lang="de""#));
    let de = Translator::new(Language::German);
    assert!(html.contains(&esc(&de.text(MessageKey::CommonLoading))));
    run_until_idle(&mut dom);
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(r#"data-screen="list""#), "{html}");
}

#[test]
fn connect_ui_renders_the_list_in_its_first_render_when_the_data_is_at_hand() {
    #[component]
    fn Root() -> Element {
        let driver: nango_ui::SharedDriver = Rc::new(FakeDriver::new());
        rsx! {
            nango_ui::ConnectUi {
                token: Some(nango_core::ConnectSessionToken::new(fixtures::TOKEN)),
                driver: nango_ui::connect::DriverProp(driver),
            }
        }
    }
    let mut dom = VirtualDom::new(Root);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(r#"data-screen="list""#), "{html}");
    assert!(!html.contains(r#"data-screen="loading""#));
    assert_eq!(
        html.matches(r#"data-testid="integration-card""#).count(),
        2,
        "{html}"
    );
}

#[derive(Props, Clone, PartialEq)]
struct AppProps {
    driver: nango_ui::connect::DriverProp,
    mode: HostingMode,
    token: Option<String>,
    events: Shared<std::cell::RefCell<Vec<String>>>,
}

#[allow(non_snake_case)]
fn App(props: AppProps) -> Element {
    let events = props.events.clone();
    rsx! {
        nango_ui::ConnectUi {
            token: props.token.clone().map(nango_core::ConnectSessionToken::new),
            driver: props.driver.clone(),
            mode: props.mode,
            on_event: move |event: nango_core::messages::ConnectUiEvent| {
                events.0.borrow_mut().push(event.event_type().to_owned());
            },
        }
    }
}

fn run_app(driver: FakeDriver, mode: HostingMode, token: Option<&str>) -> (String, Vec<String>) {
    let events: Shared<std::cell::RefCell<Vec<String>>> = Shared::new(Default::default());
    let driver: nango_ui::SharedDriver = Rc::new(driver);
    let mut dom = VirtualDom::new_with_props(
        App,
        AppProps {
            driver: nango_ui::connect::DriverProp(driver),
            mode,
            token: token.map(str::to_owned),
            events: events.clone(),
        },
    );
    dom.rebuild_in_place();
    run_until_idle(&mut dom);
    let html = dioxus_ssr::render(&dom);
    let seen = events.0.borrow().clone();
    (html, seen)
}

#[test]
fn connect_ui_loads_the_session_and_shows_the_list() {
    let (html, events) = run_app(
        FakeDriver::new(),
        HostingMode::Overlay,
        Some(fixtures::TOKEN),
    );
    assert!(html.contains(r#"data-screen="list""#), "{html}");
    assert_eq!(count(&html, r#"data-testid="integration-card""#), 2);
    assert_eq!(events, ["ready"]);
    assert!(
        html.contains(&esc(&en(MessageKey::CommonSecuredBy))),
        "watermark after load"
    );
    assert!(
        html.contains("--nango-on-primary: #000000"),
        "brand colours with computed on-primary"
    );
}

#[test]
fn connect_ui_connect_link_without_token_says_opened_directly() {
    let (html, _) = run_app(FakeDriver::new(), HostingMode::ConnectLink, None);
    assert!(
        html.contains(&esc(&en(MessageKey::ErrorOpenedDirectly))),
        "{html}"
    );
    assert!(
        !html.contains(r#"data-testid="close""#),
        "no close in connect-link mode"
    );
}

#[test]
fn connect_ui_single_integration_opens_the_form_directly() {
    let driver = FakeDriver::new()
        .with_session(Ok(fixtures::single_session("github")))
        .with_integrations(Ok(vec![fixtures::integration(
            "github",
            "github-api-key",
            "GitHub",
        )]));
    let (html, _) = run_app(driver, HostingMode::Overlay, Some(fixtures::TOKEN));
    assert!(html.contains(r#"data-screen="form""#), "{html}");
    assert!(!html.contains(r#"data-testid="back""#));
}

#[test]
fn connect_ui_expired_session() {
    let driver = FakeDriver::new().with_session(Err(nango_core::AuthError::new(
        AuthErrorKind::UnknownConnectSessionToken,
        "expired",
    )));
    let (html, _) = run_app(driver, HostingMode::Overlay, Some(fixtures::TOKEN));
    assert!(
        html.contains(&esc(&en(MessageKey::ErrorSessionExpired))),
        "{html}"
    );
}

#[test]
fn live_settings_override_theme_primary_and_watermark() {
    #[component]
    fn Root() -> Element {
        let driver: nango_ui::SharedDriver = Rc::new(FakeDriver::new());
        let mut settings = nango_core::session::ConnectUiSettings {
            show_watermark: false,
            default_theme: nango_core::connect_ui::ThemeOverride::Dark,
            ..Default::default()
        };
        settings.theme.dark.primary = "#1e1b4b".to_owned();
        rsx! {
            nango_ui::ConnectUi {
                token: Some(nango_core::ConnectSessionToken::new(fixtures::TOKEN)),
                driver: nango_ui::connect::DriverProp(driver),
                settings: Some(settings),
            }
        }
    }
    let mut dom = VirtualDom::new(Root);
    dom.rebuild_in_place();
    run_until_idle(&mut dom);
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(r#"data-theme="dark" data-mode"#), "{html}");
    assert!(
        html.contains("--nango-primary: #1e1b4b; --nango-on-primary: #ffffff"),
        "{}",
        &html[..300]
    );
    assert!(!html.contains(&esc(&en(MessageKey::CommonSecuredBy))));
}

#[test]
fn waiting_in_the_system_browser_says_so() {
    #[component]
    fn Root(form: FormScreen) -> Element {
        let driver: nango_ui::SharedDriver = Rc::new(FakeDriver::new().with_system_browser(true));
        nango_ui::driver::use_provide_connect_driver(move || driver);
        rsx! { GoScreen { form, mode: HostingMode::Overlay, handlers: noop_handlers() } }
    }
    let mut form = form_of("slack");
    form.phase = FormPhase::Waiting;
    let mut dom = VirtualDom::new_with_props(Root, RootProps { form });
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(
        html.contains(&esc(&en(MessageKey::GoWaitingBrowser))),
        "{html}"
    );
}

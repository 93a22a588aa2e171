//! The app's root: reads the query parameters, picks the hosting mode, wires the parent channel
//! (token in, events out), the no-token timer and the browser driver around nango-ui's
//! [`ConnectUi`]. English is compiled in; another language's catalogue is fetched from
//! `locales/<tag>.ftl` next to the page before the UI mounts (see [`translation_to_fetch`]);
//! under its content-hashed name when `index.html` lists one (see [`asset_meta_name`]).

use std::rc::Rc;

use dioxus::prelude::*;
use nango_core::ConnectSessionToken;
use nango_core::connect_ui::ConnectUiParams;
use nango_core::messages::{ConnectUiEvent, ConnectUiMessage, ParentMessage};
use nango_core::session::{ConnectUiSettings, TelemetryEvent};
use nango_ui::components::Shared;
use nango_ui::connect::DriverProp;
use nango_ui::driver::SharedDriver;
use nango_ui::i18n::{I18nCatalogue, Language};
use nango_ui::{ConnectUi, HostingMode};
use nango_web::{CloseBehaviour, WebConnectDriver};

/// How long a framed UI waits for its `session_token` message before giving up (spec §2.2).
pub const TOKEN_WAIT_MS: u32 = 10_000;

/// How long the UI waits for a non-English catalogue before showing English (per message).
pub const TRANSLATION_WAIT_MS: u32 = 3_000;

/// The folder, relative to the page, that holds the catalogues not compiled in.
pub const LOCALES_DIR: &str = "locales";

/// The `<meta name>` under which `cargo xtask build-web` lists the content-hashed URL of an
/// asset the app looks up by its plain path (e.g. `locales/de.ftl`).
pub fn asset_meta_name(plain: &str) -> String {
    format!("nango-asset:{plain}")
}

/// The language whose catalogue must be fetched before the UI mounts: the negotiated one (the
/// `lang` parameter, else the browser's languages), when it is not compiled in.
pub fn translation_to_fetch(lang: Option<&str>, system_languages: &[String]) -> Option<Language> {
    let negotiated = I18nCatalogue::new().negotiate(lang, system_languages);
    Language::from_tag(&negotiated.to_string()).filter(|language| !language.is_bundled())
}

/// The catalogue once a fetched FTL source (if any) is added: a source that does not parse is
/// dropped, and the UI shows English.
pub fn catalogue_with(fetched: Option<(Language, String)>) -> I18nCatalogue {
    match fetched {
        Some((language, source)) => I18nCatalogue::new()
            .with_override(language, source)
            .unwrap_or_default(),
        None => I18nCatalogue::new(),
    }
}

/// Where the app runs, read once at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Launch {
    /// The query parameters.
    pub params: ConnectUiParams,
    /// True when the page is not framed (a connect link).
    pub top_level: bool,
}

impl Launch {
    /// The hosting mode: `embedded=true` → embedded; top-level → connect link; else overlay.
    pub fn mode(&self) -> HostingMode {
        if self.params.embedded {
            HostingMode::Embedded
        } else if self.top_level {
            HostingMode::ConnectLink
        } else {
            HostingMode::Overlay
        }
    }

    /// What closing does: tell the parent (it removes the iframe), or nothing top-level.
    pub fn close_behaviour(&self) -> CloseBehaviour {
        if self.top_level {
            CloseBehaviour::Nothing
        } else {
            CloseBehaviour::PostToParent
        }
    }

    /// True when the UI must wait for the parent's token (framed, none in the URL).
    pub fn waits_for_token(&self) -> bool {
        !self.top_level && self.params.session_token.is_none()
    }

    /// The page's own launch parameters.
    #[cfg(target_arch = "wasm32")]
    fn current() -> Launch {
        let query = web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default();
        Launch {
            params: ConnectUiParams::from_query(&query),
            top_level: nango_web::connect_ui::embedded::is_top_level(),
        }
    }
}

/// The event to post to the parent for a UI event; `close` is posted by the driver's close
/// (after the leave confirmation), so it is not posted twice.
pub fn parent_message_for(event: &ConnectUiEvent) -> Option<ConnectUiMessage> {
    match event {
        ConnectUiEvent::Close => None,
        other => Some(ConnectUiMessage::from(other.clone())),
    }
}

/// The app root in the browser.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn App() -> Element {
    let launch = use_hook(Launch::current);
    rsx! { ConnectApp { launch } }
}

/// The Connect UI with its channel to the parent window.
#[component]
pub fn ConnectApp(
    /// Query parameters and framing.
    launch: Launch,
) -> Element {
    let params = &launch.params;
    let preview = params.preview;
    let mut token = use_signal(|| params.session_token.clone());
    let mut timed_out = use_signal(|| false);
    let mut settings = use_signal(|| None::<ConnectUiSettings>);
    let driver: SharedDriver = use_hook(|| {
        Rc::new(WebConnectDriver::new(
            &params.api_url,
            launch.close_behaviour(),
        ))
    });

    // The catalogue: ready at once for English (compiled in), else after the fetch (or its
    // timeout). The UI mounts when it is ready, so no English flashes before the translation.
    let mut catalogue = use_signal(|| None::<Shared<I18nCatalogue>>);
    use_hook({
        let driver = driver.clone();
        let lang = params.lang.clone();
        move || match translation_to_fetch(lang.as_deref(), &driver.system_languages()) {
            None => catalogue.set(Some(Shared(Rc::new(I18nCatalogue::new())))),
            Some(language) => {
                spawn(async move {
                    let fetched = fetch_translation(language, driver).await;
                    let loaded = catalogue_with(fetched.map(|source| (language, source)));
                    catalogue.set(Some(Shared(Rc::new(loaded))));
                });
            }
        }
    });

    // Messages from the parent: the token, live settings in preview, telemetry `open`.
    let on_parent = {
        let driver = driver.clone();
        use_callback(move |message: ParentMessage| {
            match message {
                ParentMessage::SessionToken { session_token } => token.set(Some(session_token)),
                ParentMessage::SettingsChanged { payload } if preview => {
                    settings.set(Some(payload));
                }
                _ => {}
            }
            let current: Option<ConnectSessionToken> = token.peek().clone();
            if let Some(current) = current
                && !preview
            {
                spawn(driver.telemetry(&current, TelemetryEvent::Open, None));
            }
        })
    };
    listen_to_parent(on_parent, launch.top_level);

    // A framed UI without a token gives up after 10 s.
    let waits = launch.waits_for_token();
    use_hook({
        let driver = driver.clone();
        move || {
            if waits {
                spawn(async move {
                    driver.sleep(TOKEN_WAIT_MS).await;
                    if token.peek().is_none() {
                        timed_out.set(true);
                    }
                });
            }
        }
    });

    let top_level = launch.top_level;
    let on_event = move |event: ConnectUiEvent| {
        if let Some(message) = parent_message_for(&event) {
            post_to_parent(&message, top_level);
        }
    };
    let Some(catalogue) = catalogue() else {
        return rsx! {};
    };
    rsx! {
        ConnectUi {
            token,
            token_timed_out: timed_out,
            language: params.lang.clone(),
            theme: params.theme,
            detect_closed_auth_window: params.detect_closed_auth_window,
            mode: launch.mode(),
            preview,
            settings,
            driver: DriverProp(driver.clone()),
            catalogue,
            on_event,
        }
    }
}

/// Fetches `locales/<tag>.ftl` (relative to the page); `None` on any failure or after
/// [`TRANSLATION_WAIT_MS`].
#[cfg(target_arch = "wasm32")]
async fn fetch_translation(language: Language, driver: SharedDriver) -> Option<String> {
    use futures_util::future::{Either, select};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let plain = format!("{LOCALES_DIR}/{}", language.ftl_file_name());
    let fetch = Box::pin(async move {
        let window = web_sys::window()?;
        let url = hashed_asset_url(&window, &plain).unwrap_or(plain);
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    });
    match select(fetch, driver.sleep(TRANSLATION_WAIT_MS)).await {
        Either::Left((source, _)) => source,
        Either::Right(_) => None,
    }
}

/// The content-hashed URL `index.html` lists for the asset at `plain` (relative to the page).
#[cfg(target_arch = "wasm32")]
fn hashed_asset_url(window: &web_sys::Window, plain: &str) -> Option<String> {
    let selector = format!("meta[name=\"{}\"]", asset_meta_name(plain));
    window
        .document()?
        .query_selector(&selector)
        .ok()??
        .get_attribute("content")
        .filter(|url| !url.is_empty())
}

/// Outside a browser there is nothing to fetch: English.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_translation(_language: Language, _driver: SharedDriver) -> Option<String> {
    None
}

/// Installs the parent-message listener for the component's lifetime (not top-level).
#[cfg(target_arch = "wasm32")]
fn listen_to_parent(on_parent: Callback<ParentMessage>, top_level: bool) {
    use_hook(move || {
        (!top_level).then(|| {
            Rc::new(nango_web::connect_ui::embedded::ParentListener::install(
                move |message| on_parent.call(message),
            ))
        })
    });
}

/// No parent window outside a browser.
#[cfg(not(target_arch = "wasm32"))]
fn listen_to_parent(_on_parent: Callback<ParentMessage>, _top_level: bool) {}

/// Posts `message` to the parent window with target `*` (nothing top-level).
#[cfg(target_arch = "wasm32")]
fn post_to_parent(message: &ConnectUiMessage, top_level: bool) {
    if !top_level {
        nango_web::connect_ui::embedded::post_to_parent(message);
    }
}

/// No parent window outside a browser.
#[cfg(not(target_arch = "wasm32"))]
fn post_to_parent(_message: &ConnectUiMessage, _top_level: bool) {}

#[cfg(test)]
mod tests {
    use super::*;
    use nango_core::AuthError;

    fn launch(query: &str, top_level: bool) -> Launch {
        Launch {
            params: ConnectUiParams::from_query(query),
            top_level,
        }
    }

    #[test]
    fn hashed_catalogues_are_looked_up_under_the_build_web_meta_name() {
        // `cargo xtask build-web` writes `<meta name="nango-asset:locales/de.ftl" …>`.
        assert_eq!(
            asset_meta_name(&format!(
                "{LOCALES_DIR}/{}",
                Language::German.ftl_file_name()
            )),
            "nango-asset:locales/de.ftl"
        );
    }

    #[test]
    fn hosting_mode_follows_framing_and_embedded() {
        assert_eq!(launch("", false).mode(), HostingMode::Overlay);
        assert_eq!(
            launch("?session_token=t", true).mode(),
            HostingMode::ConnectLink
        );
        assert_eq!(
            launch("?embedded=true&preview=true", false).mode(),
            HostingMode::Embedded
        );
        assert!(launch("", false).waits_for_token());
        assert!(!launch("?session_token=t", false).waits_for_token());
        assert!(!launch("", true).waits_for_token());
        assert!(matches!(
            launch("", false).close_behaviour(),
            CloseBehaviour::PostToParent
        ));
        assert!(matches!(
            launch("", true).close_behaviour(),
            CloseBehaviour::Nothing
        ));
    }

    #[test]
    fn events_become_parent_messages_except_close() {
        assert_eq!(parent_message_for(&ConnectUiEvent::Close), None);
        assert_eq!(
            parent_message_for(&ConnectUiEvent::Ready).map(|m| m.to_value()),
            Some(serde_json_value(r#"{"type":"ready"}"#))
        );
        let error = ConnectUiEvent::Error(AuthError::window_closed());
        let posted = parent_message_for(&error).map(|m| m.to_value());
        assert_eq!(
            posted
                .as_ref()
                .and_then(|v| v["payload"]["errorType"].as_str()),
            Some("window_closed")
        );
    }

    #[test]
    fn only_languages_that_are_not_compiled_in_are_fetched() {
        assert_eq!(translation_to_fetch(None, &[]), None);
        assert_eq!(translation_to_fetch(Some("en"), &["fr".to_owned()]), None);
        assert_eq!(
            translation_to_fetch(Some("xx"), &["en-GB".to_owned()]),
            None
        );
        let french = (!Language::French.is_bundled()).then_some(Language::French);
        assert_eq!(translation_to_fetch(Some("fr"), &[]), french);
        assert_eq!(translation_to_fetch(None, &["fr-CA".to_owned()]), french);
    }

    #[test]
    fn a_fetched_catalogue_translates_and_a_broken_one_falls_back_to_english() {
        let french = include_str!("../../ui/locales/fr.ftl").to_owned();
        let title = nango_ui::MessageKey::IntegrationsListTitle;
        let loaded = catalogue_with(Some((Language::French, french))).translator(Language::French);
        assert_eq!(loaded.text(title), "Choisissez une application à connecter");
        let broken = catalogue_with(Some((Language::French, "x = { broken".to_owned())))
            .translator(Language::French);
        let english = nango_ui::Translator::new(Language::English).text(title);
        if !Language::French.is_bundled() {
            assert_eq!(broken.text(title), english);
        }
        assert_eq!(
            catalogue_with(None)
                .translator(Language::English)
                .text(title),
            english
        );
    }

    fn serde_json_value(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_connect_link_without_token_says_it_cannot_be_opened_directly() {
        fn root() -> Element {
            rsx! { ConnectApp { launch: Launch { params: ConnectUiParams::from_query(""), top_level: true } } }
        }
        let mut dom = VirtualDom::new(root);
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains(r#"data-mode="connect-link""#), "{html}");
        assert!(html.contains(r#"data-state="opened-directly""#), "{html}");
    }

    #[test]
    fn a_framed_ui_waits_with_the_loading_view() {
        fn root() -> Element {
            rsx! { ConnectApp { launch: Launch { params: ConnectUiParams::from_query("?theme=dark"), top_level: false } } }
        }
        let mut dom = VirtualDom::new(root);
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains(r#"data-mode="overlay""#), "{html}");
        assert!(html.contains(r#"data-theme="dark""#), "{html}");
    }
}

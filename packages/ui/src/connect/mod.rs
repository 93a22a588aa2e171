//! The top-level [`ConnectUi`] component: loads data through the driver, moves between screens
//! with the pure [`ConnectMachine`], and renders its state with [`ConnectScreens`] (the dialog
//! shell around the current screen).

mod machine;
mod runner;
mod screens;
mod submission;

use std::cell::RefCell;
use std::rc::Rc;

use dioxus::prelude::*;
use nango_core::ConnectSessionToken;
use nango_core::connect_ui::ThemeOverride;
use nango_core::messages::ConnectUiEvent;
use nango_core::session::ConnectUiSettings;

pub use machine::{
    CloseTrigger, ConnectMachine, Effect, FailureDetails, Fallback, FormAlert, FormPhase,
    FormScreen, HostingMode, Input, Screen, compact_json,
};
pub use runner::{EffectRunner, PendingInput, Started, drive, drive_machine};
pub use screens::{ConnectScreens, go_handlers};
pub use submission::Submission;

use crate::components::Shared;
use crate::driver::{DriverContext, SharedDriver, use_connect_driver};
use crate::i18n::{ConnectI18nConfig, I18nCatalogue, use_init_connect_i18n};

/// A driver passed as a prop (compared by identity).
#[derive(Clone)]
pub struct DriverProp(pub SharedDriver);

impl PartialEq for DriverProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl From<SharedDriver> for DriverProp {
    fn from(driver: SharedDriver) -> Self {
        DriverProp(driver)
    }
}

/// Nango's Connect UI: integrations list, auth form, waiting, success and failure screens in a
/// modal dialog, driven by a session token.
///
/// All I/O goes through the [`ConnectDriver`](crate::driver::ConnectDriver): the `driver` prop,
/// else the one in context, else none (every load fails, which shows the generic error).
#[component]
pub fn ConnectUi(
    /// The connect session token; `None` until the host has one (it may arrive later).
    #[props(into)]
    token: ReadSignal<Option<ConnectSessionToken>>,
    /// Set by the host when no token arrived in time (Nango waits 10 s in an iframe): shows the
    /// "cannot be opened directly" error.
    #[props(default, into)]
    token_timed_out: ReadSignal<bool>,
    /// The UI language (`lang`); falls back to the system languages, then English.
    #[props(default)]
    language: Option<String>,
    /// The theme override (`theme`); wins over the session's default theme.
    #[props(default)]
    theme: Option<ThemeOverride>,
    /// Report an OAuth window closed early as `window_closed`.
    #[props(default)]
    detect_closed_auth_window: bool,
    /// How the UI is hosted.
    #[props(default)]
    mode: HostingMode,
    /// Dashboard preview: close and submit do nothing, no telemetry.
    #[props(default)]
    preview: bool,
    /// Live settings (dashboard preview `settings_changed`, gallery controls): when set, they
    /// replace the session's `connectUISettings` (theme, primary colours, watermark).
    #[props(default, into)]
    settings: ReadSignal<Option<ConnectUiSettings>>,
    /// The platform driver (else the one in context).
    #[props(default)]
    driver: Option<DriverProp>,
    /// Translation overrides or extra languages.
    #[props(default)]
    catalogue: Option<Shared<I18nCatalogue>>,
    /// The dialog element id (unique per page when several UIs are shown).
    #[props(default = "nango-connect-dialog".to_string())]
    dialog_id: String,
    /// Every event: `ready`, `connect`, `error`, `close`.
    #[props(default)]
    on_event: Option<EventHandler<ConnectUiEvent>>,
) -> Element {
    let context_driver = use_connect_driver();
    let driver: SharedDriver = use_hook(|| {
        let driver = driver.map(|d| d.0).unwrap_or(context_driver);
        provide_context(DriverContext(driver.clone()));
        driver
    });
    let catalogue = catalogue.map(|c| (*c.0).clone()).unwrap_or_default();
    let language_id =
        use_hook(|| catalogue.negotiate(language.as_deref(), &driver.system_languages()));
    let mut i18n = use_init_connect_i18n(|| {
        ConnectI18nConfig::new(language_id.clone()).with_catalogue(catalogue)
    });
    // The language API calls ask for (`Accept-Language`), following the UI's.
    let request_language: Rc<RefCell<String>> =
        use_hook(|| Rc::new(RefCell::new(language_id.to_string())));
    let machine = use_signal(|| {
        let mut machine = ConnectMachine::new(mode, preview, detect_closed_auth_window);
        machine.token = token.peek().clone();
        machine
    });
    let runner = use_hook(|| {
        Rc::new(EffectRunner {
            driver: driver.clone(),
            language: {
                let request_language = request_language.clone();
                Rc::new(move || Some(request_language.borrow().clone()))
            },
            text: Rc::new(move |key| i18n.text(key)),
            on_event: Rc::new(move |event| {
                if let Some(handler) = on_event {
                    handler.call(event);
                }
            }),
        })
    });
    let send = {
        let runner = runner.clone();
        move |input: Input| dispatch(machine, runner.clone(), input)
    };
    use_hook({
        let send = send.clone();
        move || send(Input::Start)
    });
    use_effect({
        let send = send.clone();
        move || {
            if let Some(token) = token() {
                send(Input::TokenReceived(token));
            }
        }
    });
    // A `language` prop changed at runtime: switch, so every text re-renders, and refetch the
    // open form's provider in the new language (its texts are localised by the server).
    let language_driver = driver.clone();
    let language_send = send.clone();
    use_effect(use_reactive((&language,), move |(language,)| {
        if i18n.follow_language_prop(language.as_deref(), &language_driver.system_languages()) {
            *request_language.borrow_mut() = i18n.language().to_string();
            language_send(Input::LanguageChanged);
        }
    }));
    use_effect({
        let send = send.clone();
        move || {
            if token_timed_out() {
                send(Input::TokenTimedOut);
            }
        }
    });

    let send_input = use_callback(move |input: Input| send(input));
    rsx! {
        ConnectScreens {
            machine,
            send: send_input,
            mode,
            theme,
            settings,
            dialog_id,
        }
    }
}

/// Applies an input to the machine signal and spawns the effects that keep running.
pub fn dispatch(mut machine: Signal<ConnectMachine>, runner: Rc<EffectRunner>, input: Input) {
    let pending = drive(|input| machine.write().apply(input), &runner, input);
    for future in pending {
        let runner = runner.clone();
        spawn(async move {
            if let Some(next) = future.await {
                dispatch(machine, runner, next);
            }
        });
    }
}

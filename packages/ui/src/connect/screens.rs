//! [`ConnectScreens`]: the dialog shell and the current screen of a [`ConnectMachine`], with
//! every callback feeding an [`Input`] back. One renderer for [`ConnectUi`](super::ConnectUi) and
//! for hosts that advance a machine themselves (the gallery's scripted stories).

use dioxus::prelude::*;
use nango_core::connect_ui::ThemeOverride;
use nango_core::session::ConnectUiSettings;

use super::machine::{CloseTrigger, ConnectMachine, HostingMode, Input, Screen};
use crate::components::{
    ConnectShell, ErrorView, GoHandlers, GoScreen, IntegrationsView, LoadingView, Shared,
};
use crate::driver::use_connect_driver;
use crate::i18n::use_connect_i18n;
use crate::theme::{ThemePreference, ThemeStyle, resolve_theme};

/// The Connect UI dialog showing `machine`'s screen. Reads the machine (re-rendering when it
/// changes) but never writes it: every user action goes to `send`.
///
/// Needs the i18n context ([`use_init_connect_i18n`](crate::i18n::use_init_connect_i18n)) and
/// takes the system theme from the driver in context.
#[component]
pub fn ConnectScreens(
    /// The state shown.
    machine: Signal<ConnectMachine>,
    /// Receives the input of each user action (give a stable handle, e.g. from `use_callback`).
    send: EventHandler<Input>,
    /// How the UI is hosted (close controls, Finish).
    #[props(default)]
    mode: HostingMode,
    /// The theme override; wins over the session's default theme.
    #[props(default)]
    theme: Option<ThemeOverride>,
    /// Live settings replacing the session's `connectUISettings` when set.
    #[props(default, into)]
    settings: ReadSignal<Option<ConnectUiSettings>>,
    /// The dialog element id.
    #[props(default = "nango-connect-dialog".to_string())]
    dialog_id: String,
    /// The search text the integrations list starts with (gallery stories).
    #[props(default)]
    initial_query: String,
) -> Element {
    let driver = use_connect_driver();
    let i18n = use_connect_i18n();
    let state = machine.read();
    let settings = settings().or_else(|| {
        state
            .session
            .as_ref()
            .map(|s| s.connect_ui_settings.clone())
    });
    let session_theme = settings
        .as_ref()
        .and_then(|s| ThemePreference::parse(s.default_theme.as_str()));
    let url_theme = theme.and_then(|t| ThemePreference::parse(t.as_str()));
    // The system's scheme is asked only when it decides (a query to the platform).
    let follows_system = matches!(
        url_theme.or(session_theme),
        None | Some(ThemePreference::System)
    );
    let effective = resolve_theme(
        url_theme,
        session_theme,
        follows_system && driver.system_prefers_dark(),
    );
    let brand_css = settings
        .as_ref()
        .map(|s| {
            ThemeStyle::from_primaries(
                effective,
                Some(&s.theme.light.primary),
                Some(&s.theme.dark.primary),
            )
            .to_inline_css()
        })
        .unwrap_or_default();
    let closable = mode != HostingMode::ConnectLink;
    let on_close = closable
        .then(|| EventHandler::new(move |()| send.call(Input::Close(CloseTrigger::CloseButton))));
    let on_close_request = closable
        .then(|| EventHandler::new(move |trigger: CloseTrigger| send.call(Input::Close(trigger))));
    let screen = match &state.screen {
        Screen::Loading => rsx! { LoadingView { on_close } },
        Screen::Fallback(kind) => rsx! { ErrorView { kind: *kind, on_close } },
        Screen::List => rsx! {
            IntegrationsView {
                integrations: Shared(state.integrations.clone()),
                pending: state.pending_card.clone(),
                card_error: state.card_error.clone(),
                initial_query: initial_query.clone(),
                on_select: move |key| send.call(Input::SelectIntegration(key)),
                on_close,
            }
        },
        Screen::Form(form) => {
            let send_input = move |input: Input| send.call(input);
            let handlers = go_handlers(&send_input, !state.single_integration, on_close, closable);
            rsx! { GoScreen { form: (**form).clone(), mode, handlers } }
        }
    };
    let show_watermark =
        state.session.is_some() && settings.as_ref().is_some_and(|s| s.show_watermark);
    drop(state);
    rsx! {
        ConnectShell {
            mode,
            theme: effective.as_str().to_string(),
            brand_css,
            language: i18n.language().to_string(),
            show_watermark,
            dialog_id,
            on_close_request,
            {screen}
        }
    }
}

/// The auth screen's callbacks, each feeding one input of the machine through `send` (used by
/// [`ConnectScreens`] and by hosts that render the auth screen on their own).
pub fn go_handlers(
    send: &(impl Fn(Input) + Clone + 'static),
    can_go_back: bool,
    on_close: Option<EventHandler<()>>,
    closable: bool,
) -> GoHandlers {
    let handler = |input: Input| {
        let send = send.clone();
        EventHandler::new(move |()| send(input.clone()))
    };
    let on_edit = {
        let send = send.clone();
        EventHandler::new(move |(field, value)| send(Input::Edit { field, value }))
    };
    let on_docs = {
        let send = send.clone();
        EventHandler::new(move |section: bool| send(Input::DocsOpened { section }))
    };
    GoHandlers {
        on_edit,
        on_submit: handler(Input::Submit),
        on_back: can_go_back.then(|| handler(Input::BackToList)),
        on_close,
        on_docs,
        on_cancel: handler(Input::CancelWaiting),
        on_reopen: Some(handler(Input::ReopenAuthWindow)),
        on_toggle_details: handler(Input::ToggleDetails),
        on_retry: handler(Input::RetryForm),
        on_finish: closable.then(|| handler(Input::Close(CloseTrigger::Finish))),
    }
}

//! The Connect UI's screen state machine (connect-ui §2–§3, §2.7): pure, no I/O. It consumes
//! [`Input`]s (user actions, data arrivals, flow results) and returns [`Effect`]s for the runner
//! to perform through the driver; every transition is unit-testable on the host.

use std::collections::BTreeSet;
use std::rc::Rc;

use nango_core::catalogue::{
    DocsUrl, FieldId, FormModel, FormValues, IntegrationContext, Provider,
};
use nango_core::messages::{ConnectPayload, ConnectUiEvent};
use nango_core::session::{ConnectSession, Integration, TelemetryEvent};
use nango_core::{AuthError, AuthErrorKind, AuthSuccess, ConnectSessionToken, ProviderConfigKey};

use super::submission::Submission;
use crate::i18n::MessageKey;

/// How the Connect UI is hosted (spec §1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum HostingMode {
    /// A modal over the host app (iframe overlay or in-page): translucent backdrop, close
    /// actions end the UI.
    #[default]
    Overlay,
    /// The standalone connect link opened in its own tab: solid page, no close buttons (nothing
    /// to close into), "you can close this tab" on success. Without a token: immediate error.
    ConnectLink,
    /// Embedded in a page or the dashboard preview: no backdrop, fills its frame up to 500×700.
    Embedded,
}

/// The error fallbacks of spec §2.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fallback {
    /// No session token (top-level page, or none arrived in time).
    OpenedDirectly,
    /// The API answered 401: the session expired or is unknown.
    SessionExpired,
    /// Anything else.
    Generic,
}

impl Fallback {
    /// The translated message of this fallback.
    pub fn message_key(self) -> MessageKey {
        match self {
            Fallback::OpenedDirectly => MessageKey::ErrorOpenedDirectly,
            Fallback::SessionExpired => MessageKey::ErrorSessionExpired,
            Fallback::Generic => MessageKey::ErrorGeneric,
        }
    }

    /// The fallback for a failed API call: 401-type errors mean an expired session.
    pub fn for_error(error: &AuthError) -> Fallback {
        match error.kind {
            AuthErrorKind::UnknownConnectSessionToken
            | AuthErrorKind::InvalidConnectSessionTokenFormat
            | AuthErrorKind::MissingAuthHeader
            | AuthErrorKind::MalformedAuthHeader
            | AuthErrorKind::MissingConnectSessionToken => Fallback::SessionExpired,
            _ => Fallback::Generic,
        }
    }
}

/// What started a close (each sends its own telemetry event, §2.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CloseTrigger {
    /// The header X or the empty-state Close button.
    CloseButton,
    /// Escape or a click outside the dialog.
    Outside,
    /// The success screen's Finish button.
    Finish,
}

impl CloseTrigger {
    /// The telemetry event of this trigger.
    pub fn telemetry(self) -> TelemetryEvent {
        match self {
            CloseTrigger::CloseButton => TelemetryEvent::ClickClose,
            CloseTrigger::Outside => TelemetryEvent::ClickOutside,
            CloseTrigger::Finish => TelemetryEvent::ClickFinish,
        }
    }
}

/// The inline alert above the form fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormAlert {
    /// The OAuth window was blocked (`blocked_by_browser`).
    PopupBlocked,
    /// The OAuth window was closed early (`window_closed`).
    PopupClosed,
    /// A submission could not even start (for example an unroutable credential set).
    Message(String),
}

impl FormAlert {
    /// The translation key, when the alert has a fixed text.
    pub fn message_key(&self) -> Option<MessageKey> {
        match self {
            FormAlert::PopupBlocked => Some(MessageKey::GoPopupBlocked),
            FormAlert::PopupClosed => Some(MessageKey::GoPopupClosed),
            FormAlert::Message(_) => None,
        }
    }
}

/// The details text of the connection-failed screen (§2.5.8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailureDetails {
    /// A translated text; `provider` fills `{provider}` when the message has it.
    Translated {
        /// The message.
        key: MessageKey,
        /// The provider display name.
        provider: Option<String>,
    },
    /// The server's message (JSON re-serialised compactly).
    Raw(String),
}

impl FailureDetails {
    /// The details shown for an auth error (table of §2.5.8).
    pub fn for_error(error: &AuthError, provider: &str) -> FailureDetails {
        let message = compact_json(&error.message);
        let invalid = || FailureDetails::Translated {
            key: MessageKey::GoInvalidCredentials,
            provider: Some(provider.to_owned()),
        };
        match &error.kind {
            AuthErrorKind::ConnectionTestFailed => invalid(),
            AuthErrorKind::ConnectionValidationFailed if message.is_empty() => invalid(),
            AuthErrorKind::ResourceCapped => FailureDetails::Translated {
                key: MessageKey::GoResourceCapped,
                provider: None,
            },
            _ if message.is_empty() => FailureDetails::Translated {
                key: MessageKey::GoUnknownError,
                provider: None,
            },
            _ => FailureDetails::Raw(message),
        }
    }
}

/// Text that parses as JSON, re-serialised compactly; anything else unchanged.
pub fn compact_json(text: &str) -> String {
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(text)
    {
        return value.to_string();
    }
    text.to_owned()
}

/// Where the auth form is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum FormPhase {
    /// Filling in, with an optional alert from the last attempt.
    Editing {
        /// The alert shown above the fields.
        alert: Option<FormAlert>,
    },
    /// A credential request is in flight (button spinner).
    Connecting,
    /// The OAuth window is open (waiting screen with Cancel).
    Waiting,
    /// Connected.
    Success(AuthSuccess),
    /// The connection failed.
    Failed {
        /// The details text.
        details: FailureDetails,
        /// The details disclosure is open.
        expanded: bool,
    },
}

/// The auth screen (`/go`) and its data.
#[derive(Clone, Debug, PartialEq)]
pub struct FormScreen {
    /// The integration being connected.
    pub integration: Integration,
    /// Its provider template.
    pub provider: Rc<Provider>,
    /// The generated form.
    pub model: Rc<FormModel>,
    /// Current values (hidden fields included).
    pub values: FormValues,
    /// Fields the user has edited (their errors are shown).
    pub touched: BTreeSet<FieldId>,
    /// A submit was attempted (every field's error is shown).
    pub submit_attempted: bool,
    /// The AWS External ID shown (AWS_SIGV4 first connect only).
    pub external_id: Option<String>,
    /// The footer and field docs link.
    pub docs: Option<DocsUrl>,
    /// The phase.
    pub phase: FormPhase,
}

impl FormScreen {
    /// True while a submission is in flight.
    pub fn is_busy(&self) -> bool {
        matches!(self.phase, FormPhase::Connecting | FormPhase::Waiting)
    }
}

/// The current screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Loading skeleton (waiting for a token, the session, or the single integration).
    Loading,
    /// An error fallback.
    Fallback(Fallback),
    /// The integrations list (empty state when there are none).
    List,
    /// The auth form and its result screens.
    Form(Box<FormScreen>),
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// The UI mounted (emits `ready`; with a token, starts loading).
    Start,
    /// A session token arrived (prop or `session_token` message).
    TokenReceived(ConnectSessionToken),
    /// The host's no-token timer ran out (10 s in an iframe).
    TokenTimedOut,
    /// Session and integrations loaded.
    Loaded {
        /// `GET /connect/session`.
        session: Rc<ConnectSession>,
        /// `GET /integrations`.
        integrations: Rc<Vec<Integration>>,
    },
    /// Loading the session or the integrations failed.
    LoadFailed(AuthError),
    /// An integration card was activated.
    SelectIntegration(ProviderConfigKey),
    /// The provider of the selected integration arrived (with a fresh External ID candidate).
    ProviderLoaded {
        /// The integration.
        key: ProviderConfigKey,
        /// Its provider.
        provider: Rc<Provider>,
        /// A new random External ID (used for AWS_SIGV4 without a preconfigured one).
        external_id: String,
    },
    /// Fetching the provider failed.
    ProviderFailed {
        /// The integration.
        key: ProviderConfigKey,
        /// Why.
        error: AuthError,
    },
    /// A field changed.
    Edit {
        /// The field.
        field: FieldId,
        /// Its new value.
        value: String,
    },
    /// The Connect button (or Enter in a field).
    Submit,
    /// The submission settled.
    AuthFinished {
        /// The attempt it belongs to (stale failures are ignored).
        attempt: u64,
        /// The outcome.
        result: Result<AuthSuccess, AuthError>,
    },
    /// The visible Cancel while waiting for the OAuth window.
    CancelWaiting,
    /// "Open the window again" while waiting: ends the attempt in progress and starts a new
    /// one (a user click, so the web driver may open a popup).
    ReopenAuthWindow,
    /// The failure screen's details disclosure.
    ToggleDetails,
    /// The failure screen's Back: back to the form, values kept.
    RetryForm,
    /// The form's Back link: back to the list.
    BackToList,
    /// A close action.
    Close(CloseTrigger),
    /// The user confirmed leaving with unsaved input.
    CloseConfirmed(CloseTrigger),
    /// The footer guide link (`section: false`) or a field's info link (`true`) was followed.
    DocsOpened {
        /// A field's link rather than the footer's.
        section: bool,
    },
    /// The UI language changed at runtime: an open form fetches its provider again, in the new
    /// language (the server localises provider texts per `Accept-Language`, spec §5.3), and
    /// keeps what the user typed.
    LanguageChanged,
}

/// Something to do outside the machine.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Deliver an event to the host (`on_event`, parent `postMessage`).
    Emit(ConnectUiEvent),
    /// Send telemetry.
    Telemetry {
        /// The session token.
        token: ConnectSessionToken,
        /// The event.
        event: TelemetryEvent,
        /// The integration dimension.
        integration: Option<ProviderConfigKey>,
    },
    /// Load the session and the integrations concurrently.
    Load(ConnectSessionToken),
    /// Fetch the provider of an integration.
    FetchProvider {
        /// The session token.
        token: ConnectSessionToken,
        /// The integration.
        integration: Box<Integration>,
    },
    /// Run `auth`/`create` (must start synchronously, inside the user's click).
    Submit {
        /// The session token.
        token: ConnectSessionToken,
        /// The integration key.
        key: ProviderConfigKey,
        /// The call.
        submission: Box<Submission>,
        /// The attempt number.
        attempt: u64,
    },
    /// End the flow in progress (`driver.cancel()`).
    CancelAuth,
    /// Ask the user before closing with unsaved input.
    ConfirmLeave(CloseTrigger),
    /// The platform part of closing (`driver.close()`).
    Close,
}

/// The Connect UI's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectMachine {
    /// Hosting mode.
    pub mode: HostingMode,
    /// Dashboard preview: close and submit are no-ops, telemetry off.
    pub preview: bool,
    /// Report a closed OAuth window as `window_closed`.
    pub detect_closed_auth_window: bool,
    /// The session token, once known.
    pub token: Option<ConnectSessionToken>,
    /// The session, once loaded.
    pub session: Option<Rc<ConnectSession>>,
    /// The integrations, once loaded (server order).
    pub integrations: Rc<Vec<Integration>>,
    /// The screen.
    pub screen: Screen,
    /// The list was skipped (one allowed integration): no Back link.
    pub single_integration: bool,
    /// The form was edited since it opened (close asks first).
    pub dirty: bool,
    /// The card whose provider is being fetched (further activations are ignored).
    pub pending_card: Option<ProviderConfigKey>,
    /// The card showing an inline network error.
    pub card_error: Option<ProviderConfigKey>,
    /// The open form whose provider is being fetched again after a language change.
    pub relocalising: Option<ProviderConfigKey>,
    /// `ready` was emitted.
    started: bool,
    /// Submission counter.
    attempt: u64,
}

impl ConnectMachine {
    /// A machine for `mode`, loading skeleton first.
    pub fn new(mode: HostingMode, preview: bool, detect_closed_auth_window: bool) -> Self {
        ConnectMachine {
            mode,
            preview,
            detect_closed_auth_window,
            token: None,
            session: None,
            integrations: Rc::new(Vec::new()),
            screen: Screen::Loading,
            single_integration: false,
            dirty: false,
            pending_card: None,
            card_error: None,
            relocalising: None,
            started: false,
            attempt: 0,
        }
    }

    /// The form screen, when shown.
    pub fn form(&self) -> Option<&FormScreen> {
        match &self.screen {
            Screen::Form(form) => Some(form),
            _ => None,
        }
    }

    /// Shows the "Secured by Nango" footer (false until the session loads).
    pub fn show_watermark(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.connect_ui_settings.show_watermark)
    }

    fn telemetry(
        &self,
        event: TelemetryEvent,
        integration: Option<&ProviderConfigKey>,
    ) -> Option<Effect> {
        if self.preview {
            return None;
        }
        self.token.as_ref().map(|token| Effect::Telemetry {
            token: token.clone(),
            event,
            integration: integration.cloned(),
        })
    }

    /// Applies one input and returns what to do.
    pub fn apply(&mut self, input: Input) -> Vec<Effect> {
        let mut effects = Vec::new();
        match input {
            Input::Start => {
                if !self.started {
                    self.started = true;
                    effects.push(Effect::Emit(ConnectUiEvent::Ready));
                }
                match &self.token {
                    Some(token) if self.session.is_none() => {
                        effects.push(Effect::Load(token.clone()));
                    }
                    Some(_) => {}
                    None if self.mode == HostingMode::ConnectLink => {
                        self.screen = Screen::Fallback(Fallback::OpenedDirectly);
                    }
                    None => {}
                }
            }
            Input::TokenReceived(token) => {
                if self.token.as_ref() != Some(&token) {
                    self.token = Some(token.clone());
                    self.session = None;
                    self.screen = Screen::Loading;
                    if self.started {
                        effects.push(Effect::Load(token));
                    }
                }
            }
            Input::TokenTimedOut => {
                if self.token.is_none() {
                    self.screen = Screen::Fallback(Fallback::OpenedDirectly);
                }
            }
            Input::Loaded {
                session,
                integrations,
            } => self.on_loaded(session, integrations, &mut effects),
            Input::LoadFailed(error) => {
                self.screen = Screen::Fallback(Fallback::for_error(&error));
                effects.extend(self.telemetry(TelemetryEvent::ViewUnknownError, None));
            }
            Input::SelectIntegration(key) => {
                if self.pending_card.is_some() || self.screen != Screen::List {
                    return effects;
                }
                let (Some(token), Some(integration)) = (
                    self.token.clone(),
                    self.integrations
                        .iter()
                        .find(|i| i.unique_key == key)
                        .cloned(),
                ) else {
                    return effects;
                };
                self.card_error = None;
                self.pending_card = Some(key);
                effects.push(Effect::FetchProvider {
                    token,
                    integration: Box::new(integration),
                });
            }
            Input::ProviderLoaded {
                key,
                provider,
                external_id,
            } => {
                if self.relocalising.as_ref() == Some(&key)
                    && self.pending_card.as_ref() != Some(&key)
                {
                    self.relocalising = None;
                    self.on_relocalised(&key, provider);
                } else {
                    self.on_provider(key, provider, external_id, &mut effects);
                }
            }
            Input::ProviderFailed { key, .. }
                if self.relocalising.as_ref() == Some(&key)
                    && self.pending_card.as_ref() != Some(&key) =>
            {
                // The form keeps its texts in the previous language.
                self.relocalising = None;
            }
            Input::LanguageChanged => {
                if let (Some(token), Screen::Form(form)) = (self.token.clone(), &self.screen) {
                    self.relocalising = Some(form.integration.unique_key.clone());
                    effects.push(Effect::FetchProvider {
                        token,
                        integration: Box::new(form.integration.clone()),
                    });
                }
            }
            Input::ProviderFailed { key, error } => {
                self.pending_card = None;
                let network = matches!(
                    error.kind,
                    AuthErrorKind::RequestFailed | AuthErrorKind::Timeout
                );
                if network && !self.single_integration {
                    self.card_error = Some(key);
                } else {
                    self.screen = Screen::Fallback(Fallback::for_error(&error));
                    effects.extend(self.telemetry(TelemetryEvent::ViewUnknownError, None));
                }
            }
            Input::Edit { field, value } => {
                if let Screen::Form(form) = &mut self.screen
                    && matches!(form.phase, FormPhase::Editing { .. })
                {
                    form.values.set(&field, value);
                    form.touched.insert(field);
                    self.dirty = true;
                }
            }
            Input::Submit => self.on_submit(&mut effects),
            Input::AuthFinished { attempt, result } => {
                self.on_auth_finished(attempt, result, &mut effects)
            }
            Input::CancelWaiting => {
                if let Screen::Form(form) = &mut self.screen
                    && form.is_busy()
                {
                    form.phase = FormPhase::Editing { alert: None };
                    effects.push(Effect::CancelAuth);
                    effects.push(Effect::Emit(ConnectUiEvent::Error(AuthError::new(
                        AuthErrorKind::Cancelled,
                        "The user cancelled the authorization.",
                    ))));
                }
            }
            Input::ReopenAuthWindow => self.on_reopen(&mut effects),
            Input::ToggleDetails => {
                if let Screen::Form(form) = &mut self.screen
                    && let FormPhase::Failed { expanded, .. } = &mut form.phase
                {
                    *expanded = !*expanded;
                }
            }
            Input::RetryForm => {
                if let Screen::Form(form) = &mut self.screen
                    && matches!(form.phase, FormPhase::Failed { .. })
                {
                    form.phase = FormPhase::Editing { alert: None };
                }
            }
            Input::BackToList => {
                if !self.single_integration && matches!(self.screen, Screen::Form(_)) {
                    if self.form().is_some_and(FormScreen::is_busy) {
                        effects.push(Effect::CancelAuth);
                    }
                    self.dirty = false;
                    self.screen = Screen::List;
                }
            }
            Input::Close(trigger) => {
                if self.preview {
                    return effects;
                }
                if self.dirty {
                    effects.push(Effect::ConfirmLeave(trigger));
                } else {
                    self.close(trigger, &mut effects);
                }
            }
            Input::CloseConfirmed(trigger) => {
                if !self.preview {
                    self.close(trigger, &mut effects);
                }
            }
            Input::DocsOpened { section } => {
                let event = if section {
                    TelemetryEvent::ClickDocSection
                } else {
                    TelemetryEvent::ClickDoc
                };
                effects.extend(self.telemetry(event, None));
            }
        }
        effects
    }

    fn close(&mut self, trigger: CloseTrigger, effects: &mut Vec<Effect>) {
        effects.extend(self.telemetry(trigger.telemetry(), None));
        effects.push(Effect::Emit(ConnectUiEvent::Close));
        if self.form().is_some_and(FormScreen::is_busy) {
            effects.push(Effect::CancelAuth);
        }
        effects.push(Effect::Close);
    }

    fn on_loaded(
        &mut self,
        session: Rc<ConnectSession>,
        integrations: Rc<Vec<Integration>>,
        effects: &mut Vec<Effect>,
    ) {
        let single = integrations.len() == 1
            && session
                .allowed_integrations
                .as_ref()
                .is_some_and(|allowed| allowed.len() == 1);
        self.session = Some(session);
        self.integrations = integrations;
        self.single_integration = single;
        match (
            single,
            self.token.clone(),
            self.integrations.first().cloned(),
        ) {
            (true, Some(token), Some(integration)) => {
                self.screen = Screen::Loading;
                self.pending_card = Some(integration.unique_key.clone());
                effects.push(Effect::FetchProvider {
                    token,
                    integration: Box::new(integration),
                });
            }
            _ => {
                self.screen = Screen::List;
                effects.extend(self.telemetry(TelemetryEvent::ViewList, None));
            }
        }
    }

    fn on_provider(
        &mut self,
        key: ProviderConfigKey,
        provider: Rc<Provider>,
        external_id: String,
        effects: &mut Vec<Effect>,
    ) {
        if self.pending_card.as_ref() != Some(&key) {
            return;
        }
        self.pending_card = None;
        let Some(integration) = self
            .integrations
            .iter()
            .find(|i| i.unique_key == key)
            .cloned()
        else {
            return;
        };
        let session = self.session.clone().unwrap_or_default();
        let (model, docs) = self.form_model(&integration, &provider);
        let external_id = (model.auth_mode == nango_core::catalogue::AuthMode::AwsSigv4
            && !session.is_reconnecting())
        .then(|| {
            model
                .preconfigured_external_id
                .clone()
                .unwrap_or(external_id)
        });
        let values = model.initial_values();
        self.dirty = false;
        self.screen = Screen::Form(Box::new(FormScreen {
            integration,
            provider,
            model: Rc::new(model),
            values,
            touched: BTreeSet::new(),
            submit_attempted: false,
            external_id,
            docs,
            phase: FormPhase::Editing { alert: None },
        }));
        if !self.single_integration {
            effects.extend(self.telemetry(TelemetryEvent::ClickIntegration, Some(&key)));
        }
        effects.extend(self.telemetry(TelemetryEvent::ViewIntegration, Some(&key)));
    }

    /// The form model of `integration` with `provider`, and its docs link (session overrides
    /// and preconfigured values applied).
    fn form_model(
        &self,
        integration: &Integration,
        provider: &Provider,
    ) -> (FormModel, Option<DocsUrl>) {
        let key = &integration.unique_key;
        let session = self.session.clone().unwrap_or_default();
        let preconfigured = session
            .integrations_config_defaults
            .as_ref()
            .and_then(|d| d.get(key))
            .and_then(|d| d.connection_config.clone())
            .unwrap_or_default();
        let context = IntegrationContext {
            unique_key: key.as_str().to_owned(),
            display_name: Some(integration.display_name.clone()).filter(|n| !n.is_empty()),
            credentials_label: integration.credentials_label.clone().unwrap_or_default(),
            preconfigured_credentials: integration
                .preconfigured_credentials
                .clone()
                .unwrap_or_default(),
        };
        let model = FormModel::build(provider, &context, &preconfigured);
        let docs_override = session
            .overrides
            .as_ref()
            .and_then(|o| o.get(key))
            .and_then(|o| o.docs_connect.clone());
        let docs = model.docs_url(docs_override.as_deref());
        (model, docs)
    }

    /// The open form's provider arrived again in the new language: new texts, same values,
    /// phase and External ID.
    fn on_relocalised(&mut self, key: &ProviderConfigKey, provider: Rc<Provider>) {
        let Screen::Form(form) = &self.screen else {
            return;
        };
        if &form.integration.unique_key != key {
            return;
        }
        let (model, docs) = self.form_model(&form.integration, &provider);
        if let Screen::Form(form) = &mut self.screen {
            form.provider = provider;
            form.model = Rc::new(model);
            form.docs = docs;
        }
    }

    fn on_submit(&mut self, effects: &mut Vec<Effect>) {
        if self.preview {
            return;
        }
        let Some(token) = self.token.clone() else {
            return;
        };
        let telemetry = self.telemetry(TelemetryEvent::ClickConnect, None);
        let detect = self.detect_closed_auth_window;
        let Screen::Form(form) = &mut self.screen else {
            return;
        };
        if !matches!(form.phase, FormPhase::Editing { .. }) {
            return;
        }
        form.submit_attempted = true;
        if !form.model.validate(&form.values).is_empty() {
            return;
        }
        let submission = match Submission::build(
            &form.model,
            &form.values,
            form.external_id.as_deref(),
            detect,
        ) {
            Ok(submission) => submission,
            Err(error) => {
                form.phase = FormPhase::Editing {
                    alert: Some(FormAlert::Message(error.message.clone())),
                };
                effects.push(Effect::Emit(ConnectUiEvent::Error(error)));
                return;
            }
        };
        self.attempt += 1;
        form.phase = if form.model.uses_popup {
            FormPhase::Waiting
        } else {
            FormPhase::Connecting
        };
        effects.extend(telemetry);
        effects.push(Effect::Submit {
            token,
            key: form.integration.unique_key.clone(),
            submission: Box::new(submission),
            attempt: self.attempt,
        });
    }

    fn on_reopen(&mut self, effects: &mut Vec<Effect>) {
        if self.preview {
            return;
        }
        let Some(token) = self.token.clone() else {
            return;
        };
        let detect = self.detect_closed_auth_window;
        let Screen::Form(form) = &mut self.screen else {
            return;
        };
        if form.phase != FormPhase::Waiting {
            return;
        }
        // The values were valid when the waiting started and cannot change while waiting.
        let Ok(submission) = Submission::build(
            &form.model,
            &form.values,
            form.external_id.as_deref(),
            detect,
        ) else {
            return;
        };
        // The old attempt's outcome (cancelled) is stale from here on and ignored.
        self.attempt += 1;
        effects.push(Effect::CancelAuth);
        effects.push(Effect::Submit {
            token,
            key: form.integration.unique_key.clone(),
            submission: Box::new(submission),
            attempt: self.attempt,
        });
    }

    fn on_auth_finished(
        &mut self,
        attempt: u64,
        result: Result<AuthSuccess, AuthError>,
        effects: &mut Vec<Effect>,
    ) {
        let current = attempt == self.attempt;
        let Screen::Form(form) = &mut self.screen else {
            // The form is gone (Back, close): a confirmed connection is still reported.
            if let Ok(success) = result {
                effects.push(Effect::Emit(ConnectUiEvent::Connect(payload(&success))));
            }
            return;
        };
        match result {
            Ok(success) => {
                // Reported even after a Cancel: the server did create the connection.
                form.phase = FormPhase::Success(success.clone());
                self.dirty = false;
                effects.push(Effect::Emit(ConnectUiEvent::Connect(payload(&success))));
                let telemetry = self.telemetry(TelemetryEvent::ViewSuccess, None);
                effects.extend(telemetry);
            }
            Err(_) if !current || !form.is_busy() => {}
            Err(error) => {
                let provider_name = form.provider.display_name.clone();
                let (telemetry, event_error) = match &error.kind {
                    AuthErrorKind::BlockedByBrowser => {
                        form.phase = FormPhase::Editing {
                            alert: Some(FormAlert::PopupBlocked),
                        };
                        (TelemetryEvent::PopupBlockedByBrowser, error)
                    }
                    AuthErrorKind::WindowClosed => {
                        form.phase = FormPhase::Editing {
                            alert: Some(FormAlert::PopupClosed),
                        };
                        (TelemetryEvent::PopupClosedEarly, error)
                    }
                    AuthErrorKind::Cancelled => {
                        form.phase = FormPhase::Editing { alert: None };
                        effects.push(Effect::Emit(ConnectUiEvent::Error(error)));
                        return;
                    }
                    _ => {
                        form.phase = FormPhase::Failed {
                            details: FailureDetails::for_error(&error, &provider_name),
                            expanded: false,
                        };
                        (TelemetryEvent::ViewCredentialsError, error)
                    }
                };
                let telemetry = self.telemetry(telemetry, None);
                effects.extend(telemetry);
                effects.push(Effect::Emit(ConnectUiEvent::Error(event_error)));
            }
        }
    }
}

/// The `connect` event payload of a success.
fn payload(success: &AuthSuccess) -> ConnectPayload {
    ConnectPayload {
        provider_config_key: success.provider_config_key.clone(),
        connection_id: success.connection_id.clone(),
        is_pending: success.is_pending,
    }
}

//! A scripted [`ConnectDriver`] for tests and the gallery: serves fixture data, answers `auth`
//! and `create` with queued outcomes, and records every call. Plus the fixtures themselves and
//! [`run_until_idle`], which drives a `VirtualDom` without a renderer (SSR tests).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_util::future::FutureExt;
use nango_core::catalogue::Provider;
use nango_core::ids::ProviderName;
use nango_core::query::ConnectionConfig;
use nango_core::session::{ConnectSession, Integration, TelemetryEvent};
use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthSuccess, ConnectSessionToken, NangoApi,
    ProviderConfigKey,
};

use crate::driver::{ConnectDriver, DriverFuture};

/// What the next `auth`/`create` call does.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Resolves with this connection.
    Success(AuthSuccess),
    /// Rejects with this error.
    Error(AuthError),
    /// Stays pending until [`ConnectDriver::cancel`], then rejects with `cancelled`.
    Hang,
}

impl Outcome {
    /// A success for `key` with connection id `connection_id`.
    pub fn success(key: &str, connection_id: &str) -> Outcome {
        Outcome::Success(AuthSuccess {
            provider_config_key: key.into(),
            connection_id: connection_id.into(),
            is_pending: None,
        })
    }

    /// A failure of kind `kind` with `message`.
    pub fn error(kind: AuthErrorKind, message: &str) -> Outcome {
        Outcome::Error(AuthError::new(kind, message))
    }
}

/// One recorded driver call.
#[derive(Clone, Debug, PartialEq)]
pub enum DriverCall {
    /// `session`.
    Session,
    /// `integrations`.
    Integrations,
    /// `provider`.
    Provider {
        /// The provider template name.
        provider: String,
        /// The requested language.
        language: Option<String>,
    },
    /// `auth`.
    Auth {
        /// The integration key.
        key: String,
        /// The options.
        options: AuthOptions,
    },
    /// `create`.
    Create {
        /// The integration key.
        key: String,
        /// The connection config.
        config: ConnectionConfig,
    },
    /// `telemetry`.
    Telemetry {
        /// The event.
        event: TelemetryEvent,
        /// The integration dimension.
        integration: Option<String>,
    },
    /// `cancel`.
    Cancel,
    /// `open_url`.
    OpenUrl(String),
    /// `close`.
    Close,
    /// `confirm_leave`.
    ConfirmLeave,
    /// `copy_text`.
    CopyText(String),
}

/// A hanging `auth` call, resolved by `cancel`.
#[derive(Default)]
struct HangSlot {
    result: Option<Result<AuthSuccess, AuthError>>,
    waker: Option<Waker>,
}

/// A future over a [`HangSlot`].
struct HangFuture(Rc<RefCell<HangSlot>>);

impl Future for HangFuture {
    type Output = Result<AuthSuccess, AuthError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.0.borrow_mut();
        match slot.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// Runs a renderer-less `VirtualDom`'s ready tasks and renders until nothing is left to do (at
/// most 100 rounds), so an SSR test sees the state after every answer already at hand.
pub fn run_until_idle(dom: &mut dioxus::prelude::VirtualDom) {
    let mut context = Context::from_waker(Waker::noop());
    for _ in 0..100 {
        let ready = {
            let mut work = std::pin::pin!(dom.wait_for_work());
            work.as_mut().poll(&mut context).is_ready()
        };
        if !ready {
            break;
        }
        dom.render_immediate(&mut dioxus::dioxus_core::NoOpMutations);
    }
}

/// Resolves on its second poll, as an answer from the network would: not at hand when first
/// asked, there by the next turn of the executor.
struct NextTurn(bool);

impl Future for NextTurn {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// The fake driver. Build one with [`FakeDriver::new`] and the `with_*` methods.
pub struct FakeDriver {
    session: RefCell<Result<ConnectSession, AuthError>>,
    integrations: RefCell<Result<Vec<Integration>, AuthError>>,
    providers: RefCell<HashMap<String, Result<Provider, AuthError>>>,
    outcomes: RefCell<VecDeque<Outcome>>,
    hanging: RefCell<Vec<Rc<RefCell<HangSlot>>>>,
    calls: RefCell<Vec<DriverCall>>,
    confirm_leave: Cell<bool>,
    copy_works: Cell<bool>,
    system_browser: Cell<bool>,
    system_dark: Cell<bool>,
    external_id: RefCell<String>,
    load_on_next_turn: Cell<bool>,
}

impl Default for FakeDriver {
    fn default() -> Self {
        FakeDriver::new()
    }
}

impl FakeDriver {
    /// A driver with the default session, GitHub + Slack, and every fixture provider.
    pub fn new() -> Self {
        FakeDriver {
            session: RefCell::new(Ok(fixtures::session())),
            integrations: RefCell::new(Ok(fixtures::github_and_slack())),
            providers: RefCell::new(
                fixtures::providers()
                    .into_iter()
                    .map(|(name, provider)| (name, Ok(provider)))
                    .collect(),
            ),
            outcomes: RefCell::new(VecDeque::new()),
            hanging: RefCell::new(Vec::new()),
            calls: RefCell::new(Vec::new()),
            confirm_leave: Cell::new(true),
            copy_works: Cell::new(true),
            system_browser: Cell::new(false),
            system_dark: Cell::new(false),
            external_id: RefCell::new("00000000-0000-4000-8000-000000000000".to_owned()),
            load_on_next_turn: Cell::new(false),
        }
    }

    /// Serves this session (or error).
    pub fn with_session(self, session: Result<ConnectSession, AuthError>) -> Self {
        *self.session.borrow_mut() = session;
        self
    }

    /// Serves these integrations (or error).
    pub fn with_integrations(self, integrations: Result<Vec<Integration>, AuthError>) -> Self {
        *self.integrations.borrow_mut() = integrations;
        self
    }

    /// Serves `provider` for template `name` (or an error).
    pub fn with_provider(self, name: &str, provider: Result<Provider, AuthError>) -> Self {
        self.providers
            .borrow_mut()
            .insert(name.to_owned(), provider);
        self
    }

    /// Answers the session and integrations on the executor's next turn, as over a network,
    /// instead of at once (as from memory or a prefetch).
    pub fn with_load_on_next_turn(self) -> Self {
        self.load_on_next_turn.set(true);
        self
    }

    /// Queues the outcome of the next `auth`/`create` call.
    pub fn with_outcome(self, outcome: Outcome) -> Self {
        self.push_outcome(outcome);
        self
    }

    /// Queues an outcome on a shared driver.
    pub fn push_outcome(&self, outcome: Outcome) {
        self.outcomes.borrow_mut().push_back(outcome);
    }

    /// The answer of `confirm_leave`.
    pub fn with_confirm_leave(self, answer: bool) -> Self {
        self.confirm_leave.set(answer);
        self
    }

    /// Pretends OAuth runs in the system browser (desktop).
    pub fn with_system_browser(self, yes: bool) -> Self {
        self.system_browser.set(yes);
        self
    }

    /// Pretends the OS prefers a dark colour scheme (the `system` theme resolves to dark).
    pub fn with_system_prefers_dark(self, yes: bool) -> Self {
        self.system_dark.set(yes);
        self
    }

    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<DriverCall> {
        self.calls.borrow().clone()
    }

    /// The telemetry events sent so far.
    pub fn telemetry_events(&self) -> Vec<TelemetryEvent> {
        self.calls
            .borrow()
            .iter()
            .filter_map(|call| match call {
                DriverCall::Telemetry { event, .. } => Some(*event),
                _ => None,
            })
            .collect()
    }

    /// Forgets recorded calls.
    pub fn clear_calls(&self) {
        self.calls.borrow_mut().clear();
    }

    fn record(&self, call: DriverCall) {
        self.calls.borrow_mut().push(call);
    }

    fn next_outcome(&self) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        let outcome = self.outcomes.borrow_mut().pop_front().unwrap_or_else(|| {
            Outcome::error(
                AuthErrorKind::UnknownError,
                "no outcome scripted in FakeDriver",
            )
        });
        match outcome {
            Outcome::Success(success) => async move { Ok(success) }.boxed_local(),
            Outcome::Error(error) => async move { Err(error) }.boxed_local(),
            Outcome::Hang => {
                let slot = Rc::new(RefCell::new(HangSlot::default()));
                self.hanging.borrow_mut().push(slot.clone());
                HangFuture(slot).boxed_local()
            }
        }
    }
}

impl ConnectDriver for FakeDriver {
    fn api(&self) -> Option<NangoApi> {
        None
    }

    fn session(
        &self,
        _token: &ConnectSessionToken,
    ) -> DriverFuture<Result<ConnectSession, AuthError>> {
        self.record(DriverCall::Session);
        let session = self.session.borrow().clone();
        let delayed = self.load_on_next_turn.get();
        async move {
            if delayed {
                NextTurn(false).await;
            }
            session
        }
        .boxed_local()
    }

    fn integrations(
        &self,
        _token: &ConnectSessionToken,
    ) -> DriverFuture<Result<Vec<Integration>, AuthError>> {
        self.record(DriverCall::Integrations);
        let integrations = self.integrations.borrow().clone();
        let delayed = self.load_on_next_turn.get();
        async move {
            if delayed {
                NextTurn(false).await;
            }
            integrations
        }
        .boxed_local()
    }

    fn provider(
        &self,
        _token: &ConnectSessionToken,
        provider: &ProviderName,
        language: Option<&str>,
    ) -> DriverFuture<Result<Provider, AuthError>> {
        self.record(DriverCall::Provider {
            provider: provider.as_str().to_owned(),
            language: language.map(str::to_owned),
        });
        let found = self
            .providers
            .borrow()
            .get(provider.as_str())
            .cloned()
            .unwrap_or_else(|| {
                Err(AuthError::new(
                    AuthErrorKind::NotFound,
                    format!("Provider {} not found", provider.as_str()),
                ))
            });
        async move { found }.boxed_local()
    }

    fn auth(
        &self,
        _token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        self.record(DriverCall::Auth {
            key: key.as_str().to_owned(),
            options,
        });
        self.next_outcome()
    }

    fn create(
        &self,
        _token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        connection_config: ConnectionConfig,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        self.record(DriverCall::Create {
            key: key.as_str().to_owned(),
            config: connection_config,
        });
        self.next_outcome()
    }

    fn telemetry(
        &self,
        _token: &ConnectSessionToken,
        event: TelemetryEvent,
        integration: Option<ProviderConfigKey>,
    ) -> DriverFuture<()> {
        self.record(DriverCall::Telemetry {
            event,
            integration: integration.map(|k| k.as_str().to_owned()),
        });
        async {}.boxed_local()
    }

    fn cancel(&self) {
        self.record(DriverCall::Cancel);
        for slot in self.hanging.borrow_mut().drain(..) {
            let mut slot = slot.borrow_mut();
            slot.result = Some(Err(AuthError::new(
                AuthErrorKind::Cancelled,
                "The user cancelled the authorization.",
            )));
            if let Some(waker) = slot.waker.take() {
                waker.wake();
            }
        }
    }

    fn open_url(&self, url: &str) -> bool {
        self.record(DriverCall::OpenUrl(url.to_owned()));
        true
    }

    fn close(&self) {
        self.record(DriverCall::Close);
    }

    fn confirm_leave(&self, _message: &str) -> bool {
        self.record(DriverCall::ConfirmLeave);
        self.confirm_leave.get()
    }

    fn copy_text(&self, text: &str) -> DriverFuture<bool> {
        self.record(DriverCall::CopyText(text.to_owned()));
        let works = self.copy_works.get();
        async move { works }.boxed_local()
    }

    fn new_external_id(&self) -> String {
        self.external_id.borrow().clone()
    }

    fn now_iso8601(&self) -> Option<String> {
        Some("2026-12-04T10:00:00.000Z".to_owned())
    }

    fn signs_in_with_system_browser(&self) -> bool {
        self.system_browser.get()
    }

    fn system_prefers_dark(&self) -> bool {
        self.system_dark.get()
    }
}

/// Fixture data: sessions, integrations (including the 981-entry catalogue) and one provider per
/// auth mode, shaped like Nango's API answers.
pub mod fixtures {
    use indexmap::IndexMap;
    use nango_core::catalogue::{AuthMode, FieldFormat, FieldSpec, Provider};
    use nango_core::session::{
        ConnectSession, Integration, IntegrationDefaults, IntegrationOverrides,
    };
    use serde_json::{Map, Value};

    /// A session token for fixtures.
    pub const TOKEN: &str = "nango_connect_session_fixture";

    /// The default session: everything allowed, default settings.
    pub fn session() -> ConnectSession {
        ConnectSession::default()
    }

    /// A session restricted to one integration (the list is skipped when the API agrees).
    pub fn single_session(key: &str) -> ConnectSession {
        ConnectSession {
            allowed_integrations: Some(vec![key.into()]),
            ..ConnectSession::default()
        }
    }

    /// A reconnect session for one integration.
    pub fn reconnect_session(key: &str) -> ConnectSession {
        ConnectSession {
            is_reconnecting: Some(true),
            ..single_session(key)
        }
    }

    /// A session that preconfigures connection config values of `key`.
    pub fn preconfigured_session(key: &str, values: &[(&str, &str)]) -> ConnectSession {
        let config: Map<String, Value> = values
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
            .collect();
        let mut defaults = IndexMap::new();
        defaults.insert(
            key.into(),
            IntegrationDefaults {
                connection_config: Some(config),
                ..IntegrationDefaults::default()
            },
        );
        ConnectSession {
            integrations_config_defaults: Some(defaults),
            ..ConnectSession::default()
        }
    }

    /// A session overriding the docs link of `key`.
    pub fn docs_override_session(key: &str, url: &str) -> ConnectSession {
        let mut overrides = IndexMap::new();
        overrides.insert(
            key.into(),
            IntegrationOverrides {
                docs_connect: Some(url.to_owned()),
            },
        );
        ConnectSession {
            overrides: Some(overrides),
            ..ConnectSession::default()
        }
    }

    /// One integration item as `GET /integrations` returns it.
    pub fn integration(key: &str, provider: &str, display_name: &str) -> Integration {
        Integration {
            unique_key: key.into(),
            provider: provider.into(),
            display_name: display_name.to_owned(),
            logo: format!("https://app.nango.dev/images/template-logos/{provider}.svg"),
            credentials_label: None,
            preconfigured_credentials: None,
            forward_webhooks: false,
            created_at: "2026-01-01T00:00:00.000Z".to_owned(),
            updated_at: "2026-01-01T00:00:00.000Z".to_owned(),
        }
    }

    /// GitHub (API key, with docs) and Slack (OAuth2), as in Nango's own tests.
    pub fn github_and_slack() -> Vec<Integration> {
        vec![
            integration("github", "github-api-key", "GitHub"),
            integration("slack", "slack", "Slack"),
        ]
    }

    /// One integration per fixture provider.
    pub fn every_mode() -> Vec<Integration> {
        providers()
            .into_iter()
            .map(|(name, provider)| integration(&name, &name, &provider.display_name))
            .collect()
    }

    /// A generated catalogue of 981 integrations (the size of providers.yaml 0.71.4).
    pub fn large_catalogue() -> Vec<Integration> {
        const WORDS: [&str; 12] = [
            "Acme", "Nimbus", "Orbit", "Quartz", "Cobalt", "Lumen", "Vertex", "Pioneer", "Zephyr",
            "Harbor", "Café", "Élan",
        ];
        const KINDS: [&str; 8] = [
            "CRM",
            "Mail",
            "Calendar",
            "Drive",
            "Chat",
            "Billing",
            "Tickets",
            "Analytics",
        ];
        (0..981)
            .map(|n| {
                let name = format!("{} {} {n}", WORDS[n % WORDS.len()], KINDS[n % KINDS.len()]);
                let key = format!("provider-{n:03}");
                let mut item = integration(&key, &key, &name);
                item.logo = String::new();
                item
            })
            .collect()
    }

    fn field(title: &str) -> FieldSpec {
        FieldSpec {
            kind: Some("string".to_owned()),
            title: Some(title.to_owned()),
            ..FieldSpec::default()
        }
    }

    /// A provider skeleton.
    pub fn provider(name: &str, display_name: &str, auth_mode: AuthMode) -> Provider {
        Provider {
            name: Some(name.to_owned()),
            display_name: display_name.to_owned(),
            auth_mode,
            alias: None,
            installation: None,
            docs: None,
            docs_connect: None,
            categories: Vec::new(),
            credentials: IndexMap::new(),
            connection_config: IndexMap::new(),
            integration_config: IndexMap::new(),
            assertion_option: IndexMap::new(),
            require_client_certificate: false,
            token_request_auth_method: None,
            authorization_url: None,
            token_url: None,
            logo_url: None,
            extra: IndexMap::new(),
        }
    }

    /// API_KEY with a docs link (Nango's GitHub fixture).
    pub fn github_api_key() -> Provider {
        let mut p = provider("github-api-key", "GitHub", AuthMode::ApiKey);
        p.docs_connect = Some("https://nango.dev/docs/integrations/all/github/connect".to_owned());
        p
    }

    /// OAUTH2 without fields (popup).
    pub fn slack() -> Provider {
        provider("slack", "Slack", AuthMode::OAuth2)
    }

    /// OAUTH2 with a subdomain (prefix/suffix adornments, pattern).
    pub fn zendesk() -> Provider {
        let mut p = provider("zendesk", "Zendesk", AuthMode::OAuth2);
        p.docs_connect = Some("https://nango.dev/docs/integrations/all/zendesk/connect".to_owned());
        p.connection_config.insert(
            "subdomain".to_owned(),
            FieldSpec {
                description: Some("The subdomain of your Zendesk account".to_owned()),
                example: Some("domain".to_owned()),
                pattern: Some("^[a-z0-9_-]+$".to_owned()),
                prefix: Some("https://".to_owned()),
                suffix: Some(".zendesk.com".to_owned()),
                doc_section: Some("#step-1-find-your-subdomain".to_owned()),
                ..field("Subdomain")
            },
        );
        p
    }

    /// BASIC with an ordered subdomain and an email username (jira-basic).
    pub fn jira_basic() -> Provider {
        let mut p = provider("jira-basic", "Jira (Basic Auth)", AuthMode::Basic);
        p.docs_connect =
            Some("https://nango.dev/docs/integrations/all/jira-basic/connect".to_owned());
        p.credentials.insert(
            "username".to_owned(),
            FieldSpec {
                format: Some(FieldFormat::Email),
                ..field("Email Address")
            },
        );
        p.credentials.insert(
            "password".to_owned(),
            FieldSpec {
                secret: true,
                ..field("API Key")
            },
        );
        p.connection_config.insert(
            "subdomain".to_owned(),
            FieldSpec {
                order: Some(1),
                prefix: Some("https://".to_owned()),
                suffix: Some(".atlassian.net".to_owned()),
                pattern: Some("^[a-z0-9_-]+$".to_owned()),
                ..field("Subdomain")
            },
        );
        p
    }

    /// BASIC with a hidden password default and an optional enum select (amplitude).
    pub fn amplitude() -> Provider {
        let mut p = provider("amplitude", "Amplitude", AuthMode::Basic);
        p.credentials
            .insert("username".to_owned(), field("API Key"));
        p.credentials.insert(
            "password".to_owned(),
            FieldSpec {
                secret: true,
                ..field("Secret Key")
            },
        );
        p.connection_config.insert(
            "hostname".to_owned(),
            FieldSpec {
                optional: true,
                enum_values: vec![
                    "amplitude.com".to_owned(),
                    "analytics.eu.amplitude.com".to_owned(),
                ],
                ..field("Hostname")
            },
        );
        p
    }

    /// BASIC where the password is hidden with a default (freshdesk).
    pub fn freshdesk() -> Provider {
        let mut p = provider("freshdesk", "Freshdesk", AuthMode::Basic);
        p.credentials.insert(
            "username".to_owned(),
            FieldSpec {
                secret: true,
                ..field("FreshDesk API Key")
            },
        );
        p.credentials.insert(
            "password".to_owned(),
            FieldSpec {
                hidden: true,
                default_value: Some("X".to_owned()),
                ..field("Password")
            },
        );
        p
    }

    /// TWO_STEP with an integration_config fallback (Nango's Sage Intacct fixture).
    pub fn sage_intacct() -> Provider {
        let mut p = provider("sage-intacct", "Sage Intacct", AuthMode::TwoStep);
        p.credentials
            .insert("username".to_owned(), field("Username"));
        p.integration_config
            .insert("clientId".to_owned(), field("Client ID"));
        p
    }

    /// TWO_STEP with its own fields (Nango's Tableau fixture).
    pub fn tableau() -> Provider {
        let mut p = provider("tableau", "Tableau", AuthMode::TwoStep);
        p.credentials
            .insert("pat_name".to_owned(), field("PAT Name"));
        p.credentials.insert(
            "pat_secret".to_owned(),
            FieldSpec {
                secret: true,
                ..field("PAT Secret")
            },
        );
        p
    }

    /// OAUTH2_CC with client certificates.
    pub fn adp() -> Provider {
        let mut p = provider("adp", "ADP", AuthMode::OAuth2Cc);
        p.require_client_certificate = true;
        p
    }

    /// TBA (netsuite-tba): built-in fields plus an account id.
    pub fn netsuite_tba() -> Provider {
        let mut p = provider("netsuite-tba", "NetSuite (TBA)", AuthMode::Tba);
        p.connection_config.insert(
            "accountId".to_owned(),
            FieldSpec {
                example: Some("tstdrv231585".to_owned()),
                pattern: Some("^[a-zA-Z0-9_-]+$".to_owned()),
                ..field("Account ID")
            },
        );
        p
    }

    /// JWT (apple-app-store).
    pub fn apple_app_store() -> Provider {
        let mut p = provider("apple-app-store", "App Store Connect", AuthMode::Jwt);
        for (name, title, secret) in [
            ("issuerId", "Issuer ID", false),
            ("privateKeyId", "Key ID", false),
            ("privateKey", "Private Key", true),
        ] {
            p.credentials.insert(
                name.to_owned(),
                FieldSpec {
                    secret,
                    ..field(title)
                },
            );
        }
        p
    }

    /// BILL.
    pub fn bill() -> Provider {
        provider("bill", "Bill", AuthMode::Bill)
    }

    /// SIGNATURE.
    pub fn signature() -> Provider {
        provider("signature-provider", "Signature Co", AuthMode::Signature)
    }

    /// AWS_SIGV4 (External ID box).
    pub fn aws_sigv4() -> Provider {
        let mut p = provider("aws-sigv4", "AWS", AuthMode::AwsSigv4);
        p.connection_config.insert(
            "region".to_owned(),
            FieldSpec {
                optional: true,
                ..field("Region")
            },
        );
        p
    }

    /// NONE (`create`).
    pub fn unauthenticated() -> Provider {
        provider("unauthenticated", "Unauthenticated", AuthMode::None)
    }

    /// OAUTH2 with `installation: outbound` and a required enum (sentry-oauth).
    pub fn sentry_oauth() -> Provider {
        let mut p = provider("sentry-oauth", "Sentry", AuthMode::OAuth2);
        p.installation = Some("outbound".to_owned());
        p.connection_config.insert(
            "hostname".to_owned(),
            FieldSpec {
                enum_values: vec!["sentry.io".to_owned(), "us.sentry.io".to_owned()],
                ..field("Hostname")
            },
        );
        p
    }

    /// MCP_OAUTH2_GENERIC with a server URL.
    pub fn mcp_generic() -> Provider {
        let mut p = provider("mcp-generic", "MCP Server", AuthMode::McpOAuth2Generic);
        p.connection_config.insert(
            "mcp_server_url".to_owned(),
            FieldSpec {
                pattern: Some("^https://".to_owned()),
                ..field("MCP Server URL")
            },
        );
        p
    }

    /// Every fixture provider by template name.
    pub fn providers() -> Vec<(String, Provider)> {
        [
            github_api_key(),
            slack(),
            zendesk(),
            jira_basic(),
            amplitude(),
            freshdesk(),
            sage_intacct(),
            tableau(),
            adp(),
            netsuite_tba(),
            apple_app_store(),
            bill(),
            signature(),
            aws_sigv4(),
            unauthenticated(),
            sentry_oauth(),
            mcp_generic(),
        ]
        .into_iter()
        .map(|p| (p.name.clone().unwrap_or_default(), p))
        .collect()
    }
}

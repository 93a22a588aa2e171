//! The app's server side: which Nango it talks to (nango-mock embedded in this process, or the
//! one named by `NANGO_HOST` + `NANGO_SECRET_KEY`), connect sessions and the connection list.
//!
//! A real app keeps the secret key on its own backend and asks it for session tokens; this
//! example holds it in-process so it runs as one binary.

use std::fmt;
use std::sync::mpsc;

use nango::connection::{ConnectionFilter, ConnectionSummary};
use nango::session::{CreateConnectSession, EndUserInput};
use nango::{AuthError, ConnectSessionToken, NangoApi, SecretKey};

/// The end user whose accounts this app connects.
pub const END_USER_ID: &str = "desktop-user";

/// Where the app's Nango lives, with the secret key of that environment.
#[derive(Clone)]
pub struct Backend {
    /// The Nango host (`http://127.0.0.1:PORT` for the embedded mock).
    pub host: String,
    /// Whether that host is nango-mock embedded in this process.
    pub embedded: bool,
    /// The environment's secret key (never shown or logged).
    secret_key: SecretKey,
    /// The HTTP client for the host.
    api: NangoApi,
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Backend")
            .field("host", &self.host)
            .field("embedded", &self.embedded)
            .finish_non_exhaustive()
    }
}

impl Backend {
    /// The Nango of `NANGO_HOST` + `NANGO_SECRET_KEY` when both are set, otherwise nango-mock
    /// started on a free loopback port in a background thread (it lives as long as the app).
    pub fn from_env() -> Result<Backend, String> {
        let host = std::env::var("NANGO_HOST").ok().filter(|v| !v.is_empty());
        let secret = std::env::var("NANGO_SECRET_KEY")
            .ok()
            .filter(|v| !v.is_empty());
        let (host, secret_key, embedded) = match (host, secret) {
            (Some(host), Some(secret)) => (host, SecretKey::new(secret), false),
            (Some(_), None) => {
                return Err("NANGO_HOST is set but NANGO_SECRET_KEY is not".to_owned());
            }
            _ => {
                let (host, secret) = start_embedded_mock()?;
                (host, secret, true)
            }
        };
        let api = NangoApi::new(&host).map_err(|error| format!("NANGO_HOST: {error}"))?;
        Ok(Backend {
            host,
            embedded,
            secret_key,
            api,
        })
    }

    /// A connect session for [`END_USER_ID`] (what the app's backend would do on request).
    pub async fn create_session(&self) -> Result<ConnectSessionToken, AuthError> {
        let session = self
            .api
            .create_connect_session(
                &self.secret_key,
                &CreateConnectSession {
                    end_user: Some(EndUserInput {
                        id: END_USER_ID.to_owned(),
                        display_name: Some("Desktop example user".to_owned()),
                        ..EndUserInput::default()
                    }),
                    ..CreateConnectSession::default()
                },
            )
            .await?;
        Ok(session.token)
    }

    /// The connections stored for [`END_USER_ID`], newest first (`GET /connections`).
    pub async fn connections(&self) -> Result<Vec<ConnectionSummary>, AuthError> {
        let filter = ConnectionFilter {
            end_user_id: Some(END_USER_ID.to_owned()),
            ..ConnectionFilter::default()
        };
        self.api.list_connections(&self.secret_key, &filter).await
    }
}

/// Starts nango-mock (demo catalogue, the fake provider asks for Approve) on its own runtime and
/// returns its URL and secret key.
fn start_embedded_mock() -> Result<(String, SecretKey), String> {
    let (started, receive) = mpsc::channel();
    std::thread::Builder::new()
        .name("nango-mock".to_owned())
        .spawn(move || {
            let runtime = match tokio::runtime::Runtime::new() {
                Ok(runtime) => runtime,
                Err(error) => {
                    let _ = started.send(Err(format!("tokio runtime: {error}")));
                    return;
                }
            };
            runtime.block_on(async move {
                match nango_mock::MockServer::builder().start().await {
                    Ok(server) => {
                        let _ = started.send(Ok((server.base_url(), server.secret_key().clone())));
                        // Serve until the process exits.
                        std::future::pending::<()>().await;
                    }
                    Err(error) => {
                        let _ = started.send(Err(format!("nango-mock: {error}")));
                    }
                }
            });
        })
        .map_err(|error| format!("nango-mock thread: {error}"))?;
    receive
        .recv()
        .map_err(|_| "nango-mock stopped before it started".to_owned())?
}

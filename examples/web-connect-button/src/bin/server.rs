//! The app's backend: serves the built app (`dist/web-connect-button`) and
//! `POST /api/session-token`, which creates a connect session with the Nango secret key, so the
//! key never reaches the browser.
//!
//! `NANGO_HOST` (default nango-mock at `http://127.0.0.1:3003`), `NANGO_SECRET_KEY` (default
//! nango-mock's local key) and `PORT` (default 3010) configure it.

use std::env;
use std::error::Error;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use nango_core::session::{CreateConnectSession, EndUserInput};
use nango_core::{NangoApi, SecretKey};
use serde::Serialize;
use tower_http::services::ServeDir;

/// nango-mock's address in `cargo xtask demo`.
const DEFAULT_NANGO_HOST: &str = "http://127.0.0.1:3003";

/// nango-mock's default local secret key (it prints it when it starts); not a real key.
const MOCK_SECRET_KEY: &str = "0d5c1e2a-7b3f-4c8d-9e1f-2a3b4c5d6e7f";

/// Where this server listens by default.
const DEFAULT_PORT: u16 = 3010;

/// The signed-in user of this example (a real app takes it from its own session).
const END_USER_ID: &str = "user-42";

/// What the handlers share: the Nango client and the secret key.
struct Backend {
    /// Nango's API.
    api: NangoApi,
    /// The environment's secret key.
    secret_key: SecretKey,
}

/// The answer of `POST /api/session-token`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionTokenResponse {
    /// A fresh connect session token for the Connect UI.
    session_token: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let host = env::var("NANGO_HOST").unwrap_or_else(|_| DEFAULT_NANGO_HOST.to_owned());
    let secret_key =
        SecretKey::new(env::var("NANGO_SECRET_KEY").unwrap_or_else(|_| MOCK_SECRET_KEY.to_owned()));
    let port = match env::var("PORT") {
        Ok(port) => port.parse()?,
        Err(_) => DEFAULT_PORT,
    };
    let app_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist/web-connect-button");
    if !app_dir.join("index.html").is_file() {
        return Err(format!(
            "{} is not built: run `cargo xtask build-web --app web-connect-button` first",
            app_dir.display()
        )
        .into());
    }
    let backend = Arc::new(Backend {
        api: NangoApi::new(&host)?,
        secret_key,
    });
    let app = Router::new()
        .route("/api/session-token", post(session_token))
        .with_state(backend)
        .fallback_service(ServeDir::new(app_dir));
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    println!("web-connect-button on http://localhost:{port}/ (Nango at {host})");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// Creates a connect session for the signed-in user and returns its token.
async fn session_token(
    State(backend): State<Arc<Backend>>,
) -> Result<Json<SessionTokenResponse>, (StatusCode, &'static str)> {
    let body = CreateConnectSession {
        end_user: Some(EndUserInput {
            id: END_USER_ID.to_owned(),
            ..EndUserInput::default()
        }),
        ..CreateConnectSession::default()
    };
    match backend
        .api
        .create_connect_session(&backend.secret_key, &body)
        .await
    {
        Ok(session) => Ok(Json(SessionTokenResponse {
            session_token: session.token.expose().to_owned(),
        })),
        Err(error) => {
            eprintln!("creating a connect session failed: {error}");
            Err((
                StatusCode::BAD_GATEWAY,
                "could not create a connect session",
            ))
        }
    }
}

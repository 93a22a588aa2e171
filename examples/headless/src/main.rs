//! Headless: connect a user's account from plain Rust, with no UI at all.
//!
//! 1. your backend creates a connect session with the secret key;
//! 2. the client connects an API-key integration with that session (what `nango.auth(key,
//!    {credentials: {apiKey}})` does in the JS SDK);
//! 3. a reconnect session replaces the key of the same connection;
//! 4. your backend lists the stored connections.
//!
//! With no `NANGO_HOST` it embeds nango-mock on a free loopback port, so it runs offline:
//! `cargo run -p example-headless`. Against a real Nango: `NANGO_HOST=https://api.nango.dev
//! NANGO_SECRET_KEY=… NANGO_INTEGRATION=<your API-key integration> cargo run -p example-headless`.

use std::env;
use std::error::Error;
use std::process::ExitCode;

use nango_core::connection::ConnectionFilter;
use nango_core::session::{CreateConnectSession, CreateReconnectSession, EndUserInput};
use nango_core::{
    AuthError, AuthOptions, AuthPlan, AuthSuccess, ClientAuth, ConnectSessionToken, Credentials,
    NangoApi, NangoConfig, NangoOptions, ProviderConfigKey, SecretKey, plan_auth, plan_reconnect,
};

/// The end user this example connects an account for.
const END_USER: &str = "user-42";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("headless: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    // A Nango server: yours, or nango-mock embedded in this process.
    let (host, secret_key, embedded) = match env::var("NANGO_HOST") {
        Ok(host) => (host, SecretKey::new(env::var("NANGO_SECRET_KEY")?), None),
        Err(_) => {
            let server = nango_mock::MockServer::builder().start().await?;
            println!("embedded nango-mock at {}", server.base_url());
            (server.base_url(), server.secret_key().clone(), Some(server))
        }
    };
    let integration = ProviderConfigKey::new(
        env::var("NANGO_INTEGRATION").unwrap_or_else(|_| "demo-api-key".to_owned()),
    );
    let api = NangoApi::new(&host)?;

    // 1. Backend: a connect session for one end user, limited to one integration.
    let session = api
        .create_connect_session(
            &secret_key,
            &CreateConnectSession {
                end_user: Some(EndUserInput {
                    id: END_USER.to_owned(),
                    ..EndUserInput::default()
                }),
                allowed_integrations: Some(vec![integration.clone()]),
                ..CreateConnectSession::default()
            },
        )
        .await?;
    println!("connect session created, expires at {}", session.expires_at);

    // 2. Client: connect with an API key.
    let connected = connect(&api, &host, session.token, &integration, "sk_test_first").await?;
    println!(
        "connected {} as connection {}",
        connected.provider_config_key, connected.connection_id
    );

    // 3. Backend + client: a reconnect session pins that connection; a new key replaces the old.
    let reconnect = api
        .create_reconnect_session(
            &secret_key,
            &CreateReconnectSession::new(connected.connection_id.clone(), integration.clone()),
        )
        .await?;
    let config = client_config(&host, reconnect.token)?;
    let plan = plan_reconnect(&config, &integration, &api_key_options("sk_test_rotated"))?;
    let reconnected = execute(&api, plan).await?;
    println!(
        "reconnected: same connection? {}",
        reconnected.connection_id == connected.connection_id
    );

    // 4. Backend: what is stored for this end user.
    let filter = ConnectionFilter {
        end_user_id: Some(END_USER.to_owned()),
        ..ConnectionFilter::default()
    };
    for connection in api.list_connections(&secret_key, &filter).await? {
        println!(
            "stored: {} / {} (created {})",
            connection.provider_config_key, connection.connection_id, connection.created
        );
    }

    if let Some(server) = embedded {
        server.shutdown().await;
    }
    Ok(())
}

/// `auth(key, {credentials: {apiKey}})` with a session token.
async fn connect(
    api: &NangoApi,
    host: &str,
    token: ConnectSessionToken,
    integration: &ProviderConfigKey,
    api_key: &str,
) -> Result<AuthSuccess, AuthError> {
    let config = client_config(host, token)?;
    let plan = plan_auth(&config, integration, None, &api_key_options(api_key))?;
    execute(api, plan).await
}

fn client_config(host: &str, token: ConnectSessionToken) -> Result<NangoConfig, AuthError> {
    NangoConfig::new(NangoOptions {
        host: Some(host.to_owned()),
        auth: ClientAuth::SessionToken(token),
        ..NangoOptions::default()
    })
}

fn api_key_options(api_key: &str) -> AuthOptions {
    AuthOptions {
        credentials: Some(Credentials::ApiKey {
            api_key: api_key.to_owned(),
        }),
        ..AuthOptions::default()
    }
}

/// Sends a credential request; an OAuth integration would need a window (web or desktop backend).
async fn execute(api: &NangoApi, plan: AuthPlan) -> Result<AuthSuccess, AuthError> {
    match plan {
        AuthPlan::Request(request) => {
            let body = api.execute(&request).await?;
            serde_json::from_value(body).map_err(|_| {
                AuthError::new(
                    nango_core::AuthErrorKind::InvalidResponse,
                    "the server's answer is not a connection",
                )
            })
        }
        AuthPlan::Popup(_) => Err(AuthError::new(
            nango_core::AuthErrorKind::InvalidAuthMode,
            "this integration needs an OAuth window; use the web or desktop backend",
        )),
    }
}

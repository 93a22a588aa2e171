//! The seed's "Connect an integration" button in Dioxus web, twice: once opening Nango's
//! Connect UI in an iframe (the seed's behaviour), once mounting the kit's Connect UI in this
//! page (in-page mode, no iframe). The session token comes from this app's own backend
//! (`POST /api/session-token`, served by `web-connect-button-server`), and a status line under
//! each button follows the Connect UI's events.

#[cfg(target_arch = "wasm32")]
mod app {
    use dioxus::prelude::*;
    use nango::messages::ConnectUiEvent;
    // The backend's module path works whichever other backend a workspace build also enables.
    use nango::ConnectSessionToken;
    use nango::web::{ConnectButton, ConnectUiMode, TokenFuture};
    use serde::Deserialize;

    /// The Nango server: nango-mock from `cargo xtask demo` (it also serves the Connect UI at
    /// /connect/). With Nango Cloud, drop `base_url` and `api_url` below.
    const NANGO_HOST: &str = "http://localhost:3003";

    /// The query parameter that points the page at another Nango server (`?nango_host=…`;
    /// the end-to-end tests use it for a nango-mock on a free port).
    const NANGO_HOST_PARAMETER: &str = "nango_host";

    /// What `POST /api/session-token` answers.
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct SessionTokenResponse {
        /// A fresh connect session token.
        session_token: String,
    }

    /// The Nango server of this page: `?nango_host=` if given, else [`NANGO_HOST`].
    fn nango_host() -> String {
        web_sys::window()
            .and_then(|window| window.location().search().ok())
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .and_then(|params| params.get(NANGO_HOST_PARAMETER))
            .map(|host| host.trim_end_matches('/').to_owned())
            .filter(|host| host.starts_with("http://") || host.starts_with("https://"))
            .unwrap_or_else(|| NANGO_HOST.to_owned())
    }

    /// Asks this app's backend for a connect session token (the secret key stays there).
    async fn fetch_session_token() -> Result<ConnectSessionToken, String> {
        let origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .ok_or("the page has no origin")?;
        let response = reqwest::Client::new()
            .post(format!("{origin}/api/session-token"))
            .send()
            .await
            .map_err(|error| error.to_string())?;
        if !response.status().is_success() {
            return Err(format!("the backend answered {}", response.status()));
        }
        let body: SessionTokenResponse =
            response.json().await.map_err(|error| error.to_string())?;
        Ok(ConnectSessionToken::new(body.session_token))
    }

    /// One line on an event: its type, and the connection or the error it carries.
    fn describe(event: &ConnectUiEvent) -> String {
        match event {
            ConnectUiEvent::Connect(payload) => format!(
                "connect: {} (connection {})",
                payload.provider_config_key.as_str(),
                payload.connection_id.as_str()
            ),
            ConnectUiEvent::Error(error) => format!("error: {} ({})", error.kind, error.message),
            other => other.event_type().to_owned(),
        }
    }

    /// One way of opening the Connect UI: a heading, the button with its status line, and the
    /// events it received so far.
    #[component]
    fn ConnectSection(
        /// The section's id (`iframe` or `in-page`).
        id: &'static str,
        /// The section heading.
        title: &'static str,
        /// The button text.
        label: &'static str,
        /// Iframe or in-page.
        mode: ConnectUiMode,
        /// The Nango server.
        host: String,
    ) -> Element {
        let mut events = use_signal(Vec::<ConnectUiEvent>::new);
        rsx! {
            section { id, "aria-labelledby": "{id}-title",
                h2 { id: "{id}-title", {title} }
                ConnectButton {
                    label,
                    mode,
                    base_url: format!("{host}/connect/"),
                    api_url: host.clone(),
                    get_session_token: move |_| -> TokenFuture { Box::pin(fetch_session_token()) },
                    on_event: move |event: ConnectUiEvent| events.write().push(event),
                }
                if !events.read().is_empty() {
                    h3 { "Events" }
                    ol { "data-testid": "events",
                        for event in events.read().iter() {
                            li { "data-type": event.event_type(), {describe(event)} }
                        }
                    }
                }
            }
        }
    }

    /// The page: a title and the two buttons.
    #[component]
    pub fn App() -> Element {
        let host = use_hook(nango_host);
        rsx! {
            main { style: "font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto;",
                h1 { "Connect an integration" }
                ConnectSection {
                    id: "iframe",
                    title: "Nango's Connect UI (iframe)",
                    label: "Connect an integration",
                    mode: ConnectUiMode::Iframe,
                    host: host.clone(),
                }
                ConnectSection {
                    id: "in-page",
                    title: "Connect UI in this page",
                    label: "Connect in this page",
                    mode: ConnectUiMode::InPage,
                    host,
                }
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    dioxus_web::launch::launch_cfg(app::App, dioxus_web::Config::new());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This app runs in the browser: `cargo xtask build-web --app web-connect-button`, then \
         `cargo run -p example-web-connect-button --features server` (see the README)."
    );
    std::process::exit(2);
}

//! The seed's "Connect an integration" button in Dioxus web: a click opens Nango's Connect UI,
//! the session token comes from this app's own backend (`POST /api/session-token`, served by
//! `web-connect-button-server`), and a status line follows the Connect UI's events.

#[cfg(target_arch = "wasm32")]
mod app {
    use dioxus::prelude::*;
    use nango::messages::ConnectUiEvent;
    // The backend's module path works whichever other backend a workspace build also enables.
    use nango::ConnectSessionToken;
    use nango::web::{ConnectButton, TokenFuture};
    use serde::Deserialize;

    /// The Nango server: nango-mock from `cargo xtask demo` (it also serves the Connect UI at
    /// /connect/). With Nango Cloud, drop `base_url` and `api_url` below.
    const NANGO_HOST: &str = "http://localhost:3003";

    /// What `POST /api/session-token` answers.
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct SessionTokenResponse {
        /// A fresh connect session token.
        session_token: String,
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

    /// The page: a title, the button with its status line, and the events received so far.
    #[component]
    pub fn App() -> Element {
        let mut events = use_signal(Vec::<String>::new);
        rsx! {
            main { style: "font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto;",
                h1 { "Connect an integration" }
                ConnectButton {
                    label: "Connect an integration",
                    base_url: format!("{NANGO_HOST}/connect/"),
                    api_url: NANGO_HOST,
                    get_session_token: move |_| -> TokenFuture { Box::pin(fetch_session_token()) },
                    on_event: move |event: ConnectUiEvent| {
                        events.write().push(event.event_type().to_owned());
                    },
                }
                if !events.read().is_empty() {
                    p { "data-testid": "events", "Events: {events.read().join(\", \")}" }
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

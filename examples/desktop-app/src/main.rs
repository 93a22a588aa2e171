//! A Dioxus desktop app that connects its user's third-party accounts through Nango.
//!
//! It lists the user's connections (`GET /connections` with the secret key), opens nango-ui's
//! Connect UI in its own window to connect new ones, and signs in to OAuth providers in a second
//! native window or in the system browser (a setting). With no `NANGO_HOST` it embeds nango-mock
//! on a free loopback port, so `cargo run -p example-desktop-app` works offline.
//!
//! Environment: `NANGO_HOST` + `NANGO_SECRET_KEY` (a real Nango), `NANGO_OAUTH_WINDOW=browser`
//! (start in system-browser mode), `NANGO_CONNECT_UI=overlay` (start with the Connect UI as an
//! overlay in this window), `NANGO_DESKTOP_BROWSER=<program>` (the browser to launch).
//! Flag: `--open-connect-ui` opens the Connect UI at start.

mod app;
mod backend;

use std::any::Any;
use std::process::ExitCode;
use std::time::Instant;

use dioxus_desktop::{Config, LogicalSize, WindowBuilder};

use crate::app::{App, AppSettings, OAuthMode, presentation_from_env, timing};
use crate::backend::Backend;

/// WebKitGTK's switch for accelerated compositing (`1`: off).
const COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The window's stylesheet (system fonts, light and dark).
const STYLE: &str = include_str!("style.css");

fn main() -> ExitCode {
    let started = Instant::now();
    timing(started, "main");
    // WebKitGTK's accelerated compositing costs ~100 MB in the web process (GL buffers; Mesa's
    // software GL without a GPU) for a page that needs none: `cargo xtask bench desktop` measured
    // 213 → 114 MB PSS. Software rendering keeps every CSS feature. Set before any thread or
    // WebKit process starts; a value the user set wins.
    if std::env::var_os(COMPOSITING_ENV).is_none() {
        // SAFETY: the first statement of `main` after the clock: no other thread exists yet.
        unsafe { std::env::set_var(COMPOSITING_ENV, "1") };
    }
    let mut open_on_start = false;
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--open-connect-ui" => open_on_start = true,
            "-h" | "--help" => {
                println!("usage: desktop-app [--open-connect-ui]\n\n{}", usage());
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("desktop-app: unknown argument {other}\n{}", usage());
                return ExitCode::FAILURE;
            }
        }
    }
    let backend = match Backend::from_env() {
        Ok(backend) => backend,
        Err(error) => {
            eprintln!("desktop-app: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "nango: {} ({})",
        backend.host,
        if backend.embedded {
            "embedded nango-mock"
        } else {
            "NANGO_HOST"
        }
    );
    let settings = AppSettings {
        backend,
        initial_mode: OAuthMode::from_env(),
        initial_presentation: presentation_from_env(),
        open_on_start,
        started,
    };
    let window = WindowBuilder::new()
        .with_title("Connected accounts")
        .with_inner_size(LogicalSize::new(760.0, 620.0))
        .with_min_inner_size(LogicalSize::new(420.0, 360.0));
    let config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_disable_context_menu(true)
        .with_custom_head(format!("<style>{STYLE}</style>"));
    dioxus_desktop::launch::launch(
        App,
        vec![Box::new(move || Box::new(settings.clone()) as Box<dyn Any>)],
        vec![Box::new(config)],
    )
}

/// The environment variables the app reads.
fn usage() -> &'static str {
    "NANGO_HOST, NANGO_SECRET_KEY   use this Nango instead of the embedded nango-mock\n\
     NANGO_OAUTH_WINDOW=browser     start with OAuth in the system browser\n\
     NANGO_CONNECT_UI=overlay       start with the Connect UI as an overlay in this window\n\
     NANGO_DESKTOP_BROWSER=PROGRAM  the browser to launch (run as PROGRAM URL)"
}

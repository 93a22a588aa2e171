//! nango-connect-app: the standalone Connect UI web app, a drop-in for Nango's hosted Connect UI
//! (`?apiURL=…&lang=…&theme=…&session_token=…`, the `postMessage` protocol of spec §11).
//!
//! Built for the browser by `cargo xtask build-web --app connect-app` into `dist/connect-app/`.

// On the host only the tests use the app (the binary just explains where it runs).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod app;

/// Mounts the app on `<div id="main">`. The app has no routes: an in-memory history instead of
/// dioxus-web's default browser history, whose start-up `history.replaceState` costs a
/// same-document navigation (~5 ms measured in a Chromium trace) before the first render.
#[cfg(target_arch = "wasm32")]
fn main() {
    let history = std::rc::Rc::new(dioxus::history::MemoryHistory::default());
    dioxus_web::launch::launch_cfg(app::App, dioxus_web::Config::new().history(history));
}

/// The app only runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "nango-connect-app runs in a browser: build it with `cargo xtask build-web --app connect-app` \
         and serve dist/connect-app/ (e.g. `nango-mock --connect-ui-dir dist/connect-app`)"
    );
    std::process::ExitCode::from(2)
}

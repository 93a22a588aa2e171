//! The memory floor the desktop bench compares the app with: one window showing a small static
//! page (a heading and four list rows, no script), with the app's WebKitGTK environment
//! (accelerated compositing off), built one of two ways:
//!
//! - `webview-floor wry`: a bare tao window with a bare wry webview (no Dioxus at all);
//! - `webview-floor dioxus`: a dioxus-desktop window rendering the same page as a component
//!   (dioxus-desktop's webview, interpreter script and IPC bridge).
//!
//! The window's title is `Floor`. It runs until killed; `cargo xtask bench desktop` measures it
//! the way it measures the app, so the difference is what the app and the kit add.

use std::process::ExitCode;

use dioxus::prelude::*;
use dioxus_desktop::tao::event::{Event, WindowEvent};
use dioxus_desktop::tao::event_loop::{ControlFlow, EventLoop};
use dioxus_desktop::{Config, LogicalSize, WindowBuilder};

/// WebKitGTK's switch for accelerated compositing (`1`: off), as the app sets it.
const COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The window's title.
const TITLE: &str = "Floor";

/// The static page's style.
const STYLE: &str = "body{font-family:sans-serif;margin:24px;background:#fff;color:#111}\
li{list-style:none;display:flex;gap:12px;align-items:center;padding:12px;margin:8px 0;\
border:1px solid #ddd;border-radius:8px}span{width:32px;height:32px;border-radius:6px;\
background:#2da44e;display:inline-block}";

/// The rows of the static page.
const ROWS: [&str; 4] = ["GitHub", "Demo OAuth", "Mock OAuth", "Outbound"];

fn main() -> ExitCode {
    if std::env::var_os(COMPOSITING_ENV).is_none() {
        // SAFETY: the first statement of `main`: no other thread exists yet.
        unsafe { std::env::set_var(COMPOSITING_ENV, "1") };
    }
    match std::env::args().nth(1).as_deref() {
        Some("wry") => bare_wry(),
        Some("dioxus") => {
            let window = WindowBuilder::new()
                .with_title(TITLE)
                .with_inner_size(LogicalSize::new(760.0, 620.0));
            let config = Config::new()
                .with_window(window)
                .with_menu(None)
                .with_custom_head(format!("<style>{STYLE}</style>"));
            dioxus_desktop::launch::launch(FloorPage, Vec::new(), vec![Box::new(config)])
        }
        _ => {
            eprintln!("usage: webview-floor wry|dioxus");
            ExitCode::FAILURE
        }
    }
}

/// The static page as a Dioxus component.
#[component]
fn FloorPage() -> Element {
    rsx! {
        h1 { "Choose an app to connect" }
        ul {
            for row in ROWS {
                li { span {} "{row}" }
            }
        }
    }
}

/// A tao window with a wry webview showing the static page as HTML.
fn bare_wry() -> ExitCode {
    let rows: String = ROWS
        .iter()
        .map(|row| format!("<li><span></span>{row}</li>"))
        .collect();
    let html = format!(
        "<!doctype html><html><head><style>{STYLE}</style></head><body>\
         <h1>Choose an app to connect</h1><ul>{rows}</ul></body></html>"
    );
    let event_loop = EventLoop::new();
    let window = match WindowBuilder::new()
        .with_title(TITLE)
        .with_inner_size(LogicalSize::new(760.0, 620.0))
        .build(&event_loop)
    {
        Ok(window) => window,
        Err(error) => {
            eprintln!("webview-floor: window: {error}");
            return ExitCode::FAILURE;
        }
    };
    let webview = match build_webview(&window, &html) {
        Ok(webview) => webview,
        Err(error) => {
            eprintln!("webview-floor: webview: {error}");
            return ExitCode::FAILURE;
        }
    };
    event_loop.run(move |event, _target, control_flow| {
        *control_flow = ControlFlow::Wait;
        let _ = &webview;
        if let Event::WindowEvent {
            event: WindowEvent::CloseRequested,
            ..
        } = event
        {
            *control_flow = ControlFlow::Exit;
        }
    })
}

/// The wry webview in the window (GTK: packed into the window's vertical box).
#[cfg(target_os = "linux")]
fn build_webview(
    window: &dioxus_desktop::tao::window::Window,
    html: &str,
) -> dioxus_desktop::wry::Result<dioxus_desktop::wry::WebView> {
    use dioxus_desktop::tao::platform::unix::WindowExtUnix;
    use dioxus_desktop::wry::WebViewBuilderExtUnix;
    let Some(vbox) = window.default_vbox() else {
        return Err(dioxus_desktop::wry::Error::InitScriptError);
    };
    dioxus_desktop::wry::WebViewBuilder::new()
        .with_html(html)
        .build_gtk(vbox)
}

/// The wry webview in the window.
#[cfg(not(target_os = "linux"))]
fn build_webview(
    window: &dioxus_desktop::tao::window::Window,
    html: &str,
) -> dioxus_desktop::wry::Result<dioxus_desktop::wry::WebView> {
    dioxus_desktop::wry::WebViewBuilder::new()
        .with_html(html)
        .build(window)
}

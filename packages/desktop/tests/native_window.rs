//! The native OAuth window in a real dioxus-desktop app under X11 (Xvfb): it opens centred like
//! the web popup, loads Nango's OAuth URL with the acknowledged `ws_client_id`, closes itself
//! after success, and a user close (WM_DELETE_WINDOW, like a close button) reaches the flow
//! exactly: `window_closed` with close detection, nothing without it. One scenario runs the real
//! round trip through nango-mock (redirects, auto-approving fake provider, callback page) in the
//! native window and checks the stored connection; another opens the Connect UI window and
//! completes an OAuth connection through it by keyboard (xdotool), saving screenshots of the
//! list, form and success screens to `CARGO_TARGET_TMPDIR`. Two more open the Connect UI as an
//! overlay: over the app's window (no second window; Escape closes it with one `close`), and
//! without a `ConnectUiOverlay` in the app (an `error` event, then `close`).
//!
//! Without libtest: the parent starts Xvfb (or uses `$DISPLAY`) and re-runs this binary once per
//! scenario (`NANGO_NATIVE_SCENARIO`), reading the app's `PHASE`/`FAKE GET`/`RESULT` lines.
//! Skips (exit 0) when neither Xvfb nor a display is available, or when one of the X tools it
//! drives windows with (xwininfo, xdotool, python3) is missing.

use std::any::Any;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::{Duration, Instant};

use dioxus::prelude::*;
use futures_util::SinkExt;
use nango_core::messages::ConnectUiEvent;
use nango_desktop::{
    AuthOptions, ClientAuth, ConnectSessionToken, ConnectUiOverlay, ConnectUiPresentation,
    ConnectUiWindowOptions, Nango, NangoOptions, ProviderConfigKey, use_native_auth_windows,
};
use nango_fixtures::x11::{App, Display};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio_tungstenite::tungstenite::Message;

const SCENARIO_ENV: &str = "NANGO_NATIVE_SCENARIO";
const WS_CLIENT_ID: &str = "0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a";

fn main() {
    if let Ok(scenario) = std::env::var(SCENARIO_ENV) {
        run_app(&scenario);
    }
    let missing: Vec<&str> = ["xwininfo", "xdotool", "python3"]
        .into_iter()
        .filter(|tool| Command::new(tool).arg("-version").output().is_err())
        .collect();
    if !missing.is_empty() {
        println!("native_window: skipped (missing {})", missing.join(", "));
        println!("0 passed, 0 failed, 1 skipped");
        return;
    }
    let Ok(display) = Display::start() else {
        println!("native_window: skipped (no Xvfb and no DISPLAY)");
        println!("0 passed, 0 failed, 1 skipped");
        return;
    };
    let mut passed = 0;
    let mut failed = 0;
    for (name, check) in [
        (
            "approve_resolves_and_closes_the_window",
            approve as fn(&str) -> Result<(), String>,
        ),
        (
            "user_close_with_detection_rejects_window_closed",
            close_with_detection,
        ),
        (
            "user_close_without_detection_changes_nothing",
            close_without_detection,
        ),
        (
            "nango_mock_round_trip_in_the_native_window",
            mock_round_trip,
        ),
        (
            "provider_page_cannot_load_the_dioxus_scheme",
            provider_page_cannot_load_dioxus_scheme,
        ),
        ("connect_ui_window_opens_and_closes_once", connect_ui_window),
        (
            "connect_ui_overlay_opens_in_the_app_window_and_closes_once",
            connect_ui_overlay,
        ),
        (
            "connect_ui_overlay_without_its_component_errors_then_closes",
            connect_ui_overlay_missing,
        ),
    ] {
        match check(&display.name) {
            Ok(()) => {
                passed += 1;
                println!("test {name} ... ok");
            }
            Err(why) => {
                failed += 1;
                println!("test {name} ... FAILED\n  {why}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    drop(display);
    if failed > 0 {
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------------
// Parent side: display, child app, checks.

/// Starts this binary as the app of `scenario` on `display` (its stderr saved next to the
/// screenshots).
fn start_scenario(display: &str, scenario: &str) -> Result<App, String> {
    let mut command = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
    command.env(SCENARIO_ENV, scenario).env("DISPLAY", display);
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{scenario}-stderr.log"));
    App::start(command, &log)
}

/// `(geometry, id)` of the window titled `title`, via xwininfo.
fn window_titled(display: &str, title: &str) -> Option<(String, String)> {
    let output = Command::new("xwininfo")
        .args(["-root", "-tree"])
        .env("DISPLAY", display)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let quoted = format!("\"{title}\":");
    let line = text.lines().find(|l| l.contains(&quoted))?;
    let id = line.split_whitespace().next()?.to_owned();
    let geometry = line
        .split_whitespace()
        .find(|w| w.contains('x') && w.contains('+') && !w.starts_with("0x"))?
        .to_owned();
    Some((geometry, id))
}

fn wait_for_sign_in_window(
    display: &str,
    present: bool,
) -> Result<Option<(String, String)>, String> {
    wait_for_window(display, "Sign in", present)
}

fn wait_for_window(
    display: &str,
    title: &str,
    present: bool,
) -> Result<Option<(String, String)>, String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let found = window_titled(display, title);
        if found.is_some() == present {
            return Ok(found);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!(
        "the {title} window never became {}",
        if present { "visible" } else { "gone" }
    ))
}

/// Asks the window to close like a window manager's close button.
fn close_like_the_user(display: &str, window_id: &str) -> Result<(), String> {
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/x11_close_window.py");
    let status = Command::new("python3")
        .arg(helper)
        .arg(window_id)
        .env("DISPLAY", display)
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("close helper: {status}"))
    }
}

fn approve(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "approve")?;
    let page = app.wait_for_any("FAKE GET", Duration::from_secs(20))?;
    assert_line(&page, "FAKE GET /oauth/connect/github ws_client_id=true")?;
    let result = app.wait_for_any("RESULT", Duration::from_secs(20))?;
    assert_line(&result, "RESULT Ok github smoke-1 pending=Some(false)")?;
    // Still open right at the result (close grace), gone shortly after.
    wait_for_sign_in_window(display, false)?;
    Ok(())
}

fn close_with_detection(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "close-detect")?;
    app.wait_for_any("FAKE GET", Duration::from_secs(20))?;
    let (geometry, id) = wait_for_sign_in_window(display, true)?.ok_or("no window")?;
    // PopupLayout::compute(500, 600, 1024, 768) when the screen is Xvfb's 1024x768.
    if display_is_1024x768(display) {
        assert_line(&geometry, "500x600+262+84")?;
    }
    close_like_the_user(display, &id)?;
    let result = app.wait_for_any("RESULT", Duration::from_secs(10))?;
    assert_line(&result, "RESULT Err window_closed")?;
    wait_for_sign_in_window(display, false)?;
    Ok(())
}

fn close_without_detection(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "close-nodetect")?;
    app.wait_for_any("FAKE GET", Duration::from_secs(20))?;
    let (_, id) = wait_for_sign_in_window(display, true)?.ok_or("no window")?;
    close_like_the_user(display, &id)?;
    wait_for_sign_in_window(display, false)?;
    // The flow keeps waiting (SDK parity); the app cancels it 1.5 s after the window is gone.
    let result = app.wait_for_any("RESULT", Duration::from_secs(10))?;
    assert_line(&result, "RESULT Err cancelled")?;
    Ok(())
}

/// The OAuth webview shares the WebKit context of its window's hidden dioxus page (one web and
/// network process less); the provider's page in it must still not reach dioxus' scheme.
fn provider_page_cannot_load_dioxus_scheme(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "scheme-probe")?;
    app.wait_for_any("FAKE GET", Duration::from_secs(20))?;
    let probe = app.wait_for_any("FAKE PROBE", Duration::from_secs(20))?;
    assert_line(&probe, "FAKE PROBE loaded=0")?;
    Ok(())
}

fn mock_round_trip(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "mock")?;
    let result = app.wait_for_any("RESULT", Duration::from_secs(30))?;
    if !result.starts_with("RESULT Ok github ") || !result.ends_with(" pending=Some(false)") {
        return Err(format!("unexpected {result}"));
    }
    let stored = app.wait_for_any("STORED", Duration::from_secs(5))?;
    assert_line(&stored, "STORED OAUTH2")?;
    wait_for_sign_in_window(display, false)?;
    Ok(())
}

fn connect_ui_window(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "connect-ui")?;
    app.wait_for_any("EVENT ready", Duration::from_secs(30))?;
    let (geometry, id) =
        wait_for_window(display, "Connect", true)?.ok_or("no Connect UI window")?;
    if display_is_1024x768(display) {
        // PopupLayout::compute(500, 700, 1024, 768).
        assert_line(&geometry, "500x700+262+34")?;
    }
    // The list: let it paint, keep a screenshot as a test artefact.
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(display, "desktop-connect-ui-list.png");
    // Keyboard, like a user: Tab past the close button to the search field, search "git",
    // Tab to the first result, Enter.
    let window = i64::from_str_radix(id.trim_start_matches("0x"), 16)
        .map_err(|e| e.to_string())?
        .to_string();
    // A bare Xvfb has no window manager: keyboard focus follows the pointer (PointerRoot), so
    // rest the pointer on the window's empty top edge.
    xdotool(display, &["mousemove", "--window", &window, "250", "10"])?;
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..2 {
        xdotool(display, &["key", "Tab"])?;
        std::thread::sleep(Duration::from_millis(300));
    }
    // Slowly: at 50 ms a key, the search input dropped a character (reported to nango-ui).
    xdotool(display, &["type", "--delay", "250", "git"])?;
    std::thread::sleep(Duration::from_millis(500));
    xdotool(display, &["key", "Tab"])?;
    xdotool(display, &["key", "Return"])?;
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(display, "desktop-connect-ui-form.png");
    // The OAuth form: Back, Close, then Connect.
    for _ in 0..3 {
        xdotool(display, &["key", "Tab"])?;
        std::thread::sleep(Duration::from_millis(200));
    }
    xdotool(display, &["key", "Return"])?;
    // The native OAuth window opens, nango-mock's fake provider auto-approves, it closes.
    wait_for_window(display, "Sign in", true)?;
    let connected = app.wait_for_any("EVENT connect", Duration::from_secs(20))?;
    let stored = app.wait_for_any("STORED", Duration::from_secs(5))?;
    assert_line(&stored, "STORED OAUTH2")?;
    wait_for_window(display, "Sign in", false)?;
    std::thread::sleep(Duration::from_millis(1000));
    screenshot(display, "desktop-connect-ui-success.png");
    // Closing the window like a user ends the UI with exactly one `close`.
    close_like_the_user(display, &id)?;
    app.wait_for_any("EVENT close", Duration::from_secs(10))
        .map_err(|e| format!("{e} (after {connected})"))?;
    wait_for_window(display, "Connect", false)?;
    // The closed Connect UI and OAuth windows leave no WebKit process behind: only the app
    // window's web and network process remain (wry's IPC closure no longer keeps the closed
    // webviews, their WebKit contexts and network processes alive). The app waits 1 s for a
    // duplicate `close`, then prints DONE and lingers 3 s: time enough to look.
    wait_for_webkit_processes(app.child.id(), (1, 1))?;
    let done = app.wait_for_any("DONE", Duration::from_secs(10))?;
    assert_line(&done, "DONE closes=1 open=false")?;
    Ok(())
}

/// Waits (3 s at most) until the app `pid` has `expected` (web, network) WebKit processes.
fn wait_for_webkit_processes(pid: u32, expected: (usize, usize)) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let tree = nango_fixtures::x11::process_tree(pid);
        let count = |name: &str| tree.iter().filter(|p| p.name == name).count();
        let found = (count("WebKitWebProces"), count("WebKitNetworkPr"));
        if found == expected {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "WebKit processes (web, network) 3 s after the windows closed: {found:?}, expected {expected:?}"
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn connect_ui_overlay(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "connect-ui-overlay")?;
    app.wait_for_any("EVENT ready", Duration::from_secs(30))?;
    let (_, main) =
        wait_for_window(display, "Native window test app", true)?.ok_or("no app window")?;
    // Let the list load and paint; no second window may appear.
    std::thread::sleep(Duration::from_millis(1500));
    if window_titled(display, "Connect").is_some() {
        return Err("a Connect window opened in overlay mode".to_owned());
    }
    screenshot(display, "desktop-connect-ui-overlay.png");
    // The dialog holds the keyboard focus: Escape closes the overlay.
    let window = i64::from_str_radix(main.trim_start_matches("0x"), 16)
        .map_err(|e| e.to_string())?
        .to_string();
    xdotool(display, &["mousemove", "--window", &window, "20", "20"])?;
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["key", "Escape"])?;
    app.wait_for_any("EVENT close", Duration::from_secs(10))?;
    let done = app.wait_for_any("DONE", Duration::from_secs(10))?;
    assert_line(&done, "DONE closes=1 open=false")?;
    Ok(())
}

fn connect_ui_overlay_missing(display: &str) -> Result<(), String> {
    let mut app = start_scenario(display, "connect-ui-overlay-missing")?;
    let error = app.wait_for_any("EVENT", Duration::from_secs(30))?;
    assert_line(&error, "EVENT error")?;
    app.wait_for_any("EVENT close", Duration::from_secs(10))?;
    let done = app.wait_for_any("DONE", Duration::from_secs(10))?;
    assert_line(&done, "DONE closes=1 open=false")?;
    Ok(())
}

/// Saves a screenshot of the whole display as a test artefact (best effort).
fn screenshot(display: &str, name: &str) {
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = Command::new("import")
        .args(["-window", "root"])
        .arg(&shot)
        .env("DISPLAY", display)
        .status();
}

/// Runs xdotool with `args` on `display`.
fn xdotool(display: &str, args: &[&str]) -> Result<(), String> {
    let status = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .status()
        .map_err(|e| format!("xdotool: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("xdotool {args:?}: {status}"))
    }
}

fn display_is_1024x768(display: &str) -> bool {
    Command::new("xwininfo")
        .args(["-root"])
        .env("DISPLAY", display)
        .output()
        .map(|o| {
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            text.contains("Width: 1024") && text.contains("Height: 768")
        })
        .unwrap_or(false)
}

fn assert_line(actual: &str, expected: &str) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("expected `{expected}`, got `{actual}`"))
    }
}

// ---------------------------------------------------------------------------------------------
// Child side: the app with a loopback fake Nango.

/// The scenario, handed to the app as root context.
#[derive(Clone)]
struct Scenario {
    host: String,
    token: String,
    /// nango-mock's store, in the `mock` scenario.
    store: Option<Arc<dyn nango_mock::state::Store>>,
    detect_closed: bool,
    cancel_after_close: bool,
    connect_ui: bool,
    /// Open the Connect UI as an overlay.
    overlay: bool,
    /// Render `ConnectUiOverlay` in the app (the overlay scenarios).
    overlay_component: bool,
}

fn run_app(scenario: &str) -> ! {
    let (server_sender, server_receiver) = std_mpsc::channel();
    if scenario == "mock" || scenario.starts_with("connect-ui") {
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            runtime.block_on(mock_nango(server_sender));
        });
    } else {
        let approve = scenario == "approve";
        let probe = scenario == "scheme-probe";
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            runtime.block_on(fake_nango(approve, probe, server_sender));
        });
    }
    let (host, token, store) = server_receiver.recv().expect("Nango host");
    let scenario = Scenario {
        host,
        token,
        store,
        detect_closed: scenario != "close-nodetect",
        cancel_after_close: scenario == "close-nodetect",
        connect_ui: scenario.starts_with("connect-ui"),
        overlay: scenario.starts_with("connect-ui-overlay"),
        overlay_component: scenario == "connect-ui-overlay",
    };
    dioxus_desktop::launch::launch(
        app,
        vec![Box::new(move || Box::new(scenario.clone()) as Box<dyn Any>)],
        vec![Box::new(dioxus_desktop::Config::new().with_window(
            dioxus_desktop::WindowBuilder::new().with_title("Native window test app"),
        ))],
    )
}

fn app() -> Element {
    let scenario: Scenario = use_context();
    let overlay_component = scenario.overlay_component;
    let host = use_native_auth_windows();
    use_hook(move || {
        spawn(async move {
            let nango = Nango::new(NangoOptions {
                host: Some(scenario.host.clone()),
                auth: ClientAuth::SessionToken(ConnectSessionToken::new(scenario.token.clone())),
                ..NangoOptions::default()
            })
            .expect("options")
            .with_native_windows(host);
            if scenario.connect_ui {
                let presentation = if scenario.overlay {
                    ConnectUiPresentation::Overlay
                } else {
                    ConnectUiPresentation::Window
                };
                run_connect_ui(nango, scenario.store.clone(), presentation).await;
            }
            let mut phase = nango.phase();
            tokio::spawn(async move {
                while phase.changed().await.is_ok() {
                    println!("PHASE {:?}", *phase.borrow());
                }
            });
            if scenario.cancel_after_close {
                let canceller = nango.clone();
                tokio::spawn(async move {
                    // The parent closes the window within a few seconds; cancel well after.
                    tokio::time::sleep(Duration::from_secs(8)).await;
                    canceller.cancel();
                });
            }
            let options = AuthOptions {
                detect_closed_auth_window: scenario.detect_closed,
                ..AuthOptions::default()
            };
            let result = nango
                .auth(&ProviderConfigKey::new("github"), None, options)
                .expect("planning")
                .await;
            match result {
                Ok(success) => {
                    println!(
                        "RESULT Ok {} {} pending={:?}",
                        success.provider_config_key.as_str(),
                        success.connection_id.as_str(),
                        success.is_pending
                    );
                    if let Some(store) = &scenario.store {
                        let stored = store
                            .connection("github", success.connection_id.as_str())
                            .ok()
                            .flatten()
                            .map(|c| c.credentials["type"].to_string());
                        println!("STORED {}", stored.unwrap_or_default().trim_matches('"'));
                    }
                }
                Err(error) => println!("RESULT Err {}", error.kind),
            }
            tokio::time::sleep(Duration::from_secs(3)).await;
            std::process::exit(0);
        });
    });
    rsx! {
        div { "native window test app" }
        if overlay_component {
            ConnectUiOverlay {}
        }
    }
}

/// Opens the Connect UI window, prints its events, and exits after `close`.
async fn run_connect_ui(
    nango: Nango,
    store: Option<Arc<dyn nango_mock::state::Store>>,
    presentation: ConnectUiPresentation,
) -> ! {
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
    let window = nango
        .open_connect_ui(ConnectUiWindowOptions {
            on_event: Some(Arc::new(move |event: ConnectUiEvent| {
                if let (ConnectUiEvent::Connect(payload), Some(store)) = (&event, &store) {
                    let stored = store
                        .connection(
                            payload.provider_config_key.as_str(),
                            payload.connection_id.as_str(),
                        )
                        .ok()
                        .flatten()
                        .map(|c| c.credentials["type"].to_string());
                    println!("STORED {}", stored.unwrap_or_default().trim_matches('"'));
                }
                let _ = events.send(event.event_type().to_owned());
            })),
            presentation,
            ..ConnectUiWindowOptions::default()
        })
        .expect("open_connect_ui");
    // Idempotent: a second open while open returns the same window.
    let again = nango
        .open_connect_ui(ConnectUiWindowOptions::default())
        .expect("second open_connect_ui");
    assert!(again.is_open());
    let mut closes = 0;
    while let Some(event) = received.recv().await {
        println!("EVENT {event}");
        if event == "close" {
            closes += 1;
            // Any duplicate close would arrive within this second.
            tokio::time::sleep(Duration::from_secs(1)).await;
            while let Ok(extra) = received.try_recv() {
                println!("EVENT {extra}");
                closes += usize::from(extra == "close");
            }
            break;
        }
    }
    window.close();
    println!("DONE closes={closes} open={}", window.is_open());
    // The parent counts this app's WebKit processes until DONE; linger a little past it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    std::process::exit(0);
}

/// Runs nango-mock with the fake provider auto-approving, and a session for `github`.
async fn mock_nango(server: std_mpsc::Sender<ServerInfo>) {
    let mock = nango_mock::MockServer::builder()
        .auto_approve(true)
        .start()
        .await
        .expect("nango-mock");
    let response = reqwest::Client::new()
        .post(format!("{}/connect/sessions", mock.base_url()))
        .bearer_auth(mock.secret_key().expose())
        .json(&serde_json::json!({"end_user": {"id": "desktop-user"}}))
        .send()
        .await
        .expect("session");
    let body: serde_json::Value = response.json().await.expect("session body");
    let token = body["data"]["token"].as_str().expect("token").to_owned();
    let _ = server.send((mock.base_url(), token, Some(mock.store())));
    std::future::pending::<()>().await;
}

/// What the app needs to reach its Nango: host, session token, and the mock's store.
type ServerInfo = (String, String, Option<Arc<dyn nango_mock::state::Store>>);

/// One port serving the WebSocket (ack, then success once the OAuth page was fetched in
/// `approve` mode) and plain HTTP pages.
async fn fake_nango(approve: bool, probe: bool, server: std_mpsc::Sender<ServerInfo>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let token = format!("nango_connect_session_{}", "ab".repeat(32));
    let _ = server.send((format!("http://127.0.0.1:{port}"), token, None));
    let approved = Arc::new(Notify::new());
    while let Ok((stream, _)) = listener.accept().await {
        let approved = Arc::clone(&approved);
        tokio::spawn(async move {
            let mut head = [0u8; 2048];
            let read = stream.peek(&mut head).await.unwrap_or(0);
            let head = String::from_utf8_lossy(&head[..read]).to_ascii_lowercase();
            if head.contains("upgrade: websocket") {
                serve_websocket(stream, approved).await;
            } else {
                serve_page(stream, approve, probe, approved).await;
            }
        });
    }
}

async fn serve_websocket(stream: TcpStream, approved: Arc<Notify>) {
    let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let ack = format!(r#"{{"message_type":"connection_ack","ws_client_id":"{WS_CLIENT_ID}"}}"#);
    let _ = ws.send(Message::text(ack)).await;
    approved.notified().await;
    let success = r#"{"message_type":"success","provider_config_key":"github","connection_id":"smoke-1","is_pending":false}"#;
    let _ = ws.send(Message::text(success)).await;
    tokio::time::sleep(Duration::from_secs(30)).await;
}

/// The provider page of the `scheme-probe` scenario: it loads dioxus-desktop's index page
/// (`dioxus://index.html/`, served by the OAuth window's hidden dioxus page in the same WebKit
/// context) as a script, and reports whether the load reached dioxus' handler (`load`: the HTML
/// arrived and failed to parse as script) or was refused (`error`).
const SCHEME_PROBE_PAGE: &str = "<!doctype html><title>Fake provider</title>\
<script>function report(loaded){location.href='/probe-result?loaded='+loaded}</script>\
<script src=\"dioxus://index.html/\" onload=\"report(1)\" onerror=\"report(0)\"></script>";

async fn serve_page(mut stream: TcpStream, approve: bool, probe: bool, approved: Arc<Notify>) {
    let mut request = vec![0u8; 8192];
    let read = stream.read(&mut request).await.unwrap_or(0);
    let request = String::from_utf8_lossy(&request[..read]).into_owned();
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    if path.starts_with("/oauth/connect/") {
        println!(
            "FAKE GET {} ws_client_id={}",
            path.split('?').next().unwrap_or(""),
            path.contains(&format!("ws_client_id={WS_CLIENT_ID}"))
        );
    }
    if let Some(query) = path.strip_prefix("/probe-result?") {
        println!("FAKE PROBE {query}");
    }
    let body = if probe && path.starts_with("/oauth/connect/") {
        SCHEME_PROBE_PAGE
    } else {
        "<!doctype html><title>Fake provider</title><h1>Fake provider: signing in</h1>"
    };
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    if approve && path.starts_with("/oauth/connect/") {
        tokio::time::sleep(Duration::from_millis(500)).await;
        approved.notify_one();
    }
}

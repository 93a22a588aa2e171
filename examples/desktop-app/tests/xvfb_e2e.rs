//! End to end under Xvfb: the desktop-app binary against a nango-mock started here, driven by
//! keyboard through xdotool like a user (no automation hook in the app).
//!
//! One run of the app connects four accounts and checks each through nango-mock's
//! `GET /connections`: an API key (Connect UI form), OAuth in the native window (the fake
//! provider's Approve pressed by keyboard), and, after switching the setting to the system
//! browser, OAuth through a test-double browser (`NANGO_DESKTOP_BROWSER=fake-browser`, which
//! fetches the authorize URL and posts Approve): the app learns of that success only over the
//! WebSocket; then, with the Connect UI switched to the overlay presentation, a second API key
//! in the overlay over the main window (no Connect window opens). Screenshots (list, form,
//! success, consent, waiting for the browser, overlay, and any failure) go to
//! `tests/artifacts/desktop/`.
//!
//! Runs only with `DESKTOP_APP_E2E=1` (set by `cargo xtask test --suite desktop`); skips (exit 0,
//! with the reason) without it, or when Xvfb and `$DISPLAY`, or xdotool/imagemagick, are missing.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use nango::NangoApi;
use nango::connection::ConnectionFilter;
use nango_fixtures::x11::{self, App, Display, artefact_dir, pause};

/// The main window's title.
const MAIN: &str = "Connected accounts";
/// The Connect UI window's title.
const CONNECT: &str = "Connect";
/// The native OAuth window's title.
const SIGN_IN: &str = "Sign in";
/// A point in the main window that the Connect UI window (500 px wide, same left edge when both
/// are centred on 1024×768) does not cover.
const MAIN_POINTER: (u32, u32) = (740, 8);

/// Set to run the test; `cargo xtask test --suite desktop` sets it (the workspace's plain
/// `cargo test` skips this ~1 minute run).
const OPT_IN_ENV: &str = "DESKTOP_APP_E2E";

fn main() {
    if std::env::var(OPT_IN_ENV).as_deref() != Ok("1") {
        skip(&format!(
            "set {OPT_IN_ENV}=1, or run `cargo xtask test --suite desktop`"
        ));
        return;
    }
    if let Some(reason) = x11::missing_prerequisite() {
        skip(&reason);
        return;
    }
    let display = match Display::start() {
        Ok(display) => display,
        Err(reason) => {
            skip(&reason);
            return;
        }
    };
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let mock = runtime
        .block_on(nango_mock::MockServer::builder().start())
        .expect("nango-mock");
    let mut run = Run {
        display: &display,
        app: None,
        step: "start",
    };
    let outcome = run.connect_four_accounts(&mock.base_url(), mock.secret_key().expose());
    let outcome = outcome.and_then(|()| {
        run.step = "check the stored connections";
        runtime.block_on(check_stored(&mock))
    });
    match outcome {
        Ok(()) => {
            println!(
                "test desktop_app_connects_api_key_native_oauth_browser_oauth_and_overlay_api_key ... ok"
            );
            println!(
                "screenshots: {}",
                artefact_dir()
                    .canonicalize()
                    .unwrap_or_else(|_| artefact_dir())
                    .display()
            );
            println!("test result: ok. 1 passed; 0 failed; 0 ignored");
        }
        Err(why) => {
            let shot = artefact_dir().join("failure.png");
            display.screenshot(&shot);
            println!(
                "test desktop_app_connects_api_key_native_oauth_browser_oauth_and_overlay_api_key ... FAILED"
            );
            println!("  at step: {}\n  {why}", run.step);
            if let Some(app) = &run.app {
                println!("  app output:\n    {}", app.seen.join("\n    "));
            }
            println!(
                "  app stderr: {}",
                artefact_dir().join("app-stderr.log").display()
            );
            println!("  screenshot: {}", shot.display());
            println!("test result: FAILED. 0 passed; 1 failed; 0 ignored");
            drop(run);
            runtime.block_on(mock.shutdown());
            drop(display);
            std::process::exit(1);
        }
    }
    drop(run);
    runtime.block_on(mock.shutdown());
}

/// Reports the test as skipped, with why.
fn skip(reason: &str) {
    println!("xvfb_e2e: skipped ({reason})");
    println!("test result: ok. 0 passed; 0 failed; 1 ignored");
}

/// The stored connections, as nango-mock's connection list reports them to a backend.
async fn check_stored(mock: &nango_mock::RunningServer) -> Result<(), String> {
    let api = NangoApi::new(&mock.base_url()).map_err(|e| e.to_string())?;
    let filter = ConnectionFilter {
        end_user_id: Some("desktop-user".to_owned()),
        ..ConnectionFilter::default()
    };
    let list = api
        .list_connections(mock.secret_key(), &filter)
        .await
        .map_err(|e| format!("GET /connections: {e}"))?;
    let mut by_integration = BTreeMap::<String, usize>::new();
    for connection in &list {
        *by_integration
            .entry(connection.provider_config_key.to_string())
            .or_default() += 1;
        let stored = mock
            .store()
            .connection(
                connection.provider_config_key.as_str(),
                connection.connection_id.as_str(),
            )
            .map_err(|e| format!("store: {e:?}"))?
            .ok_or("listed connection missing from the store")?;
        let kind = stored.credentials["type"].as_str().unwrap_or_default();
        let expected = if connection.provider_config_key.as_str() == "demo-api-key" {
            "API_KEY"
        } else {
            "OAUTH2"
        };
        if kind != expected {
            return Err(format!(
                "{} has credentials of type {kind}, expected {expected}",
                connection.provider_config_key
            ));
        }
    }
    let expected = BTreeMap::from([("demo-api-key".to_owned(), 2), ("github".to_owned(), 2)]);
    if by_integration != expected {
        return Err(format!(
            "stored connections {by_integration:?}, expected {expected:?}"
        ));
    }
    println!("stored: {by_integration:?}");
    Ok(())
}

/// The state of one test run (the step names failures).
struct Run<'d> {
    display: &'d Display,
    app: Option<App>,
    step: &'static str,
}

impl Run<'_> {
    fn app(&mut self) -> Result<&mut App, String> {
        self.app
            .as_mut()
            .ok_or_else(|| "the app is not running".to_owned())
    }

    fn shot(&self, name: &str) {
        self.display.screenshot(&artefact_dir().join(name));
    }

    fn connect_four_accounts(&mut self, host: &str, secret: &str) -> Result<(), String> {
        let display = self.display;
        let secs = Duration::from_secs;
        // A fresh folder: no screenshot from an earlier run is mistaken for this one's.
        let _ = std::fs::remove_dir_all(artefact_dir());
        std::fs::create_dir_all(artefact_dir()).map_err(|e| e.to_string())?;

        self.step = "start the app";
        let mut command = Command::new(env!("CARGO_BIN_EXE_desktop-app"));
        command
            .env("DISPLAY", &display.name)
            .env("NANGO_HOST", host)
            .env("NANGO_SECRET_KEY", secret)
            .env("NANGO_OAUTH_WINDOW", "native")
            .env("NANGO_DESKTOP_BROWSER", env!("CARGO_BIN_EXE_fake-browser"))
            .env("FAKE_BROWSER_DELAY_MS", "2000");
        self.app = Some(App::start(command, &artefact_dir().join("app-stderr.log"))?);
        self.app()?.wait_for("connections: 0", secs(60))?;
        let main = display
            .wait_window(MAIN, true, secs(20))?
            .ok_or("no main window")?;
        pause(800);
        self.shot("desktop-app-empty.png");

        // 1. An API key through the Connect UI's form.
        self.step = "open the Connect UI";
        self.open_connect_ui(&main)?;
        self.shot("desktop-connect-ui-list.png");
        self.step = "pick Mock API Key";
        let connect = self.pick_integration("api")?;
        self.step = "fill the API key";
        // Back, Close, the field's info button, then the field.
        display.key("Tab", 4)?;
        display.type_text("sk_test_desktop_e2e")?;
        self.shot("desktop-connect-ui-form.png");
        display.key("Return", 1)?;
        self.app()?
            .wait_for("event: connect demo-api-key ", secs(20))?;
        self.app()?.wait_for("connections: 1", secs(10))?;
        pause(800);
        self.shot("desktop-connect-ui-success.png");
        self.step = "close the Connect UI with Done";
        self.finish(&connect)?;
        self.shot("desktop-app-one-connection.png");

        // 2. OAuth in the native window; the fake provider's Approve pressed by keyboard.
        self.step = "open the Connect UI again";
        self.open_connect_ui(&main)?;
        self.step = "pick GitHub (mock)";
        let connect = self.pick_integration("git")?;
        self.shot("desktop-connect-ui-oauth-form.png");
        self.step = "press Connect (native window)";
        display.key("Tab", 3)?;
        display.key("Return", 1)?;
        let sign_in = display
            .wait_window(SIGN_IN, true, secs(15))?
            .ok_or("no Sign in window")?;
        self.app()?.wait_for("phase: WaitingForWindow", secs(10))?;
        pause(1500);
        self.shot("desktop-oauth-native-consent.png");
        self.step = "press Approve in the native window";
        display.point_at(&sign_in, 250, 5)?;
        // Deny, then Approve.
        display.key("Tab", 2)?;
        display.key("Return", 1)?;
        self.app()?.wait_for("event: connect github ", secs(20))?;
        self.app()?.wait_for("connections: 2", secs(10))?;
        display.wait_window(SIGN_IN, false, secs(10))?;
        pause(800);
        self.shot("desktop-connect-ui-oauth-success.png");
        self.step = "close the Connect UI after OAuth";
        self.finish(&connect)?;

        // 3. Switch to the system browser; the test-double browser approves, and the success
        //    reaches the app over the WebSocket.
        self.step = "switch the setting to System browser";
        display.point_at(&main, MAIN_POINTER.0, MAIN_POINTER.1)?;
        display.key("Tab", 1)?;
        display.key("Right", 1)?;
        self.app()?.wait_for("mode: system browser", secs(5))?;
        display.key("shift+Tab", 1)?;
        self.open_connect_ui(&main)?;
        self.step = "pick GitHub (mock) for the browser";
        let connect = self.pick_integration("git")?;
        self.step = "press Connect (system browser)";
        display.key("Tab", 3)?;
        display.key("Return", 1)?;
        self.app()?.wait_for("phase: WaitingForBrowser", secs(15))?;
        if display.window(SIGN_IN).is_some() {
            return Err("a native Sign in window opened in system-browser mode".to_owned());
        }
        pause(600);
        self.shot("desktop-app-waiting-for-browser.png");
        self.step = "the fake browser approves";
        self.app()?
            .wait_for("browser: pressing approve", secs(20))?;
        self.app()?
            .wait_for("browser: callback page 200", secs(20))?;
        self.app()?.wait_for("event: connect github ", secs(20))?;
        self.app()?.wait_for("connections: 3", secs(10))?;
        let last_phase = self
            .app()?
            .seen
            .iter()
            .rev()
            .find(|l| l.starts_with("phase: "))
            .cloned();
        if last_phase.as_deref() != Some("phase: Idle") {
            return Err(format!("the flow did not end: last {last_phase:?}"));
        }
        pause(800);
        self.shot("desktop-connect-ui-browser-success.png");
        self.step = "close the Connect UI after the browser";
        self.finish(&connect)?;
        pause(500);
        self.shot("desktop-app-three-connections.png");

        // 4. The Connect UI as an overlay over the main window: an API key.
        self.step = "switch the Connect UI to the overlay";
        display.point_at(&main, MAIN_POINTER.0, MAIN_POINTER.1)?;
        // The Connect button has the focus back; past the sign-in setting to this one.
        display.key("Tab", 2)?;
        display.key("Right", 1)?;
        self.app()?.wait_for("connect ui: overlay", secs(5))?;
        display.key("shift+Tab", 2)?;
        display.key("Return", 1)?;
        self.app()?.wait_for("event: ready", secs(20))?;
        pause(1500);
        if display.window(CONNECT).is_some() {
            return Err("a Connect window opened in overlay mode".to_owned());
        }
        self.shot("desktop-overlay-list.png");
        self.step = "pick Mock API Key in the overlay";
        // The dialog has the focus: the close button, then the search field.
        display.key("Tab", 2)?;
        display.type_text("api")?;
        display.key("Tab", 1)?;
        display.key("Return", 1)?;
        pause(1500);
        self.step = "fill the API key in the overlay";
        display.key("Tab", 4)?;
        display.type_text("sk_test_desktop_overlay")?;
        self.shot("desktop-overlay-form.png");
        display.key("Return", 1)?;
        self.app()?
            .wait_for("event: connect demo-api-key ", secs(20))?;
        self.app()?.wait_for("connections: 4", secs(10))?;
        pause(800);
        self.shot("desktop-overlay-success.png");
        self.step = "close the overlay with Done";
        display.key("Tab", 2)?;
        display.key("Return", 1)?;
        self.app()?.wait_for("event: close", secs(10))?;
        pause(500);
        self.shot("desktop-app-four-connections.png");
        Ok(())
    }

    /// Presses the focused "Connect an account" button and waits for the Connect UI's list.
    fn open_connect_ui(&mut self, main: &str) -> Result<(), String> {
        let display = self.display;
        display.point_at(main, MAIN_POINTER.0, MAIN_POINTER.1)?;
        display.key("Return", 1)?;
        self.app()?
            .wait_for("event: ready", Duration::from_secs(20))?;
        display.wait_window(CONNECT, true, Duration::from_secs(20))?;
        pause(1500);
        Ok(())
    }

    /// Searches the Connect UI's list for `query` and opens the first match; returns the
    /// Connect UI window.
    fn pick_integration(&mut self, query: &str) -> Result<String, String> {
        let display = self.display;
        let connect = display.window(CONNECT).ok_or("no Connect UI window")?;
        display.point_at(&connect, 250, 10)?;
        // The close button, then the search field.
        display.key("Tab", 2)?;
        display.type_text(query)?;
        display.key("Tab", 1)?;
        display.key("Return", 1)?;
        pause(1500);
        Ok(connect)
    }

    /// Presses Done on the success screen and waits for the window to close.
    fn finish(&mut self, connect: &str) -> Result<(), String> {
        let display = self.display;
        display.point_at(connect, 250, 10)?;
        // The close button, then Done.
        display.key("Tab", 2)?;
        display.key("Return", 1)?;
        self.app()?
            .wait_for("event: close", Duration::from_secs(10))?;
        display.wait_window(CONNECT, false, Duration::from_secs(10))?;
        pause(500);
        Ok(())
    }
}

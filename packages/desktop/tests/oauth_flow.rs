//! The desktop OAuth driver with nango-core's flow machine against a tiny WebSocket server on
//! loopback: ack → navigate, success/error frames, refused and dropped sockets, window closes with
//! and without detection, cancel, ack timeout, deadline, and the system-browser mode.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::SinkExt;
use nango_desktop::{
    AuthErrorKind, AuthOptions, AuthPhase, AuthWindow, AuthWindowChoice, AuthWindowError,
    BrowserLauncher, ClientAuth, ConnectSessionToken, ConnectionId, DesktopAuthOptions,
    FlowSettings, Nango, NangoOptions, PopupSize, ProviderConfigKey, WindowClosedNotifier,
};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;

const WS_CLIENT_ID: &str = "0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a";

fn token() -> ConnectSessionToken {
    ConnectSessionToken::new(format!("nango_connect_session_{}", "ab".repeat(32)))
}

fn ack() -> String {
    format!(r#"{{"message_type":"connection_ack","ws_client_id":"{WS_CLIENT_ID}"}}"#)
}

fn success() -> String {
    r#"{"message_type":"success","provider_config_key":"github","connection_id":"conn-1","is_pending":false}"#
        .to_owned()
}

/// What the test server does after accepting one WebSocket.
enum Script {
    /// Send the ack, then each frame the test sends; close the socket when the sender is dropped.
    AckThen(mpsc::UnboundedReceiver<Option<String>>),
    /// Never send anything (ack timeout), keep the socket open until the test ends.
    Silent,
}

/// A WebSocket server on 127.0.0.1:0 that serves one connection with `script`; returns its port.
async fn ws_server(script: Script) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut ws = tokio_tungstenite::accept_async(stream).await.unwrap();
        match script {
            Script::AckThen(mut frames) => {
                ws.send(Message::text(ack())).await.unwrap();
                while let Some(frame) = frames.recv().await {
                    match frame {
                        Some(text) => ws.send(Message::text(text)).await.unwrap(),
                        // `None`: drop the connection without a close handshake.
                        None => return,
                    }
                }
                let _ = ws.close(None).await;
            }
            Script::Silent => {
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
        }
    });
    port
}

/// A port where nothing listens.
async fn refused_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}

/// What a [`RecordingWindow`] saw.
#[derive(Default)]
struct WindowLog {
    events: Vec<String>,
    closed: Option<WindowClosedNotifier>,
}

/// A test-double OAuth window that records open/navigate/close and lets the test "close" it.
#[derive(Clone, Default)]
struct RecordingWindow {
    log: Arc<Mutex<WindowLog>>,
    refuse_open: bool,
}

impl RecordingWindow {
    fn events(&self) -> Vec<String> {
        self.log.lock().unwrap().events.clone()
    }

    fn user_closes(&self) {
        self.log.lock().unwrap().events.push("user-closed".into());
        let notifier = self.log.lock().unwrap().closed.clone();
        notifier.expect("window was opened").notify();
    }

    fn choice(&self) -> AuthWindowChoice {
        let window = self.clone();
        AuthWindowChoice::Custom(Arc::new(move || Box::new(window.clone())))
    }

    async fn wait_for(&self, prefix: &str) -> String {
        for _ in 0..500 {
            if let Some(event) = self.events().into_iter().find(|e| e.starts_with(prefix)) {
                return event;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("no {prefix} event; saw {:?}", self.events());
    }
}

impl AuthWindow for RecordingWindow {
    fn open(
        &mut self,
        size: PopupSize,
        closed: WindowClosedNotifier,
    ) -> Result<(), AuthWindowError> {
        if self.refuse_open {
            return Err(AuthWindowError("refused".into()));
        }
        let mut log = self.log.lock().unwrap();
        log.events
            .push(format!("open {}x{}", size.width, size.height));
        log.closed = Some(closed);
        Ok(())
    }

    fn navigate(&mut self, url: &str) -> Result<(), AuthWindowError> {
        let mut log = self.log.lock().unwrap();
        if log.events.iter().any(|e| e == "user-closed") {
            return Err(AuthWindowError("gone".into()));
        }
        log.events.push(format!("navigate {url}"));
        Ok(())
    }

    fn close(&mut self) {
        self.log.lock().unwrap().events.push("close".into());
    }
}

/// Records the URLs the "browser" was asked to open.
#[derive(Default)]
struct RecordingLauncher {
    urls: Mutex<Vec<String>>,
}

impl BrowserLauncher for RecordingLauncher {
    fn launch(&self, url: &str) -> Result<(), AuthWindowError> {
        self.urls.lock().unwrap().push(url.to_owned());
        Ok(())
    }
}

fn settings() -> FlowSettings {
    FlowSettings {
        detect_closed_auth_window: false,
        ack_timeout: Duration::from_secs(5),
        deadline: Duration::from_secs(10),
        close_grace: Duration::from_millis(50),
    }
}

fn nango(port: u16) -> Nango {
    Nango::new(NangoOptions {
        host: Some(format!("http://127.0.0.1:{port}")),
        width: Some(480),
        auth: ClientAuth::SessionToken(token()),
        ..NangoOptions::default()
    })
    .unwrap()
    .with_flow_settings(settings())
}

fn github() -> ProviderConfigKey {
    ProviderConfigKey::new("github")
}

fn detect_closed() -> AuthOptions {
    AuthOptions {
        detect_closed_auth_window: true,
        ..AuthOptions::default()
    }
}

/// Awaits a flow with a hard cap, so a hang fails the test instead of stalling it.
async fn settle<F: std::future::Future>(flow: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(8), flow)
        .await
        .expect("the flow hung")
}

#[tokio::test]
async fn ack_navigates_then_success_resolves_and_window_closes_after_grace() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let mut phase = nango.phase();
    let flow = nango.auth(&github(), None, AuthOptions::default()).unwrap();
    let flow = tokio::spawn(flow);

    let navigated = window.wait_for("navigate ").await;
    assert_eq!(window.events()[0], "open 480x600");
    let expected = format!(
        "navigate http://127.0.0.1:{port}/oauth/connect/github?connect_session_token={}&ws_client_id={WS_CLIENT_ID}",
        token().expose()
    );
    assert_eq!(navigated, expected);
    phase
        .wait_for(|p| *p == AuthPhase::WaitingForWindow)
        .await
        .unwrap();
    assert!(!window.events().contains(&"close".to_owned()));

    frames.send(Some(success())).unwrap();
    let success = settle(flow).await.unwrap().unwrap();
    assert_eq!(success.provider_config_key.as_str(), "github");
    assert_eq!(success.connection_id.as_str(), "conn-1");
    assert_eq!(success.is_pending, Some(false));
    assert_eq!(*nango.phase().borrow(), AuthPhase::Idle);
    // clear(): the window closes after the grace, not before the result.
    window.wait_for("close").await;
}

#[tokio::test]
async fn error_frame_rejects_with_its_type() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = nango
        .auth(
            &github(),
            Some(&ConnectionId::new("c-9")),
            AuthOptions::default(),
        )
        .unwrap();
    let flow = tokio::spawn(flow);
    window.wait_for("navigate ").await;
    frames
        .send(Some(
            r#"{"message_type":"error","error_type":"callback_err","error_desc":"denied"}"#.into(),
        ))
        .unwrap();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::CallbackErr);
    assert_eq!(error.message, "denied");
}

#[tokio::test]
async fn refused_websocket_rejects_with_websocket_failed() {
    let port = refused_port().await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = nango.auth(&github(), None, AuthOptions::default()).unwrap();
    let error = settle(flow).await.unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed);
    assert!(!window.events().iter().any(|e| e.starts_with("navigate")));
    window.wait_for("close").await;
}

#[tokio::test]
async fn socket_dropped_after_ack_rejects_with_websocket_failed() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    frames.send(None).unwrap();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed);
}

#[tokio::test]
async fn socket_closed_cleanly_after_ack_rejects_with_websocket_failed() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    drop(frames);
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed);
}

#[tokio::test]
async fn closed_window_with_detection_rejects_with_window_closed() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, detect_closed()).unwrap());
    window.wait_for("navigate ").await;
    window.user_closes();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::WindowClosed);
}

#[tokio::test]
async fn closed_window_without_detection_waits_for_the_deadline() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port)
        .with_auth_window(window.choice())
        .with_flow_settings(FlowSettings {
            deadline: Duration::from_millis(600),
            ..settings()
        });
    let started = tokio::time::Instant::now();
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    window.user_closes();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Timeout);
    assert!(started.elapsed() >= Duration::from_millis(600));
}

#[tokio::test]
async fn window_closed_before_ack_is_blocked_by_browser_at_navigation() {
    let (release, wait) = oneshot::channel::<()>();
    // A server that acks only once the test closed the window.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut ws = tokio_tungstenite::accept_async(stream).await.unwrap();
        let _ = wait.await;
        ws.send(Message::text(ack())).await.unwrap();
        tokio::time::sleep(Duration::from_secs(5)).await;
    });
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("open").await;
    window.user_closes();
    release.send(()).unwrap();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
}

#[tokio::test]
async fn window_that_cannot_open_is_blocked_by_browser() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow {
        refuse_open: true,
        ..RecordingWindow::default()
    };
    let nango = nango(port).with_auth_window(window.choice());
    let error = settle(nango.auth(&github(), None, AuthOptions::default()).unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
}

#[tokio::test]
async fn cancel_rejects_with_cancelled_and_closes_the_window() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    nango.cancel();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Cancelled);
    window.wait_for("close").await;
}

#[tokio::test]
async fn a_new_auth_cancels_the_pending_one() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let first_window = RecordingWindow::default();
    let second_window = RecordingWindow::default();
    let first = nango(port).with_auth_window(first_window.choice());
    let first_flow = tokio::spawn(first.auth(&github(), None, AuthOptions::default()).unwrap());
    first_window.wait_for("navigate ").await;
    // A clone shares the active flow even with another window choice.
    let second = first.clone().with_auth_window(second_window.choice());
    let second_flow = second
        .auth(&github(), None, AuthOptions::default())
        .unwrap();
    let error = settle(first_flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Cancelled);
    // The newer flow is the active one: cancel() now reaches it, not the settled first flow.
    second.cancel();
    let error = settle(second_flow).await.unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Cancelled);
}

#[tokio::test]
async fn clear_ends_the_pending_flow() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    nango.clear();
    let error = settle(flow).await.unwrap().unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Cancelled);
}

#[tokio::test]
async fn missing_ack_rejects_with_websocket_failed_after_the_ack_timeout() {
    let port = ws_server(Script::Silent).await;
    let window = RecordingWindow::default();
    let nango = nango(port)
        .with_auth_window(window.choice())
        .with_flow_settings(FlowSettings {
            ack_timeout: Duration::from_millis(300),
            ..settings()
        });
    let error = settle(nango.auth(&github(), None, AuthOptions::default()).unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed);
    assert!(error.message.contains("300 ms"), "{}", error.message);
}

#[tokio::test]
async fn deadline_rejects_with_timeout() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port)
        .with_auth_window(window.choice())
        .with_flow_settings(FlowSettings {
            deadline: Duration::from_millis(400),
            ..settings()
        });
    let error = settle(nango.auth(&github(), None, detect_closed()).unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::Timeout);
    window.wait_for("close").await;
}

#[tokio::test]
async fn system_browser_opens_only_after_the_ack_at_the_navigated_url() {
    let (frames, script) = mpsc::unbounded_channel();
    // Hold the ack until the test checked that nothing was launched yet.
    let (release, wait) = oneshot::channel::<()>();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut script: mpsc::UnboundedReceiver<Option<String>> = script;
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut ws = tokio_tungstenite::accept_async(stream).await.unwrap();
        let _ = wait.await;
        ws.send(Message::text(ack())).await.unwrap();
        while let Some(Some(frame)) = script.recv().await {
            ws.send(Message::text(frame)).await.unwrap();
        }
    });
    let launcher = Arc::new(RecordingLauncher::default());
    let nango = nango(port)
        .with_auth_window(AuthWindowChoice::SystemBrowser)
        .with_browser_launcher(launcher.clone());
    let mut phase = nango.phase();
    let flow = tokio::spawn(nango.auth(&github(), None, detect_closed()).unwrap());
    phase
        .wait_for(|p| *p == AuthPhase::Connecting)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        launcher.urls.lock().unwrap().is_empty(),
        "launched before the ack"
    );

    release.send(()).unwrap();
    phase
        .wait_for(|p| *p == AuthPhase::WaitingForBrowser)
        .await
        .unwrap();
    assert_eq!(
        *launcher.urls.lock().unwrap(),
        vec![format!(
            "http://127.0.0.1:{port}/oauth/connect/github?connect_session_token={}&ws_client_id={WS_CLIENT_ID}",
            token().expose()
        )]
    );
    frames.send(Some(success())).unwrap();
    let success = settle(flow).await.unwrap().unwrap();
    assert_eq!(success.connection_id.as_str(), "conn-1");
}

#[tokio::test]
async fn auto_sends_google_sign_in_to_the_system_browser() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let launcher = Arc::new(RecordingLauncher::default());
    let nango = nango(port).with_browser_launcher(launcher.clone());
    let flow = tokio::spawn(
        nango
            .auth_with(
                &ProviderConfigKey::new("google-drive"),
                None,
                AuthOptions::default(),
                DesktopAuthOptions {
                    window: None,
                    authorization_url: Some("https://accounts.google.com/o/oauth2/v2/auth".into()),
                },
            )
            .unwrap(),
    );
    for _ in 0..300 {
        if !launcher.urls.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(launcher.urls.lock().unwrap().len(), 1);
    frames.send(Some(success())).unwrap();
    settle(flow).await.unwrap().unwrap();
}

#[tokio::test]
async fn explicit_native_window_without_a_host_is_blocked_by_browser() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let nango = nango(port).with_auth_window(AuthWindowChoice::NativeWindow);
    let error = settle(nango.auth(&github(), None, AuthOptions::default()).unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
}

#[tokio::test]
async fn planning_errors_are_returned_before_any_future() {
    let nango = Nango::new(NangoOptions {
        host: Some("http://127.0.0.1:9".into()),
        ..NangoOptions::default()
    })
    .unwrap();
    let error = nango
        .auth(&github(), None, AuthOptions::default())
        .err()
        .unwrap();
    assert_eq!(error.kind, AuthErrorKind::MissingAuthToken);
    let error = nango
        .reconnect(&github(), AuthOptions::default())
        .err()
        .unwrap();
    assert_eq!(error.kind, AuthErrorKind::MissingConnectSessionToken);
    // create() is async like the JS SDK: the same error arrives through the future.
    let error = nango
        .create(&github(), None, &Default::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::MissingAuthToken);
    let error = Nango::new(NangoOptions {
        host: Some("localhost:3003".into()),
        ..NangoOptions::default()
    })
    .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::InvalidHostUrl);
}

#[tokio::test]
async fn dropping_the_pending_flow_closes_its_window() {
    let (_frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    assert!(!window.events().contains(&"close".to_owned()));
    flow.abort();
    window.wait_for("close").await;
}

#[tokio::test]
async fn cancel_closes_the_window_at_once_and_clear_after_the_grace() {
    for (clear, expect_close_before_grace) in [(false, true), (true, false)] {
        let (_frames, script) = mpsc::unbounded_channel();
        let port = ws_server(Script::AckThen(script)).await;
        let window = RecordingWindow::default();
        let nango = nango(port)
            .with_auth_window(window.choice())
            .with_flow_settings(FlowSettings {
                close_grace: Duration::from_millis(1500),
                ..settings()
            });
        let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
        window.wait_for("navigate ").await;
        if clear {
            nango.clear();
        } else {
            nango.cancel();
        }
        let error = settle(flow).await.unwrap().unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::Cancelled);
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            window.events().contains(&"close".to_owned()),
            expect_close_before_grace,
            "clear={clear}: {:?}",
            window.events()
        );
        window.wait_for("close").await;
    }
}

#[tokio::test]
async fn has_pending_auth_follows_the_flow() {
    let (frames, script) = mpsc::unbounded_channel();
    let port = ws_server(Script::AckThen(script)).await;
    let window = RecordingWindow::default();
    let nango = nango(port).with_auth_window(window.choice());
    assert!(!nango.has_pending_auth());
    // Pending from the call on, even before the future is polled; a dropped future is not.
    let unpolled = nango.auth(&github(), None, AuthOptions::default()).unwrap();
    assert!(nango.has_pending_auth());
    drop(unpolled);
    assert!(!nango.has_pending_auth());

    let flow = tokio::spawn(nango.auth(&github(), None, AuthOptions::default()).unwrap());
    window.wait_for("navigate ").await;
    assert!(nango.clone().has_pending_auth());
    frames.send(Some(success())).unwrap();
    settle(flow).await.unwrap().unwrap();
    assert!(!nango.has_pending_auth());
    // Credential flows are one request: never a pending OAuth flow.
    let _request = nango.create(&github(), None, &Default::default());
    assert!(!nango.has_pending_auth());
}

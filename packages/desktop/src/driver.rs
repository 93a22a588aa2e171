//! Drives one nango-core [`OAuthFlow`] with real I/O: a tokio-tungstenite WebSocket (read only,
//! never written to), an [`AuthWindow`], tokio timers and a cancel signal. Every event goes to the
//! flow; every effect it returns is carried out here.

use std::collections::VecDeque;
use std::pin::pin;
use std::time::Duration;

use futures_util::StreamExt;
use nango_core::{AuthError, AuthSuccess, FlowEffect, FlowInput, OAuthFlow};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::debug_log::DebugLog;
use crate::slot::{CancelMode, PhaseReporter};
use crate::window::{AuthPhase, AuthWindow, PopupSize, WindowClosedNotifier};

/// How long a settled flow waits for the WebSocket close handshake before dropping the socket.
const SOCKET_CLOSE_TIMEOUT: Duration = Duration::from_secs(2);

/// The WebSocket type of the driver.
type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Everything one flow needs besides the flow itself.
pub(crate) struct FlowIo {
    /// The WebSocket URL (`NangoConfig::websocket_url`).
    pub websocket_url: String,
    /// The window (native, system browser or custom).
    pub window: Box<dyn AuthWindow>,
    /// The requested window size.
    pub size: PopupSize,
    /// Fires when the flow is cancelled (`cancel()`, `clear()` or a newer `auth()`); a dropped
    /// sender is not a cancel.
    pub cancel: oneshot::Receiver<CancelMode>,
    /// Where the flow's phase is published for UIs.
    pub phase: PhaseReporter,
    /// Debug logging (redacted).
    pub log: DebugLog,
}

/// Closes the window if the flow's future is dropped before it settled (the caller gave up);
/// once the flow settles, the window is taken out and closed after the grace instead.
struct WindowGuard(Option<Box<dyn AuthWindow>>);

impl Drop for WindowGuard {
    fn drop(&mut self) {
        if let Some(mut window) = self.0.take() {
            window.close();
        }
    }
}

/// Runs `flow` to its end and returns its outcome. Never hangs unless the flow's own rules say so
/// (the deadline bounds every flow).
pub(crate) async fn drive_oauth_flow(
    mut flow: OAuthFlow,
    io: FlowIo,
) -> Result<AuthSuccess, AuthError> {
    let FlowIo {
        websocket_url,
        window,
        size,
        mut cancel,
        phase,
        log,
    } = io;
    let settings = *flow.settings();
    let mut window = WindowGuard(Some(window));
    let (closed_notifier, mut closed_events) = WindowClosedNotifier::channel();
    let mut pending: VecDeque<FlowInput> = VecDeque::new();
    let mut outcome: Option<Result<AuthSuccess, AuthError>> = None;
    let mut socket: Option<Socket> = None;
    let mut cancel_live = true;
    let mut ack_timer_live = true;
    let mut closed_live = true;
    let mut close_now = false;

    phase.report(AuthPhase::Connecting);
    let opened = match window.0.as_mut() {
        Some(window) => window.open(size, closed_notifier),
        None => Ok(()),
    };
    if let Err(error) = opened {
        log.line(format_args!(
            "the OAuth window could not be opened: {error}"
        ));
        pending.push_back(FlowInput::WindowBlocked);
    }

    log.line(format_args!("opening the WebSocket {websocket_url}"));
    let mut connecting = Some(Box::pin(tokio_tungstenite::connect_async(
        websocket_url.clone(),
    )));
    let mut ack_timer = pin!(tokio::time::sleep(settings.ack_timeout));
    let mut deadline = pin!(tokio::time::sleep(settings.deadline));

    loop {
        // Feed queued inputs (and the inputs their effects produce) before waiting again.
        while let Some(input) = pending.pop_front() {
            log.line(format_args!("flow input {input:?}"));
            for effect in flow.handle(input) {
                log.line(format_args!("flow effect {effect:?}"));
                match effect {
                    FlowEffect::Navigate(url) => {
                        let navigated = match window.0.as_mut() {
                            Some(window) => window.navigate(&url).map(|()| window.waiting_phase()),
                            None => Ok(AuthPhase::WaitingForWindow),
                        };
                        match navigated {
                            Ok(waiting) => {
                                phase.report(waiting);
                            }
                            Err(error) => {
                                log.line(format_args!(
                                    "the OAuth window could not be navigated: {error}"
                                ));
                                pending.push_back(FlowInput::WindowNavigationFailed);
                            }
                        }
                    }
                    FlowEffect::Resolve(success) => outcome = Some(Ok(success)),
                    FlowEffect::Reject(error) => outcome = Some(Err(error)),
                    FlowEffect::CloseSocket => {
                        connecting = None;
                        if let Some(mut open) = socket.take() {
                            tokio::spawn(async move {
                                let _ =
                                    tokio::time::timeout(SOCKET_CLOSE_TIMEOUT, open.close(None))
                                        .await;
                            });
                        }
                    }
                    FlowEffect::CloseWindowAfter(grace) => {
                        let delay = if close_now { Duration::ZERO } else { grace };
                        if let Some(mut window) = window.0.take() {
                            tokio::spawn(async move {
                                tokio::time::sleep(delay).await;
                                window.close();
                            });
                        }
                    }
                }
            }
        }
        if flow.is_settled() {
            phase.report(AuthPhase::Idle);
            return outcome.unwrap_or_else(|| {
                Err(AuthError::new(
                    nango_core::AuthErrorKind::UnknownError,
                    "The authorization flow ended without a result",
                ))
            });
        }

        let input = tokio::select! {
            connected = async {
                match connecting.as_mut() {
                    Some(connect) => connect.await,
                    None => std::future::pending().await,
                }
            }, if connecting.is_some() => {
                connecting = None;
                match connected {
                    Ok((stream, _response)) => {
                        socket = Some(stream);
                        FlowInput::SocketOpened
                    }
                    Err(error) => FlowInput::SocketFailed(error.to_string()),
                }
            }
            message = async {
                match socket.as_mut() {
                    Some(stream) => stream.next().await,
                    None => std::future::pending().await,
                }
            }, if socket.is_some() => match message {
                Some(Ok(Message::Text(text))) => FlowInput::Frame(text.as_str().to_owned()),
                Some(Ok(Message::Close(_))) | None => {
                    socket = None;
                    FlowInput::SocketClosed
                }
                Some(Ok(_)) => {
                    // Binary, ping and pong frames carry nothing for the flow.
                    continue;
                }
                Some(Err(error)) => {
                    socket = None;
                    FlowInput::SocketFailed(error.to_string())
                }
            },
            closed = closed_events.recv(), if closed_live => match closed {
                Some(()) => FlowInput::WindowClosed,
                // The window dropped its notifier (the system browser never reports a close).
                None => {
                    closed_live = false;
                    continue;
                }
            },
            cancelled = &mut cancel, if cancel_live => match cancelled {
                Ok(mode) => {
                    close_now = mode == CancelMode::Now;
                    FlowInput::Cancel
                }
                Err(_) => {
                    cancel_live = false;
                    continue;
                }
            },
            () = &mut ack_timer, if ack_timer_live => {
                ack_timer_live = false;
                FlowInput::AckTimeout
            }
            () = &mut deadline => FlowInput::DeadlineReached,
        };
        pending.push_back(input);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use futures_util::SinkExt;
    use nango_core::FlowSettings;
    use tokio::net::TcpListener;

    use super::*;
    use crate::browser::{BrowserLauncher, SystemBrowserWindow};
    use crate::slot::FlowSlot;
    use crate::window::AuthWindowError;

    const TOKEN: &str =
        "nango_connect_session_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const CLIENT_SECRET: &str = "very-secret-client-value";

    struct Recorder(Mutex<Vec<String>>);

    impl BrowserLauncher for Recorder {
        fn launch(&self, url: &str) -> Result<(), AuthWindowError> {
            self.0.lock().unwrap().push(url.to_owned());
            Ok(())
        }
    }

    #[tokio::test]
    async fn debug_lines_never_contain_the_token_or_secrets() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let mut ws = tokio_tungstenite::accept_async(stream).await.unwrap();
            ws.send(Message::text(
                r#"{"message_type":"connection_ack","ws_client_id":"0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a"}"#,
            ))
            .await
            .unwrap();
            ws.send(Message::text(
                r#"{"message_type":"success","provider_config_key":"github","connection_id":"c-1","is_pending":false,"private_key":"pk-secret"}"#,
            ))
            .await
            .unwrap();
            tokio::time::sleep(Duration::from_secs(2)).await;
        });
        let pre_ack_url = format!(
            "http://127.0.0.1:{port}/oauth/connect/github?connect_session_token={TOKEN}&credentials[oauth_client_secret_override]={CLIENT_SECRET}"
        );
        let flow = OAuthFlow::new(&pre_ack_url, FlowSettings::default()).unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let launcher = Arc::new(Recorder(Mutex::new(Vec::new())));
        let (cancel, phase) = FlowSlot::new().start();
        let io = FlowIo {
            websocket_url: format!("ws://127.0.0.1:{port}/"),
            window: Box::new(SystemBrowserWindow::new(launcher.clone())),
            size: PopupSize {
                width: 500,
                height: 600,
            },
            cancel,
            phase,
            log: DebugLog::capturing(Arc::clone(&lines)),
        };
        let success = drive_oauth_flow(flow, io).await.unwrap();
        assert_eq!(success.connection_id.as_str(), "c-1");
        // The browser got the real URL; the log got none of its secrets.
        assert!(launcher.0.lock().unwrap()[0].contains(TOKEN));
        let lines = lines.lock().unwrap();
        assert!(lines.iter().any(|l| l.contains("Navigate")), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("ws_client_id")),
            "{lines:?}"
        );
        for line in lines.iter() {
            assert!(!line.contains(TOKEN), "{line}");
            assert!(!line.contains("0123456789abcdef0123"), "{line}");
            assert!(!line.contains(CLIENT_SECRET), "{line}");
            assert!(!line.contains("pk-secret"), "{line}");
        }
    }
}

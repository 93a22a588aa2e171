//! Smoke run of the native OAuth window under a real dioxus-desktop event loop (used under Xvfb):
//! a loopback fake Nango serves the WebSocket ack and a page at `/oauth/connect/…`; in `approve`
//! mode it answers `success` once that page was fetched, in `close` mode it waits for the window
//! to be closed (close detection on). Prints `PHASE …`, `FAKE GET …` and `RESULT …` lines.
//!
//! `NANGO_SMOKE_MODE=approve|close cargo run -p nango-desktop --example native_window_smoke`

use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use dioxus::prelude::*;
use futures_util::SinkExt;
use nango_desktop::{
    AuthOptions, ClientAuth, ConnectSessionToken, Nango, NangoOptions, ProviderConfigKey,
    use_native_auth_windows,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio_tungstenite::tungstenite::Message;

/// The port of the fake Nango, handed to the app as root context.
#[derive(Clone, Copy)]
struct FakeNangoPort(u16);

fn main() {
    let approve = std::env::var("NANGO_SMOKE_MODE").as_deref() != Ok("close");
    let (port_sender, port_receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(fake_nango(approve, port_sender));
    });
    let port = port_receiver.recv().expect("fake Nango port");
    dioxus_desktop::launch::launch(
        app,
        vec![Box::new(move || {
            Box::new(FakeNangoPort(port)) as Box<dyn Any>
        })],
        vec![Box::new(dioxus_desktop::Config::new().with_window(
            dioxus_desktop::WindowBuilder::new().with_title("Smoke app"),
        ))],
    );
}

fn app() -> Element {
    let port: FakeNangoPort = use_context();
    let host = use_native_auth_windows();
    let mut status = use_signal(|| "starting".to_owned());
    use_hook(move || {
        spawn(async move {
            let nango = Nango::new(NangoOptions {
                host: Some(format!("http://127.0.0.1:{}", port.0)),
                auth: ClientAuth::SessionToken(ConnectSessionToken::new(format!(
                    "nango_connect_session_{}",
                    "ab".repeat(32)
                ))),
                ..NangoOptions::default()
            })
            .expect("options")
            .with_native_windows(host);
            let mut phase = nango.phase();
            tokio::spawn(async move {
                while phase.changed().await.is_ok() {
                    println!("PHASE {:?}", *phase.borrow());
                }
            });
            let options = AuthOptions {
                detect_closed_auth_window: true,
                ..AuthOptions::default()
            };
            let result = nango
                .auth(&ProviderConfigKey::new("github"), None, options)
                .expect("planning")
                .await;
            println!("RESULT {result:?}");
            status.set(format!("{result:?}"));
            tokio::time::sleep(Duration::from_secs(1)).await;
            std::process::exit(0);
        });
    });
    rsx! { div { id: "status", "{status}" } }
}

/// One port serving the WebSocket (ack, then success when `approved` fires) and plain HTTP.
async fn fake_nango(approve: bool, port: std::sync::mpsc::Sender<u16>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let _ = port.send(listener.local_addr().expect("addr").port());
    let approved = Arc::new(Notify::new());
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        let approved = Arc::clone(&approved);
        tokio::spawn(async move {
            let mut head = [0u8; 2048];
            let read = stream.peek(&mut head).await.unwrap_or(0);
            let head = String::from_utf8_lossy(&head[..read]).to_ascii_lowercase();
            if head.contains("upgrade: websocket") {
                serve_websocket(stream, approved).await;
            } else {
                serve_page(stream, approve, approved).await;
            }
        });
    }
}

async fn serve_websocket(stream: TcpStream, approved: Arc<Notify>) {
    let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let ack = r#"{"message_type":"connection_ack","ws_client_id":"0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a"}"#;
    let _ = ws.send(Message::text(ack)).await;
    approved.notified().await;
    let success = r#"{"message_type":"success","provider_config_key":"github","connection_id":"smoke-1","is_pending":false}"#;
    let _ = ws.send(Message::text(success)).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
}

async fn serve_page(mut stream: TcpStream, approve: bool, approved: Arc<Notify>) {
    let mut request = vec![0u8; 8192];
    let read = stream.read(&mut request).await.unwrap_or(0);
    let request = String::from_utf8_lossy(&request[..read]).into_owned();
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let has_ws_client_id = path.contains("ws_client_id=");
    println!(
        "FAKE GET {} ws_client_id={has_ws_client_id}",
        path.split('?').next().unwrap_or("")
    );
    let body = "<!doctype html><title>Fake provider</title><h1>Fake provider: signing in</h1>";
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

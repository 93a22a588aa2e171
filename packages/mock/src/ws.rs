//! The WebSocket hub: each upgraded socket gets a `ws_client_id`, a `connection_ack` frame and
//! a channel; OAuth outcomes are published to exactly one id, which is then unsubscribed.
//! Client frames are read (to notice closes) and ignored.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::extract::ws::{Message, WebSocket};
use futures_util::{SinkExt, StreamExt};
use tokio::sync::mpsc;

use nango_core::{WsClientId, WsFrame};

/// `ws_client_id` → the sender of that socket's outbound queue.
#[derive(Debug, Default)]
pub struct WsHub {
    clients: Mutex<HashMap<String, mpsc::UnboundedSender<String>>>,
}

impl WsHub {
    /// An empty hub.
    pub fn new() -> Self {
        WsHub::default()
    }

    /// Registers a client; frames published to `id` arrive on the returned receiver.
    pub fn register(&self, id: &str) -> mpsc::UnboundedReceiver<String> {
        let (tx, rx) = mpsc::unbounded_channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.insert(id.to_owned(), tx);
        }
        rx
    }

    /// Forgets a client (socket closed).
    pub fn unregister(&self, id: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.remove(id);
        }
    }

    /// Sends `frame` to `id` and unsubscribes it (Nango delivers one outcome per client).
    /// False when no such client is connected.
    pub fn publish(&self, id: &str, frame: &WsFrame) -> bool {
        let sender = match self.clients.lock() {
            Ok(mut clients) => clients.remove(id),
            Err(_) => None,
        };
        sender.is_some_and(|tx| tx.send(frame.to_json()).is_ok())
    }

    /// How many clients are subscribed.
    pub fn len(&self) -> usize {
        self.clients.lock().map(|c| c.len()).unwrap_or(0)
    }

    /// True when no client is subscribed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Drives one socket: sends the ack, forwards published frames, ignores client frames, and
/// unregisters on close. The server never closes the socket itself (the client does).
pub async fn run_socket(socket: WebSocket, id: String, hub: std::sync::Arc<WsHub>) {
    let mut outbound = Some(hub.register(&id));
    let (mut sink, mut stream) = socket.split();
    let ack = WsFrame::ConnectionAck {
        ws_client_id: WsClientId::new(id.clone()),
    }
    .to_json();
    if sink.send(Message::Text(ack.into())).await.is_err() {
        hub.unregister(&id);
        return;
    }
    loop {
        tokio::select! {
            frame = async {
                match outbound.as_mut() {
                    Some(rx) => rx.recv().await,
                    None => std::future::pending().await,
                }
            } => {
                match frame {
                    Some(text) => {
                        if sink.send(Message::Text(text.into())).await.is_err() {
                            break;
                        }
                    }
                    // Unsubscribed after delivery: keep the socket open until the client closes.
                    None => outbound = None,
                }
            }
            incoming = stream.next() => {
                match incoming {
                    None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
                    Some(Ok(_)) => {}
                }
            }
        }
    }
    hub.unregister(&id);
}

//! Browser tests of the popup flow against a real nango-mock: the server's WebSocket ack, the
//! navigation it triggers, close detection on and off, and a WebSocket path on a closed port.
//! The mock's URL comes from `NANGO_MOCK_URL` at compile time (`tests/run-with-mock.sh` starts
//! the mock and sets it); without it these tests log that they were skipped.
//!
//! The full OAuth round trip (fake provider Approve/Deny) needs a real popup with user
//! activation and is left to the Playwright end-to-end tests.

#![cfg(target_arch = "wasm32")]

mod support;

use nango_core::session::{CreateConnectSession, EndUserInput};
use nango_core::{
    AuthErrorKind, AuthOptions, ClientAuth, ConnectSessionToken, NangoApi, NangoOptions, SecretKey,
};
use nango_web::Nango;
use support::{close_popup, exclusive, popup_visits, restore_open, sleep, stub_open, within};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The mock's base URL, when the harness started one.
const MOCK_URL: Option<&str> = option_env!("NANGO_MOCK_URL");

/// nango-mock's default secret key.
const MOCK_SECRET_KEY: &str = "0d5c1e2a-7b3f-4c8d-9e1f-2a3b4c5d6e7f";

/// A port nothing listens on.
const CLOSED_PORT: u16 = 47_999;

/// The mock URL, or `None` after logging that the test is skipped.
fn mock_url(test: &str) -> Option<&'static str> {
    if MOCK_URL.is_none() {
        web_sys::console::log_1(&format!("{test}: skipped (NANGO_MOCK_URL not set)").into());
    }
    MOCK_URL
}

/// A fresh connect session token from the mock (our own API client, from the browser).
async fn session_token(mock: &str) -> ConnectSessionToken {
    let api = NangoApi::new(mock).expect("api");
    api.create_connect_session(
        &SecretKey::new(MOCK_SECRET_KEY),
        &CreateConnectSession {
            end_user: Some(EndUserInput {
                id: "browser-test-user".into(),
                ..EndUserInput::default()
            }),
            ..CreateConnectSession::default()
        },
    )
    .await
    .expect("session")
    .token
}

fn client(mock: &str, token: ConnectSessionToken, websockets_path: Option<String>) -> Nango {
    Nango::new(NangoOptions {
        host: Some(mock.to_owned()),
        websockets_path,
        auth: ClientAuth::SessionToken(token),
        ..NangoOptions::default()
    })
    .expect("client")
}

#[wasm_bindgen_test]
async fn closed_popup_rejects_only_with_detection_on() {
    let Some(mock) = mock_url("closed_popup_rejects_only_with_detection_on") else {
        return;
    };
    let _page = exclusive().await;
    let token = session_token(mock).await;
    stub_open("fake");
    let nango = client(mock, token, None);

    // Detection on: the user closes the popup after the ack → window_closed.
    let options = AuthOptions {
        detect_closed_auth_window: true,
        ..AuthOptions::default()
    };
    let future = nango.auth(&"github".into(), None, options).expect("auth");
    for _ in 0..100 {
        if !popup_visits(0).is_empty() {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(popup_visits(0).len(), 1, "navigated after the ack");
    close_popup(0);
    let result = within(2_000, future)
        .await
        .expect("detected within a poll or two");
    assert_eq!(
        result.expect_err("closed").kind,
        AuthErrorKind::WindowClosed
    );

    // Detection off (the SDK's default): a closed popup changes nothing; cancel ends it.
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("auth");
    for _ in 0..100 {
        if !popup_visits(1).is_empty() {
            break;
        }
        sleep(20).await;
    }
    close_popup(1);
    let mut future = Box::pin(future);
    assert!(
        within(1_500, future.as_mut()).await.is_none(),
        "still pending"
    );
    assert!(nango.has_pending_auth());
    nango.cancel();
    let result = within(1_000, future).await.expect("settles");
    restore_open();
    assert_eq!(
        result.expect_err("cancelled").kind,
        AuthErrorKind::Cancelled
    );
}

#[wasm_bindgen_test]
async fn websockets_on_a_closed_port_fail_without_hanging() {
    let Some(mock) = mock_url("websockets_on_a_closed_port_fail_without_hanging") else {
        return;
    };
    let _page = exclusive().await;
    let token = session_token(mock).await;
    stub_open("fake");
    let nango = client(mock, token, Some(format!("ws://127.0.0.1:{CLOSED_PORT}/")));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("auth");
    let result = within(10_000, future).await;
    let never_navigated = popup_visits(0).is_empty();
    restore_open();
    let error = result.expect("no hang").expect_err("refused");
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed);
    assert!(never_navigated);
}

//! Browser tests of `Nango::auth`'s popup flow in headless Chromium: blocked popups, a refused
//! WebSocket, and a new `auth` cancelling the pending one. `window.open` is replaced by a stub
//! where a test needs a popup the browser would not give it.

#![cfg(target_arch = "wasm32")]

mod support;

use nango_core::{AuthErrorKind, AuthOptions, ClientAuth, ConnectSessionToken, NangoOptions};
use nango_web::Nango;
use support::js;
use support::{exclusive, popup_closed, restore_open, sleep, stub_open, within};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A port nothing listens on (IANA reserved, not on Chromium's blocked-port list).
const CLOSED_PORT: u16 = 47_999;

fn client(host: &str) -> Nango {
    Nango::new(NangoOptions {
        host: Some(host.to_owned()),
        auth: ClientAuth::SessionToken(ConnectSessionToken::new(format!(
            "nango_connect_session_{}",
            "ab".repeat(32)
        ))),
        ..NangoOptions::default()
    })
    .expect("client")
}

#[wasm_bindgen_test]
async fn browser_without_user_activation_blocks_the_popup() {
    let _page = exclusive().await;
    // No stub: Chromium's popup blocker refuses window.open outside a user gesture.
    // (chromedriver turns the blocker off by default; packages/web/webdriver.json turns it back
    // on for this crate's browser tests.)
    restore_open();
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("no synchronous error");
    let error = within(5_000, future)
        .await
        .expect("settles")
        .expect_err("fails");
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser, "{error:?}");
}

#[wasm_bindgen_test]
async fn null_popup_is_blocked_by_browser() {
    let _page = exclusive().await;
    stub_open("null");
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("no synchronous error");
    let result = within(1_000, future).await.expect("settles at once");
    restore_open();
    let error = result.expect_err("blocked");
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
    assert_eq!(error.message, "Modal blocked by browser");
}

#[wasm_bindgen_test]
async fn popup_without_closed_is_blocked_and_opened_blank_with_centred_features() {
    let _page = exclusive().await;
    stub_open("no_closed");
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("no synchronous error");
    // window.open ran synchronously inside auth(), before any await.
    let call = js("return window.__openCalls[0];", &JsValue::NULL);
    let call: js_sys::Array = call.into();
    assert_eq!(call.get(0).as_string().as_deref(), Some(""));
    assert_eq!(call.get(1).as_string().as_deref(), Some("_blank"));
    let features = call.get(2).as_string().expect("features");
    let screen = web_sys::window().unwrap().screen().unwrap();
    let expected = nango_core::PopupLayout::compute(
        500.0,
        600.0,
        f64::from(screen.width().unwrap()),
        f64::from(screen.height().unwrap()),
    )
    .features();
    assert_eq!(features, expected);
    let result = within(1_000, future).await.expect("settles at once");
    restore_open();
    assert_eq!(
        result.expect_err("blocked").kind,
        AuthErrorKind::BlockedByBrowser
    );
}

#[wasm_bindgen_test]
async fn refused_websocket_fails_without_hanging_and_closes_the_popup() {
    let _page = exclusive().await;
    stub_open("fake");
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("no synchronous error");
    assert!(nango.has_pending_auth());
    let result = within(10_000, future).await;
    let error = result.expect("no hang").expect_err("fails");
    assert_eq!(error.kind, AuthErrorKind::WebsocketFailed, "{error:?}");
    assert!(!nango.has_pending_auth());
    // clear() after settle: the popup is still open during the 500 ms grace, then closed.
    assert!(!popup_closed(0));
    sleep(800).await;
    assert!(popup_closed(0));
    restore_open();
}

#[wasm_bindgen_test]
async fn a_new_auth_cancels_the_pending_one() {
    let _page = exclusive().await;
    stub_open("fake");
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let first = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("first");
    let second = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("second");
    let first = within(1_000, first).await.expect("first settles");
    assert_eq!(first.expect_err("cancelled").kind, AuthErrorKind::Cancelled);
    let second = within(10_000, second).await.expect("second settles");
    assert_eq!(
        second.expect_err("refused").kind,
        AuthErrorKind::WebsocketFailed
    );
    sleep(800).await;
    assert!(popup_closed(0) && popup_closed(1));
    restore_open();
}

#[wasm_bindgen_test]
async fn cancel_rejects_and_closes_the_popup_at_once() {
    let _page = exclusive().await;
    stub_open("fake");
    let nango = client(&format!("http://127.0.0.1:{CLOSED_PORT}"));
    let future = nango
        .auth(&"github".into(), None, AuthOptions::default())
        .expect("auth");
    nango.cancel();
    assert!(popup_closed(0));
    let result = within(1_000, future).await.expect("settles");
    assert_eq!(
        result.expect_err("cancelled").kind,
        AuthErrorKind::Cancelled
    );
    restore_open();
}

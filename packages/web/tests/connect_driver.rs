//! Browser tests of the Connect UI's driver pieces that need no user: the OAuth callback
//! hand-shake (origin and sender checks, the ack to the sender), the parent-source check of the
//! Connect UI app, and the clipboard fallback.

#![cfg(target_arch = "wasm32")]

mod support;

use nango_core::AuthErrorKind;
use nango_ui::driver::ConnectDriver;
use nango_web::connect_driver::CallbackGate;
use nango_web::connect_driver::browser::{copy_with_exec_command, handle_callback_message};
use nango_web::connect_ui::embedded::{handle_parent_event, is_top_level};
use nango_web::{CloseBehaviour, WebConnectDriver};
use support::{exclusive, js, page_origin, sleep, within};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlIFrameElement, MessageEvent, MessageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A same-origin child window standing in for the OAuth popup; it records what it receives in
/// `window.__received`.
fn popup_window() -> (HtmlIFrameElement, web_sys::Window) {
    let iframe: HtmlIFrameElement = document()
        .create_element("iframe")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&iframe).unwrap();
    let window = iframe.content_window().unwrap();
    js(
        "arg.__received = []; arg.addEventListener('message', (e) => arg.__received.push(e.data));",
        &window,
    );
    (iframe, window)
}

fn received(window: &web_sys::Window) -> Vec<String> {
    let list: js_sys::Array = js(
        "return arg.__received.map((d) => JSON.stringify(d));",
        window,
    )
    .into();
    list.iter().filter_map(|v| v.as_string()).collect()
}

fn message(origin: &str, source: &JsValue, data: &str) -> MessageEvent {
    let init = MessageEventInit::new();
    init.set_origin(origin);
    init.set_data(&js_sys::JSON::parse(data).unwrap());
    init.set_source(Some(source.unchecked_ref()));
    MessageEvent::new_with_event_init_dict("message", &init).unwrap()
}

#[wasm_bindgen_test]
async fn callback_success_from_the_api_origin_is_acknowledged_to_its_sender() {
    let _page = exclusive().await;
    let (iframe, popup) = popup_window();
    let gate = CallbackGate::new(page_origin());
    let event = message(
        &page_origin(),
        &popup,
        r#"{"type":"nango_oauth_callback_success"}"#,
    );
    assert_eq!(handle_callback_message(&gate, &event), None);
    sleep(50).await;
    assert_eq!(received(&popup), [r#"{"type":"nango_oauth_callback_ack"}"#]);
    iframe.remove();
}

#[wasm_bindgen_test]
async fn callback_error_fails_with_connection_validation_failed_and_is_acknowledged() {
    let _page = exclusive().await;
    let (iframe, popup) = popup_window();
    let gate = CallbackGate::new(page_origin());
    let event = message(
        &page_origin(),
        &popup,
        r#"{"type":"nango_oauth_callback_error","payload":{"message":"access_denied","errorType":"connection_validation_failed"}}"#,
    );
    let error = handle_callback_message(&gate, &event).expect("error accepted");
    assert_eq!(error.kind, AuthErrorKind::ConnectionValidationFailed);
    assert_eq!(error.message, "access_denied");
    sleep(50).await;
    assert_eq!(received(&popup).len(), 1);
    iframe.remove();
}

#[wasm_bindgen_test]
async fn callback_messages_from_another_origin_or_this_window_are_ignored_without_ack() {
    let _page = exclusive().await;
    let (iframe, popup) = popup_window();
    let gate = CallbackGate::new(page_origin());
    let success = r#"{"type":"nango_oauth_callback_error","payload":{"message":"x","errorType":"connection_validation_failed"}}"#;
    let foreign = message("http://evil.example", &popup, success);
    assert_eq!(handle_callback_message(&gate, &foreign), None);
    let own = web_sys::window().unwrap();
    let from_self = message(&page_origin(), &own, success);
    assert_eq!(handle_callback_message(&gate, &from_self), None);
    let ack = message(
        &page_origin(),
        &popup,
        r#"{"type":"nango_oauth_callback_ack"}"#,
    );
    assert_eq!(handle_callback_message(&gate, &ack), None);
    sleep(50).await;
    assert!(received(&popup).is_empty(), "{:?}", received(&popup));
    iframe.remove();
}

#[wasm_bindgen_test]
async fn the_driver_fails_the_pending_auth_only_through_its_own_slot() {
    // Without a pending auth a callback error is dropped, never a panic.
    let driver = WebConnectDriver::new(&page_origin(), CloseBehaviour::Nothing);
    driver.fail_pending_auth(nango_core::AuthError::window_closed());
    assert_eq!(driver.callback_origin(), Some(page_origin()));
}

#[wasm_bindgen_test]
async fn parent_messages_count_only_from_the_parent_window() {
    let _page = exclusive().await;
    // The test page is top-level: its parent is itself, which never counts.
    assert!(is_top_level());
    let token = r#"{"type":"session_token","sessionToken":"nango_connect_session_x"}"#;
    let own = web_sys::window().unwrap();
    assert_eq!(handle_parent_event(&message("*", &own, token)), None);
    let (iframe, child) = popup_window();
    assert_eq!(handle_parent_event(&message("*", &child, token)), None);
    iframe.remove();
}

#[wasm_bindgen_test]
async fn clipboard_copy_settles_and_the_fallback_cleans_up() {
    let _page = exclusive().await;
    let before = document().query_selector_all("textarea").unwrap().length();
    // Either outcome is allowed without user activation; it must not hang or leak.
    let _copied = copy_with_exec_command("nango");
    assert_eq!(
        document().query_selector_all("textarea").unwrap().length(),
        before
    );
    let driver = WebConnectDriver::new(&page_origin(), CloseBehaviour::Nothing);
    assert!(
        within(3_000, driver.copy_text("external-id"))
            .await
            .is_some()
    );
    assert_eq!(
        document().query_selector_all("textarea").unwrap().length(),
        before
    );
}

#[wasm_bindgen_test]
fn browser_services_answer() {
    let driver = WebConnectDriver::new(&page_origin(), CloseBehaviour::Nothing);
    let id = driver.new_external_id();
    assert_eq!(id.len(), 36);
    assert_eq!(&id[14..15], "4");
    assert_ne!(id, driver.new_external_id());
    let now = driver.now_iso8601().expect("clock");
    assert!(now.ends_with('Z') && now.len() == 24, "{now}");
    assert!(!driver.system_languages().is_empty());
}

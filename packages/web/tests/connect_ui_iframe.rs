//! Browser tests of the Connect UI iframe host in headless Chromium: the iframe and its URL,
//! the body scroll lock, idempotent open and close, the origin filter and the exact-origin
//! token post. The Connect UI "served" at `base_url` is a 404 page of the test server (same
//! origin, so the test can watch what is posted into it).

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use nango_core::ConnectSessionToken;
use nango_core::connect_ui::ThemeOverride;
use nango_core::messages::ConnectUiEvent;
use nango_web::connect_ui::{IFRAME_ID, IFRAME_STYLE};
use nango_web::{ConnectUiHandle, ConnectUiOptions, open_connect_ui};
use support::{exclusive, js, page_origin, sleep};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlIFrameElement, MessageEvent, MessageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The events the app received.
type Events = Rc<RefCell<Vec<ConnectUiEvent>>>;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn iframe_count() -> u32 {
    document()
        .query_selector_all(&format!("#{IFRAME_ID}"))
        .unwrap()
        .length()
}

fn iframe() -> HtmlIFrameElement {
    document()
        .get_element_by_id(IFRAME_ID)
        .expect("iframe")
        .dyn_into()
        .unwrap()
}

fn body_overflow() -> String {
    document()
        .body()
        .unwrap()
        .style()
        .get_property_value("overflow")
        .unwrap()
}

fn base_url() -> String {
    format!("{}/connect-ui-under-test/", page_origin())
}

fn open(token: Option<&str>) -> (ConnectUiHandle, Events) {
    let events: Events = Rc::default();
    let sink = events.clone();
    let handle = open_connect_ui(ConnectUiOptions {
        session_token: token.map(ConnectSessionToken::new),
        base_url: base_url(),
        api_url: Some("http://localhost:3003".into()),
        lang: Some("fr".into()),
        theme_override: Some(ThemeOverride::Dark),
        detect_closed_auth_window: true,
        on_event: Some(Rc::new(move |event| sink.borrow_mut().push(event))),
        debug: true,
    })
    .expect("opens");
    (handle, events)
}

/// Dispatches a synthetic `message` event on the window with any origin.
fn dispatch(origin: &str, data: &JsValue) {
    let init = MessageEventInit::new();
    init.set_origin(origin);
    init.set_data(data);
    let event = MessageEvent::new_with_event_init_dict("message", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

/// Waits until the iframe shows its (same-origin 404) page, then replaces its `postMessage`
/// with a spy that records `[message, targetOrigin]` in `window.__posts`.
async fn spy_on_iframe() {
    for _ in 0..250 {
        let loaded = iframe()
            .content_window()
            .and_then(|window| window.location().href().ok())
            .is_some_and(|href| href.contains("connect-ui-under-test"));
        let complete = iframe()
            .content_document()
            .is_some_and(|document| document.ready_state() == "complete");
        if loaded && complete {
            break;
        }
        sleep(20).await;
    }
    js(
        r#"window.__posts = [];
           arg.postMessage = function (message, targetOrigin) {
               window.__posts.push([JSON.stringify(message), targetOrigin]);
           };"#,
        &iframe().content_window().unwrap().into(),
    );
}

fn posts() -> Vec<(String, String)> {
    let posts: js_sys::Array = js("return window.__posts;", &JsValue::NULL).into();
    posts
        .iter()
        .map(|post| {
            let post: js_sys::Array = post.into();
            (
                post.get(0).as_string().unwrap(),
                post.get(1).as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn iframe_has_the_seed_url_attributes_and_locks_scrolling() {
    let _page = exclusive().await;
    let (handle, _events) = open(Some("tok"));
    assert_eq!(iframe_count(), 1);
    let frame = iframe();
    assert_eq!(
        frame.src(),
        format!(
            "{}?apiURL=http%3A%2F%2Flocalhost%3A3003&detectClosedAuthWindow=true&lang=fr&theme=dark",
            base_url()
        )
    );
    assert!(
        !frame.src().contains("tok"),
        "the token is never in the URL"
    );
    assert_eq!(
        frame.get_attribute("allow").as_deref(),
        Some("clipboard-write")
    );
    assert_eq!(frame.get_attribute("style").as_deref(), Some(IFRAME_STYLE));
    assert_eq!(
        frame.parent_element().unwrap().tag_name().to_lowercase(),
        "body"
    );
    assert_eq!(body_overflow(), "hidden");
    assert!(handle.is_open());

    // Open is idempotent; close restores scrolling and is idempotent too.
    handle.open().unwrap();
    assert_eq!(iframe_count(), 1);
    handle.close();
    assert_eq!(iframe_count(), 0);
    assert_eq!(body_overflow(), "");
    assert!(!handle.is_open());
    handle.close();
    assert_eq!(iframe_count(), 0);
    // Open after close makes a new iframe.
    handle.open().unwrap();
    assert_eq!(iframe_count(), 1);
    handle.close();
}

#[wasm_bindgen_test]
async fn previous_overflow_is_restored() {
    let _page = exclusive().await;
    let body = document().body().unwrap();
    body.style().set_property("overflow", "scroll").unwrap();
    let (handle, _events) = open(None);
    assert_eq!(body_overflow(), "hidden");
    handle.close();
    assert_eq!(body_overflow(), "scroll");
    body.style().remove_property("overflow").unwrap();
}

#[wasm_bindgen_test]
async fn detached_iframe_is_replaced_on_open() {
    let _page = exclusive().await;
    let (handle, _events) = open(None);
    iframe().remove();
    assert!(!handle.is_open());
    handle.open().unwrap();
    assert_eq!(iframe_count(), 1);
    handle.close();
    assert_eq!(body_overflow(), "");
}

#[wasm_bindgen_test]
async fn messages_from_another_origin_or_without_type_are_ignored() {
    let _page = exclusive().await;
    let (handle, events) = open(Some("tok"));
    let origin = page_origin();
    dispatch("https://evil.example", &json(r#"{"type":"ready"}"#));
    dispatch(
        &origin.replace("127.0.0.1", "localhost"),
        &json(r#"{"type":"close"}"#),
    );
    dispatch(&format!("{origin}/"), &json(r#"{"type":"ready"}"#));
    dispatch(&origin, &JsValue::NULL);
    dispatch(&origin, &JsValue::from_str("ready"));
    dispatch(&origin, &json(r#"{"type":""}"#));
    dispatch(&origin, &json(r#"{"payload":{}}"#));
    assert!(events.borrow().is_empty(), "{:?}", events.borrow());
    assert!(handle.is_open());
    dispatch(&origin, &json(r#"{"type":"ready"}"#));
    dispatch(&origin, &json(r#"{"type":"brand_new"}"#));
    assert_eq!(
        *events.borrow(),
        vec![
            ConnectUiEvent::Ready,
            ConnectUiEvent::Unknown("brand_new".into())
        ]
    );
    handle.close();
}

#[wasm_bindgen_test]
async fn token_is_posted_on_ready_with_the_exact_origin() {
    let _page = exclusive().await;
    let (handle, events) = open(Some("tok-1"));
    spy_on_iframe().await;
    let origin = page_origin();
    // A real postMessage from this page (same origin as the Connect UI here).
    web_sys::window()
        .unwrap()
        .post_message(&json(r#"{"type":"ready"}"#), "*")
        .unwrap();
    for _ in 0..50 {
        if !events.borrow().is_empty() {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(*events.borrow(), vec![ConnectUiEvent::Ready]);
    let expected_first = (
        r#"{"type":"session_token","sessionToken":"tok-1"}"#.to_owned(),
        origin.clone(),
    );
    assert_eq!(posts(), vec![expected_first.clone()]);
    // After ready, a new token goes out at once, again to the exact origin (never "*").
    handle.set_session_token(ConnectSessionToken::new("tok-2"));
    assert_eq!(
        posts(),
        vec![
            expected_first,
            (
                r#"{"type":"session_token","sessionToken":"tok-2"}"#.to_owned(),
                origin.clone()
            )
        ]
    );
    handle.close();
}

#[wasm_bindgen_test]
async fn token_set_before_ready_waits_for_ready() {
    let _page = exclusive().await;
    let (handle, _events) = open(None);
    spy_on_iframe().await;
    handle.set_session_token(ConnectSessionToken::new("early"));
    assert!(posts().is_empty());
    dispatch(&page_origin(), &json(r#"{"type":"ready"}"#));
    assert_eq!(
        posts(),
        vec![(
            r#"{"type":"session_token","sessionToken":"early"}"#.to_owned(),
            page_origin()
        )]
    );
    handle.close();
}

#[wasm_bindgen_test]
async fn close_message_removes_the_ui_before_the_event() {
    let _page = exclusive().await;
    let seen_open_at_close: Rc<RefCell<Option<bool>>> = Rc::default();
    let seen = seen_open_at_close.clone();
    let handle = open_connect_ui(ConnectUiOptions {
        base_url: base_url(),
        on_event: Some(Rc::new(move |event| {
            if event == ConnectUiEvent::Close {
                let still_there = web_sys::window()
                    .unwrap()
                    .document()
                    .unwrap()
                    .get_element_by_id(IFRAME_ID)
                    .is_some();
                *seen.borrow_mut() = Some(still_there);
            }
        })),
        ..ConnectUiOptions::default()
    })
    .unwrap();
    dispatch(&page_origin(), &json(r#"{"type":"close"}"#));
    assert_eq!(*seen_open_at_close.borrow(), Some(false));
    assert!(!handle.is_open());
    assert_eq!(body_overflow(), "");
    // Messages after close are not heard any more.
    dispatch(&page_origin(), &json(r#"{"type":"close"}"#));
}

#[wasm_bindgen_test]
async fn connect_and_error_events_are_typed() {
    let _page = exclusive().await;
    let (handle, events) = open(None);
    let origin = page_origin();
    dispatch(
        &origin,
        &json(
            r#"{"type":"connect","payload":{"providerConfigKey":"github","connectionId":"c-1"}}"#,
        ),
    );
    dispatch(
        &origin,
        &json(
            r#"{"type":"error","payload":{"errorType":"connection_test_failed","errorMessage":"bad key"}}"#,
        ),
    );
    let events = events.borrow();
    assert!(matches!(&events[0], ConnectUiEvent::Connect(p) if p.connection_id.as_str() == "c-1"));
    assert!(
        matches!(&events[1], ConnectUiEvent::Error(e) if e.kind.as_str() == "connection_test_failed")
    );
    handle.close();
}

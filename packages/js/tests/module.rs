//! Browser tests of the `nango` ES module's classes (headless Chromium through
//! wasm-bindgen-test-runner): `AuthError` instances, synchronous throws, overload results,
//! result shapes and the Connect UI iframe.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use nango_core::{AuthError, AuthErrorKind, AuthSuccess};
use nango_js::{JsAuthError, JsNango, auth_error_class, auth_error_to_js, success_to_js};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TOK: &str =
    "nango_connect_session_abababababababababababababababababababababababababababababababab";

fn js(value: serde_json::Value) -> JsValue {
    nango_js::from_json(&value)
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap()
}

/// Asserts `value` is an `AuthError` (and an `Error`) with this type and message.
fn assert_auth_error(value: &JsValue, kind: &str, message: &str) {
    assert!(
        value.is_instance_of::<JsAuthError>(),
        "not an AuthError: {value:?}"
    );
    assert!(
        value.is_instance_of::<js_sys::Error>(),
        "not an Error: {value:?}"
    );
    assert_eq!(field(value, "type").as_string().as_deref(), Some(kind));
    assert_eq!(
        field(value, "message").as_string().as_deref(),
        Some(message)
    );
}

fn with_token() -> JsNango {
    JsNango::new(js(json!({"connectSessionToken": TOK}))).unwrap()
}

async fn rejection_of(promise: Promise) -> JsValue {
    JsFuture::from(promise)
        .await
        .expect_err("the promise should reject")
}

#[wasm_bindgen_test]
fn auth_error_is_a_real_error_subclass_with_nangos_strings() {
    let error = auth_error_to_js(&AuthError::blocked_by_browser());
    assert_auth_error(&error, "blocked_by_browser", "Modal blocked by browser");
    // The exported class is the same constructor the instances come from.
    let class: js_sys::Function = auth_error_class().unchecked_into();
    assert!(
        error
            .unchecked_ref::<Object>()
            .is_instance_of::<JsAuthError>()
    );
    assert!(
        js_sys::Reflect::get_prototype_of(&error).unwrap()
            == field(&class, "prototype").unchecked_into::<Object>()
    );
    // Like @nangohq/frontend's AuthError, `name` stays Error's and the stack is there.
    assert_eq!(field(&error, "name").as_string().as_deref(), Some("Error"));
    assert!(field(&error, "stack").is_string());
    // Server types are open strings.
    let other = auth_error_to_js(&AuthError::new(AuthErrorKind::from_wire("state_err"), ""));
    assert_auth_error(&other, "state_err", "");
}

#[wasm_bindgen_test]
fn tv02_constructor_throws_invalid_host_url() {
    let error = JsNango::new(js(json!({"host": "localhost:3003"})))
        .err()
        .unwrap();
    assert_auth_error(
        &error,
        "invalid_host_url",
        "Invalid URL provided for the Nango host.",
    );
    assert!(
        JsNango::new(JsValue::UNDEFINED).is_ok(),
        "no options is fine"
    );
}

#[wasm_bindgen_test]
fn tv03_missing_tokens_throw_synchronously_from_auth_and_reconnect() {
    let nango = JsNango::new(JsValue::UNDEFINED).unwrap();
    let error = nango
        .auth("github".into(), JsValue::UNDEFINED, JsValue::UNDEFINED)
        .expect_err("a synchronous throw");
    assert_auth_error(
        &error,
        "missing_auth_token",
        "You must specify a public key OR a connect session token (cf. documentation).",
    );
    let with_public_key = JsNango::new(js(
        json!({"publicKey": "6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"}),
    ))
    .unwrap();
    let error = with_public_key
        .reconnect("github".into(), JsValue::UNDEFINED)
        .expect_err("a synchronous throw");
    assert_auth_error(
        &error,
        "missing_connect_session_token",
        "Reconnect requires a session token",
    );
}

#[wasm_bindgen_test]
fn tv16_outbound_without_credentials_throws_missing_credentials() {
    let error = with_token()
        .auth(
            "k".into(),
            js(json!({"installation": "outbound"})),
            JsValue::UNDEFINED,
        )
        .expect_err("a synchronous throw");
    assert_auth_error(
        &error,
        "missing_credentials",
        "Credentials are required for custom auth",
    );
    // Also through the 3rd argument (auth(key, connectionId, options)).
    let error = with_token()
        .auth(
            "k".into(),
            "c-1".into(),
            js(json!({"installation": "outbound"})),
        )
        .expect_err("a synchronous throw");
    assert_auth_error(
        &error,
        "missing_credentials",
        "Credentials are required for custom auth",
    );
}

#[wasm_bindgen_test]
async fn tv03_create_rejects_instead_of_throwing() {
    let nango = JsNango::new(JsValue::UNDEFINED).unwrap();
    let error =
        rejection_of(nango.create("x".into(), JsValue::UNDEFINED, JsValue::UNDEFINED)).await;
    assert_auth_error(
        &error,
        "missing_auth_token",
        "You must specify a public key OR a connect session token (cf. documentation).",
    );
}

#[wasm_bindgen_test]
async fn tv07_unroutable_credentials_reject_the_promise() {
    let promise = with_token()
        .auth(
            "netsuite".into(),
            js(json!({"credentials": {"oauth_client_id_override": "id/1"}})),
            JsValue::UNDEFINED,
        )
        .expect("not thrown: the JS SDK rejects");
    let error = rejection_of(promise).await;
    assert_auth_error(
        &error,
        "unroutable_credentials",
        "Something went wrong with the authorization",
    );
}

#[wasm_bindgen_test]
async fn popup_without_user_gesture_rejects_with_blocked_by_browser() {
    // The test page has no user activation, so Chromium's popup blocker refuses window.open.
    let nango = with_token();
    let promise = nango
        .auth("github".into(), "ignored-id".into(), JsValue::UNDEFINED)
        .expect("the popup path does not throw");
    let error = rejection_of(promise).await;
    assert_auth_error(&error, "blocked_by_browser", "Modal blocked by browser");
    nango.clear();
}

#[wasm_bindgen_test]
async fn credential_request_to_a_closed_port_rejects_with_an_auth_error() {
    let nango = JsNango::new(js(
        json!({"connectSessionToken": TOK, "host": "http://127.0.0.1:9"}),
    ))
    .unwrap();
    let promise = nango
        .auth(
            "demo-api-key".into(),
            js(json!({"credentials": {"apiKey": "k"}})),
            JsValue::UNDEFINED,
        )
        .unwrap();
    let error = rejection_of(promise).await;
    assert!(error.is_instance_of::<JsAuthError>());
    assert_eq!(
        field(&error, "type").as_string().as_deref(),
        Some("request_failed")
    );
}

#[wasm_bindgen_test]
fn result_objects_have_the_js_sdk_shape() {
    let popup = success_to_js(&AuthSuccess {
        provider_config_key: "github".into(),
        connection_id: "c-1".into(),
        is_pending: Some(false),
    });
    assert_eq!(
        js_sys::JSON::stringify(&popup)
            .unwrap()
            .as_string()
            .unwrap(),
        r#"{"providerConfigKey":"github","connectionId":"c-1","isPending":false}"#
    );
    let request = success_to_js(&AuthSuccess {
        provider_config_key: "stripe".into(),
        connection_id: "c-2".into(),
        is_pending: None,
    });
    assert!(
        !Reflect::has(&request, &"isPending".into()).unwrap(),
        "isPending absent"
    );
    assert_eq!(
        field(&request, "connectionId").as_string().as_deref(),
        Some("c-2")
    );
}

#[wasm_bindgen_test]
fn tv19_open_connect_ui_builds_the_iframe_and_closes_it() {
    let document = web_sys::window().unwrap().document().unwrap();
    let nango = with_token();
    let ui = nango
        .open_connect_ui(js(json!({
            "baseURL": "http://localhost:3009", "apiURL": "http://localhost:3003",
            "detectClosedAuthWindow": true, "lang": "fr", "themeOverride": "dark",
            "onEvent": null
        })))
        .unwrap();
    let iframe = document
        .get_element_by_id("connect-ui")
        .expect("the iframe");
    assert_eq!(
        iframe.get_attribute("src").as_deref(),
        Some(
            "http://localhost:3009/?apiURL=http%3A%2F%2Flocalhost%3A3003&detectClosedAuthWindow=true&lang=fr&theme=dark"
        )
    );
    assert!(ui.is_open());
    ui.set_session_token(TOK.to_owned());
    ui.close();
    ui.close();
    assert!(document.get_element_by_id("connect-ui").is_none());
    assert!(!ui.is_open());

    // Without baseURL: the default set by nango.js (here: never set → Nango's hosted UI).
    let ui = nango.open_connect_ui(JsValue::UNDEFINED).unwrap();
    let iframe = document
        .get_element_by_id("connect-ui")
        .expect("the iframe");
    assert_eq!(
        iframe.get_attribute("src").as_deref(),
        Some("https://connect.nango.dev/?apiURL=https%3A%2F%2Fapi.nango.dev")
    );
    ui.close();
    nango_js::set_default_connect_ui_url("http://127.0.0.1:1/connect-app/".to_owned());
    let ui = nango.open_connect_ui(js(json!({"apiURL": null}))).unwrap();
    let iframe = document
        .get_element_by_id("connect-ui")
        .expect("the iframe");
    assert_eq!(
        iframe.get_attribute("src").as_deref(),
        Some("http://127.0.0.1:1/connect-app/"),
        "a null apiURL is left out, like JS's falsy check"
    );
    ui.close();
    nango_js::set_default_connect_ui_url(nango_core::connect_ui::DEFAULT_CONNECT_UI_URL.to_owned());
}

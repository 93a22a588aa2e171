//! The browser HTTP transport of [`NangoApi`](super::NangoApi): the global `fetch`, called
//! through js-sys (no web-sys, no reqwest: this keeps the browser wasm small).

use js_sys::wasm_bindgen::JsValue;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen_futures::JsFuture;

use super::transport::{ApiResponse, Outgoing, TransportFailure};
use crate::AuthError;

/// Sends requests with the global object's `fetch` (window or worker); holds no state.
#[derive(Clone, Debug)]
pub(super) struct Transport;

impl Transport {
    /// The fetch transport (the global `fetch` is looked up per request).
    pub fn new() -> Result<Self, AuthError> {
        Ok(Transport)
    }

    /// Sends `outgoing` and reads the status and the whole body as text.
    pub async fn send(&self, outgoing: Outgoing<'_>) -> Result<ApiResponse, TransportFailure> {
        let global = js_sys::global();
        let fetch = get(&global, "fetch")?;
        if !fetch.is_function() {
            return Err(failure("this environment has no fetch"));
        }
        let fetch = Function::from(fetch);

        let headers = Object::new();
        for (name, value) in &outgoing.headers {
            set(&headers, name, &JsValue::from_str(value))?;
        }
        let init = Object::new();
        set(
            &init,
            "method",
            &JsValue::from_str(outgoing.method.as_str()),
        )?;
        set(&init, "headers", &headers)?;
        if let Some(body) = &outgoing.body {
            set(&init, "body", &JsValue::from_str(body))?;
        }

        let response = fetch
            .call2(&global, &JsValue::from_str(&outgoing.url), &init)
            .map_err(|err| failure(&describe(&err)))?;
        let response = settle(response).await?;
        let status = get(&response, "status")?
            .as_f64()
            .filter(|status| (0.0..=999.0).contains(status))
            .ok_or_else(|| failure("fetch answered without a status"))?;
        let text = get(&response, "text")?;
        if !text.is_function() {
            return Err(failure("fetch answered without a body reader"));
        }
        let text = Function::from(text)
            .call0(&response)
            .map_err(|err| failure(&describe(&err)))?;
        let body = settle(text)
            .await?
            .as_string()
            .ok_or_else(|| failure("the response body is not text"))?;
        Ok(ApiResponse {
            // Checked above: a whole number in 0..=999.
            status: status as u16,
            body: body.into_bytes(),
        })
    }
}

/// Awaits a promise (or a plain value, which resolves to itself).
async fn settle(value: JsValue) -> Result<JsValue, TransportFailure> {
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(|err| failure(&describe(&err)))
}

/// `target[key]`, a failed lookup being a transport failure.
fn get(target: &JsValue, key: &str) -> Result<JsValue, TransportFailure> {
    Reflect::get(target, &JsValue::from_str(key)).map_err(|err| failure(&describe(&err)))
}

/// `target[key] = value` on a plain object.
fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), TransportFailure> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|err| failure(&describe(&err)))
}

/// A `request_failed` transport failure (the browser's fetch has no timeout of its own).
fn failure(detail: &str) -> TransportFailure {
    TransportFailure {
        timeout: false,
        detail: detail.to_owned(),
    }
}

/// A thrown JS value as text: an Error's `name: message`, else the string it converts to.
fn describe(thrown: &JsValue) -> String {
    let field = |key: &str| {
        Reflect::get(thrown, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (None, Some(message)) => message,
        _ => thrown
            .as_string()
            .unwrap_or_else(|| "the request could not be sent".to_owned()),
    }
}

//! The browser HTTP transport of [`NangoApi`](super::NangoApi): the global `fetch`, called
//! through js-sys (no web-sys, no reqwest: this keeps the browser wasm small).
//!
//! A page may start some GET requests before the wasm has loaded and hand their responses over
//! through [`PREFETCH_GLOBAL`]: the standalone Connect UI app does so for the session and the
//! integrations of a connect link, so its first render can already show the list.

use js_sys::wasm_bindgen::{JsCast, JsValue};
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen_futures::JsFuture;

use super::transport::{ApiResponse, Outgoing, TransportFailure};
use crate::AuthError;
use crate::request::Method;

/// Sends requests with the global object's `fetch` (window or worker); holds no state.
#[derive(Clone, Debug)]
pub(super) struct Transport;

impl Transport {
    /// The fetch transport (the global `fetch` is looked up per request).
    pub fn new() -> Result<Self, AuthError> {
        Ok(Transport)
    }

    /// Sends `outgoing` and reads the status and the whole body as text.
    /// A prefetched answer is used instead of a request when the page has one (see
    /// [`PREFETCH_GLOBAL`]); when it has already arrived, this finishes without waiting.
    pub async fn send(&self, outgoing: Outgoing<'_>) -> Result<ApiResponse, TransportFailure> {
        let global = js_sys::global();
        let headers = Object::new();
        for (name, value) in &outgoing.headers {
            set(&headers, name, &JsValue::from_str(value))?;
        }
        if let Some(prefetched) = take_prefetched(&global, &outgoing, &headers)? {
            return read_prefetched(&settle(prefetched).await?);
        }

        let fetch = get(&global, "fetch")?;
        if !fetch.is_function() {
            return Err(failure("this environment has no fetch"));
        }
        let fetch = Function::from(fetch);
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

/// The global through which a page hands prefetched responses over: an object whose
/// `take(url, headers)` is called for each GET without a body, with the absolute URL and the
/// request's headers (a plain object, lower-case names). It returns `undefined` when it has
/// nothing for exactly that request (the request is then sent as usual), else the response as
/// `{ status, body }` (`body` the text, `""` when there is none) or a promise of it; a rejected
/// promise is a failed request. Each prefetched response should be handed over once.
pub const PREFETCH_GLOBAL: &str = "nangoPrefetch";

/// The page's prefetched response for `outgoing`, if it has one.
fn take_prefetched(
    global: &Object,
    outgoing: &Outgoing<'_>,
    headers: &Object,
) -> Result<Option<JsValue>, TransportFailure> {
    if outgoing.method != Method::Get || outgoing.body.is_some() {
        return Ok(None);
    }
    let handoff = get(global, PREFETCH_GLOBAL)?;
    if !handoff.is_object() {
        return Ok(None);
    }
    let take = get(&handoff, "take")?;
    if !take.is_function() {
        return Ok(None);
    }
    let taken = Function::from(take)
        .call2(&handoff, &JsValue::from_str(&outgoing.url), headers)
        .map_err(|err| failure(&describe(&err)))?;
    Ok((!taken.is_undefined() && !taken.is_null()).then_some(taken))
}

/// A prefetched `{ status, body }` as a response.
fn read_prefetched(record: &JsValue) -> Result<ApiResponse, TransportFailure> {
    let status = get(record, "status")?
        .as_f64()
        .filter(|status| (100.0..=999.0).contains(status) && status.fract() == 0.0)
        .ok_or_else(|| failure("the prefetched response has no status"))?;
    let body = get(record, "body")?;
    let body = if body.is_undefined() || body.is_null() {
        String::new()
    } else {
        body.as_string()
            .ok_or_else(|| failure("the prefetched response body is not text"))?
    };
    Ok(ApiResponse {
        // Checked above: a whole number in 100..=999.
        status: status as u16,
        body: body.into_bytes(),
    })
}

/// Awaits a promise; any other value is already settled and is returned at once (so an answer
/// already at hand costs no wait).
async fn settle(value: JsValue) -> Result<JsValue, TransportFailure> {
    match value.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|err| failure(&describe(&err))),
        Err(value) => Ok(value),
    }
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

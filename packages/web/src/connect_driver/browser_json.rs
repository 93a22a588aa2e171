//! JSON ↔ JS conversions for `postMessage` data.

use serde_json::Value;
use wasm_bindgen::JsValue;

/// The JSON of a message's data (objects only; data JSON cannot represent counts as none).
pub(crate) fn json_of(data: &JsValue) -> Option<Value> {
    if !data.is_object() {
        return None;
    }
    let text = js_sys::JSON::stringify(data).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// A JSON value as a JS value (for `postMessage`).
pub(crate) fn to_js(value: &Value) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&value.to_string())
}

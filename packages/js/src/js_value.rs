//! Reads plain JS values (option objects, credentials) into JSON for nango-core, keeping what
//! JSON can hold: `undefined` becomes `null` (a key with an `undefined` value stays present),
//! functions and symbols become `null`, and nesting is cut off at a fixed depth (cycles).

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Deepest nesting read; deeper values (and reference cycles) become `null`.
const MAX_DEPTH: usize = 16;

/// Converts a JS value to JSON (see the module doc for what is lost).
pub fn to_json(value: &JsValue) -> Value {
    to_json_at(value, 0)
}

fn to_json_at(value: &JsValue, depth: usize) -> Value {
    if depth > MAX_DEPTH || value.is_undefined() || value.is_null() || value.is_function() {
        return Value::Null;
    }
    if let Some(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Some(f) = value.as_f64() {
        return Number::from_f64(f).map_or(Value::Null, Value::Number);
    }
    if let Some(s) = value.as_string() {
        return Value::String(s);
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return Value::Array(
            array
                .iter()
                .map(|item| to_json_at(&item, depth + 1))
                .collect(),
        );
    }
    if !value.is_object() {
        // Symbols and BigInts have no JSON form.
        return Value::Null;
    }
    let object: &Object = value.unchecked_ref();
    let mut map = Map::new();
    for key in Object::keys(object).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let field = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        map.insert(name, to_json_at(&field, depth + 1));
    }
    Value::Object(map)
}

/// Converts JSON built in Rust (results, events) to a plain JS value.
pub fn from_json(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

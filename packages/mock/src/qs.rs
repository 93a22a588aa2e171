//! Adapter from nango-core's `qs`-compatible parser ([`nango_core::qs::parse_query`]) to JSON
//! values, which the mock's validators and handlers walk.

use nango_core::qs::QsValue;
use serde_json::{Map, Value};

/// Parses a raw query (without the leading `?`) the way Nango's Express server does, as a JSON
/// object of strings, nested objects and arrays.
pub fn parse_query(raw: &str) -> Map<String, Value> {
    nango_core::qs::parse_query(raw)
        .entries()
        .iter()
        .map(|(k, v)| (k.clone(), to_json(v)))
        .collect()
}

fn to_json(value: &QsValue) -> Value {
    match value {
        QsValue::String(s) => Value::String(s.clone()),
        QsValue::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
        QsValue::Array(items) => Value::Array(items.iter().map(to_json).collect()),
    }
}

/// Decodes one form-urlencoded component: `+` → space, then percent-decoding (lossy UTF-8).
pub fn decode_form_component(component: &str) -> String {
    let spaced = component.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn brackets_raw_and_encoded_nest() {
        let q = parse_query(
            "params%5Bsubdomain%5D=acme+co&authorization_params[prompt]=consent&x=a%2Bb",
        );
        assert_eq!(
            Value::Object(q),
            json!({"params":{"subdomain":"acme co"},"authorization_params":{"prompt":"consent"},"x":"a+b"})
        );
    }
}

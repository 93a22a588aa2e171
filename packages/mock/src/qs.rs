//! Query-string parsing in the manner of Node's `qs`: `+` is a space, `%XX` is decoded in names
//! and values, and bracket keys (`a[b]=c`, `a%5Bb%5D=c`) build nested objects (depth ≤ 5).
// TODO(core): replace with nango_core::qs::parse_query once it lands on main.

use serde_json::{Map, Value};

/// The deepest bracket nesting honoured; deeper segments stay part of the last key, like `qs`.
const MAX_DEPTH: usize = 5;

/// Parses a raw query (without the leading `?`) into a JSON object of strings, nested objects
/// and (for repeated keys) arrays.
pub fn parse_query(raw: &str) -> Map<String, Value> {
    let mut root = Map::new();
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.split_once('=') {
            Some((n, v)) => (decode(n), decode(v)),
            None => (decode(pair), String::new()),
        };
        if name.is_empty() {
            continue;
        }
        let path = split_key(&name);
        insert(&mut root, &path, value);
    }
    root
}

/// Decodes one form component: `+` → space, then percent-decoding (invalid UTF-8 is replaced).
pub fn decode(component: &str) -> String {
    let spaced = component.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

fn split_key(name: &str) -> Vec<String> {
    let Some(open) = name.find('[') else {
        return vec![name.to_owned()];
    };
    if open == 0 {
        return vec![name.to_owned()];
    }
    let mut parts = vec![name[..open].to_owned()];
    let mut rest = &name[open..];
    while parts.len() <= MAX_DEPTH {
        let Some(stripped) = rest.strip_prefix('[') else {
            break;
        };
        let Some(close) = stripped.find(']') else {
            break;
        };
        parts.push(stripped[..close].to_owned());
        rest = &stripped[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_owned());
    }
    parts
}

fn insert(target: &mut Map<String, Value>, path: &[String], value: String) {
    let Some((head, tail)) = path.split_first() else {
        return;
    };
    if tail.is_empty() {
        match target.get_mut(head) {
            Some(Value::Array(items)) => items.push(Value::String(value)),
            Some(existing @ Value::String(_)) => {
                let previous = existing.take();
                *existing = Value::Array(vec![previous, Value::String(value)]);
            }
            Some(_) => {}
            None => {
                target.insert(head.clone(), Value::String(value));
            }
        }
        return;
    }
    if tail.len() == 1 && tail[0].is_empty() {
        // `a[]=x` appends to an array.
        match target
            .entry(head.clone())
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            Value::Array(items) => items.push(Value::String(value)),
            Value::String(s) => {
                let previous = std::mem::take(s);
                target.insert(
                    head.clone(),
                    Value::Array(vec![Value::String(previous), Value::String(value)]),
                );
            }
            _ => {}
        }
        return;
    }
    let child = target
        .entry(head.clone())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(map) = child {
        insert(map, tail, value);
    }
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

    #[test]
    fn repeated_keys_become_arrays() {
        let q = parse_query("a=1&a=2&b[]=x");
        assert_eq!(Value::Object(q), json!({"a":["1","2"],"b":["x"]}));
    }
}

//! A query-string parser compatible with Node's `qs` (as configured by Express's "extended" query
//! parser), so a Rust server decodes exactly what a Nango client sends (spec §2.1, server side).
//!
//! Rules reproduced (qs 6.15 defaults plus `allowPrototypes`): the query is split on `&` (at most
//! 1000 parts); `%5B`/`%5D` (any case) become brackets first; a part's name ends at its first `]=`,
//! else its first `=`; `+` is a space; percent sequences are decoded, and a string with any invalid
//! sequence is kept literally (like `decodeURIComponent` failing in `qs`); balanced bracket groups
//! build nested objects to depth 5 (a deeper or unterminated remainder becomes one literal key);
//! `[]`, indices `[0]`…`[19]` and repeated names build arrays of at most 20 items, beyond which `qs`
//! switches to an object keyed by index; plain values never merge into objects (an array of both
//! results); object keys keep JS order (array-index keys first, ascending).
//!
//! Differential-tested against qs 6.15.4 while writing; indices with more than 15 digits are plain
//! keys here (JS float rounding makes them erratic there).

use indexmap::IndexMap;

/// At most this many `&`-separated parts are read; the rest is ignored.
pub const PARAMETER_LIMIT: usize = 1000;
/// At most this many bracket levels nest; the remainder becomes one literal key.
pub const DEPTH: usize = 5;
/// Arrays hold at most this many items, and only bracketed indices below it build arrays; beyond,
/// `qs` uses an object keyed by index.
pub const ARRAY_LIMIT: usize = 20;

/// A decoded value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QsValue {
    /// A plain string value.
    String(String),
    /// A nested object (`a[b]=c`).
    Object(IndexMap<String, QsValue>),
    /// An array (`a[]=x`, `a[0]=x`, or a repeated name).
    Array(Vec<QsValue>),
}

impl QsValue {
    /// The string, when this is a plain string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            QsValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, when this is an object.
    pub fn as_object(&self) -> Option<&IndexMap<String, QsValue>> {
        match self {
            QsValue::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The items, when this is an array.
    pub fn as_array(&self) -> Option<&[QsValue]> {
        match self {
            QsValue::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// The top-level object of a parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QsObject(IndexMap<String, QsValue>);

impl QsObject {
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&QsValue> {
        self.0.get(key)
    }

    /// The value under `key` when it is a plain string.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(QsValue::as_str)
    }

    /// The value under `key` when it is an object.
    pub fn get_object(&self, key: &str) -> Option<&IndexMap<String, QsValue>> {
        self.get(key).and_then(QsValue::as_object)
    }

    /// The value under `key` when it is an array.
    pub fn get_array(&self, key: &str) -> Option<&[QsValue]> {
        self.get(key).and_then(QsValue::as_array)
    }

    /// All top-level entries.
    pub fn entries(&self) -> &IndexMap<String, QsValue> {
        &self.0
    }

    /// True when the query held no (non-empty) name.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Parses a query string (without its leading `?`, as servers receive it) like `qs.parse`.
///
/// Never panics; every input gives some object.
pub fn parse_query(query: &str) -> QsObject {
    if query.is_empty() {
        return QsObject::default();
    }
    let cleaned = brackets_unescaped(query);
    let mut flat = JsObject::default();
    for part in cleaned.split('&').take(PARAMETER_LIMIT) {
        let split_at = match part.find("]=") {
            Some(index) => Some(index + 1),
            None => part.find('='),
        };
        let (name, value) = match split_at {
            Some(index) => (decode(&part[..index]), decode(&part[index + 1..])),
            None => (decode(part), String::new()),
        };
        match flat.map.get_mut(&name) {
            Some(existing) => {
                let previous = std::mem::replace(existing, Node::Str(String::new()));
                *existing = combine(previous, Node::Str(value));
            }
            None => flat.insert(name, Node::Str(value)),
        }
    }
    let mut result = Node::Obj(JsObject::default());
    for (name, value) in flat.map {
        if let Some(nested) = nest(&name, value) {
            result = merge(result, nested);
        }
    }
    match compact(result) {
        QsValue::Object(map) => QsObject(map),
        // Merging into an object always yields an object; keep a total function anyway.
        _ => QsObject::default(),
    }
}

/// A value while parsing: arrays may have holes (`a[3]=x`), removed at the end.
#[derive(Clone, Debug)]
enum Node {
    Str(String),
    Obj(JsObject),
    Arr(Vec<Option<Node>>),
}

/// A JS object: keys in JS order; `overflow` is set (to the largest index) on the objects `qs`
/// makes of arrays that outgrew [`ARRAY_LIMIT`].
#[derive(Clone, Debug, Default)]
struct JsObject {
    map: IndexMap<String, Node>,
    overflow: Option<u64>,
}

impl JsObject {
    /// Sets `key`, placing a new array-index key before string keys like JS property order.
    fn insert(&mut self, key: String, value: Node) {
        if let Some(slot) = self.map.get_mut(&key) {
            *slot = value;
            return;
        }
        match property_index(&key) {
            Some(index) => {
                let position = self
                    .map
                    .keys()
                    .take_while(|k| property_index(k).is_some_and(|other| other < index))
                    .count();
                self.map.shift_insert(position, key, value);
            }
            None => {
                self.map.insert(key, value);
            }
        }
    }

    /// An overflow object made from array items (holes skipped), largest index `max_index`.
    fn overflowing(items: Vec<Option<Node>>, max_index: u64) -> JsObject {
        let mut object = array_to_object(items);
        object.overflow = Some(max_index);
        object
    }
}

/// A canonical non-negative decimal (`String(parseInt(s)) === s`), up to 15 digits.
fn canonical_index(text: &str) -> Option<u64> {
    let canonical = text == "0"
        || (!text.is_empty()
            && text.len() <= 15
            && !text.starts_with('0')
            && text.bytes().all(|b| b.is_ascii_digit()));
    if canonical { text.parse().ok() } else { None }
}

/// A key JS orders first: a canonical array index below 2³² − 1.
fn property_index(key: &str) -> Option<u64> {
    canonical_index(key).filter(|i| *i < u64::from(u32::MAX))
}

/// Replaces `%5B`/`%5b` by `[` and `%5D`/`%5d` by `]` everywhere (before any other decoding).
fn brackets_unescaped(query: &str) -> String {
    let bytes = query.as_bytes();
    let mut out = String::with_capacity(query.len());
    let mut start = 0;
    let mut index = 0;
    while index + 2 < bytes.len() {
        if bytes[index] == b'%' && bytes[index + 1] == b'5' {
            let replacement = match bytes[index + 2] {
                b'B' | b'b' => Some('['),
                b'D' | b'd' => Some(']'),
                _ => None,
            };
            if let Some(bracket) = replacement {
                out.push_str(&query[start..index]);
                out.push(bracket);
                index += 3;
                start = index;
                continue;
            }
        }
        index += 1;
    }
    out.push_str(&query[start..]);
    out
}

/// `+` to space, then strict percent-decoding to UTF-8; on any invalid sequence the string is
/// returned with only `+` replaced (what `qs` does when `decodeURIComponent` throws).
fn decode(raw: &str) -> String {
    let spaced = raw.replace('+', " ");
    let bytes = spaced.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let high = bytes.get(index + 1).and_then(|b| (*b as char).to_digit(16));
            let low = bytes.get(index + 2).and_then(|b| (*b as char).to_digit(16));
            match (high, low) {
                (Some(high), Some(low)) => {
                    // Two hex digits always fit a byte.
                    out.push(((high << 4) | low) as u8);
                    index += 3;
                }
                _ => return spaced,
            }
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    match String::from_utf8(out) {
        Ok(decoded) => decoded,
        Err(_) => spaced,
    }
}

/// Splits a name into its parent and balanced bracket groups (at most [`DEPTH`]); an unterminated
/// group or whatever follows the last allowed group becomes one `[…]`-wrapped literal segment.
/// Text between groups is skipped, like `qs` does.
fn key_segments(name: &str) -> Vec<String> {
    let bytes = name.as_bytes();
    let first = name.find('[');
    let parent = first.map_or(name, |index| &name[..index]);
    let mut segments = Vec::new();
    if !parent.is_empty() {
        segments.push(parent.to_owned());
    }
    let mut open = first;
    let mut collected = 0;
    while let Some(start) = open {
        if collected >= DEPTH {
            segments.push(format!("[{}]", &name[start..]));
            break;
        }
        let mut level = 1usize;
        let mut close = None;
        for (offset, byte) in bytes[start + 1..].iter().enumerate() {
            match byte {
                b'[' => level += 1,
                b']' => {
                    level -= 1;
                    if level == 0 {
                        close = Some(start + 1 + offset);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            segments.push(format!("[{}]", &name[start..]));
            break;
        };
        segments.push(name[start..=close].to_owned());
        collected += 1;
        open = name[close + 1..].find('[').map(|index| close + 1 + index);
    }
    segments
}

/// Builds the nested value of one name (`qs`'s `parseKeys` + `parseObject`).
fn nest(name: &str, value: Node) -> Option<Node> {
    if name.is_empty() {
        return None;
    }
    let mut leaf = value;
    for root in key_segments(name).iter().rev() {
        leaf = if root == "[]" {
            match leaf {
                overflow @ Node::Obj(JsObject {
                    overflow: Some(_), ..
                }) => overflow,
                other => combine(Node::Arr(Vec::new()), other),
            }
        } else {
            let clean = root
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
                .unwrap_or(root);
            let bracketed = clean.len() != root.len();
            match canonical_index(clean).filter(|_| bracketed) {
                Some(index) if index < ARRAY_LIMIT as u64 => {
                    let mut items: Vec<Option<Node>> = Vec::new();
                    items.resize_with(index as usize, || None);
                    items.push(Some(leaf));
                    Node::Arr(items)
                }
                Some(index) => {
                    let mut object = JsObject::default();
                    object.insert(clean.to_owned(), leaf);
                    object.overflow = Some(index);
                    Node::Obj(object)
                }
                None => {
                    let mut object = JsObject::default();
                    if clean != "__proto__" {
                        object.insert(clean.to_owned(), leaf);
                    }
                    Node::Obj(object)
                }
            }
        };
    }
    Some(leaf)
}

/// `qs`'s `utils.combine`: `[].concat(a, b)`, an overflow `a` takes `b` at its next index, and a
/// result longer than [`ARRAY_LIMIT`] becomes an overflow object.
fn combine(first: Node, second: Node) -> Node {
    let mut items = match first {
        Node::Obj(mut object) if object.overflow.is_some() => {
            let next = object.overflow.unwrap_or_default().saturating_add(1);
            object.insert(next.to_string(), second);
            object.overflow = Some(next);
            return Node::Obj(object);
        }
        Node::Arr(items) => items,
        other => vec![Some(other)],
    };
    match second {
        Node::Arr(more) => items.extend(more),
        other => items.push(Some(other)),
    }
    limit_array(items)
}

/// An array, or an overflow object when it holds more than [`ARRAY_LIMIT`] slots.
fn limit_array(items: Vec<Option<Node>>) -> Node {
    if items.len() > ARRAY_LIMIT {
        let max_index = items.len() as u64 - 1;
        Node::Obj(JsObject::overflowing(items, max_index))
    } else {
        Node::Arr(items)
    }
}

/// Deep merge with `qs`'s `utils.merge` semantics (strict merge, the 6.15 default).
fn merge(target: Node, source: Node) -> Node {
    match source {
        Node::Str(ref text) if text.is_empty() => target,
        Node::Str(_) => match target {
            Node::Arr(mut items) => {
                if items.len() >= ARRAY_LIMIT {
                    let max_index = items.len() as u64;
                    items.push(Some(source));
                    Node::Obj(JsObject::overflowing(items, max_index))
                } else {
                    items.push(Some(source));
                    Node::Arr(items)
                }
            }
            Node::Obj(mut object) => match object.overflow {
                Some(max_index) => {
                    let next = max_index.saturating_add(1);
                    object.insert(next.to_string(), source);
                    object.overflow = Some(next);
                    Node::Obj(object)
                }
                None => Node::Arr(vec![Some(Node::Obj(object)), Some(source)]),
            },
            primitive => Node::Arr(vec![Some(primitive), Some(source)]),
        },
        Node::Obj(_) | Node::Arr(_) => match target {
            primitive @ Node::Str(_) => prepend(primitive, source),
            Node::Arr(mut items) => match source {
                Node::Arr(incoming) => {
                    for (index, item) in incoming.into_iter().enumerate() {
                        let Some(item) = item else { continue };
                        if index >= items.len() {
                            items.resize_with(index, || None);
                            items.push(Some(item));
                            continue;
                        }
                        match items[index].take() {
                            Some(existing) if is_container(&existing) && is_container(&item) => {
                                items[index] = Some(merge(existing, item));
                            }
                            Some(existing) => {
                                items[index] = Some(existing);
                                items.push(Some(item));
                            }
                            None => items[index] = Some(item),
                        }
                    }
                    limit_array(items)
                }
                object => merge_into_object(array_to_object(items), object),
            },
            Node::Obj(object) => merge_into_object(object, source),
        },
    }
}

/// True for objects and arrays (JS `typeof … === 'object'`).
fn is_container(node: &Node) -> bool {
    matches!(node, Node::Obj(_) | Node::Arr(_))
}

/// A primitive target merged with a container source: `[target].concat(source)`, or for an
/// overflow source, an overflow object with the target at index 0 and the source shifted by one.
fn prepend(primitive: Node, source: Node) -> Node {
    match source {
        Node::Obj(JsObject {
            map,
            overflow: Some(max_index),
        }) => {
            let mut object = JsObject::default();
            object.insert("0".to_owned(), primitive);
            for (key, value) in map {
                let digits: String = key.chars().take_while(char::is_ascii_digit).collect();
                let shifted = match digits.parse::<u64>() {
                    Ok(index) => index.saturating_add(1).to_string(),
                    Err(_) => "NaN".to_owned(),
                };
                object.insert(shifted, value);
            }
            object.overflow = Some(max_index.saturating_add(1));
            Node::Obj(object)
        }
        other => combine(primitive, other),
    }
}

/// Array → object keyed by index (holes skipped).
fn array_to_object(items: Vec<Option<Node>>) -> JsObject {
    let mut object = JsObject::default();
    for (index, item) in items.into_iter().enumerate() {
        if let Some(item) = item {
            object.insert(index.to_string(), item);
        }
    }
    object
}

/// Merges every entry of `source` (an object, or an array by index) into `target`.
fn merge_into_object(mut target: JsObject, source: Node) -> Node {
    let (entries, source_overflow): (Vec<(String, Node)>, Option<u64>) = match source {
        Node::Obj(object) => (object.map.into_iter().collect(), object.overflow),
        Node::Arr(items) => (array_to_object(items).map.into_iter().collect(), None),
        Node::Str(_) => (Vec::new(), None),
    };
    for (key, value) in entries {
        match target.map.get_mut(&key) {
            Some(existing) => {
                let previous = std::mem::replace(existing, Node::Str(String::new()));
                *existing = merge(previous, value);
            }
            None => target.insert(key.clone(), value),
        }
        if target.overflow.is_none() {
            target.overflow = source_overflow;
        }
        if let (Some(max_index), Some(index)) = (target.overflow, canonical_index(&key))
            && index > max_index
        {
            target.overflow = Some(index);
        }
    }
    Node::Obj(target)
}

/// Drops array holes and converts to [`QsValue`].
fn compact(node: Node) -> QsValue {
    match node {
        Node::Str(s) => QsValue::String(s),
        Node::Obj(object) => QsValue::Object(
            object
                .map
                .into_iter()
                .map(|(k, v)| (k, compact(v)))
                .collect(),
        ),
        Node::Arr(items) => QsValue::Array(items.into_iter().flatten().map(compact).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(value: &str) -> QsValue {
        QsValue::String(value.to_owned())
    }

    fn obj(entries: &[(&str, QsValue)]) -> QsValue {
        QsValue::Object(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn plain_pairs_plus_and_percent_decoding() {
        let parsed = parse_query("a=1&b=x+y%20z&c&d=&%C3%A9=%E2%82%AC");
        assert_eq!(parsed.get_str("a"), Some("1"));
        assert_eq!(parsed.get_str("b"), Some("x y z"));
        assert_eq!(parsed.get_str("c"), Some(""));
        assert_eq!(parsed.get_str("d"), Some(""));
        assert_eq!(parsed.get_str("é"), Some("€"));
    }

    #[test]
    fn invalid_percent_sequences_keep_the_whole_string_literally() {
        let parsed = parse_query("a=%E2%82%AC%zz+1&b=%C3&c=100%");
        assert_eq!(parsed.get_str("a"), Some("%E2%82%AC%zz 1"));
        assert_eq!(parsed.get_str("b"), Some("%C3"));
        assert_eq!(parsed.get_str("c"), Some("100%"));
    }

    #[test]
    fn first_equals_splits_unless_a_bracket_equals_comes_first() {
        let parsed = parse_query("a=b=c&x[y]=1=2");
        assert_eq!(parsed.get_str("a"), Some("b=c"));
        assert_eq!(parsed.get("x"), Some(&obj(&[("y", s("1=2"))])));
        // `]=` wins over an earlier `=`.
        let parsed = parse_query("a=b]=c");
        assert_eq!(parsed.get_str("a=b]"), Some("c"));
    }

    #[test]
    fn brackets_raw_or_encoded_build_objects() {
        let raw = parse_query("params[subdomain]=acme+co&params[x]=1");
        let encoded = parse_query("params%5Bsubdomain%5D=acme+co&params%5bx%5d=1");
        assert_eq!(raw, encoded);
        assert_eq!(
            raw.get("params"),
            Some(&obj(&[("subdomain", s("acme co")), ("x", s("1"))]))
        );
        let nested = parse_query("a[b][c]=d");
        assert_eq!(nested.get("a"), Some(&obj(&[("b", obj(&[("c", s("d"))]))])));
    }

    #[test]
    fn depth_is_limited_to_five_with_a_literal_remainder() {
        let parsed = parse_query("a[b][c][d][e][f][g][h]=x");
        let leaf = obj(&[("[g][h]", s("x"))]);
        let expected = ["f", "e", "d", "c", "b"]
            .iter()
            .fold(leaf, |inner, key| obj(&[(key, inner)]));
        assert_eq!(parsed.get("a"), Some(&expected));
    }

    #[test]
    fn numeric_chains_build_compacted_arrays() {
        let parsed = parse_query("a[1][b]=x");
        assert_eq!(parsed.get_array("a"), Some(&[obj(&[("b", s("x"))])][..]));
    }

    #[test]
    fn repeated_names_and_brackets_build_arrays() {
        let parsed = parse_query("a=1&a=2&b[]=x&b[]=y&c[1]=q&c[0]=p&d[x]=1&d[x]=2");
        assert_eq!(parsed.get_array("a"), Some(&[s("1"), s("2")][..]));
        assert_eq!(parsed.get_array("b"), Some(&[s("x"), s("y")][..]));
        assert_eq!(parsed.get_array("c"), Some(&[s("p"), s("q")][..]));
        assert_eq!(
            parsed.get("d"),
            Some(&obj(&[("x", QsValue::Array(vec![s("1"), s("2")]))]))
        );
        // Indices above the array limit are object keys.
        let parsed = parse_query("e[20]=z&f[01]=y");
        assert_eq!(parsed.get("e"), Some(&obj(&[("20", s("z"))])));
        assert_eq!(parsed.get("f"), Some(&obj(&[("01", s("y"))])));
    }

    #[test]
    fn arrays_longer_than_the_limit_become_objects_keyed_by_index() {
        let query: Vec<String> = (0..22).map(|i| format!("a={i}")).collect();
        let parsed = parse_query(&query.join("&"));
        let object = parsed.get_object("a").unwrap();
        assert_eq!(object.len(), 22);
        assert_eq!(object.get("21"), Some(&s("21")));
        let twenty: Vec<String> = (0..20).map(|i| format!("b[]={i}")).collect();
        let parsed = parse_query(&twenty.join("&"));
        assert_eq!(parsed.get_array("b").map(<[QsValue]>::len), Some(20));
    }

    #[test]
    fn object_keys_follow_js_order() {
        let parsed = parse_query("b=1&10=x&a=2&2=y");
        let keys: Vec<&str> = parsed.entries().keys().map(String::as_str).collect();
        assert_eq!(keys, ["2", "10", "b", "a"]);
    }

    #[test]
    fn balanced_groups_and_unterminated_remainders() {
        let parsed = parse_query("a[b[c]]=1&d[e=2&f[g]h[i]=3");
        assert_eq!(parsed.get("a"), Some(&obj(&[("b[c]", s("1"))])));
        assert_eq!(parsed.get("d"), Some(&obj(&[("[e", s("2"))])));
        assert_eq!(parsed.get("f"), Some(&obj(&[("g", obj(&[("i", s("3"))]))])));
    }

    #[test]
    fn mixing_plain_and_nested_values_follows_qs_merge() {
        let parsed = parse_query("a[b]=1&a=x");
        assert_eq!(
            parsed.get("a"),
            Some(&QsValue::Array(vec![obj(&[("b", s("1"))]), s("x")]))
        );
        let parsed = parse_query("a=x&a[b]=1");
        assert_eq!(
            parsed.get("a"),
            Some(&QsValue::Array(vec![s("x"), obj(&[("b", s("1"))])]))
        );
    }

    #[test]
    fn empty_names_and_proto_are_dropped() {
        let parsed = parse_query("=x&&__proto__=y&a[__proto__]=z");
        assert_eq!(parsed.get("a"), Some(&obj(&[])));
        assert_eq!(parsed.entries().len(), 1);
    }

    #[test]
    fn only_the_first_thousand_parts_are_read() {
        let query: Vec<String> = (0..1100).map(|i| format!("k{i}=v")).collect();
        let parsed = parse_query(&query.join("&"));
        assert_eq!(parsed.entries().len(), PARAMETER_LIMIT);
        assert_eq!(parsed.get_str("k999"), Some("v"));
        assert_eq!(parsed.get_str("k1000"), None);
    }

    #[test]
    fn tv21_server_view_of_the_reserialised_popup_query() {
        let parsed = parse_query(
            "connection_id=%C3%A9+%22%3C%3E%27&params%5Bx%5D=a%2Bb+c*%7E%28%29%21&ws_client_id=W",
        );
        assert_eq!(parsed.get_str("connection_id"), Some("é \"<>'"));
        assert_eq!(parsed.get("params"), Some(&obj(&[("x", s("a+b c*~()!"))])));
        assert_eq!(parsed.get_str("ws_client_id"), Some("W"));
    }

    /// Inputs and the output of qs 6.15.4 (`qs.parse(input, {allowPrototypes: true})`).
    const QS_6_15_VECTORS: &[(&str, &str)] = &[
        ("a=1&a=2", r#"{"a":["1","2"]}"#),
        ("a[b]=1&a=x", r#"{"a":[{"b":"1"},"x"]}"#),
        ("a=x&a[b]=1", r#"{"a":["x",{"b":"1"}]}"#),
        ("a[1]=q&a[0]=p", r#"{"a":["p","q"]}"#),
        ("a[]=1&a[]=2&a[0]=3", r#"{"a":["1","2","3"]}"#),
        ("a[0]=x&a[b]=y", r#"{"a":{"0":"x","b":"y"}}"#),
        ("a[b]=y&a[0]=x", r#"{"a":{"0":"x","b":"y"}}"#),
        ("a[][]=x", r#"{"a":["x"]}"#),
        (
            "a[b][c][d][e][f][g][h]=x",
            r#"{"a":{"b":{"c":{"d":{"e":{"f":{"[g][h]":"x"}}}}}}}"#,
        ),
        (
            "a[1][2][3][4][5][6][7]=x",
            r#"{"a":[[[[[{"[6][7]":"x"}]]]]]}"#,
        ),
        ("x]=1", r#"{"x]":"1"}"#),
        ("a=b]=c", r#"{"a=b]":"c"}"#),
        ("[a]=1", r#"{"a":"1"}"#),
        ("[]=x", r#"{"0":"x"}"#),
        ("a[b]c[d]=1", r#"{"a":{"b":{"d":"1"}}}"#),
        ("a[[b]]=1", r#"{"a":{"[b]":"1"}}"#),
        ("a=&a[b]=1", r#"{"a":["",{"b":"1"}]}"#),
        ("a[b]=1&a[b]=", r#"{"a":{"b":["1",""]}}"#),
        ("a[b][c]=1&a[b]=", r#"{"a":{"b":{"c":"1"}}}"#),
        ("a[0]=1&a[0][b]=2", r#"{"a":["1",{"b":"2"}]}"#),
        ("a=1&a=2&a[b]=3", r#"{"a":{"0":"1","1":"2","b":"3"}}"#),
        ("a[]=1&a=2", r#"{"a":["1","2"]}"#),
        ("__proto__[x]=1", r#"{}"#),
        ("a[__proto__]=1", r#"{"a":{}}"#),
        ("a=%E2%82%AC%zz+1", r#"{"a":"%E2%82%AC%zz 1"}"#),
        ("a[21]=1&a[20]=2", r#"{"a":{"20":"2","21":"1"}}"#),
        ("a[01]=1", r#"{"a":{"01":"1"}}"#),
        ("=x&&b", r#"{"b":""}"#),
        ("a[b]=1&a[b][c]=2", r#"{"a":{"b":["1",{"c":"2"}]}}"#),
        ("a[b][c]=2&a[b]=1", r#"{"a":{"b":[{"c":"2"},"1"]}}"#),
        ("a[0]=1&a[1]=2&a[0]=3", r#"{"a":[["1","3"],"2"]}"#),
        ("a=1&a[]=2&a[]=3", r#"{"a":["1","2","3"]}"#),
        ("a[x]=1&a[]=2", r#"{"a":{"0":"2","x":"1"}}"#),
        ("a[]=2&a[x]=1", r#"{"a":{"0":"2","x":"1"}}"#),
        ("a%5Bb%5D=1&a%5bc%5d=2", r#"{"a":{"b":"1","c":"2"}}"#),
        ("a[b=1", r#"{"a":{"[b":"1"}}"#),
        ("a]b[=2", r#"{"a]b":{"[":"2"}}"#),
        ("a[b[c]]=1&a[b[c]]=2", r#"{"a":{"b[c]":["1","2"]}}"#),
        ("p[x]=a%2Bb+c*%7E%28%29%21", r#"{"p":{"x":"a+b c*~()!"}}"#),
    ];

    fn to_json(value: &QsValue) -> serde_json::Value {
        match value {
            QsValue::String(text) => serde_json::Value::String(text.clone()),
            QsValue::Array(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
            QsValue::Object(map) => serde_json::Value::Object(
                map.iter().map(|(k, v)| (k.clone(), to_json(v))).collect(),
            ),
        }
    }

    #[test]
    fn matches_qs_6_15_on_recorded_vectors() {
        for (input, expected) in QS_6_15_VECTORS {
            let parsed = parse_query(input);
            let actual = serde_json::Value::Object(
                parsed
                    .entries()
                    .iter()
                    .map(|(k, v)| (k.clone(), to_json(v)))
                    .collect(),
            );
            let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
            assert_eq!(actual, expected, "{input}");
        }
    }

    #[test]
    fn a_plain_value_before_an_overflowing_array_takes_index_zero() {
        let items: Vec<String> = (0..21).map(|i| format!("a[]={i}")).collect();
        let parsed = parse_query(&format!("a=z&{}", items.join("&")));
        let object = parsed.get_object("a").unwrap();
        assert_eq!(object.len(), 22);
        assert_eq!(object.get("0"), Some(&s("z")));
        assert_eq!(object.get("1"), Some(&s("0")));
        assert_eq!(object.get("21"), Some(&s("20")));
    }

    proptest! {
        #[test]
        fn parser_never_panics(input in "\\PC*") {
            let _ = parse_query(&input);
        }

        #[test]
        fn parser_never_panics_on_bracket_soup(input in "[\\[\\]%5BbDd=&a+0-9_]{0,80}") {
            let _ = parse_query(&input);
        }
    }
}

//! A query-string parser compatible with Node's `qs` (as configured by Express's "extended" query
//! parser), so a Rust server decodes exactly what a Nango client sends (spec §2.1, server side).
//!
//! Rules reproduced: the query is split on `&` (at most 1000 parts); `%5B`/`%5D` (any case) become
//! brackets first; a part's name ends at its first `]=`, else its first `=`; `+` is a space; percent
//! sequences are decoded, and a string with any invalid sequence is kept literally (like
//! `decodeURIComponent` failing in `qs`); bracket notation builds nested objects to depth 5 (a deeper
//! remainder becomes one literal key); `[]` and indices `[0]`…`[20]` build arrays; repeated names
//! build arrays; a plain value merged into an object becomes a key set to `true`.
//!
//! Not modelled: JS's numeric-first ordering of object keys (we keep insertion order) and the newest
//! `qs` releases' array-limit rules for repeated names.

use indexmap::IndexMap;

/// At most this many `&`-separated parts are read; the rest is ignored.
pub const PARAMETER_LIMIT: usize = 1000;
/// At most this many bracket levels nest; the remainder becomes one literal key.
pub const DEPTH: usize = 5;
/// Bracketed indices up to this value build arrays; larger ones are object keys.
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
    /// `true`: what `qs` stores when a plain value is merged into an object (`a[b]=1&a=x` gives
    /// `a = {b: "1", x: true}`).
    True,
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
    let mut flat: IndexMap<String, Node> = IndexMap::new();
    for part in cleaned.split('&').take(PARAMETER_LIMIT) {
        let split_at = match part.find("]=") {
            Some(index) => Some(index + 1),
            None => part.find('='),
        };
        let (name, value) = match split_at {
            Some(index) => (decode(&part[..index]), decode(&part[index + 1..])),
            None => (decode(part), String::new()),
        };
        match flat.get_mut(&name) {
            Some(existing) => {
                let previous = std::mem::replace(existing, Node::True);
                *existing = combine(previous, Node::Str(value));
            }
            None => {
                flat.insert(name, Node::Str(value));
            }
        }
    }
    let mut result = Node::Obj(IndexMap::new());
    for (name, value) in flat {
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
    True,
    Obj(IndexMap<String, Node>),
    Arr(Vec<Option<Node>>),
}

impl Node {
    fn is_container(&self) -> bool {
        matches!(self, Node::Obj(_) | Node::Arr(_))
    }
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

/// The next `[…]` segment (no brackets inside) at or after `from`: `(start, end)` byte offsets.
fn find_segment(key: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = key.as_bytes();
    let mut index = from;
    while index < bytes.len() {
        if bytes[index] != b'[' {
            index += 1;
            continue;
        }
        let mut probe = index + 1;
        while probe < bytes.len() && bytes[probe] != b'[' && bytes[probe] != b']' {
            probe += 1;
        }
        match bytes.get(probe) {
            Some(b']') => return Some((index, probe + 1)),
            Some(_) => index = probe,
            None => return None,
        }
    }
    None
}

/// Splits a name into its bracket chain and builds the nested value (`qs`'s `parseKeys`).
fn nest(name: &str, value: Node) -> Option<Node> {
    if name.is_empty() {
        return None;
    }
    let parent = match find_segment(name, 0) {
        Some((start, _)) => &name[..start],
        None => name,
    };
    let mut chain: Vec<String> = Vec::new();
    if !parent.is_empty() {
        chain.push(parent.to_owned());
    }
    let mut position = 0;
    let mut depth = 0;
    while let Some((start, end)) = find_segment(name, position) {
        if depth >= DEPTH {
            chain.push(format!("[{}]", &name[start..]));
            break;
        }
        depth += 1;
        chain.push(name[start..end].to_owned());
        position = end;
    }
    Some(build_chain(&chain, value))
}

/// Builds the value for a bracket chain from the leaf up (`qs`'s `parseObject`).
fn build_chain(chain: &[String], value: Node) -> Node {
    let mut leaf = value;
    for root in chain.iter().rev() {
        leaf = if root == "[]" {
            match leaf {
                Node::Arr(items) => Node::Arr(items),
                other => Node::Arr(vec![Some(other)]),
            }
        } else {
            let clean = root
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
                .unwrap_or(root);
            let bracketed = clean.len() != root.len();
            match array_index(clean) {
                Some(index) if bracketed => {
                    let mut items: Vec<Option<Node>> = vec![None; index];
                    items.push(Some(leaf));
                    Node::Arr(items)
                }
                _ => {
                    let mut map = IndexMap::new();
                    if clean != "__proto__" {
                        map.insert(clean.to_owned(), leaf);
                    }
                    Node::Obj(map)
                }
            }
        };
    }
    leaf
}

/// A canonical decimal index no larger than [`ARRAY_LIMIT`] (`String(parseInt(s)) === s`).
fn array_index(text: &str) -> Option<usize> {
    let canonical = text == "0"
        || (!text.is_empty()
            && !text.starts_with('0')
            && text.len() <= 3
            && text.bytes().all(|b| b.is_ascii_digit()));
    if !canonical {
        return None;
    }
    text.parse::<usize>().ok().filter(|i| *i <= ARRAY_LIMIT)
}

/// `[].concat(a, b)`: arrays are flattened one level.
fn combine(first: Node, second: Node) -> Node {
    let mut items = match first {
        Node::Arr(items) => items,
        other => vec![Some(other)],
    };
    match second {
        Node::Arr(more) => items.extend(more),
        other => items.push(Some(other)),
    }
    Node::Arr(items)
}

/// Deep merge with `qs`'s `utils.merge` semantics.
fn merge(target: Node, source: Node) -> Node {
    match source {
        Node::Str(ref s) if s.is_empty() => target,
        Node::Str(_) | Node::True => match target {
            Node::Arr(mut items) => {
                items.push(Some(source));
                Node::Arr(items)
            }
            Node::Obj(mut map) => {
                let key = match source {
                    Node::Str(s) => s,
                    _ => "true".to_owned(),
                };
                if key != "__proto__" {
                    map.insert(key, Node::True);
                }
                Node::Obj(map)
            }
            primitive => Node::Arr(vec![Some(primitive), Some(source)]),
        },
        Node::Obj(_) | Node::Arr(_) => match target {
            Node::Str(_) | Node::True => combine(target, source),
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
                            Some(existing) if existing.is_container() && item.is_container() => {
                                items[index] = Some(merge(existing, item));
                            }
                            Some(existing) => {
                                items[index] = Some(existing);
                                items.push(Some(item));
                            }
                            None => items[index] = Some(item),
                        }
                    }
                    Node::Arr(items)
                }
                object => merge_into_object(array_to_object(items), object),
            },
            Node::Obj(map) => merge_into_object(map, source),
        },
    }
}

/// Array → object keyed by index (holes skipped).
fn array_to_object(items: Vec<Option<Node>>) -> IndexMap<String, Node> {
    items
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| item.map(|item| (index.to_string(), item)))
        .collect()
}

/// Merges every entry of `source` (an object, or an array by index) into `target`.
fn merge_into_object(mut target: IndexMap<String, Node>, source: Node) -> Node {
    let entries: Vec<(String, Node)> = match source {
        Node::Obj(map) => map.into_iter().collect(),
        Node::Arr(items) => array_to_object(items).into_iter().collect(),
        Node::Str(_) | Node::True => Vec::new(),
    };
    for (key, value) in entries {
        match target.get_mut(&key) {
            Some(existing) => {
                let previous = std::mem::replace(existing, Node::True);
                *existing = merge(previous, value);
            }
            None => {
                target.insert(key, value);
            }
        }
    }
    Node::Obj(target)
}

/// Drops array holes and converts to [`QsValue`].
fn compact(node: Node) -> QsValue {
    match node {
        Node::Str(s) => QsValue::String(s),
        Node::True => QsValue::True,
        Node::Obj(map) => QsValue::Object(map.into_iter().map(|(k, v)| (k, compact(v))).collect()),
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
        let parsed = parse_query("e[21]=z&f[01]=y");
        assert_eq!(parsed.get("e"), Some(&obj(&[("21", s("z"))])));
        assert_eq!(parsed.get("f"), Some(&obj(&[("01", s("y"))])));
    }

    #[test]
    fn mixing_plain_and_nested_values_follows_qs_merge() {
        let parsed = parse_query("a[b]=1&a=x");
        assert_eq!(
            parsed.get("a"),
            Some(&obj(&[("b", s("1")), ("x", QsValue::True)]))
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

//! Percent-encoders of the Nango protocol (spec §2.1): the JS `encodeURIComponent` component
//! encoder for query values and a path-segment encoder for provider config keys.
//!
//! Form encoding (`application/x-www-form-urlencoded`) is not re-implemented here: use
//! [`url::form_urlencoded`].

use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, utf8_percent_encode};

/// Bytes JS `encodeURIComponent` encodes: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Bytes encoded in one path segment: the WHATWG path set (controls, space, `" # < > ? \` { }`)
/// plus `/` and `%` (so a key is always one literal segment) and `\ ^ |` (which some parsers treat
/// specially). Non-ASCII is always encoded.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/')
    .add(b'%')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// Percent-encodes like JS `encodeURIComponent`: UTF-8 bytes as `%XX` (uppercase hex), keeping
/// ASCII letters, digits and `- _ . ! ~ * ' ( )`.
pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Percent-encodes a value for use as one URL path segment (provider config keys in
/// `/oauth/connect/{key}` and the credential endpoints).
///
/// For keys Nango accepts (`[a-zA-Z0-9~:.@ _-]`) the result equals what a WHATWG URL parser
/// makes of the raw key (only the space changes, to `%20`). Unlike the JS SDK, `/`, `?`, `#` and
/// `%` are encoded too, so a hostile key cannot change the path or start a query or fragment.
pub fn encode_path_segment(value: &str) -> String {
    utf8_percent_encode(value, PATH_SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tv21_component_encoder() {
        assert_eq!(
            encode_component("a b+c/é*~()!'"),
            "a%20b%2Bc%2F%C3%A9*~()!'"
        );
    }

    #[test]
    fn tv21_path_segment_encoder() {
        assert_eq!(encode_path_segment("my key~:.@_-"), "my%20key~:.@_-");
    }

    #[test]
    fn component_encoder_uses_uppercase_hex_and_keeps_only_unreserved() {
        assert_eq!(
            encode_component("&=#%[],:;?"),
            "%26%3D%23%25%5B%5D%2C%3A%3B%3F"
        );
        assert_eq!(encode_component("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
        assert_eq!(encode_component("\u{7f}\n"), "%7F%0A");
        assert_eq!(encode_component("😀"), "%F0%9F%98%80");
    }

    #[test]
    fn path_segment_encoder_cannot_escape_the_segment() {
        assert_eq!(
            encode_path_segment("a/b?c#d%e\"<>\\^`{|}"),
            "a%2Fb%3Fc%23d%25e%22%3C%3E%5C%5E%60%7B%7C%7D"
        );
        assert_eq!(encode_path_segment("é\t"), "%C3%A9%09");
    }
}

//! Fuzzes the `qs`-compatible query parser the mock server decodes SDK requests with: any query
//! parses (bounded in parameters and depth), never panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::qs::parse_query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_query(text);
    assert!(parsed.entries().len() <= nango_core::qs::PARAMETER_LIMIT);
});

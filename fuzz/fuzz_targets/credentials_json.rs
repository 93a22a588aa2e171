//! Fuzzes the JS-SDK credential classification (§5.1–5.2 of the protocol spec) over arbitrary
//! JSON: a routable shape or a typed `AuthError`, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::Credentials;

fuzz_target!(|input: (bool, &[u8])| {
    let (outbound, data) = input;
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Ok(credentials) = Credentials::from_js_value(&value, outbound) {
        let _ = credentials.endpoint_and_body(None);
    }
});

//! Fuzzes the HTTP response interpretation (both error envelopes, the TBA 200-with-error quirk,
//! non-JSON bodies): every status and body gives a value or a typed `AuthError`, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::api::envelope;

fuzz_target!(|input: (u16, &[u8])| {
    let (status, body) = input;
    if let Ok(Some(value)) = envelope::interpret(status, body) {
        assert!((200..300).contains(&status), "a non-2xx status was accepted");
        assert!(value.get("error").is_none_or(|e| !e.is_object()), "an error body was accepted");
    }
    let _ = envelope::expect_success(status, body);
});

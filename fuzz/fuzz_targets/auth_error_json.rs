//! Fuzzes the `AuthError` parser (`{"type": …, "message": …}` from servers and frames): any
//! input must parse or fail with an error, never panic, and a parsed error must round-trip.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::AuthError;

fuzz_target!(|data: &[u8]| {
    let Ok(error) = serde_json::from_slice::<AuthError>(data) else {
        return;
    };
    let json = serde_json::to_vec(&error).expect("a parsed error serialises");
    let again: AuthError = serde_json::from_slice(&json).expect("its own JSON parses");
    assert_eq!(error, again, "round trip changed the error");
    assert_eq!(error.kind.as_str(), again.kind.as_str());
});

//! Fuzzes the provider template parser (`GET /providers/{provider}` bodies): any input must
//! parse or fail with an error, never panic, and a parsed provider must survive a JSON round trip.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::catalogue::Provider;

fuzz_target!(|data: &[u8]| {
    let Ok(provider) = serde_json::from_slice::<Provider>(data) else {
        return;
    };
    let json = serde_json::to_vec(&provider).expect("a parsed provider serialises");
    let again: Provider = serde_json::from_slice(&json).expect("its own JSON parses");
    assert_eq!(provider, again, "round trip changed the provider");
});

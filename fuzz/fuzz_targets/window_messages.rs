//! Fuzzes the postMessage parsers (Connect UI → parent, parent → Connect UI, OAuth callback
//! page): hostile messages from any window must give a typed error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::messages::{CallbackMessage, ConnectUiMessage, ParentMessage};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Ok(message) = ConnectUiMessage::from_value(&value) {
        let again = ConnectUiMessage::from_value(&message.to_value()).expect("own JSON parses");
        assert_eq!(message, again);
    }
    if let Ok(message) = ParentMessage::from_value(&value) {
        let again = ParentMessage::from_value(&message.to_value()).expect("own JSON parses");
        assert_eq!(message, again);
    }
    if let Ok(message) = CallbackMessage::from_value(&value) {
        let again = CallbackMessage::from_value(&message.to_value()).expect("own JSON parses");
        assert_eq!(message, again);
    }
});

//! Fuzzes the WebSocket frame parser: any text must parse or fail with a typed error, never
//! panic, and a parsed frame must survive the server's serialisation.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::WsFrame;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(frame) = WsFrame::parse(text) else {
        return;
    };
    let again = WsFrame::parse(&frame.to_json()).expect("a frame's own JSON parses");
    assert_eq!(frame, again, "round trip changed the frame");
});

//! [`DebugLog`]: the `debug` option's console output, `[nango] `-prefixed like the JS SDK's.
//!
//! Callers only pass texts built from nango-core's redacting `Debug` impls or from values that
//! are not secret; this type never sees a token in clear.

/// Writes debug lines to the browser console (stderr on the host) when enabled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DebugLog {
    /// Whether lines are written at all.
    enabled: bool,
}

impl DebugLog {
    /// The prefix of every line.
    pub const PREFIX: &'static str = "[nango] ";

    /// A log that writes only when `enabled` (the `debug` option).
    pub fn new(enabled: bool) -> DebugLog {
        DebugLog { enabled }
    }

    /// Whether lines are written.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Writes one line built lazily by `line` (not even built when disabled).
    pub fn line(&self, line: impl FnOnce() -> String) {
        if !self.enabled {
            return;
        }
        let text = format!("{}{}", DebugLog::PREFIX, line());
        write_line(&text);
    }
}

/// Writes a finished line to the console.
#[cfg(target_arch = "wasm32")]
fn write_line(text: &str) {
    web_sys::console::log_1(&wasm_bindgen::JsValue::from_str(text));
}

/// Writes a finished line to stderr.
#[cfg(not(target_arch = "wasm32"))]
fn write_line(text: &str) {
    eprintln!("{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_log_never_builds_its_line() {
        let log = DebugLog::new(false);
        let mut built = false;
        log.line(|| {
            built = true;
            String::new()
        });
        assert!(!built);
        assert!(!log.is_enabled());
        assert!(DebugLog::new(true).is_enabled());
    }
}

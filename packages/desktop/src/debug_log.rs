//! Debug logging of the desktop backend: lines on stderr prefixed `[nango]`, only when the
//! `debug` option is on. Callers pass values whose `Debug`/`Display` already redact secrets.

use std::fmt;

/// Writes debug lines when enabled; a no-op otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct DebugLog {
    /// Whether lines are written.
    enabled: bool,
}

impl DebugLog {
    /// A logger that writes only when `enabled`.
    pub(crate) fn new(enabled: bool) -> Self {
        DebugLog { enabled }
    }

    /// Writes one line (never pass a raw URL with a token or a raw frame).
    pub(crate) fn line(&self, message: fmt::Arguments<'_>) {
        if self.enabled {
            eprintln!("[nango] {message}");
        }
    }
}

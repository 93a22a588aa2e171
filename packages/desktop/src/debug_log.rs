//! Debug logging of the desktop backend: lines on stderr prefixed `[nango]`, only when the
//! `debug` option is on. Callers pass values whose `Debug`/`Display` already redact secrets.

use std::fmt;

/// Writes debug lines when enabled; a no-op otherwise.
#[derive(Clone, Debug, Default)]
pub(crate) struct DebugLog {
    /// Whether lines are written.
    enabled: bool,
    /// Tests capture the lines here instead of stderr.
    #[cfg(test)]
    capture: Option<std::sync::Arc<std::sync::Mutex<Vec<String>>>>,
}

impl DebugLog {
    /// A logger that writes only when `enabled`.
    pub(crate) fn new(enabled: bool) -> Self {
        DebugLog {
            enabled,
            #[cfg(test)]
            capture: None,
        }
    }

    /// An enabled logger that keeps its lines in `lines` (tests).
    #[cfg(test)]
    pub(crate) fn capturing(lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>) -> Self {
        DebugLog {
            enabled: true,
            capture: Some(lines),
        }
    }

    /// Writes one line (never pass a raw URL with a token or a raw frame).
    pub(crate) fn line(&self, message: fmt::Arguments<'_>) {
        if !self.enabled {
            return;
        }
        #[cfg(test)]
        if let Some(lines) = &self.capture {
            if let Ok(mut lines) = lines.lock() {
                lines.push(format!("[nango] {message}"));
            }
            return;
        }
        eprintln!("[nango] {message}");
    }
}

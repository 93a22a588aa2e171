//! The system-browser OAuth window (RFC 8252): nothing opens before the WebSocket acknowledges;
//! then the user's browser is launched at the navigated URL and completion arrives over the same
//! WebSocket (no loopback listener). The launcher is a seam so tests can record the URL.

use std::fmt;
use std::process::Command;
use std::sync::Arc;

use crate::window::{AuthPhase, AuthWindow, AuthWindowError, PopupSize, WindowClosedNotifier};

/// The environment variable that names a program to launch instead of the default browser; it is
/// run as `<program> <url>` (used by end-to-end tests with a fake browser).
pub const BROWSER_COMMAND_ENV: &str = "NANGO_DESKTOP_BROWSER";

/// Opens a URL in a browser.
pub trait BrowserLauncher: Send + Sync + 'static {
    /// Opens `url` (the post-ack Nango OAuth URL; it carries the session token, so never log it).
    fn launch(&self, url: &str) -> Result<(), AuthWindowError>;
}

/// The default launcher: the program named by [`BROWSER_COMMAND_ENV`] when that is set and
/// non-empty, otherwise the platform's default browser through the `webbrowser` crate (which
/// honours `$BROWSER` on Linux).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemBrowserLauncher;

impl BrowserLauncher for SystemBrowserLauncher {
    fn launch(&self, url: &str) -> Result<(), AuthWindowError> {
        match std::env::var(BROWSER_COMMAND_ENV) {
            Ok(program) if !program.trim().is_empty() => {
                CommandBrowserLauncher::new(program.trim()).launch(url)
            }
            _ => webbrowser::open(url)
                .map_err(|error| AuthWindowError(format!("could not open the browser: {error}"))),
        }
    }
}

/// Launches a given program with the URL as its only argument, without waiting for it to exit.
#[derive(Clone, Debug)]
pub struct CommandBrowserLauncher {
    /// The program to run.
    program: String,
}

impl CommandBrowserLauncher {
    /// A launcher that runs `program <url>`.
    pub fn new(program: impl Into<String>) -> Self {
        CommandBrowserLauncher {
            program: program.into(),
        }
    }
}

impl BrowserLauncher for CommandBrowserLauncher {
    fn launch(&self, url: &str) -> Result<(), AuthWindowError> {
        let mut child = Command::new(&self.program)
            .arg(url)
            .spawn()
            .map_err(|error| AuthWindowError(format!("could not run {}: {error}", self.program)))?;
        // Reap the child when it exits so it does not linger as a zombie.
        std::thread::spawn(move || {
            let _ = child.wait();
        });
        Ok(())
    }
}

/// An [`AuthWindow`] that is the user's browser: `open` shows nothing, `navigate` launches the
/// browser, and a close is never reported (the browser tab is not ours to watch).
pub struct SystemBrowserWindow {
    /// How the browser is launched.
    launcher: Arc<dyn BrowserLauncher>,
    /// Whether the browser was launched already (a second navigation would open a second tab).
    launched: bool,
}

impl fmt::Debug for SystemBrowserWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SystemBrowserWindow")
            .field("launched", &self.launched)
            .finish_non_exhaustive()
    }
}

impl SystemBrowserWindow {
    /// A system-browser window using `launcher`.
    pub fn new(launcher: Arc<dyn BrowserLauncher>) -> Self {
        SystemBrowserWindow {
            launcher,
            launched: false,
        }
    }
}

impl AuthWindow for SystemBrowserWindow {
    fn open(
        &mut self,
        _size: PopupSize,
        _closed: WindowClosedNotifier,
    ) -> Result<(), AuthWindowError> {
        // RFC 8252 order: the browser opens only once the WebSocket acknowledged.
        Ok(())
    }

    fn navigate(&mut self, url: &str) -> Result<(), AuthWindowError> {
        self.launcher.launch(url)?;
        self.launched = true;
        Ok(())
    }

    fn close(&mut self) {
        // The browser tab belongs to the user; Nango's callback page closes itself.
    }

    fn waiting_phase(&self) -> AuthPhase {
        AuthPhase::WaitingForBrowser
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_launcher_reports_a_missing_program() {
        let launcher = CommandBrowserLauncher::new("/nonexistent/nango-test-browser");
        let error = launcher.launch("http://127.0.0.1:1/").unwrap_err();
        assert!(
            error.0.contains("/nonexistent/nango-test-browser"),
            "{error}"
        );
    }

    #[test]
    fn command_launcher_passes_the_url_as_one_argument() {
        let dir = std::env::temp_dir().join(format!("nango-browser-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("url.txt");
        let script = dir.join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s' \"$1\" > {}\n", out.display()),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let url = "http://127.0.0.1:9/oauth/connect/github?a=1&ws_client_id=x y";
        CommandBrowserLauncher::new(script.to_string_lossy())
            .launch(url)
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            if let Ok(text) = std::fs::read_to_string(&out)
                && text == url
            {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "browser never ran");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! The OAuth window seam: [`AuthWindow`] (open, navigate, close, report a user close), the
//! per-app / per-call choice between a native window and the system browser, and the rule that
//! sends Google and Microsoft sign-in to the system browser.

use std::fmt;
use std::sync::Arc;

use tokio::sync::mpsc;

/// Hosts of sign-in pages known to refuse embedded webviews (Google's and Microsoft's sign-in
/// families); flows whose authorization URL is on one of them use the system browser.
pub const EMBEDDED_WEBVIEW_REFUSING_HOSTS: &[&str] = &[
    "accounts.google.com",
    "login.microsoftonline.com",
    "login.live.com",
];

/// True when a provider's authorization URL host belongs to a sign-in family that refuses
/// embedded webviews (`accounts.google.com`, `login.microsoftonline.com`, `login.live.com`, and
/// their subdomains), so the flow should run in the system browser.
///
/// The host is compared case-insensitively, ignoring one trailing dot and any `:port`.
pub fn prefers_system_browser(authorization_url_host: &str) -> bool {
    let host = authorization_url_host.trim();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    EMBEDDED_WEBVIEW_REFUSING_HOSTS.iter().any(|refusing| {
        host == *refusing
            || host
                .strip_suffix(refusing)
                .is_some_and(|prefix| prefix.ends_with('.'))
    })
}

/// The host of a provider authorization URL (`https://accounts.google.com/o/oauth2/v2/auth` →
/// `accounts.google.com`), or `None` when it does not parse (templated URLs such as
/// `https://${connectionConfig.subdomain}.example.com/…` do not).
pub fn authorization_url_host(authorization_url: &str) -> Option<String> {
    url::Url::parse(authorization_url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        // The URL parser accepts `${…}` in hosts; a template is not a host.
        .filter(|host| !host.contains(['$', '{', '}']))
}

/// The size the OAuth window asks for (the `width`/`height` of `NangoOptions`); implementations
/// centre it on their screen with `nango_core::PopupLayout::compute`, like the web popup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopupSize {
    /// Requested width in logical pixels.
    pub width: u32,
    /// Requested height in logical pixels.
    pub height: u32,
}

/// Why an OAuth window could not be opened or navigated (the flow reports `blocked_by_browser`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AuthWindowError(pub String);

/// Lets an [`AuthWindow`] report that the user closed it; the flow receives this exactly as
/// `FlowInput::WindowClosed` (it rejects with `window_closed` only when close detection is on).
#[derive(Clone, Debug)]
pub struct WindowClosedNotifier(mpsc::UnboundedSender<()>);

impl WindowClosedNotifier {
    /// A notifier and the receiver the flow driver listens on.
    pub(crate) fn channel() -> (WindowClosedNotifier, mpsc::UnboundedReceiver<()>) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (WindowClosedNotifier(sender), receiver)
    }

    /// Reports that the window was closed by the user (callable from any thread, any number of
    /// times; later calls after the flow ended are ignored).
    pub fn notify(&self) {
        let _ = self.0.send(());
    }
}

/// Where the OAuth pages of one flow are shown. The flow driver calls [`AuthWindow::open`] before
/// the WebSocket acknowledges, [`AuthWindow::navigate`] with the post-ack URL, and
/// [`AuthWindow::close`] after the flow settled (plus the close grace).
///
/// Implementations must not inject scripts into, or read anything from, the pages they show.
pub trait AuthWindow: Send + 'static {
    /// Shows the window before the WebSocket acknowledges (a blank page, or nothing at all for
    /// the system browser). `closed` is to be notified when the user closes the window.
    /// An error makes the flow reject with `blocked_by_browser`.
    fn open(
        &mut self,
        size: PopupSize,
        closed: WindowClosedNotifier,
    ) -> Result<(), AuthWindowError>;

    /// Points the window at Nango's OAuth URL (with `ws_client_id`). An error (for example the
    /// window is already gone) makes the flow reject with `blocked_by_browser`.
    fn navigate(&mut self, url: &str) -> Result<(), AuthWindowError>;

    /// Closes the window if it is still open (idempotent; errors are ignored).
    fn close(&mut self);

    /// What the UI should say while the flow waits for this window.
    fn waiting_phase(&self) -> AuthPhase {
        AuthPhase::WaitingForWindow
    }
}

/// Where the current OAuth flow of a [`crate::Nango`] stands, for UIs (for example the
/// "Waiting for your browser… Cancel" state).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AuthPhase {
    /// No OAuth flow is running.
    #[default]
    Idle,
    /// The WebSocket is connecting or waiting for the server's acknowledgement.
    Connecting,
    /// The native OAuth window shows the provider's pages.
    WaitingForWindow,
    /// The system browser was opened; completion will arrive over the WebSocket.
    WaitingForBrowser,
}

/// Builds a fresh [`AuthWindow`] for each flow (used for custom windows and test doubles).
pub type AuthWindowFactory = Arc<dyn Fn() -> Box<dyn AuthWindow> + Send + Sync>;

/// Which kind of OAuth window a flow uses.
#[derive(Clone, Default)]
pub enum AuthWindowChoice {
    /// A native window when the app registered one (see `use_native_auth_windows`), except for
    /// providers that refuse embedded webviews ([`prefers_system_browser`]); otherwise the system
    /// browser.
    #[default]
    Auto,
    /// A second native webview window, even for providers that prefer the system browser.
    NativeWindow,
    /// The user's browser (RFC 8252); completion arrives over the WebSocket.
    SystemBrowser,
    /// A window built by the given factory.
    Custom(AuthWindowFactory),
}

impl fmt::Debug for AuthWindowChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthWindowChoice::Auto => f.write_str("Auto"),
            AuthWindowChoice::NativeWindow => f.write_str("NativeWindow"),
            AuthWindowChoice::SystemBrowser => f.write_str("SystemBrowser"),
            AuthWindowChoice::Custom(_) => f.write_str("Custom(..)"),
        }
    }
}

/// The desktop-only options of one `auth`/`reconnect` call (core's `AuthOptions` stay the same
/// as on the web).
#[derive(Clone, Debug, Default)]
pub struct DesktopAuthOptions {
    /// The window for this call; `None` uses the app's choice (`Nango::with_auth_window`).
    pub window: Option<AuthWindowChoice>,
    /// The provider's authorization URL (from the provider catalogue), used by
    /// [`AuthWindowChoice::Auto`] to send Google and Microsoft sign-in to the system browser.
    pub authorization_url: Option<String>,
}

/// The concrete kind an [`AuthWindowChoice`] resolved to for one flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ResolvedWindowKind {
    /// A native webview window.
    Native,
    /// The system browser.
    SystemBrowser,
}

/// Resolves `Auto` / `NativeWindow` / `SystemBrowser` to a kind (`Custom` is handled by the
/// caller): `Auto` picks the system browser for refusing providers or when no native window host
/// is registered.
pub(crate) fn resolve_window_kind(
    choice: &AuthWindowChoice,
    authorization_url: Option<&str>,
    native_available: bool,
) -> ResolvedWindowKind {
    match choice {
        AuthWindowChoice::NativeWindow => ResolvedWindowKind::Native,
        AuthWindowChoice::SystemBrowser | AuthWindowChoice::Custom(_) => {
            ResolvedWindowKind::SystemBrowser
        }
        AuthWindowChoice::Auto => {
            let refusing = authorization_url
                .and_then(authorization_url_host)
                .is_some_and(|host| prefers_system_browser(&host));
            if refusing || !native_available {
                ResolvedWindowKind::SystemBrowser
            } else {
                ResolvedWindowKind::Native
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_and_microsoft_sign_in_prefer_the_system_browser() {
        for host in [
            "accounts.google.com",
            "ACCOUNTS.Google.COM",
            "accounts.google.com.",
            "accounts.google.com:443",
            "login.microsoftonline.com",
            "login.live.com",
            "eu.login.microsoftonline.com",
        ] {
            assert!(prefers_system_browser(host), "{host}");
        }
    }

    #[test]
    fn other_hosts_and_look_alikes_use_the_native_window() {
        for host in [
            "github.com",
            "google.com",
            "accounts.google.com.evil.example",
            "evilaccounts.google.com",
            "notlogin.live.com",
            "login.microsoftonline.co",
            "",
            "accounts.google.com:x",
        ] {
            assert!(!prefers_system_browser(host), "{host}");
        }
    }

    #[test]
    fn authorization_url_hosts_parse_and_templates_do_not() {
        assert_eq!(
            authorization_url_host("https://accounts.google.com/o/oauth2/v2/auth").as_deref(),
            Some("accounts.google.com")
        );
        assert_eq!(
            authorization_url_host(
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
            )
            .as_deref(),
            Some("login.microsoftonline.com")
        );
        assert_eq!(
            authorization_url_host("https://${connectionConfig.subdomain}.zendesk.com/oauth"),
            None
        );
    }

    #[test]
    fn auto_resolves_by_provider_and_native_availability() {
        let google = Some("https://accounts.google.com/o/oauth2/v2/auth");
        let github = Some("https://github.com/login/oauth/authorize");
        let auto = AuthWindowChoice::Auto;
        assert_eq!(
            resolve_window_kind(&auto, github, true),
            ResolvedWindowKind::Native
        );
        assert_eq!(
            resolve_window_kind(&auto, None, true),
            ResolvedWindowKind::Native
        );
        assert_eq!(
            resolve_window_kind(&auto, google, true),
            ResolvedWindowKind::SystemBrowser
        );
        assert_eq!(
            resolve_window_kind(&auto, github, false),
            ResolvedWindowKind::SystemBrowser
        );
        // An explicit choice wins over the provider rule.
        assert_eq!(
            resolve_window_kind(&AuthWindowChoice::NativeWindow, google, true),
            ResolvedWindowKind::Native
        );
        assert_eq!(
            resolve_window_kind(&AuthWindowChoice::SystemBrowser, github, true),
            ResolvedWindowKind::SystemBrowser
        );
    }
}

//! Error fallbacks: an expired session, a server error, and the UI opened without a session.

use nango_core::{AuthError, AuthErrorKind};
use nango_ui::HostingMode;
use nango_ui::fake::FakeDriver;

use crate::registry::StorySetup;
use crate::route::Controls;

/// The snippet of the expired-session story.
pub const SNIPPET_EXPIRED: &str = r#"// GET /connect/session answers 401 (unknown or expired token).
let driver = FakeDriver::new().with_session(Err(AuthError::new(
    AuthErrorKind::UnknownConnectSessionToken,
    "The connect session token is expired",
)));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the generic error story.
pub const SNIPPET_GENERIC: &str = r#"// GET /integrations fails with a server error.
let driver = FakeDriver::new().with_integrations(Err(AuthError::new(
    AuthErrorKind::ServerError,
    "Internal server error",
)));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the opened-directly story.
pub const SNIPPET_DIRECT: &str = r#"// Hosted in an iframe, but no session token arrived within 10 s.
rsx! { ConnectUi { token: None, token_timed_out: true } }"#;

/// The session expired (401).
pub fn session_expired(_: &Controls) -> StorySetup {
    StorySetup::connect(FakeDriver::new().with_session(Err(AuthError::new(
        AuthErrorKind::UnknownConnectSessionToken,
        "The connect session token is expired",
    ))))
}

/// Any other failure.
pub fn generic(_: &Controls) -> StorySetup {
    StorySetup::connect(FakeDriver::new().with_integrations(Err(AuthError::new(
        AuthErrorKind::ServerError,
        "Internal server error",
    ))))
}

/// No token arrived in time.
pub fn opened_directly(_: &Controls) -> StorySetup {
    StorySetup::Connect {
        driver: FakeDriver::new(),
        token: false,
        token_timed_out: true,
        mode: HostingMode::Overlay,
    }
}

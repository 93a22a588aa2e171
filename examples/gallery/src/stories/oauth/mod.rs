//! The OAuth window: waiting for the popup (or the system browser), the popup blocked, the
//! window closed early, and a credential request in flight.

use nango_core::{AuthError, AuthErrorKind};
use nango_ui::connect::Input;
use nango_ui::fake::{FakeDriver, Outcome, fixtures};

use crate::registry::{Step, StorySetup};
use crate::route::Controls;

/// The snippet of the waiting story.
pub const SNIPPET_WAITING: &str = r#"// The popup is open; the flow settles when the provider redirects back.
let driver = FakeDriver::new().with_outcome(Outcome::Hang);
// send(Input::SelectIntegration("slack".into())); send(Input::Submit);
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the system-browser story.
pub const SNIPPET_BROWSER: &str = r#"// Desktop apps sign in through the system browser (RFC 8252).
let driver = FakeDriver::new().with_system_browser(true).with_outcome(Outcome::Hang);
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the blocked-popup story.
pub const SNIPPET_BLOCKED: &str = r#"// The browser refused window.open: the form says so and offers to try again.
let driver = FakeDriver::new()
    .with_outcome(Outcome::Error(AuthError::blocked_by_browser()));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the closed-window story.
pub const SNIPPET_CLOSED: &str = r#"// The user closed the OAuth window before finishing.
let driver = FakeDriver::new()
    .with_outcome(Outcome::error(AuthErrorKind::WindowClosed, "The authorization window was closed"));
rsx! { ConnectUi { token: Some(token), detect_closed_auth_window: true, driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the connecting story.
pub const SNIPPET_CONNECTING: &str = r#"// Credentials were submitted; the request is in flight.
let driver = FakeDriver::new().with_outcome(Outcome::Hang);
// send(Input::SelectIntegration("github".into())); fill the API key; send(Input::Submit);
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

fn submitted(key: &str, driver: FakeDriver, fill: bool) -> StorySetup {
    let mut steps = vec![Step::Input(Input::SelectIntegration(key.into()))];
    if fill {
        steps.push(Step::FillValid);
    }
    steps.push(Step::Input(Input::Submit));
    StorySetup::scripted(
        driver
            .with_integrations(Ok(fixtures::every_mode()))
            .with_outcome(Outcome::success(key, "my-connection")),
        steps,
    )
}

/// Waiting for the popup.
pub fn waiting(_: &Controls) -> StorySetup {
    submitted(
        "slack",
        FakeDriver::new().with_outcome(Outcome::Hang),
        false,
    )
}

/// Waiting for the system browser.
pub fn waiting_browser(_: &Controls) -> StorySetup {
    submitted(
        "slack",
        FakeDriver::new()
            .with_system_browser(true)
            .with_outcome(Outcome::Hang),
        false,
    )
}

/// The popup was blocked.
pub fn blocked(_: &Controls) -> StorySetup {
    submitted(
        "zendesk",
        FakeDriver::new().with_outcome(Outcome::Error(AuthError::blocked_by_browser())),
        true,
    )
}

/// The window was closed early.
pub fn closed(_: &Controls) -> StorySetup {
    submitted(
        "slack",
        FakeDriver::new().with_outcome(Outcome::error(
            AuthErrorKind::WindowClosed,
            "The authorization window was closed",
        )),
        false,
    )
}

/// A credential request in flight.
pub fn connecting(_: &Controls) -> StorySetup {
    submitted(
        "github-api-key",
        FakeDriver::new().with_outcome(Outcome::Hang),
        true,
    )
}

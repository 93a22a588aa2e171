//! Sessions that skip the list: one allowed integration, and reconnecting an existing connection.

use nango_ui::fake::{FakeDriver, fixtures};

use crate::registry::StorySetup;
use crate::route::Controls;
use crate::stories::list::interactive;

/// The snippet of the single-integration story.
pub const SNIPPET_SINGLE: &str = r#"// The session allows one integration: the list is skipped, no Back link.
let driver = FakeDriver::new()
    .with_session(Ok(fixtures::single_session("zendesk")))
    .with_integrations(Ok(vec![fixtures::integration("zendesk", "zendesk", "Zendesk")]));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the reconnect story.
pub const SNIPPET_RECONNECT: &str = r#"// A reconnect session (created for an existing connection) opens its form directly.
let driver = FakeDriver::new()
    .with_session(Ok(fixtures::reconnect_session("github")))
    .with_integrations(Ok(vec![fixtures::integration("github", "github-api-key", "GitHub")]));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// One allowed integration.
pub fn single(_: &Controls) -> StorySetup {
    StorySetup::connect(interactive(
        FakeDriver::new()
            .with_session(Ok(fixtures::single_session("zendesk")))
            .with_integrations(Ok(vec![fixtures::integration(
                "zendesk", "zendesk", "Zendesk",
            )])),
    ))
}

/// Reconnecting GitHub.
pub fn reconnect(_: &Controls) -> StorySetup {
    StorySetup::connect(interactive(
        FakeDriver::new()
            .with_session(Ok(fixtures::reconnect_session("github")))
            .with_integrations(Ok(vec![fixtures::integration(
                "github",
                "github-api-key",
                "GitHub",
            )])),
    ))
}

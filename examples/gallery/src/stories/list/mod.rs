//! The integrations list: a few, every auth mode, the 981-provider catalogue, and none.

use nango_ui::HostingMode;
use nango_ui::fake::{FakeDriver, Outcome, fixtures};

use crate::registry::StorySetup;
use crate::route::Controls;

/// The snippet of the short list.
pub const SNIPPET_FEW: &str = r#"// The session allows every integration of the environment.
let driver = FakeDriver::new(); // GitHub (API key) and Slack (OAuth 2)
rsx! {
    ConnectUi {
        token: Some(ConnectSessionToken::new(fixtures::TOKEN)),
        driver: DriverProp(Rc::new(driver)),
        on_event: move |event: ConnectUiEvent| log.push(event),
    }
}"#;

/// The snippet of the every-mode list.
pub const SNIPPET_EVERY: &str = r#"let driver = FakeDriver::new().with_integrations(Ok(fixtures::every_mode()));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the large list.
pub const SNIPPET_LARGE: &str = r#"// 981 integrations: the list is windowed, only visible rows are in the DOM.
let driver = FakeDriver::new().with_integrations(Ok(fixtures::large_catalogue()));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the empty list.
pub const SNIPPET_EMPTY: &str = r#"let driver = FakeDriver::new().with_integrations(Ok(Vec::new()));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The snippet of the connect-link list.
pub const SNIPPET_LINK: &str = r#"// The standalone connect link (its own tab): solid page, no close buttons.
rsx! { ConnectUi { token: Some(token), mode: HostingMode::ConnectLink } }"#;

/// Successful outcomes for every later click, so the canvas stays interactive.
pub fn interactive(driver: FakeDriver) -> FakeDriver {
    (0..8).fold(driver, |driver, n| {
        driver.with_outcome(Outcome::success("demo", &format!("demo-connection-{n}")))
    })
}

/// GitHub and Slack.
pub fn few(_: &Controls) -> StorySetup {
    StorySetup::connect(interactive(FakeDriver::new()))
}

/// One integration per auth mode fixture.
pub fn every_mode(_: &Controls) -> StorySetup {
    StorySetup::connect(interactive(
        FakeDriver::new().with_integrations(Ok(fixtures::every_mode())),
    ))
}

/// 981 integrations.
pub fn large(_: &Controls) -> StorySetup {
    StorySetup::connect(interactive(
        FakeDriver::new().with_integrations(Ok(fixtures::large_catalogue())),
    ))
}

/// No integrations configured.
pub fn empty(_: &Controls) -> StorySetup {
    StorySetup::connect(FakeDriver::new().with_integrations(Ok(Vec::new())))
}

/// The connect link page.
pub fn connect_link(_: &Controls) -> StorySetup {
    StorySetup::Connect {
        driver: interactive(FakeDriver::new().with_integrations(Ok(fixtures::every_mode()))),
        token: true,
        token_timed_out: false,
        mode: HostingMode::ConnectLink,
    }
}

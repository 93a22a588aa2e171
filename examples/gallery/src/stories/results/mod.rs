//! Results: connected, connected from a connect link, and failures with their details.

use nango_core::AuthErrorKind;
use nango_ui::HostingMode;
use nango_ui::connect::Input;
use nango_ui::fake::{FakeDriver, Outcome, fixtures};

use crate::registry::{Step, StorySetup};
use crate::route::Controls;

/// The snippet of the success story.
pub const SNIPPET_SUCCESS: &str = r#"// The connection was created: `connect` is emitted with its id.
let driver = FakeDriver::new().with_outcome(Outcome::success("github", "my-connection"));
rsx! {
    ConnectUi {
        token: Some(token),
        driver: DriverProp(Rc::new(driver)),
        on_event: move |event| if let ConnectUiEvent::Connect(c) = event { save(c.connection_id) },
    }
}"#;

/// The snippet of the failure stories.
pub const SNIPPET_FAILURE: &str = r#"// The server rejected the credentials; the details disclosure shows why.
let driver = FakeDriver::new().with_outcome(Outcome::error(
    AuthErrorKind::ConnectionTestFailed,
    "",
));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

fn submitted(driver: FakeDriver, mode: HostingMode, extra: Vec<Step>) -> StorySetup {
    let mut steps = vec![
        Step::Input(Input::SelectIntegration("github".into())),
        Step::FillValid,
        Step::Input(Input::Submit),
    ];
    steps.extend(extra);
    StorySetup::Scripted {
        driver,
        steps,
        query: String::new(),
        mode,
    }
}

/// Connected.
pub fn success(_: &Controls) -> StorySetup {
    submitted(
        FakeDriver::new().with_outcome(Outcome::success("github", "my-connection")),
        HostingMode::Overlay,
        Vec::new(),
    )
}

/// Connected from the standalone connect link ("you can close this tab").
pub fn success_connect_link(_: &Controls) -> StorySetup {
    submitted(
        FakeDriver::new().with_outcome(Outcome::success("github", "my-connection")),
        HostingMode::ConnectLink,
        Vec::new(),
    )
}

/// The credentials were rejected (translated details).
pub fn failure(_: &Controls) -> StorySetup {
    submitted(
        FakeDriver::new()
            .with_outcome(Outcome::error(AuthErrorKind::ConnectionTestFailed, ""))
            .with_outcome(Outcome::success("github", "my-connection")),
        HostingMode::Overlay,
        vec![Step::Input(Input::ToggleDetails)],
    )
}

/// A server error with a JSON message, details open.
pub fn failure_details(_: &Controls) -> StorySetup {
    submitted(
        FakeDriver::new()
            .with_outcome(Outcome::error(
                AuthErrorKind::ConnectionValidationFailed,
                r#"{"error":{"code":"invalid_credentials","message":"The API key was revoked on 2026-11-30","status":401}}"#,
            ))
            .with_outcome(Outcome::success("github", "my-connection")),
        HostingMode::Overlay,
        vec![Step::Input(Input::ToggleDetails)],
    )
}

/// The plan's connection limit was reached.
pub fn resource_capped(_: &Controls) -> StorySetup {
    submitted(
        FakeDriver::new()
            .with_outcome(Outcome::error(AuthErrorKind::ResourceCapped, "capped"))
            .with_integrations(Ok(fixtures::github_and_slack())),
        HostingMode::Overlay,
        Vec::new(),
    )
}

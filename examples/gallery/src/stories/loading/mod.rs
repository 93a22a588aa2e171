//! Loading: the skeleton shown until the session token and the session data arrive.

use crate::registry::StorySetup;
use crate::route::Controls;
use nango_ui::HostingMode;
use nango_ui::fake::FakeDriver;

/// The snippet of the loading story.
pub const SNIPPET: &str = r#"// No session token yet: the Connect UI shows its skeleton.
let token = use_signal(|| None::<ConnectSessionToken>);
rsx! { ConnectUi { token } }"#;

/// No token: the UI stays on its skeleton.
pub fn skeleton(_: &Controls) -> StorySetup {
    StorySetup::Connect {
        driver: FakeDriver::new(),
        token: false,
        token_timed_out: false,
        mode: HostingMode::Overlay,
    }
}

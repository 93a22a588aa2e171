//! AWS SigV4: the External ID box the user copies into their IAM role's trust policy.

use crate::registry::StorySetup;
use crate::route::Controls;
use crate::stories::forms;

/// The snippet of the AWS story.
pub const SNIPPET: &str = r#"// AWS_SIGV4 shows a fresh External ID (driver.new_external_id()) with a Copy button.
let driver = FakeDriver::new()
    .with_integrations(Ok(vec![fixtures::integration("aws-sigv4", "aws-sigv4", "AWS")]));
rsx! { ConnectUi { token: Some(token), driver: DriverProp(Rc::new(driver)) } }"#;

/// The AWS form with its External ID.
pub fn external_id(controls: &Controls) -> StorySetup {
    forms::form("aws-sigv4", controls)
}

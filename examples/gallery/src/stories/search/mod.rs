//! Search: accent- and case-insensitive filtering of the list, and no results.

use nango_ui::HostingMode;
use nango_ui::fake::{FakeDriver, fixtures};

use crate::registry::StorySetup;
use crate::route::Controls;
use crate::stories::list::interactive;

/// The snippet of the search stories.
pub const SNIPPET: &str = r#"// The user types in the search box; matching ignores case and accents.
rsx! {
    IntegrationsView {
        integrations: Shared::new(fixtures::large_catalogue()),
        initial_query: "cafe cal",
        on_select: move |key| send(Input::SelectIntegration(key)),
    }
}"#;

fn searched(query: &str) -> StorySetup {
    StorySetup::Scripted {
        driver: interactive(FakeDriver::new().with_integrations(Ok(fixtures::large_catalogue()))),
        steps: Vec::new(),
        query: query.to_owned(),
        mode: HostingMode::Overlay,
    }
}

/// "cafe cal" matches "Café Calendar …".
pub fn matches(_: &Controls) -> StorySetup {
    searched("cafe cal")
}

/// Nothing matches.
pub fn no_results(_: &Controls) -> StorySetup {
    searched("zzz-nothing")
}

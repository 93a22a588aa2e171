//! The one table of stories: every entry has an id (its URL), a group (its sidebar section), a
//! title, the Rust snippet that produces it, and a setup function that builds it from fixtures.

use nango_core::catalogue::AuthMode;
use nango_ui::HostingMode;
use nango_ui::connect::Input;
use nango_ui::fake::FakeDriver;

use crate::route::{Controls, FormValuesChoice, GalleryRoute};
use crate::stories;

/// A sidebar section: one screen of the Connect UI (one folder under `stories/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoryGroup {
    /// The loading skeleton.
    Loading,
    /// Error fallbacks.
    Errors,
    /// The integrations list.
    List,
    /// Search in the list.
    Search,
    /// The auth form of every auth mode.
    Forms,
    /// OAuth popup states.
    OAuth,
    /// Success and failure screens.
    Results,
    /// Reconnect and single-integration sessions.
    Sessions,
    /// AWS SigV4's External ID.
    Aws,
}

impl StoryGroup {
    /// Every group, in sidebar order.
    pub const ALL: [StoryGroup; 9] = [
        StoryGroup::Loading,
        StoryGroup::Errors,
        StoryGroup::List,
        StoryGroup::Search,
        StoryGroup::Forms,
        StoryGroup::OAuth,
        StoryGroup::Results,
        StoryGroup::Sessions,
        StoryGroup::Aws,
    ];

    /// The section heading.
    pub fn title(self) -> &'static str {
        match self {
            StoryGroup::Loading => "Loading",
            StoryGroup::Errors => "Errors",
            StoryGroup::List => "Integrations list",
            StoryGroup::Search => "Search",
            StoryGroup::Forms => "Auth forms",
            StoryGroup::OAuth => "OAuth window",
            StoryGroup::Results => "Results",
            StoryGroup::Sessions => "Sessions",
            StoryGroup::Aws => "AWS",
        }
    }
}

/// One step of a scripted story, applied to the state machine before the first render.
#[derive(Clone, Debug)]
pub enum Step {
    /// A plain machine input.
    Input(Input),
    /// Fill every visible field with a valid sample value.
    FillValid,
    /// Fill every field with an invalid value (or leave it empty) and touch it.
    FillInvalid,
    /// Submit, but only when the form has errors (shows every error without connecting).
    SubmitInvalid,
}

/// How a story is rendered.
pub enum StorySetup {
    /// The real `ConnectUi` component over a fake driver.
    Connect {
        /// The driver (fixtures and scripted outcomes).
        driver: FakeDriver,
        /// Whether a session token is given (without one the UI stays loading).
        token: bool,
        /// The host gave up waiting for a token.
        token_timed_out: bool,
        /// Hosting mode.
        mode: HostingMode,
    },
    /// The Connect UI state machine over a fake driver, advanced by `steps` first; the canvas
    /// then stays interactive.
    Scripted {
        /// The driver.
        driver: FakeDriver,
        /// What happens before the first render.
        steps: Vec<Step>,
        /// The list's initial search text.
        query: String,
        /// Hosting mode.
        mode: HostingMode,
    },
}

impl StorySetup {
    /// The real `ConnectUi` with a token, in an overlay.
    pub fn connect(driver: FakeDriver) -> StorySetup {
        StorySetup::Connect {
            driver,
            token: true,
            token_timed_out: false,
            mode: HostingMode::Overlay,
        }
    }

    /// A scripted story in an overlay.
    pub fn scripted(driver: FakeDriver, steps: Vec<Step>) -> StorySetup {
        StorySetup::Scripted {
            driver,
            steps,
            query: String::new(),
            mode: HostingMode::Overlay,
        }
    }
}

/// Which extra controls a story shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoryControls {
    /// The form values control (empty/valid/invalid/preconfigured).
    pub values: bool,
    /// The auth mode control (switches between the form stories).
    pub auth_mode: Option<AuthModeEntry>,
}

impl StoryControls {
    /// No extra controls.
    pub const NONE: StoryControls = StoryControls {
        values: false,
        auth_mode: None,
    };
}

/// A form story's place in the auth mode control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthModeEntry {
    /// The auth mode shown.
    pub mode: &'static str,
}

/// A story.
pub struct Story {
    /// URL id (`#/story/<id>`).
    pub id: &'static str,
    /// Sidebar group.
    pub group: StoryGroup,
    /// Sidebar title.
    pub title: &'static str,
    /// One sentence on what the story shows.
    pub summary: &'static str,
    /// The Rust code that produces this state (shown under the canvas).
    pub snippet: &'static str,
    /// Extra controls.
    pub controls: StoryControls,
    /// Builds the story for the current controls.
    pub setup: fn(&Controls) -> StorySetup,
}

impl std::fmt::Debug for Story {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Story").field("id", &self.id).finish()
    }
}

/// Every story, in sidebar order.
pub fn stories() -> &'static [Story] {
    stories::ALL
}

/// The story with this id.
pub fn find(id: &str) -> Option<&'static Story> {
    stories().iter().find(|story| story.id == id)
}

/// The story shown when the URL names none.
pub const DEFAULT_STORY: &str = "list";

/// The auth mode control's entries: (label, story id), one per form story.
pub fn auth_mode_stories() -> Vec<(&'static str, &'static str)> {
    stories()
        .iter()
        .filter_map(|story| story.controls.auth_mode.map(|entry| (entry.mode, story.id)))
        .collect()
}

/// Is `mode` an auth mode wire string? (Keeps the table honest in tests.)
pub fn is_auth_mode(mode: &str) -> bool {
    !matches!(AuthMode::from_wire(mode), AuthMode::Other(_))
}

/// Every state the gallery offers for `story`: the story's route, once per value of its values
/// control (the auth mode control switches between stories, each listed on its own). Theme,
/// language, colour and viewport are left at their defaults.
pub fn story_states(story: &Story) -> Vec<GalleryRoute> {
    let values: &[FormValuesChoice] = if story.controls.values {
        &FormValuesChoice::ALL
    } else {
        &[FormValuesChoice::Empty]
    };
    values
        .iter()
        .map(|values| {
            let mut route = GalleryRoute::story(story.id);
            route.controls.values = *values;
            route
        })
        .collect()
}

/// The registry as JSON, for tools that walk every story (the browser tests read it from the
/// gallery page's `<script id="gx-registry" type="application/json">`):
/// `{"stories":[{"id","group","title","authMode","states":["#/story/ID?values=…",…]}],"themes":[…]}`.
pub fn registry_json() -> String {
    let stories: Vec<serde_json::Value> = stories()
        .iter()
        .map(|story| {
            serde_json::json!({
                "id": story.id,
                "group": story.group.title(),
                "title": story.title,
                "authMode": story.controls.auth_mode.map(|entry| entry.mode),
                "states": story_states(story).iter().map(GalleryRoute::to_hash).collect::<Vec<_>>(),
            })
        })
        .collect();
    let themes: Vec<&str> = crate::route::ThemeChoice::ALL
        .iter()
        .map(|theme| theme.as_str())
        .collect();
    serde_json::json!({ "stories": stories, "themes": themes }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_lists_every_story_with_every_values_state() {
        let json: serde_json::Value =
            serde_json::from_str(&registry_json()).expect("the registry is valid JSON");
        let listed = json["stories"].as_array().expect("a stories array");
        assert_eq!(listed.len(), stories().len());
        let api_key = listed
            .iter()
            .find(|story| story["id"] == "form-api-key")
            .expect("the API key form is listed");
        assert_eq!(api_key["authMode"], "API_KEY");
        assert_eq!(
            api_key["states"],
            serde_json::json!([
                "#/story/form-api-key",
                "#/story/form-api-key?values=valid",
                "#/story/form-api-key?values=invalid",
                "#/story/form-api-key?values=preconfigured",
            ])
        );
        let list = listed
            .iter()
            .find(|story| story["id"] == "list")
            .expect("list");
        assert_eq!(list["states"], serde_json::json!(["#/story/list"]));
        assert!(list["authMode"].is_null());
        assert_eq!(
            json["themes"],
            serde_json::json!(["light", "dark", "system"])
        );
    }
}

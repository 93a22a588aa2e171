//! Renders every story of the registry with dioxus-ssr (host-side, no browser): each must
//! render without panicking and show the screen it promises, in every values variant, both
//! themes and every language; and the whole gallery page renders for every story URL.

use dioxus::prelude::*;
use gallery::Gallery;
use gallery::canvas::StoryCanvas;
use gallery::registry::{self, StoryGroup};
use gallery::route::{Controls, FormValuesChoice, GalleryRoute, ThemeChoice, Viewport};
use nango_ui::Language;
use nango_ui::fake::run_until_idle;

#[derive(Props, Clone, PartialEq)]
struct CanvasProps {
    story: String,
    controls: Controls,
}

fn canvas_root(props: CanvasProps) -> Element {
    rsx! {
        StoryCanvas { story: props.story, controls: props.controls, on_event: |_| {} }
    }
}

fn render_story(story: &str, controls: Controls) -> String {
    let mut dom = VirtualDom::new_with_props(
        canvas_root,
        CanvasProps {
            story: story.to_owned(),
            controls,
        },
    );
    dom.rebuild_in_place();
    run_until_idle(&mut dom);
    dioxus_ssr::render(&dom)
}

/// The screen a story must show (its `data-screen`).
fn expected_screen(id: &str, group: StoryGroup) -> &'static str {
    match id {
        "loading" => "loading",
        "list-empty" => "empty",
        "oauth-waiting" | "oauth-waiting-browser" => "waiting",
        "success" | "success-connect-link" => "success",
        "failure" | "failure-details" | "failure-resource-capped" => "failure",
        "single-integration"
        | "reconnect"
        | "form-connecting"
        | "oauth-popup-blocked"
        | "oauth-window-closed" => "form",
        _ => match group {
            StoryGroup::Errors => "error",
            StoryGroup::List | StoryGroup::Search => "list",
            _ => "form",
        },
    }
}

#[test]
fn every_story_renders_its_screen() {
    assert!(
        registry::stories().len() >= 40,
        "{}",
        registry::stories().len()
    );
    for story in registry::stories() {
        let variants: &[FormValuesChoice] = if story.controls.values {
            &FormValuesChoice::ALL
        } else {
            &[FormValuesChoice::Empty]
        };
        for values in variants {
            let controls = Controls {
                values: *values,
                ..Controls::default()
            };
            let html = render_story(story.id, controls);
            let screen = expected_screen(story.id, story.group);
            assert!(
                html.contains(&format!("data-screen=\"{screen}\"")),
                "story {} ({values:?}) should show the {screen} screen:\n{}",
                story.id,
                &html[..html.len().min(600)]
            );
            assert!(html.contains("nango-connect"), "{}", story.id);
        }
    }
}

#[test]
fn story_ids_are_unique_and_url_safe() {
    let stories = registry::stories();
    for (index, story) in stories.iter().enumerate() {
        assert!(
            story
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            story.id
        );
        assert!(
            stories[index + 1..].iter().all(|s| s.id != story.id),
            "{}",
            story.id
        );
        assert!(!story.snippet.is_empty(), "{}", story.id);
        if let Some(entry) = story.controls.auth_mode {
            assert!(registry::is_auth_mode(entry.mode), "{}", entry.mode);
        }
    }
    assert!(registry::find(registry::DEFAULT_STORY).is_some());
}

#[test]
fn form_variants_show_what_they_promise() {
    let invalid = render_story(
        "form-basic",
        Controls {
            values: FormValuesChoice::Invalid,
            ..Controls::default()
        },
    );
    assert!(invalid.contains("aria-invalid=\"true\""), "{invalid}");
    let valid = render_story(
        "form-basic",
        Controls {
            values: FormValuesChoice::Valid,
            ..Controls::default()
        },
    );
    assert!(valid.contains("ada@example.com"), "{valid}");
    assert!(!valid.contains("aria-invalid=\"true\""), "{valid}");
    let aws = render_story("aws-external-id", Controls::default());
    assert!(
        aws.contains("00000000-0000-4000-8000-000000000000"),
        "{aws}"
    );
}

#[test]
fn themes_languages_and_primary_reach_the_connect_ui() {
    let dark = render_story(
        "list",
        Controls {
            theme: ThemeChoice::Dark,
            primary: Some("#ff5500".into()),
            viewport: Viewport::Mobile,
            ..Controls::default()
        },
    );
    assert!(dark.contains("data-theme=\"dark\""), "{dark}");
    assert!(dark.contains("#ff5500") || dark.contains("#f50"), "{dark}");
    for language in Language::ALL {
        for id in [
            "list",
            "form-oauth2-subdomain",
            "failure",
            "error-session-expired",
        ] {
            let html = render_story(
                id,
                Controls {
                    language,
                    ..Controls::default()
                },
            );
            assert!(
                html.contains(&format!("lang=\"{}\"", language.tag())),
                "{id} {language:?}"
            );
        }
    }
}

#[test]
fn the_whole_gallery_renders_for_every_story_url() {
    for story in registry::stories() {
        // The gallery reads its start route from GALLERY_ROUTE outside the browser.
        let route = GalleryRoute::story(story.id);
        // SAFETY: tests in this binary that read the variable run sequentially in this test.
        unsafe { std::env::set_var("GALLERY_ROUTE", route.to_hash()) };
        let mut dom = VirtualDom::new(Gallery);
        dom.rebuild_in_place();
        run_until_idle(&mut dom);
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains(story.title), "{}", story.id);
        assert!(html.contains("<main"), "{}", story.id);
        assert!(html.contains("aria-label=\"Stories\""), "{}", story.id);
    }
    unsafe { std::env::set_var("GALLERY_ROUTE", "#/live") };
    let mut dom = VirtualDom::new(Gallery);
    dom.rebuild_in_place();
    assert!(dioxus_ssr::render(&dom).contains("Real flows against nango-mock"));
}

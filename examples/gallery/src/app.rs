//! The gallery chrome: a header, a sidebar of stories grouped by screen, the controls, the
//! canvas, the story's Rust snippet and an event log. State lives in one [`GalleryRoute`]
//! signal mirrored in the URL hash.

use dioxus::prelude::*;
use nango_core::messages::ConnectUiEvent;
use nango_ui::Language;

use crate::GALLERY_CSS;
use crate::canvas::StoryCanvas;
use crate::live::LivePage;
use crate::platform;
use crate::registry::{self, DEFAULT_STORY, Story, StoryGroup};
use crate::route::{Controls, FormValuesChoice, GalleryRoute, Page, ThemeChoice, Viewport};

/// The primary colours offered as swatches (Nango's default first).
pub const PRIMARY_SWATCHES: &[(&str, &str)] = &[
    ("#00b2e3", "Nango blue"),
    ("#6d28d9", "Violet"),
    ("#059669", "Emerald"),
    ("#ff5500", "Orange"),
    ("#e11d48", "Rose"),
];

/// One line of the event log.
#[derive(Clone, Debug, PartialEq)]
pub struct LoggedEvent {
    /// Sequence number.
    pub n: usize,
    /// The wire type.
    pub kind: String,
    /// A compact description.
    pub detail: String,
}

/// Describes an event for the log.
pub fn describe_event(event: &ConnectUiEvent) -> String {
    match event {
        ConnectUiEvent::Connect(payload) => format!("{payload:?}"),
        ConnectUiEvent::Error(error) => format!("{}: {}", error.kind.as_str(), error.message),
        ConnectUiEvent::SettingsChanged(settings) => format!("{settings:?}"),
        ConnectUiEvent::Unknown(kind) => kind.clone(),
        _ => String::new(),
    }
}

/// The gallery app (web and desktop).
#[component]
pub fn Gallery() -> Element {
    let route = use_signal(|| GalleryRoute::parse(&platform::initial_hash(), DEFAULT_STORY));
    let system_dark = use_hook(platform::system_prefers_dark);
    use_hook(move || {
        platform::on_hash_change(move |hash| {
            let parsed = GalleryRoute::parse(&hash, DEFAULT_STORY);
            let mut route = route;
            if *route.peek() != parsed {
                route.set(parsed);
            }
        });
    });
    use_effect(move || platform::set_hash(&route.read().to_hash()));
    let mut events = use_signal(Vec::<LoggedEvent>::new);
    let log_event = move |event: ConnectUiEvent| {
        let kind = event.event_type().to_owned();
        let detail = describe_event(&event);
        // Deferred: events may arrive while the canvas renders.
        spawn(async move {
            let n = events.peek().len() + 1;
            events.write().push(LoggedEvent { n, kind, detail });
        });
    };

    // The story table for tools (the browser tests walk every story and state from it).
    let registry_json = use_hook(registry::registry_json);

    let current = route.read().clone();
    let chrome_theme = match current.controls.theme {
        ThemeChoice::Light => "light",
        ThemeChoice::Dark => "dark",
        ThemeChoice::System if system_dark => "dark",
        ThemeChoice::System => "light",
    };
    let go = move |next: GalleryRoute| {
        if *route.peek() != next {
            events.write().clear();
            let mut route = route;
            route.set(next);
        }
    };
    rsx! {
        style { dangerous_inner_html: GALLERY_CSS }
        script { id: "gx-registry", r#type: "application/json", {registry_json} }
        div { class: "gx", "data-theme": chrome_theme,
            a { class: "gx-skip", href: "#gx-main", "Skip to the story" }
            header { class: "gx-top",
                div { class: "gx-brand",
                    span { class: "gx-brand__mark", aria_hidden: "true", "N" }
                    span { class: "gx-brand__name", "Nango Connect UI" }
                    span { class: "gx-brand__tag", "for Dioxus · Gallery" }
                }
                nav { class: "gx-tabs", aria_label: "Sections",
                    TabLink {
                        label: "Stories",
                        active: matches!(current.page, Page::Story(_)),
                        target: GalleryRoute { page: Page::Story(DEFAULT_STORY.to_owned()), controls: current.controls.clone() },
                        on_go: go,
                    }
                    TabLink {
                        label: "Live",
                        active: current.page == Page::Live,
                        target: GalleryRoute { page: Page::Live, controls: current.controls.clone() },
                        on_go: go,
                    }
                }
            }
            div { class: "gx-body",
                Sidebar { route: current.clone(), on_go: go }
                main { id: "gx-main", class: "gx-main", tabindex: "-1",
                    match &current.page {
                        Page::Story(id) => match registry::find(id) {
                            Some(story) => rsx! {
                                StoryPage {
                                    story: story.id.to_string(),
                                    route: current.clone(),
                                    system_dark,
                                    events: events(),
                                    on_go: go,
                                    on_event: log_event,
                                }
                            },
                            None => rsx! {
                                div { class: "gx-story-head",
                                    h1 { "Story not found" }
                                    p { "There is no story called “{id}”. Pick one in the sidebar." }
                                }
                            },
                        },
                        Page::Live => rsx! { LivePage { controls: current.controls.clone(), on_go: go } },
                    }
                }
            }
        }
    }
}

/// A header tab.
#[component]
fn TabLink(
    label: &'static str,
    active: bool,
    target: GalleryRoute,
    on_go: EventHandler<GalleryRoute>,
) -> Element {
    let href = target.to_hash();
    rsx! {
        a {
            class: "gx-tab",
            href: "{href}",
            aria_current: if active { "page" } else { "false" },
            onclick: move |evt| {
                evt.prevent_default();
                on_go.call(target.clone());
            },
            "{label}"
        }
    }
}

/// The sidebar: stories grouped by screen.
#[component]
fn Sidebar(route: GalleryRoute, on_go: EventHandler<GalleryRoute>) -> Element {
    let current = match &route.page {
        Page::Story(id) => id.clone(),
        Page::Live => String::new(),
    };
    let total = registry::stories().len();
    rsx! {
        nav { class: "gx-sidebar", aria_label: "Stories",
            p { class: "gx-sidebar__count", "{total} stories" }
            for group in StoryGroup::ALL {
                section { class: "gx-group", key: "{group.title()}",
                    h2 { class: "gx-group__title", "{group.title()}" }
                    ul { class: "gx-group__list",
                        for story in registry::stories().iter().filter(|s| s.group == group) {
                            li { key: "{story.id}",
                                StoryLink {
                                    story: story.id.to_string(),
                                    title: story.title.to_string(),
                                    active: story.id == current,
                                    controls: route.controls.clone(),
                                    on_go,
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One sidebar entry.
#[component]
fn StoryLink(
    story: String,
    title: String,
    active: bool,
    controls: Controls,
    on_go: EventHandler<GalleryRoute>,
) -> Element {
    let target = GalleryRoute {
        page: Page::Story(story),
        controls,
    };
    let href = target.to_hash();
    rsx! {
        a {
            class: "gx-story-link",
            href: "{href}",
            aria_current: if active { "page" } else { "false" },
            onclick: move |evt| {
                evt.prevent_default();
                on_go.call(target.clone());
            },
            "{title}"
        }
    }
}

/// A story: heading, controls, canvas, snippet and events.
#[component]
fn StoryPage(
    story: String,
    route: GalleryRoute,
    system_dark: bool,
    events: Vec<LoggedEvent>,
    on_go: EventHandler<GalleryRoute>,
    on_event: EventHandler<ConnectUiEvent>,
) -> Element {
    let Some(found) = registry::find(&story) else {
        return rsx! {};
    };
    let controls = route.controls.clone();
    let canvas_key = route.to_hash();
    let snippet = found
        .snippet
        .replace("KEY", form_key(found).unwrap_or("github"));
    rsx! {
        div { class: "gx-story-head",
            p { class: "gx-eyebrow", "{found.group.title()}" }
            h1 { class: "gx-story-title", "{found.title}" }
            p { class: "gx-story-summary",
                "{found.summary} "
                code { class: "gx-url", title: "This story's link", "{canvas_key}" }
            }
        }
        ControlsBar { story: found.id.to_string(), route: route.clone(), on_go }
        section { class: "gx-stage", aria_label: "Canvas",
            div {
                class: "gx-frame",
                "data-viewport": controls.viewport.as_str(),
                for key in std::iter::once(canvas_key.clone()) {
                    StoryCanvas {
                        key: "{key}",
                        story: found.id.to_string(),
                        controls: controls.clone(),
                        system_dark,
                        on_event,
                    }
                }
            }
        }
        div { class: "gx-panels",
            section { class: "gx-panel", aria_labelledby: "gx-code-title",
                h2 { id: "gx-code-title", class: "gx-panel__title", "Rust" }
                pre { class: "gx-code", tabindex: "0", aria_label: "Rust snippet",
                    code { class: "language-rust", "{snippet}" }
                }
            }
            EventLog { events }
        }
    }
}

/// The integration key of a form story (for its snippet).
fn form_key(story: &Story) -> Option<&'static str> {
    story.controls.auth_mode?;
    crate::stories::forms::FORM_KEYS
        .iter()
        .find(|(id, _)| *id == story.id)
        .map(|(_, key)| *key)
}

/// The event log panel.
#[component]
pub fn EventLog(events: Vec<LoggedEvent>) -> Element {
    rsx! {
        section { class: "gx-panel", aria_labelledby: "gx-events-title",
            h2 { id: "gx-events-title", class: "gx-panel__title", "Events" }
            if events.is_empty() {
                p { class: "gx-muted", "No ConnectUiEvent yet." }
            } else {
                // Focusable: the log scrolls once it is long, and keyboards must reach it.
                ol { class: "gx-events", aria_live: "polite", tabindex: "0", aria_label: "Event log",
                    for event in events {
                        li { key: "{event.n}", class: "gx-event",
                            span { class: "gx-event__n", "{event.n}" }
                            span { class: "gx-event__kind", "data-kind": "{event.kind}", "{event.kind}" }
                            if !event.detail.is_empty() {
                                code { class: "gx-event__detail", "{event.detail}" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The controls of the current story.
#[component]
fn ControlsBar(story: String, route: GalleryRoute, on_go: EventHandler<GalleryRoute>) -> Element {
    let Some(found) = registry::find(&story) else {
        return rsx! {};
    };
    let controls = route.controls.clone();
    let with = {
        let route = route.clone();
        move |change: &dyn Fn(&mut GalleryRoute)| {
            let mut next = route.clone();
            change(&mut next);
            on_go.call(next);
        }
    };
    let primary_value = controls
        .primary
        .clone()
        .unwrap_or_else(|| "#00b2e3".to_owned());
    let modes = registry::auth_mode_stories();
    rsx! {
        section { class: "gx-controls", aria_label: "Controls",
            div { class: "gx-control", role: "group", aria_labelledby: "gx-theme-label",
                span { id: "gx-theme-label", class: "gx-control__label", "Theme" }
                div { class: "gx-segmented",
                    for choice in ThemeChoice::ALL {
                        button {
                            key: "{choice.as_str()}",
                            r#type: "button",
                            class: "gx-segment",
                            aria_pressed: if controls.theme == choice { "true" } else { "false" },
                            onclick: {
                                let with = with.clone();
                                move |_| with(&|r: &mut GalleryRoute| r.controls.theme = choice)
                            },
                            "{choice.label()}"
                        }
                    }
                }
            }
            div { class: "gx-control",
                label { r#for: "gx-lang", class: "gx-control__label", "Language" }
                select {
                    id: "gx-lang",
                    class: "gx-select",
                    onchange: {
                        let with = with.clone();
                        move |evt: FormEvent| {
                            if let Some(language) = Language::from_tag(&evt.value()) {
                                with(&|r: &mut GalleryRoute| r.controls.language = language);
                            }
                        }
                    },
                    for language in Language::ALL {
                        option {
                            key: "{language.tag()}",
                            value: "{language.tag()}",
                            selected: language == controls.language,
                            "{language.native_name()} ({language.tag()})"
                        }
                    }
                }
            }
            div { class: "gx-control", role: "group", aria_labelledby: "gx-primary-label",
                span { id: "gx-primary-label", class: "gx-control__label", "Primary colour" }
                div { class: "gx-swatches",
                    for (colour, name) in PRIMARY_SWATCHES.iter().copied() {
                        button {
                            key: "{colour}",
                            r#type: "button",
                            class: "gx-swatch",
                            style: "--gx-swatch: {colour}",
                            aria_label: "{name} ({colour})",
                            title: "{name}",
                            aria_pressed: if primary_value.eq_ignore_ascii_case(colour) { "true" } else { "false" },
                            onclick: {
                                let with = with.clone();
                                move |_| {
                                    let value = (colour != "#00b2e3").then(|| colour.to_owned());
                                    with(&|r: &mut GalleryRoute| r.controls.primary = value.clone());
                                }
                            },
                        }
                    }
                    input {
                        r#type: "color",
                        class: "gx-colour",
                        aria_label: "Custom primary colour",
                        value: "{primary_value}",
                        onchange: {
                            let with = with.clone();
                            move |evt: FormEvent| {
                                let value = evt.value();
                                if crate::route::is_colour(&value) {
                                    with(&|r: &mut GalleryRoute| r.controls.primary = Some(value.clone()));
                                }
                            }
                        },
                    }
                }
            }
            div { class: "gx-control", role: "group", aria_labelledby: "gx-width-label",
                span { id: "gx-width-label", class: "gx-control__label", "Viewport" }
                div { class: "gx-segmented",
                    for viewport in Viewport::ALL {
                        button {
                            key: "{viewport.as_str()}",
                            r#type: "button",
                            class: "gx-segment",
                            aria_pressed: if controls.viewport == viewport { "true" } else { "false" },
                            onclick: {
                                let with = with.clone();
                                move |_| with(&|r: &mut GalleryRoute| r.controls.viewport = viewport)
                            },
                            "{viewport.label()}"
                        }
                    }
                }
            }
            if let Some(entry) = found.controls.auth_mode {
                div { class: "gx-control",
                    label { r#for: "gx-mode", class: "gx-control__label", "Auth mode" }
                    select {
                        id: "gx-mode",
                        class: "gx-select",
                        onchange: {
                            let with = with.clone();
                            move |evt: FormEvent| {
                                let id = evt.value();
                                with(&|r: &mut GalleryRoute| r.page = Page::Story(id.clone()));
                            }
                        },
                        for (mode, id) in modes.iter().copied() {
                            option {
                                key: "{id}",
                                value: "{id}",
                                selected: id == found.id,
                                {format!("{mode} · {}", registry::find(id).map(|s| s.title).unwrap_or(id))}
                            }
                        }
                    }
                    span { class: "gx-sr-only", "Current: {entry.mode}" }
                }
            }
            if found.controls.values {
                div { class: "gx-control",
                    label { r#for: "gx-values", class: "gx-control__label", "Values" }
                    select {
                        id: "gx-values",
                        class: "gx-select",
                        onchange: {
                            let with = with.clone();
                            move |evt: FormEvent| {
                                if let Some(values) = FormValuesChoice::parse(&evt.value()) {
                                    with(&|r: &mut GalleryRoute| r.controls.values = values);
                                }
                            }
                        },
                        for choice in FormValuesChoice::ALL {
                            option {
                                key: "{choice.as_str()}",
                                value: "{choice.as_str()}",
                                selected: choice == controls.values,
                                "{choice.label()}"
                            }
                        }
                    }
                }
            }
        }
    }
}

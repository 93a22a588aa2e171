//! The integrations list (connect-ui §2.4) with our additions: an instant search box, keyboard
//! navigation between cards, a polite result count, and windowed rendering so the 981-provider
//! catalogue keeps only the visible cards in the DOM. Also the empty state.

pub mod search;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use dioxus::html::geometry::PixelsVector2D;
use dioxus::html::{ScrollBehavior, ScrollLogicalPosition, ScrollToOptions};
use dioxus::prelude::*;
use dioxus_i18n::fluent::{FluentArgs, FluentValue};
use nango_core::ProviderConfigKey;
use nango_core::session::Integration;

pub use search::{SearchIndex, fold};

use super::Shared;
use super::icons::{Icon, IconName, Spinner};
use super::logo::{LogoSize, LogoTile};
use super::shell::{DialogHeader, TITLE_ID};
use crate::i18n::{MessageKey, use_connect_i18n};

/// Height of one card row in px (64 px card + 8 px gap); the list is windowed on it.
pub const ROW_HEIGHT: f64 = 72.0;
/// Rows rendered beyond each edge of the viewport.
pub const OVERSCAN: usize = 4;
/// Viewport height assumed before the list reports its own.
pub const DEFAULT_VIEWPORT: f64 = 560.0;

/// The rows to render for `count` rows scrolled by `scroll_top` in a `viewport`-high box.
pub fn visible_range(count: usize, scroll_top: f64, viewport: f64) -> Range<usize> {
    let scroll_top = if scroll_top.is_finite() {
        scroll_top.max(0.0)
    } else {
        0.0
    };
    let viewport = if viewport.is_finite() && viewport > 0.0 {
        viewport
    } else {
        DEFAULT_VIEWPORT
    };
    let first = (scroll_top / ROW_HEIGHT).floor() as usize;
    let shown = (viewport / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(count);
    let end = first.saturating_add(shown + OVERSCAN).min(count);
    start..end
}

/// Records the list's measured height (ignoring nonsense and unchanged values, so a resize
/// observer firing with the same size does not re-render).
fn set_viewport(mut viewport: Signal<f64>, height: f64) {
    if height.is_finite() && height > 0.0 && (*viewport.peek() - height).abs() >= 0.5 {
        viewport.set(height);
    }
}

/// The DOM id of a card (stable: derived from the integration key).
pub fn card_id(key: &ProviderConfigKey) -> String {
    let safe: String = key
        .as_str()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("nc-card-{safe}")
}

/// The list screen (or the empty state when there are no integrations).
#[component]
pub fn IntegrationsView(
    /// The integrations, in server order.
    integrations: Shared<Vec<Integration>>,
    /// The card whose provider is loading.
    #[props(default)]
    pending: Option<ProviderConfigKey>,
    /// The card that failed to load with a network error.
    #[props(default)]
    card_error: Option<ProviderConfigKey>,
    /// A card was activated.
    on_select: EventHandler<ProviderConfigKey>,
    /// Shows the close X (and the empty state's Close button) when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
    /// The initial search text (gallery stories, tests).
    #[props(default)]
    initial_query: String,
) -> Element {
    if integrations.0.is_empty() {
        return rsx! { EmptyIntegrations { on_close } };
    }
    let i18n = use_connect_i18n();
    let mut query = use_signal(|| initial_query.clone());
    let shown_query = use_hook(|| initial_query.clone());
    // The folded search keys, rebuilt only when a different list arrives.
    let index_cache = use_hook(|| {
        Rc::new(RefCell::new((
            integrations.clone(),
            Rc::new(SearchIndex::new(&integrations.0)),
        )))
    });
    if index_cache.borrow().0 != integrations {
        *index_cache.borrow_mut() = (
            integrations.clone(),
            Rc::new(SearchIndex::new(&integrations.0)),
        );
    }
    let active_index = index_cache.borrow().1.clone();
    let results: Rc<Vec<usize>> = Rc::new(active_index.filter(&query()));
    let mut scroll_top = use_signal(|| 0.0_f64);
    let viewport = use_signal(|| DEFAULT_VIEWPORT);
    let mut cards: Signal<HashMap<String, Rc<MountedData>>> = use_signal(HashMap::new);
    let mut list_element: Signal<Option<Rc<MountedData>>> = use_signal(|| None);
    let mut search_element: Signal<Option<Rc<MountedData>>> = use_signal(|| None);

    let range = visible_range(results.len(), scroll_top(), viewport());
    let total_height = results.len() as f64 * ROW_HEIGHT;
    let count_text = {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(results.len()));
        i18n.format_id(MessageKey::IntegrationsListResultCount.id(), Some(&args))
    };
    let searching = !query().trim().is_empty();
    let error_name = card_error.as_ref().and_then(|key| {
        integrations
            .0
            .iter()
            .find(|i| &i.unique_key == key)
            .map(|i| i.display_name.clone())
    });

    // Focus the card at `position` of the results (scrolling it into the window first).
    let focus_position = {
        let integrations = integrations.clone();
        let results = results.clone();
        move |position: usize| {
            let Some(item) = results.get(position).and_then(|&i| integrations.0.get(i)) else {
                return;
            };
            let id = card_id(&item.unique_key);
            let top = position as f64 * ROW_HEIGHT;
            let view = viewport();
            let current = scroll_top();
            if top < current || top + ROW_HEIGHT > current + view {
                let target = if top < current {
                    top
                } else {
                    top + ROW_HEIGHT - view
                };
                scroll_top.set(target.max(0.0));
                if let Some(list) = list_element() {
                    spawn(async move {
                        let _ = list
                            .scroll(
                                PixelsVector2D::new(0.0, target.max(0.0)),
                                ScrollBehavior::Instant,
                            )
                            .await;
                    });
                }
            }
            if let Some(card) = cards.peek().get(&id).cloned() {
                spawn(async move {
                    let _ = card.set_focus(true).await;
                    let _ = card
                        .scroll_to_with_options(ScrollToOptions {
                            behavior: ScrollBehavior::Instant,
                            vertical: ScrollLogicalPosition::Nearest,
                            horizontal: ScrollLogicalPosition::Nearest,
                        })
                        .await;
                });
            }
        }
    };
    let mut focus_from_search = focus_position.clone();
    let results_for_search = results.clone();
    // `aria-controls` must name an element that exists: the list is not rendered without results.
    let controls_list = (!results.is_empty()).then_some("nc-integration-list");
    let integrations_for_search = integrations.clone();

    rsx! {
        div { class: "nc-view", "data-screen": "list",
            DialogHeader { on_close }
            div { class: "nc-list-intro",
                h1 { id: TITLE_ID, class: "nc-title", {i18n.text(MessageKey::IntegrationsListTitle)} }
                p { class: "nc-lead", {i18n.text(MessageKey::IntegrationsListDescription)} }
            }
            div { class: "nc-search",
                label { r#for: "nc-search-input", class: "nc-sr-only",
                    {i18n.text(MessageKey::IntegrationsListSearchLabel)}
                }
                Icon { name: IconName::Search, class: "nc-search__icon".to_string() }
                input {
                    id: "nc-search-input",
                    class: "nc-search__input",
                    r#type: "search",
                    autocomplete: "off",
                    spellcheck: "false",
                    placeholder: i18n.text(MessageKey::IntegrationsListSearchPlaceholder),
                    aria_controls: controls_list,
                    aria_describedby: "nc-search-count",
                    // Uncontrolled (see `FieldView`): written once, so fast typing never races a
                    // re-render writing back an older query.
                    "value": "{shown_query}",
                    onmounted: move |evt| search_element.set(Some(evt.data())),
                    oninput: move |evt| {
                        query.set(evt.value());
                        scroll_top.set(0.0);
                        if let Some(list) = list_element() {
                            spawn(async move {
                                let _ = list.scroll(PixelsVector2D::new(0.0, 0.0), ScrollBehavior::Instant).await;
                            });
                        }
                    },
                    onkeydown: move |evt: KeyboardEvent| match evt.key() {
                        Key::ArrowDown => {
                            evt.prevent_default();
                            focus_from_search(0);
                        }
                        Key::Enter => {
                            evt.prevent_default();
                            if let Some(item) = results_for_search.first().and_then(|&i| integrations_for_search.0.get(i)) {
                                on_select.call(item.unique_key.clone());
                            }
                        }
                        _ => {}
                    },
                }
            }
            div {
                id: "nc-search-count",
                class: "nc-sr-only",
                role: "status",
                aria_live: "polite",
                aria_atomic: "true",
                if searching { "{count_text}" }
            }
            if let Some(name) = error_name {
                div { class: "nc-alert nc-alert--error", role: "alert", "data-testid": "card-error",
                    Icon { name: IconName::Warning }
                    span {
                        strong { "{name}" }
                        " — "
                        {i18n.text(MessageKey::IntegrationsListError)}
                        " "
                        {i18n.text(MessageKey::IntegrationsListErrorRetry)}
                    }
                }
            }
            if results.is_empty() {
                p { class: "nc-list-empty", "data-testid": "no-results",
                    {i18n.text_with(MessageKey::IntegrationsListNoResults, &[("query", query().trim())])}
                }
            } else {
                div {
                    id: "nc-integration-list",
                    class: "nc-list",
                    role: "list",
                    "data-count": "{results.len()}",
                    onmounted: move |evt| {
                        let list = evt.data();
                        list_element.set(Some(list.clone()));
                        // The real height, before any scroll or resize event reports it.
                        spawn(async move {
                            if let Ok(rect) = list.get_client_rect().await {
                                set_viewport(viewport, rect.height());
                            }
                        });
                    },
                    onresize: move |evt: ResizeEvent| {
                        if let Ok(size) = evt.data().get_content_box_size() {
                            set_viewport(viewport, size.height);
                        }
                    },
                    onscroll: move |evt| {
                        let data = evt.data();
                        scroll_top.set(data.scroll_top());
                        set_viewport(viewport, f64::from(data.client_height()));
                    },
                    div { class: "nc-list__spacer", style: "height: {total_height}px;",
                        for position in range {
                            {
                                let item = &integrations.0[results[position]];
                                let key = item.unique_key.clone();
                                let id = card_id(&key);
                                let busy = pending.as_ref() == Some(&key);
                                let top = position as f64 * ROW_HEIGHT;
                                let select_key = key.clone();
                                let mut focus_key = focus_position.clone();
                                let mount_id = id.clone();
                                let last = results.len().saturating_sub(1);
                                rsx! {
                                    div {
                                        key: "{id}",
                                        class: "nc-list__row",
                                        role: "listitem",
                                        style: "transform: translateY({top}px);",
                                        button {
                                            id: "{id}",
                                            r#type: "button",
                                            class: "nc-card",
                                            "data-testid": "integration-card",
                                            "data-key": "{key}",
                                            aria_label: i18n.text_with(MessageKey::IntegrationsListConnectTo, &[("provider", &item.display_name)]),
                                            aria_busy: if busy { "true" } else { "false" },
                                            onmounted: move |evt| {
                                                cards.write().insert(mount_id.clone(), evt.data());
                                            },
                                            onclick: move |_| on_select.call(select_key.clone()),
                                            onkeydown: move |evt: KeyboardEvent| match evt.key() {
                                                Key::ArrowDown if position < last => {
                                                    evt.prevent_default();
                                                    focus_key(position + 1);
                                                }
                                                Key::ArrowUp if position > 0 => {
                                                    evt.prevent_default();
                                                    focus_key(position - 1);
                                                }
                                                Key::ArrowUp => {
                                                    evt.prevent_default();
                                                    if let Some(search) = search_element() {
                                                        spawn(async move { let _ = search.set_focus(true).await; });
                                                    }
                                                }
                                                Key::Home => {
                                                    evt.prevent_default();
                                                    focus_key(0);
                                                }
                                                Key::End => {
                                                    evt.prevent_default();
                                                    focus_key(last);
                                                }
                                                _ => {}
                                            },
                                            LogoTile { src: item.logo.clone(), name: item.display_name.clone(), size: LogoSize::Card }
                                            span { class: "nc-card__name", title: "{item.display_name}", "{item.display_name}" }
                                            if busy {
                                                Spinner { class: "nc-card__trail".to_string() }
                                            } else {
                                                Icon { name: IconName::ArrowRight, class: "nc-card__trail".to_string() }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The empty state: no integration is available to this session.
#[component]
pub fn EmptyIntegrations(
    /// Shows the close X and the Close button when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    rsx! {
        div { class: "nc-view", "data-screen": "empty",
            DialogHeader { on_close }
            div { class: "nc-view__body nc-view__body--centered nc-empty",
                div { class: "nc-empty__art", Icon { name: IconName::Plug } }
                h1 { id: TITLE_ID, class: "nc-title", {i18n.text(MessageKey::IntegrationsListNoIntegrations)} }
                p { class: "nc-lead", {i18n.text(MessageKey::IntegrationsListNoIntegrationsDescription)} }
            }
            if let Some(handler) = on_close {
                button {
                    r#type: "button",
                    class: "nc-button nc-button--secondary",
                    "data-testid": "empty-close",
                    onclick: move |_| handler.call(()),
                    {i18n.text(MessageKey::CommonClose)}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_of_a_short_list_is_everything() {
        assert_eq!(visible_range(3, 0.0, 560.0), 0..3);
        assert_eq!(visible_range(0, 0.0, 560.0), 0..0);
    }

    #[test]
    fn window_of_the_full_catalogue_stays_small() {
        let top = visible_range(981, 0.0, 560.0);
        assert_eq!(top.start, 0);
        assert!(top.len() <= 40, "{top:?}");
        let middle = visible_range(981, 500.0 * ROW_HEIGHT, 560.0);
        assert!(middle.contains(&500) && middle.contains(&507), "{middle:?}");
        assert!(middle.len() <= 40, "{middle:?}");
        let end = visible_range(981, 981.0 * ROW_HEIGHT, 560.0);
        assert_eq!(end.end, 981);
    }

    #[test]
    fn window_ignores_nonsense_geometry() {
        assert_eq!(visible_range(5, f64::NAN, -1.0), 0..5);
        assert_eq!(visible_range(5, -100.0, f64::INFINITY), 0..5);
    }

    #[test]
    fn card_ids_are_safe() {
        assert_eq!(card_id(&"github".into()), "nc-card-github");
        assert_eq!(card_id(&"a b/c".into()), "nc-card-a_b_c");
    }
}

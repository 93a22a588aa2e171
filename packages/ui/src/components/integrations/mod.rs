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

/// A usable viewport height: [`DEFAULT_VIEWPORT`] for nonsense.
fn usable_viewport(viewport: f64) -> f64 {
    if viewport.is_finite() && viewport > 0.0 {
        viewport
    } else {
        DEFAULT_VIEWPORT
    }
}

/// Rows that fit a `viewport`-high box, plus one for a partly scrolled row.
fn rows_in_view(viewport: f64) -> usize {
    (usable_viewport(viewport) / ROW_HEIGHT).ceil() as usize + 1
}

/// The rows to render for `count` rows scrolled by `scroll_top` in a `viewport`-high box.
pub fn visible_range(count: usize, scroll_top: f64, viewport: f64) -> Range<usize> {
    let scroll_top = if scroll_top.is_finite() {
        scroll_top.max(0.0)
    } else {
        0.0
    };
    let first = (scroll_top / ROW_HEIGHT).floor() as usize;
    let shown = rows_in_view(viewport);
    let start = first.saturating_sub(OVERSCAN).min(count);
    let end = first.saturating_add(shown + OVERSCAN).min(count);
    start..end
}

/// The number of row elements the list keeps for a `viewport`-high box: the longest range
/// [`visible_range`] returns for it.
///
/// A row is keyed by its slot, `position % window_slots`: a new search or a scroll patches the
/// text and attributes of the row elements already in the DOM instead of removing and creating
/// them, and a scroll by one row moves a single element from one edge to the other.
pub fn window_slots(viewport: f64) -> usize {
    rows_in_view(viewport) + 2 * OVERSCAN
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

/// Where a key press on a card moves the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardMove {
    /// To the card at this position of the results.
    To(usize),
    /// Back to the search box.
    Search,
}

/// The list screen (or the empty state when there are no integrations).
///
/// A keystroke in the search box re-renders this component only: the filter runs over search
/// keys folded once per list ([`SearchIndex`]), and each visible card is its own memoised
/// [`IntegrationCard`] keyed by its slot (see [`window_slots`]), so only cards whose content
/// changed are re-rendered and their DOM elements are patched in place.
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
    let query_text = query.read().clone();
    let results: Rc<Vec<usize>> = Rc::new(active_index.filter(&query_text));
    let mut scroll_top = use_signal(|| 0.0_f64);
    let viewport = use_signal(|| DEFAULT_VIEWPORT);
    // The card buttons by slot, for keyboard focus (not a signal: nothing renders from it).
    let cards: Rc<RefCell<HashMap<usize, Rc<MountedData>>>> = use_hook(Rc::default);
    // A card to focus once a scroll has brought it into the rendered window.
    let mut pending_focus: Signal<Option<usize>> = use_signal(|| None);
    let mut list_element: Signal<Option<Rc<MountedData>>> = use_signal(|| None);
    let mut search_element: Signal<Option<Rc<MountedData>>> = use_signal(|| None);

    let current_viewport = viewport();
    let range = visible_range(results.len(), scroll_top(), current_viewport);
    let slots = window_slots(current_viewport);
    let total_height = results.len() as f64 * ROW_HEIGHT;
    let searching = !query_text.trim().is_empty();
    // Only announced while searching, so only formatted then.
    let count_text = if searching {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(results.len()));
        i18n.format_id(MessageKey::IntegrationsListResultCount.id(), Some(&args))
    } else {
        String::new()
    };
    let error_name = card_error.as_ref().and_then(|key| {
        integrations
            .0
            .iter()
            .find(|i| &i.unique_key == key)
            .map(|i| i.display_name.clone())
    });

    // Focuses the card at `position` of the results, scrolling it into the window first.
    let focus_position = {
        let results = results.clone();
        let cards = cards.clone();
        move |position: usize| {
            if position >= results.len() {
                return;
            }
            let top = position as f64 * ROW_HEIGHT;
            let view = *viewport.peek();
            let current = *scroll_top.peek();
            let mut target_top = current;
            if top < current || top + ROW_HEIGHT > current + view {
                let target = if top < current {
                    top
                } else {
                    top + ROW_HEIGHT - view
                };
                target_top = target.max(0.0);
                scroll_top.set(target_top);
                if let Some(list) = list_element.peek().clone() {
                    spawn(async move {
                        let _ = list
                            .scroll(
                                PixelsVector2D::new(0.0, target_top),
                                ScrollBehavior::Instant,
                            )
                            .await;
                    });
                }
            }
            let rendered = visible_range(results.len(), current, view);
            let after_scroll = visible_range(results.len(), target_top, view);
            if rendered.contains(&position) && after_scroll.contains(&position) {
                focus_card(&cards, window_slots(view), position);
            } else {
                // The card's element shows another row until the scroll re-renders the window.
                pending_focus.set(Some(position));
            }
        }
    };
    // After a re-render that brought a pending card into the window, focus it.
    {
        let cards = cards.clone();
        use_effect(move || {
            let Some(position) = pending_focus() else {
                return;
            };
            let view = *viewport.peek();
            // (The position was checked against the results when it was requested.)
            if visible_range(usize::MAX, *scroll_top.peek(), view).contains(&position) {
                pending_focus.set(None);
                focus_card(&cards, window_slots(view), position);
            }
        });
    }
    let on_move = use_callback({
        let mut focus_position = focus_position.clone();
        move |movement: CardMove| match movement {
            CardMove::To(position) => focus_position(position),
            CardMove::Search => {
                if let Some(search) = search_element.peek().clone() {
                    spawn(async move {
                        let _ = search.set_focus(true).await;
                    });
                }
            }
        }
    });
    let on_card_mounted = use_callback({
        let cards = cards.clone();
        move |(slot, card): (usize, Rc<MountedData>)| {
            cards.borrow_mut().insert(slot, card);
        }
    });
    let mut focus_from_search = focus_position;
    let results_for_search = results.clone();
    // `aria-controls` must name an element that exists: the list is not rendered without results.
    let controls_list = (!results.is_empty()).then_some("nc-integration-list");
    let integrations_for_search = integrations.clone();
    let last = results.len().saturating_sub(1);

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
                        let value = evt.value();
                        if *query.peek() != value {
                            query.set(value);
                        }
                        // New results start at the top; scrolling (a forced layout) only when
                        // the list is not there already.
                        if *scroll_top.peek() != 0.0 {
                            scroll_top.set(0.0);
                            if let Some(list) = list_element.peek().clone() {
                                spawn(async move {
                                    let _ = list.scroll(PixelsVector2D::new(0.0, 0.0), ScrollBehavior::Instant).await;
                                });
                            }
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
                    {i18n.text_with(MessageKey::IntegrationsListNoResults, &[("query", query_text.trim())])}
                }
            } else {
                div {
                    id: "nc-integration-list",
                    class: "nc-list",
                    role: "list",
                    "data-count": "{results.len()}",
                    onmounted: move |evt| list_element.set(Some(evt.data())),
                    // The real height: a resize observer reports it once the list is laid out,
                    // before that frame is painted (measuring it at mount would force a layout
                    // of the whole page before the first card is even in it).
                    onresize: move |evt: ResizeEvent| {
                        if let Ok(size) = evt.data().get_content_box_size() {
                            set_viewport(viewport, size.height);
                        }
                    },
                    onscroll: move |evt| {
                        let data = evt.data();
                        let top = data.scroll_top();
                        if *scroll_top.peek() != top {
                            scroll_top.set(top);
                        }
                        set_viewport(viewport, f64::from(data.client_height()));
                    },
                    div { class: "nc-list__spacer", style: "height: {total_height}px;",
                        for position in range {
                            IntegrationCard {
                                key: "{position % slots}",
                                integrations: integrations.clone(),
                                index: results.get(position).copied().unwrap_or(usize::MAX),
                                position,
                                last,
                                slot: position % slots,
                                busy: pending.as_ref().is_some_and(|key| {
                                    results.get(position).and_then(|&i| integrations.0.get(i)).is_some_and(|item| &item.unique_key == key)
                                }),
                                on_select,
                                on_move,
                                on_mounted: on_card_mounted,
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Focuses the card button rendering `position` (its element is the one of its slot).
fn focus_card(cards: &RefCell<HashMap<usize, Rc<MountedData>>>, slots: usize, position: usize) {
    let Some(card) = cards.borrow().get(&(position % slots.max(1))).cloned() else {
        return;
    };
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

/// One card of the windowed list: a button with the integration's logo and name, placed at its
/// position. Memoised: re-renders only when its integration, position or busy state changes
/// (the callbacks are stable handles).
#[component]
pub fn IntegrationCard(
    /// The whole list (compared by identity).
    integrations: Shared<Vec<Integration>>,
    /// Which integration of the list this card shows (out of range: renders nothing).
    index: usize,
    /// The card's position in the search results.
    position: usize,
    /// The last position of the search results (End, ArrowDown).
    last: usize,
    /// The row element this card renders into (see [`window_slots`]).
    slot: usize,
    /// Its provider is loading.
    busy: bool,
    /// The card was activated.
    on_select: EventHandler<ProviderConfigKey>,
    /// A key asked to move the focus.
    on_move: EventHandler<CardMove>,
    /// The card's button is in the DOM (its slot and element).
    on_mounted: EventHandler<(usize, Rc<MountedData>)>,
) -> Element {
    let i18n = use_connect_i18n();
    let Some(item) = integrations.0.get(index) else {
        return rsx! {};
    };
    let key = item.unique_key.clone();
    let id = card_id(&key);
    let top = position as f64 * ROW_HEIGHT;
    rsx! {
        div {
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
                onmounted: move |evt| on_mounted.call((slot, evt.data())),
                onclick: move |_| on_select.call(key.clone()),
                onkeydown: move |evt: KeyboardEvent| {
                    let movement = match evt.key() {
                        Key::ArrowDown if position < last => Some(CardMove::To(position + 1)),
                        Key::ArrowUp if position > 0 => Some(CardMove::To(position - 1)),
                        Key::ArrowUp => Some(CardMove::Search),
                        Key::Home => Some(CardMove::To(0)),
                        Key::End => Some(CardMove::To(last)),
                        _ => None,
                    };
                    if let Some(movement) = movement {
                        evt.prevent_default();
                        on_move.call(movement);
                    }
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
    fn every_range_fits_the_slots() {
        for viewport in [1.0, 71.0, 72.0, 300.0, 560.0, 1000.0, f64::NAN] {
            let slots = window_slots(viewport);
            for scroll in 0..200 {
                let range = visible_range(981, f64::from(scroll) * 37.0, viewport);
                assert!(
                    range.len() <= slots,
                    "{viewport} {scroll}: {range:?} > {slots}"
                );
            }
        }
    }

    #[test]
    fn card_ids_are_safe() {
        assert_eq!(card_id(&"github".into()), "nc-card-github");
        assert_eq!(card_id(&"a b/c".into()), "nc-card-a_b_c");
    }
}

//! Every Connect UI screen as a view component with plain props (data and callbacks), so each
//! state renders from fixtures in tests and the gallery; one folder per component with its CSS.

// Used by build.rs (through `#[path]`); compiled here only for its tests.
#[cfg(test)]
mod css_minifier;
pub mod fallback;
pub mod form;
pub mod icons;
pub mod integrations;
pub mod loading;
pub mod logo;
pub mod result;
pub mod shell;
pub mod waiting;

use std::rc::Rc;

pub use fallback::ErrorView;
pub use form::{AuthFormView, DocsFooter, ExternalIdBox, FieldView, GoHandlers, GoScreen};
pub use icons::{Icon, IconName, Spinner};
pub use integrations::{EmptyIntegrations, IntegrationsView, SearchIndex};
pub use loading::LoadingView;
pub use logo::{LogoBadge, LogoSize, LogoTile};
pub use result::{FailureView, SuccessView};
pub use shell::{ConnectShell, DialogHeader, TITLE_ID};
pub use waiting::WaitingView;

/// The stylesheet of every component (after the design tokens), injected once by
/// [`ConnectShell`] as an inline `<style>`: works under SSR, web and desktop without bundling.
/// `build.rs` concatenates the design tokens and the `style.css` files and minifies them.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/connect-ui.min.css"));

/// Shared, immutable data passed as a prop: equal when it is the same allocation, so a large
/// list is never compared item by item on re-render.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(value: Rc<T>) -> Self {
        Shared(value)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

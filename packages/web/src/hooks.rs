//! Dioxus hooks: [`use_nango`], one [`Nango`] client per component, cleared on unmount.

use dioxus::prelude::*;
use nango_core::{AuthError, NangoOptions};

use crate::client::Nango;

/// A [`Nango`] client built once for this component from `options` (the closure runs on the
/// first render only). On unmount a pending popup flow is cleared (its future fails with
/// `cancelled`). The error is the constructor's (`invalid_host_url`).
///
/// ```no_run
/// use dioxus::prelude::*;
/// use nango_web::{use_nango, Nango};
/// use nango_core::{ClientAuth, ConnectSessionToken, NangoOptions};
///
/// #[component]
/// fn Connect(token: String) -> Element {
///     let nango = use_nango(|| NangoOptions {
///         auth: ClientAuth::SessionToken(ConnectSessionToken::new(token)),
///         ..NangoOptions::default()
///     });
///     rsx! { "{nango.is_ok()}" }
/// }
/// ```
pub fn use_nango(options: impl FnOnce() -> NangoOptions) -> Result<Nango, AuthError> {
    let nango = use_hook(|| Nango::new(options()));
    let on_unmount = nango.clone();
    use_drop(move || {
        if let Ok(nango) = on_unmount {
            nango.clear();
        }
    });
    nango
}

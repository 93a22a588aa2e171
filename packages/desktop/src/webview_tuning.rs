//! Lean WebKitGTK settings for the webviews this crate creates (and, if the app asks, its main
//! window's): the `DocumentViewer` cache model (no page cache, small memory caches: the Connect
//! UI is one document), no WebGL, WebAudio or media, no DNS prefetching, and no developer extras
//! in release builds. Elsewhere than WebKitGTK this does nothing.
//!
//! [`isolate_dioxus_scheme`] closes dioxus-desktop's `dioxus://` scheme to web pages of other
//! schemes in one window's WebKit context (the native OAuth window's, whose provider pages share
//! that context with the window's hidden dioxus page).
//!
//! Accelerated compositing is not switched here: WebKitGTK reads `WEBKIT_DISABLE_COMPOSITING_MODE=1`
//! only before its first web process starts, which is the app's call (examples/desktop-app sets
//! it at the top of `main`; the desktop bench measured ~100 MB less in the web process). The
//! per-webview acceleration policy, set after dioxus-desktop created the page, did not lower it.

use dioxus_desktop::DesktopContext;

/// Applies the lean settings to a dioxus window's webview and its WebKit context's cache model.
/// Safe to call more than once; call it on the main thread (a component does).
pub fn apply_lean_webview_settings(window: &DesktopContext) {
    #[cfg(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
    ))]
    {
        use dioxus_desktop::wry::WebViewExtUnix;
        tune_webkitgtk(&window.webview.webview());
    }
    #[cfg(not(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
    )))]
    {
        let _ = window;
    }
}

/// The WebKitGTK part of [`apply_lean_webview_settings`].
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
))]
fn tune_webkitgtk(webview: &webkit2gtk::WebView) {
    use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
    if let Some(context) = webview.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
    let Some(webkit) = WebViewExt::settings(webview) else {
        return;
    };
    webkit.set_enable_webgl(false);
    webkit.set_enable_webaudio(false);
    webkit.set_enable_media(false);
    webkit.set_enable_page_cache(false);
    webkit.set_enable_dns_prefetching(false);
    if !cfg!(debug_assertions) {
        webkit.set_enable_developer_extras(false);
    }
}

/// dioxus-desktop's custom scheme (its pages, events and assets).
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
))]
const DIOXUS_SCHEME: &str = "dioxus";

/// Makes `dioxus://` display-isolated in the WebKit context of `window`'s webview: only pages of
/// that scheme may load it (as a frame, image, script, fetch or navigation), so a web page in the
/// same context (the provider's sign-in page in an OAuth window, a related view of the window's
/// hidden dioxus page) cannot reach dioxus-desktop's handler (its `__events` and `__file_dialog`
/// endpoints, the app's assets). The dioxus page itself, being `dioxus://`, is unaffected.
/// WebKitGTK only; elsewhere this does nothing (the OAuth webview has a context of its own there).
pub(crate) fn isolate_dioxus_scheme(window: &DesktopContext) {
    #[cfg(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
    ))]
    {
        use dioxus_desktop::wry::WebViewExtUnix;
        use webkit2gtk::{SecurityManagerExt, WebContextExt, WebViewExt};
        if let Some(security) = window
            .webview
            .webview()
            .context()
            .and_then(|context| context.security_manager())
        {
            security.register_uri_scheme_as_display_isolated(DIOXUS_SCHEME);
        }
    }
    #[cfg(not(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
    )))]
    {
        let _ = window;
    }
}

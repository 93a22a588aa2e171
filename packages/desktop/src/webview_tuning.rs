//! Lean WebKitGTK settings for the webviews this crate creates (and, if the app asks, its main
//! window's): the `DocumentViewer` cache model (no page cache, small memory caches: the Connect
//! UI is one document), no WebGL, WebAudio or media, no DNS prefetching, and no developer extras
//! in release builds. Elsewhere than WebKitGTK this does nothing.
//!
//! [`isolate_dioxus_scheme`] closes dioxus-desktop's `dioxus://` scheme to web pages of other
//! schemes in one window's WebKit context (the native OAuth window's, whose provider pages share
//! that context with the window's hidden dioxus page).
//!
//! [`WebviewIpcBridge`] releases a closing window's webview: wry connects its IPC handler to the
//! webview's user content manager with a closure that owns the webview, a cycle WebKitGTK never
//! breaks, so a closed window's webview, its WebKit context and that context's network process
//! lived until the app exited (`cargo xtask bench desktop`, `reopen`: one more network process,
//! ~14 MB PSS / ~65 MB RSS, per Connect UI window closed; wry#590).
//!
//! Accelerated compositing is not switched here: WebKitGTK reads `WEBKIT_DISABLE_COMPOSITING_MODE=1`
//! only before its first web process starts, which is the app's call (examples/desktop-app sets
//! it at the top of `main`; the desktop bench measured ~100 MB less in the web process). The
//! per-webview acceleration policy, set after dioxus-desktop created the page, did not lower it.

use dioxus_desktop::DesktopContext;

/// Applies the lean settings to a dioxus window's webview and its WebKit context's cache model.
/// Safe to call more than once; call it on the main thread (a component does).
pub fn apply_lean_webview_settings(window: &DesktopContext) {
    #[cfg(webkitgtk)]
    {
        use dioxus_desktop::wry::WebViewExtUnix;
        tune_webkitgtk(&window.webview.webview());
    }
    #[cfg(not(webkitgtk))]
    {
        let _ = window;
    }
}

/// The WebKitGTK part of [`apply_lean_webview_settings`].
#[cfg(webkitgtk)]
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
#[cfg(webkitgtk)]
const DIOXUS_SCHEME: &str = "dioxus";

/// Makes `dioxus://` display-isolated in the WebKit context of `window`'s webview: only pages of
/// that scheme may load it (as a frame, image, script, fetch or navigation), so a web page in the
/// same context (the provider's sign-in page in an OAuth window, a related view of the window's
/// hidden dioxus page) cannot reach dioxus-desktop's handler (its `__events` and `__file_dialog`
/// endpoints, the app's assets). The dioxus page itself, being `dioxus://`, is unaffected.
/// WebKitGTK only; elsewhere this does nothing (the OAuth webview has a context of its own there).
pub(crate) fn isolate_dioxus_scheme(window: &DesktopContext) {
    #[cfg(webkitgtk)]
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
    #[cfg(not(webkitgtk))]
    {
        let _ = window;
    }
}

/// The IPC bridge wry built into a window's webview (its user content manager's
/// `script-message-received` handlers), held weakly, to release when the window closes: after
/// [`WebviewIpcBridge::release`] the page can no longer message the app, and once wry and dioxus
/// drop their handles the webview is freed, then its WebKit context and network process.
/// Elsewhere than WebKitGTK it holds nothing and releasing does nothing.
pub(crate) struct WebviewIpcBridge {
    /// The webview's user content manager (weak: the bridge keeps nothing alive).
    #[cfg(webkitgtk)]
    manager: webkit2gtk::glib::WeakRef<webkit2gtk::UserContentManager>,
}

impl WebviewIpcBridge {
    /// The bridge of `webview` (a dioxus window's `context.webview`, or a bare wry webview).
    pub(crate) fn of(webview: &dioxus_desktop::wry::WebView) -> WebviewIpcBridge {
        #[cfg(webkitgtk)]
        {
            use dioxus_desktop::wry::WebViewExtUnix;
            use webkit2gtk::WebViewExt;
            let manager = webkit2gtk::glib::WeakRef::new();
            if let Some(current) = webview.webview().user_content_manager() {
                manager.set(Some(&current));
            }
            WebviewIpcBridge { manager }
        }
        #[cfg(not(webkitgtk))]
        {
            let _ = webview;
            WebviewIpcBridge {}
        }
    }

    /// Disconnects the webview's `script-message-received` handlers (wry's IPC closure, which
    /// owns the webview). Call it only when the window closes: the page's IPC stops. Idempotent.
    pub(crate) fn release(&self) {
        #[cfg(webkitgtk)]
        if let Some(manager) = self.manager.upgrade() {
            disconnect_script_message_handlers(&manager);
        }
    }
}

/// Handlers disconnected at most per release (wry connects one per webview).
#[cfg(webkitgtk)]
const MAX_HANDLERS: usize = 16;

/// Disconnects every `script-message-received` handler of `manager` (glib-rs 0.18 has no safe
/// way to find a handler another crate connected without keeping its id).
#[cfg(webkitgtk)]
fn disconnect_script_message_handlers(manager: &webkit2gtk::UserContentManager) {
    use webkit2gtk::glib::gobject_ffi;
    use webkit2gtk::glib::object::ObjectType;
    use webkit2gtk::glib::translate::IntoGlib;
    use webkit2gtk::glib::{StaticType, Type};
    let instance = manager.as_ptr().cast::<gobject_ffi::GTypeInstance>();
    let type_: Type = webkit2gtk::UserContentManager::static_type();
    // SAFETY: `instance` is a live WebKitUserContentManager (`manager` holds a reference for the
    // whole call) and the signal name is a NUL-terminated literal; `g_signal_lookup` only reads.
    let signal = unsafe {
        gobject_ffi::g_signal_lookup(c"script-message-received".as_ptr(), type_.into_glib())
    };
    if signal == 0 {
        return;
    }
    for _ in 0..MAX_HANDLERS {
        // SAFETY: as above; matching by signal id only (no closure, function or data pointers,
        // which may be null with `G_SIGNAL_MATCH_ID`). A found id is a handler connected on
        // this instance now, so disconnecting it at once (same thread, no reentrancy between the
        // two calls) is valid; its closure and what it owns are dropped by GLib.
        let handler = unsafe {
            gobject_ffi::g_signal_handler_find(
                instance.cast(),
                gobject_ffi::G_SIGNAL_MATCH_ID,
                signal,
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        if handler == 0 {
            return;
        }
        // SAFETY: see above.
        unsafe { gobject_ffi::g_signal_handler_disconnect(instance.cast(), handler) };
    }
}

//! The little the gallery needs from its platform: the URL hash (browser) or start route
//! (desktop: `GALLERY_ROUTE` or the first argument), and the OS colour scheme.

/// The route the gallery starts on (a hash such as `#/story/list?theme=dark`).
pub fn initial_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::env::var("GALLERY_ROUTE")
            .ok()
            .or_else(|| std::env::args().nth(1))
            .unwrap_or_default()
    }
}

/// The live section's default nango-mock address: the page's own origin when nango-mock serves
/// the gallery (`cargo xtask demo` mounts it at `/gallery/`, on any port), else
/// [`DEFAULT_MOCK_URL`](crate::route::DEFAULT_MOCK_URL).
pub fn default_mock_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = web_sys::window().map(|w| w.location());
        let served_by_mock = location
            .as_ref()
            .and_then(|l| l.pathname().ok())
            .is_some_and(|path| path.starts_with("/gallery/"));
        let origin = location
            .and_then(|l| l.origin().ok())
            .filter(|origin| origin.starts_with("http://") || origin.starts_with("https://"));
        if let (true, Some(origin)) = (served_by_mock, origin) {
            return origin;
        }
    }
    crate::route::DEFAULT_MOCK_URL.to_owned()
}

/// Shows `hash` in the address bar (browser only; a no-op elsewhere).
pub fn set_hash(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let location = window.location();
        if location.hash().ok().as_deref() != Some(hash) {
            let _ = window.history().and_then(|history| {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
            });
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = hash;
}

/// Whether the OS prefers a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Calls `on_change` with the new hash whenever the user edits the URL or goes back (browser).
pub fn on_hash_change(on_change: impl Fn(String) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let closure = Closure::<dyn Fn()>::new(move || on_change(initial_hash()));
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
        }
        closure.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = on_change;
}

//! Shared helpers of the browser tests: sleeping on the event loop, small JS snippets, and
//! waiting for a future with a deadline (a hang fails the test instead of blocking it).

#![allow(dead_code)]

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds (a `setTimeout` promise).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("sleep");
}

/// Runs `body` as a JS function of `arg` and returns its result.
pub fn js(body: &str, arg: &JsValue) -> JsValue {
    js_sys::Function::new_with_args("arg", body)
        .call1(&JsValue::NULL, arg)
        .expect("JS snippet")
}

/// Awaits `future` for at most `ms` milliseconds; `None` when it did not finish in time.
pub async fn within<F: Future>(ms: i32, future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut waited = 0;
    loop {
        let polled = std::future::poll_fn(|cx| match future.as_mut().poll(cx) {
            Poll::Ready(value) => Poll::Ready(Some(value)),
            Poll::Pending => Poll::Ready(None),
        })
        .await;
        if let Some(value) = polled {
            return Some(value);
        }
        if waited >= ms {
            return None;
        }
        sleep(20).await;
        waited += 20;
    }
}

/// Replaces `window.open` for one test: `kind` is `null` (blocked), `no_closed` (a handle
/// without `closed`) or `fake` (a fake popup recorded in `window.__popups` that remembers the
/// URLs it is navigated to); undone by [`restore_open`].
pub fn stub_open(kind: &str) {
    js(
        r#"
        if (!window.__realOpen) window.__realOpen = window.open;
        window.__popups = [];
        window.__openCalls = [];
        window.open = function (url, target, features) {
            window.__openCalls.push([url, target, features]);
            if (arg === 'null') return null;
            if (arg === 'no_closed') return { close() {} };
            const popup = { closed: false, close() { this.closed = true; },
                location: { visited: [], get href() { return this.visited.at(-1) || 'about:blank'; },
                            set href(url) {
                                this.visited.push(url);
                            } } };
            window.__popups.push(popup);
            return popup;
        };"#,
        &JsValue::from_str(kind),
    );
}

/// Puts the browser's own `window.open` back.
pub fn restore_open() {
    js(
        "if (window.__realOpen) window.open = window.__realOpen;",
        &JsValue::NULL,
    );
}

/// Whether the `index`-th fake popup was closed.
pub fn popup_closed(index: u32) -> bool {
    js("return window.__popups[arg].closed;", &JsValue::from(index)).as_bool() == Some(true)
}

/// The URLs the `index`-th fake popup was navigated to.
pub fn popup_visits(index: u32) -> Vec<String> {
    let visits: js_sys::Array = js(
        "return window.__popups[arg].location.visited;",
        &JsValue::from(index),
    )
    .into();
    visits.iter().filter_map(|url| url.as_string()).collect()
}

/// Closes the `index`-th fake popup (as a user would).
pub fn close_popup(index: u32) {
    js("window.__popups[arg].closed = true;", &JsValue::from(index));
}

/// The test page's origin, e.g. `http://127.0.0.1:8000`.
pub fn page_origin() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .origin()
        .expect("origin")
}

thread_local! {
    /// Whether a test holds the page (see [`exclusive`]).
    static PAGE_BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Proof that a test has the page to itself; released on drop.
pub struct Exclusive;

impl Drop for Exclusive {
    fn drop(&mut self) {
        PAGE_BUSY.with(|busy| busy.set(false));
    }
}

/// Waits until no other test holds the page. wasm-bindgen-test runs async tests concurrently
/// on one page, and these tests share `window.open`, the body and the `#connect-ui` id. A test
/// that panicked may never release it, so after 20 s the page is taken anyway.
pub async fn exclusive() -> Exclusive {
    let mut waited = 0;
    while PAGE_BUSY.with(|busy| busy.replace(true)) && waited < 20_000 {
        sleep(10).await;
        waited += 10;
    }
    PAGE_BUSY.with(|busy| busy.set(true));
    Exclusive
}

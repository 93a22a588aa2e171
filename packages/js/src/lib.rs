//! nango-js: the Nango kit as an ES module with `@nangohq/frontend`'s API, for web apps that are
//! not written in Dioxus (plain HTML, React, Vue).
//!
//! This crate only adapts types: JS arguments → nango-core options ([`arguments`]), nango-web's
//! [`Nango`](nango_web::Nango) and Connect UI host → wasm-bindgen classes, results and errors →
//! plain JS objects and `AuthError` instances. `cargo xtask build-web --app js` builds it into
//! `dist/js/`: the hand-written `nango.js` / `nango.d.ts` (default export `Nango`) over
//! wasm-bindgen's `nango_wasm.js` + `nango_wasm_bg.wasm`.

pub mod arguments;
mod js_value;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use nango_core::connect_ui::ThemeOverride;
use nango_core::messages::{ConnectUiEvent, ConnectUiMessage};
use nango_core::{AuthError, AuthSuccess, ConnectSessionToken, ProviderConfigKey};
use nango_web::{AuthFuture, ConnectUiHandle, ConnectUiOptions};
use wasm_bindgen::prelude::*;

use crate::arguments::{AuthArguments, is_thrown_synchronously};
pub use crate::js_value::{from_json, to_json};

#[wasm_bindgen(module = "/js/auth_error.js")]
extern "C" {
    /// The module's `AuthError` class: `instanceof Error`, with Nango's `type` and `message`.
    #[wasm_bindgen(extends = js_sys::Error, js_name = AuthError)]
    #[derive(Clone, Debug)]
    pub type JsAuthError;

    /// `new AuthError(message, type)`.
    #[wasm_bindgen(constructor, js_class = "AuthError")]
    fn construct(message: &str, error_type: &str) -> JsAuthError;

    /// The `AuthError` constructor itself.
    #[wasm_bindgen(js_name = authErrorClass)]
    fn imported_auth_error_class() -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// JS `String(value)`.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

thread_local! {
    /// The Connect UI `openConnectUI` uses without `baseURL` (set by `nango.js` to the
    /// connect-app served next to the module; Nango's hosted one otherwise).
    static DEFAULT_CONNECT_UI_URL: RefCell<String> =
        RefCell::new(nango_core::connect_ui::DEFAULT_CONNECT_UI_URL.to_owned());
}

/// The `AuthError` class, exported by `nango.js` as the module's named export `AuthError`.
#[wasm_bindgen(js_name = __authErrorClass)]
pub fn auth_error_class() -> JsValue {
    imported_auth_error_class()
}

/// Sets the Connect UI base URL used when `openConnectUI` gets no `baseURL` (called by
/// `nango.js` with `new URL('../connect-app/', import.meta.url)`).
#[wasm_bindgen(js_name = __setDefaultConnectUiUrl)]
pub fn set_default_connect_ui_url(url: String) {
    DEFAULT_CONNECT_UI_URL.with(|default| *default.borrow_mut() = url);
}

/// An [`AuthError`] as an instance of the module's JS `AuthError` class.
pub fn auth_error_to_js(error: &AuthError) -> JsValue {
    JsAuthError::construct(&error.message, error.kind.as_str()).into()
}

/// An [`AuthSuccess`] as the JS SDK's plain object `{providerConfigKey, connectionId,
/// isPending?}`.
pub fn success_to_js(success: &AuthSuccess) -> JsValue {
    serde_json::to_value(success).map_or(JsValue::NULL, |value| from_json(&value))
}

/// A settled-later JS promise for an [`AuthFuture`].
fn promise_of(future: AuthFuture) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        future
            .await
            .map(|success| success_to_js(&success))
            .map_err(|error| auth_error_to_js(&error))
    })
}

/// A promise already rejected with `error`.
fn rejected(error: &AuthError) -> Promise {
    Promise::reject(&auth_error_to_js(error))
}

/// The JS SDK's rule for an error found before the flow starts: thrown for the three
/// synchronous kinds, a rejected promise otherwise.
fn early_error(error: AuthError) -> Result<Promise, JsValue> {
    if is_thrown_synchronously(&error.kind) {
        Err(auth_error_to_js(&error))
    } else {
        Ok(rejected(&error))
    }
}

/// A provider config key argument, stringified like a JS template literal.
fn key_of(key: &JsValue) -> ProviderConfigKey {
    ProviderConfigKey::new(key.as_string().unwrap_or_else(|| js_string(key)))
}

/// The `Nango` class (the module's default export): `@nangohq/frontend`'s `Nango`.
#[wasm_bindgen(js_name = Nango)]
pub struct JsNango {
    /// The browser SDK doing the work.
    inner: nango_web::Nango,
}

#[wasm_bindgen(js_class = Nango)]
impl JsNango {
    /// `new Nango({connectSessionToken | publicKey, host, websocketsPath, width, height,
    /// debug})`; throws `AuthError` `invalid_host_url` for a host that is not an absolute URL.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsNango, JsValue> {
        let options = arguments::nango_options(&to_json(&options));
        nango_web::Nango::new(options)
            .map(|inner| JsNango { inner })
            .map_err(|error| auth_error_to_js(&error))
    }

    /// `auth(key)`, `auth(key, connectionId)`, `auth(key, options)`,
    /// `auth(key, connectionId, options)`. Throws `missing_auth_token` / `missing_credentials`
    /// synchronously; opens the OAuth popup before returning; the promise resolves with
    /// `{providerConfigKey, connectionId, isPending?}` or rejects with an `AuthError`.
    pub fn auth(&self, key: JsValue, second: JsValue, third: JsValue) -> Result<Promise, JsValue> {
        let arguments = arguments::auth_arguments(&to_json(&second), &to_json(&third));
        self.start_auth(&key_of(&key), arguments)
    }

    /// `reconnect(key, options?)`: throws `missing_connect_session_token` synchronously without
    /// a session token, then is `auth(key, options)`.
    pub fn reconnect(&self, key: JsValue, options: JsValue) -> Result<Promise, JsValue> {
        if self.inner.config().auth().session_token().is_none() {
            return Err(auth_error_to_js(&AuthError::missing_connect_session_token()));
        }
        let arguments = arguments::auth_arguments(&to_json(&options), &serde_json::Value::Null);
        self.start_auth(&key_of(&key), arguments)
    }

    /// `create(key, connectionId?, connectionConfig?)`: `POST /auth/unauthenticated/{key}`;
    /// every error (`missing_auth_token` included) rejects the promise, as in the JS SDK.
    pub fn create(&self, key: JsValue, second: JsValue, third: JsValue) -> Promise {
        let (connection_id, config) =
            arguments::create_arguments(&to_json(&second), &to_json(&third));
        promise_of(
            self.inner
                .create(&key_of(&key), connection_id.as_ref(), &config),
        )
    }

    /// `clear()`: ends the pending popup flow (its socket now, its window after 500 ms).
    pub fn clear(&self) {
        self.inner.clear();
    }

    /// `openConnectUI({sessionToken, onEvent, baseURL, apiURL, detectClosedAuthWindow, lang,
    /// themeOverride})`: the Connect UI in a full-viewport iframe. `baseURL` defaults to the
    /// connect-app served next to this module; `apiURL` to Nango Cloud (never to `host`).
    #[wasm_bindgen(js_name = openConnectUI)]
    pub fn open_connect_ui(&self, props: JsValue) -> Result<JsConnectUi, JsValue> {
        let options = self.connect_ui_options(&props);
        nango_web::open_connect_ui(options)
            .map(|handle| JsConnectUi { handle })
            .map_err(|error| auth_error_to_js(&error))
    }
}

impl JsNango {
    /// Runs normalised `auth` arguments: sync checks (thrown), option conversion, the flow.
    fn start_auth(
        &self,
        key: &ProviderConfigKey,
        arguments: AuthArguments,
    ) -> Result<Promise, JsValue> {
        if !self.inner.config().auth().is_present() {
            return Err(auth_error_to_js(&AuthError::missing_auth_token()));
        }
        let options = match arguments::auth_options(&arguments.options) {
            Ok(options) => options,
            Err(error) => return early_error(error),
        };
        match self
            .inner
            .auth(key, arguments.connection_id.as_ref(), options)
        {
            Ok(future) => Ok(promise_of(future)),
            Err(error) => early_error(error),
        }
    }

    /// Reads `openConnectUI`'s props (`undefined` and `null` told apart where JS does).
    fn connect_ui_options(&self, props: &JsValue) -> ConnectUiOptions {
        let get = |name: &str| {
            if props.is_object() {
                Reflect::get(props, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            }
        };
        let has = |name: &str| {
            props.is_object() && Reflect::has(props, &JsValue::from_str(name)).unwrap_or(false)
        };
        let truthy_string = |value: JsValue| value.as_string().filter(|s| !s.is_empty());
        // A `sessionToken` key, even `undefined`, overrides the instance's token.
        let session_token = if has("sessionToken") {
            truthy_string(get("sessionToken")).map(ConnectSessionToken::new)
        } else {
            self.inner.config().auth().session_token().cloned()
        };
        let base_url = truthy_string(get("baseURL"))
            .unwrap_or_else(|| DEFAULT_CONNECT_UI_URL.with(|url| url.borrow().clone()));
        let api_url = match get("apiURL") {
            value if value.is_undefined() => None,
            value => Some(truthy_string(value).unwrap_or_default()),
        };
        let on_event = get("onEvent").dyn_into::<Function>().ok().map(|callback| {
            Rc::new(move |event: ConnectUiEvent| {
                let message = ConnectUiMessage::from(event);
                let data = serde_json::to_value(&message).map_or(JsValue::NULL, |v| from_json(&v));
                // An exception in the app's handler must not break the channel.
                let _ = callback.call1(&JsValue::UNDEFINED, &data);
            }) as nango_web::EventCallback
        });
        ConnectUiOptions {
            session_token,
            base_url,
            api_url,
            detect_closed_auth_window: get("detectClosedAuthWindow").is_truthy(),
            lang: truthy_string(get("lang")),
            theme_override: truthy_string(get("themeOverride"))
                .and_then(|theme| ThemeOverride::parse(&theme)),
            on_event,
            debug: self.inner.config().debug(),
        }
    }
}

/// The object `openConnectUI` returns: `@nangohq/frontend`'s `ConnectUI`.
#[wasm_bindgen(js_name = ConnectUI)]
pub struct JsConnectUi {
    /// The iframe host.
    handle: ConnectUiHandle,
}

#[wasm_bindgen(js_class = ConnectUI)]
impl JsConnectUi {
    /// Opens the UI again after `close()` (new iframe and `ready` handshake); no-op while open.
    pub fn open(&self) -> Result<(), JsValue> {
        self.handle.open().map_err(|error| auth_error_to_js(&error))
    }

    /// Removes the iframe and its listener and restores page scrolling; safe to repeat.
    pub fn close(&self) {
        self.handle.close();
    }

    /// Sets the session token: posted now if the UI is ready, else on its `ready` message.
    #[wasm_bindgen(js_name = setSessionToken)]
    pub fn set_session_token(&self, token: String) {
        self.handle
            .set_session_token(ConnectSessionToken::new(token));
    }

    /// True while the iframe is in the document (an addition to the JS SDK's object).
    #[wasm_bindgen(getter, js_name = isOpen)]
    pub fn is_open(&self) -> bool {
        self.handle.is_open()
    }
}

//! The platform seam of the Connect UI: everything the screens need from the outside world (HTTP
//! data, OAuth and credential submission, URLs, closing, timers) behind one trait in Dioxus context.
//!
//! Backends (web, desktop) implement [`ConnectDriver`]; the data methods have defaults that go
//! through nango-core's [`NangoApi`], so a backend usually writes only [`ConnectDriver::api`],
//! [`ConnectDriver::auth`] and the few platform hooks it can do better than the defaults.

use std::rc::Rc;

use dioxus::prelude::*;
use futures_util::future::{FutureExt, LocalBoxFuture};
use nango_core::auth::plan_create;
use nango_core::catalogue::Provider;
use nango_core::ids::ProviderName;
use nango_core::options::{ClientAuth, NangoConfig, NangoOptions};
use nango_core::query::ConnectionConfig;
use nango_core::session::{
    ConnectSession, Integration, TelemetryBeacon, TelemetryDimensions, TelemetryEvent,
};
use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthSuccess, ConnectSessionToken, NangoApi,
    ProviderConfigKey,
};

/// A future the UI awaits on its own (single-threaded: wasm and dioxus-desktop).
pub type DriverFuture<T> = LocalBoxFuture<'static, T>;

/// What the Connect UI needs from its platform. Provide one with [`use_provide_connect_driver`]
/// (or the `driver` prop of `ConnectUi`); read it with [`use_connect_driver`].
///
/// Required: [`api`](Self::api) (the HTTP client, `None` when the driver serves data itself) and
/// [`auth`](Self::auth). Everything else has a working or harmless default.
pub trait ConnectDriver {
    /// The HTTP client the default data methods use (`None`: they fail with `invalid_host_url`).
    fn api(&self) -> Option<NangoApi>;

    /// Runs `auth` for one integration: opens the OAuth window **synchronously inside this call**
    /// (before the returned future is first polled, so a browser keeps the click's user
    /// activation), drives nango-core's `OAuthFlow`, or sends the credential request. The future
    /// settles exactly once; [`cancel`](Self::cancel) makes it settle with `cancelled`.
    fn auth(
        &self,
        token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>>;

    /// `GET /connect/session`.
    fn session(
        &self,
        token: &ConnectSessionToken,
    ) -> DriverFuture<Result<ConnectSession, AuthError>> {
        let api = self.api();
        let token = token.clone();
        async move { require_api(api)?.get_session(&token).await }.boxed_local()
    }

    /// `GET /integrations`.
    fn integrations(
        &self,
        token: &ConnectSessionToken,
    ) -> DriverFuture<Result<Vec<Integration>, AuthError>> {
        let api = self.api();
        let token = token.clone();
        async move { require_api(api)?.list_integrations(&token).await }.boxed_local()
    }

    /// `GET /providers/:provider`, texts localised for `language` (a BCP 47 tag) when given.
    fn provider(
        &self,
        token: &ConnectSessionToken,
        provider: &ProviderName,
        language: Option<&str>,
    ) -> DriverFuture<Result<Provider, AuthError>> {
        let api = self.api();
        let token = token.clone();
        let provider = provider.clone();
        let language = language.map(str::to_owned);
        async move {
            require_api(api)?
                .get_provider(&token, &provider, language.as_deref())
                .await
        }
        .boxed_local()
    }

    /// `create` for `NONE` providers: `POST /auth/unauthenticated/:key` planned by nango-core.
    fn create(
        &self,
        token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        connection_config: ConnectionConfig,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        let api = self.api();
        let token = token.clone();
        let key = key.clone();
        async move {
            let api = require_api(api)?;
            let config = NangoConfig::new(NangoOptions {
                host: Some(api.base_url().to_owned()),
                auth: ClientAuth::SessionToken(token),
                ..NangoOptions::default()
            })?;
            let request = plan_create(&config, &key, None, &connection_config)?;
            let body = api.execute(&request).await?;
            serde_json::from_value::<AuthSuccess>(body).map_err(|err| {
                AuthError::new(
                    AuthErrorKind::InvalidResponse,
                    format!("unexpected create response: {err}"),
                )
            })
        }
        .boxed_local()
    }

    /// Sends one analytics event (fire and forget; failures are ignored). The default posts a
    /// beacon through [`api`](Self::api) when [`now_iso8601`](Self::now_iso8601) knows the time.
    fn telemetry(
        &self,
        token: &ConnectSessionToken,
        event: TelemetryEvent,
        integration: Option<ProviderConfigKey>,
    ) -> DriverFuture<()> {
        let api = self.api();
        let timestamp = self.now_iso8601();
        let token = token.clone();
        async move {
            let (Some(api), Some(timestamp)) = (api, timestamp) else {
                return;
            };
            let beacon = TelemetryBeacon {
                event,
                dimensions: integration.map(|integration| TelemetryDimensions {
                    integration: Some(integration),
                }),
                token,
                timestamp,
            };
            let _ignored = api.send_telemetry(&beacon).await;
        }
        .boxed_local()
    }

    /// Ends the flow in progress (the visible Cancel while waiting, and `nango.clear()` on close):
    /// closes the OAuth window and makes the pending [`auth`](Self::auth) future settle with
    /// `cancelled`. Default: nothing to cancel.
    fn cancel(&self) {}

    /// Opens a URL outside the UI (docs links). Returns true when handled; false lets the link's
    /// own `target=_blank` navigation happen (the default, right for browsers).
    fn open_url(&self, url: &str) -> bool {
        let _ = url;
        false
    }

    /// The platform part of closing: post `close` to the parent window, close the native window
    /// or unmount the overlay. Default: nothing (the `close` event still reaches `on_event`).
    fn close(&self) {}

    /// Asks the user to confirm leaving with unsaved input (`message` is translated). Default:
    /// true (leave). Browsers use `window.confirm`.
    fn confirm_leave(&self, message: &str) -> bool {
        let _ = message;
        true
    }

    /// Copies text to the clipboard; resolves to true on success. Default: not supported.
    fn copy_text(&self, text: &str) -> DriverFuture<bool> {
        let _ = text;
        async { false }.boxed_local()
    }

    /// Resolves after `millis` milliseconds (the "Copied" confirmation). Default: never, so the
    /// confirmation simply stays.
    fn sleep(&self, millis: u32) -> DriverFuture<()> {
        let _ = millis;
        futures_util::future::pending().boxed_local()
    }

    /// A fresh random UUID v4 for the AWS External ID. The default draws from the standard
    /// library's per-process random hash keys, which are random on native targets only; web
    /// backends should override it with `crypto.randomUUID()`.
    fn new_external_id(&self) -> String {
        random_uuid_v4()
    }

    /// The current time as ISO 8601 (`2026-12-04T10:00:00.000Z`) for telemetry. Default: the
    /// system clock on native targets, `None` on wasm (no clock without the browser).
    fn now_iso8601(&self) -> Option<String> {
        system_time_iso8601()
    }

    /// Whether the OS/browser prefers a dark colour scheme (for the `system` theme).
    fn system_prefers_dark(&self) -> bool {
        false
    }

    /// True when OAuth sign-in happens in the system browser (desktop, RFC 8252) rather than a
    /// window the UI opened: the waiting screen then says "Waiting for your browser…".
    fn signs_in_with_system_browser(&self) -> bool {
        false
    }

    /// The user's preferred languages, most preferred first (`navigator.languages`, `LANG`).
    fn system_languages(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The shared handle to a driver, as stored in context.
pub type SharedDriver = Rc<dyn ConnectDriver>;

/// The driver context value (a newtype so the context type is unambiguous).
#[derive(Clone)]
pub struct DriverContext(pub SharedDriver);

/// Provides `driver` to this component's descendants.
pub fn use_provide_connect_driver(driver: impl FnOnce() -> SharedDriver) -> SharedDriver {
    use_hook(|| provide_context(DriverContext(driver())).0)
}

/// The driver provided by an ancestor; without one, [`NoDriver`] (no data, every submission
/// fails with `missing_auth_token`), so a component rendered alone never panics.
pub fn use_connect_driver() -> SharedDriver {
    use_hook(|| {
        try_consume_context::<DriverContext>()
            .map(|ctx| ctx.0)
            .unwrap_or_else(|| Rc::new(NoDriver))
    })
}

/// A driver that has nothing: no API, no submissions. The fallback when none is provided.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDriver;

impl ConnectDriver for NoDriver {
    fn api(&self) -> Option<NangoApi> {
        None
    }

    fn auth(
        &self,
        _token: &ConnectSessionToken,
        _key: &ProviderConfigKey,
        _options: AuthOptions,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        async { Err(AuthError::missing_auth_token()) }.boxed_local()
    }
}

/// The API client, or `invalid_host_url` when the driver has none.
fn require_api(api: Option<NangoApi>) -> Result<NangoApi, AuthError> {
    api.ok_or_else(AuthError::invalid_host_url)
}

/// A UUID v4 from the standard library's random hash keys (see [`ConnectDriver::new_external_id`]).
pub fn random_uuid_v4() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 16];
    for (index, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_usize(index);
        chunk.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    uuid_v4_from_random_bytes(bytes)
}

/// Formats 16 random bytes as a UUID v4 (`xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx`), setting the
/// version and variant bits.
pub fn uuid_v4_from_random_bytes(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The system clock as ISO 8601 with milliseconds, on native targets.
#[cfg(not(target_arch = "wasm32"))]
fn system_time_iso8601() -> Option<String> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(iso8601_from_unix_millis(since_epoch.as_millis()))
}

/// No clock on wasm without the browser: the web backend supplies the time.
#[cfg(target_arch = "wasm32")]
fn system_time_iso8601() -> Option<String> {
    None
}

/// Formats Unix milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ` (proleptic Gregorian, UTC).
pub fn iso8601_from_unix_millis(millis: u128) -> String {
    let secs = millis / 1000;
    let ms = millis % 1000;
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (h, m, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_known_instants() {
        assert_eq!(iso8601_from_unix_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            iso8601_from_unix_millis(1_796_378_400_123),
            "2026-12-04T10:00:00.123Z"
        );
        assert_eq!(
            iso8601_from_unix_millis(951_782_400_000),
            "2000-02-29T00:00:00.000Z"
        );
    }

    #[test]
    fn fixed_bytes_get_the_version_and_variant_bits() {
        assert_eq!(
            uuid_v4_from_random_bytes([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            uuid_v4_from_random_bytes([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
    }

    #[test]
    fn uuids_have_the_v4_shape_and_differ() {
        let a = random_uuid_v4();
        let b = random_uuid_v4();
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
        assert_ne!(a, b);
    }
}

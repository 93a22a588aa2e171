//! [`AuthError`] and [`AuthErrorKind`]: the one error type of every Nango operation, with the
//! exact wire strings Nango's SDK, server and Connect UI use for error types.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares [`AuthErrorKind`] with its wire strings, so each string is written exactly once.
macro_rules! auth_error_kinds {
    ($( $(#[$doc:meta])* $variant:ident => $wire:literal, )*) => {
        /// The type of an [`AuthError`], as Nango names it on the wire (`AuthError.type` in the JS
        /// SDK, `error.code` in HTTP envelopes, `error_type` in WebSocket frames).
        ///
        /// The set is open: a string this enum does not know is kept verbatim in
        /// [`AuthErrorKind::Other`], because servers send more types than the SDK declares.
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum AuthErrorKind {
            $( $(#[$doc])* $variant, )*
            /// A type this crate does not know, kept exactly as received.
            Other(String),
        }

        impl AuthErrorKind {
            /// Every named kind (not [`AuthErrorKind::Other`]), in declaration order.
            pub const ALL: &'static [AuthErrorKind] = &[ $( AuthErrorKind::$variant, )* ];

            /// The wire string of this kind.
            pub fn as_str(&self) -> &str {
                match self {
                    $( AuthErrorKind::$variant => $wire, )*
                    AuthErrorKind::Other(s) => s,
                }
            }

            /// Parses a wire string; unknown strings become [`AuthErrorKind::Other`].
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $wire => AuthErrorKind::$variant, )*
                    other => AuthErrorKind::Other(other.to_owned()),
                }
            }
        }
    };
}

auth_error_kinds! {
    // The ten types declared by the JS SDK.
    /// `auth`/`create` without a public key or a connect session token.
    MissingAuthToken => "missing_auth_token",
    /// The OAuth window could not be opened (or was gone right after navigation).
    BlockedByBrowser => "blocked_by_browser",
    /// The Nango host (or a URL derived from it) is not a valid absolute URL.
    InvalidHostUrl => "invalid_host_url",
    /// A non-popup flow was selected without credentials.
    MissingCredentials => "missing_credentials",
    /// The OAuth window was closed before the flow completed (only with close detection on).
    WindowClosed => "window_closed",
    /// The server's test call with the given credentials failed.
    ConnectionTestFailed => "connection_test_failed",
    /// `reconnect` without a connect session token.
    MissingConnectSessionToken => "missing_connect_session_token",
    /// Post-connection validation failed (also the fixed type of the OAuth callback page).
    ConnectionValidationFailed => "connection_validation_failed",
    /// A plan limit was reached.
    ResourceCapped => "resource_capped",
    /// A failure that is not an `AuthError` (the Connect UI's catch-all).
    UnknownError => "unknown_error",

    // Server HTTP error codes.
    /// Request body failed validation.
    InvalidBody => "invalid_body",
    /// Query string failed validation.
    InvalidQueryParams => "invalid_query_params",
    /// Path parameters failed validation.
    InvalidUriParams => "invalid_uri_params",
    /// No integration with this key.
    UnknownProviderConfig => "unknown_provider_config",
    /// The integration's provider template does not exist.
    UnknownProviderTemplate => "unknown_provider_template",
    /// The provider's auth mode does not match the endpoint.
    InvalidAuthMode => "invalid_auth_mode",
    /// The session does not allow this integration.
    IntegrationNotAllowed => "integration_not_allowed",
    /// The reconnect session's connection no longer exists.
    InvalidConnection => "invalid_connection",
    /// HMAC digest missing.
    MissingHmac => "missing_hmac",
    /// HMAC digest wrong.
    InvalidHmac => "invalid_hmac",
    /// OAuth2 client credentials without `client_id`.
    MissingClientId => "missing_client_id",
    /// OAuth2 client credentials without a secret or private key.
    MissingClientSecret => "missing_client_secret",
    /// Internal server failure.
    ServerError => "server_error",
    /// Unhandled server exception (with a support id).
    GenericErrorSupport => "generic_error_support",
    /// Content-Type was not JSON.
    InvalidContentType => "invalid_content_type",
    /// Body was not valid JSON.
    InvalidJson => "invalid_json",
    /// The TBA credential test failed (sent with HTTP 200, a server quirk).
    InvalidCredentials => "invalid_credentials",
    /// Missing `Authorization` header.
    MissingAuthHeader => "missing_auth_header",
    /// Malformed `Authorization` header.
    MalformedAuthHeader => "malformed_auth_header",
    /// Credentials match no account.
    UnknownAccount => "unknown_account",
    /// The secret key is not a UUID v4.
    InvalidSecretKeyFormat => "invalid_secret_key_format",
    /// The connect session token does not have the `nango_connect_session_` format.
    InvalidConnectSessionTokenFormat => "invalid_connect_session_token_format",
    /// The connect session token is unknown, expired or deleted.
    UnknownConnectSessionToken => "unknown_connect_session_token",
    /// Public-key auth without a public key.
    MissingPublicKey => "missing_public_key",
    /// The public key is not a UUID v4.
    InvalidPublicKey => "invalid_public_key",
    /// Public-key auth is disabled for this account.
    DeprecatedAuthentication => "deprecated_authentication",
    /// Insufficient scope or a plan-gated option.
    Forbidden => "forbidden",
    /// Unknown resource (for example a provider).
    NotFound => "not_found",
    /// Two-step credential exchange failed.
    TwoStepCredentialsFetchError => "two_step_credentials_fetch_error",
    /// OAuth2 client-credentials token fetch failed.
    ClientCredentialsFetchError => "client_credentials_fetch_error",
    /// AWS SigV4 without a region.
    MissingAwsSigv4Region => "missing_aws_sigv4_region",
    /// AWS STS call failed.
    AwsSigv4StsRequestFailed => "aws_sigv4_sts_request_failed",

    // WebSocket `error_type` values of the OAuth flow.
    /// The integration is unknown or lacks client credentials.
    ProviderConfigErr => "provider_config_err",
    /// The provider template is unknown.
    UnknownConfigKey => "unknown_config_key",
    /// No provider config key in the request.
    NoProviderConfigKey => "no_provider_config_key",
    /// No connection id in the request.
    MissingConnectionId => "missing_connection_id",
    /// Connection config values needed to build provider URLs are missing.
    UrlParamErr => "url_param_err",
    /// The configured grant type is not supported.
    GrantTypeErr => "grant_type_err",
    /// The auth mode is not supported by this flow.
    AuthModeErr => "auth_mode_err",
    /// The provider's callback carried no authorization code (for example the user denied).
    CallbackErr => "callback_err",
    /// The OAuth state is unknown or reused.
    StateErr => "state_err",
    /// The OAuth state cookie is missing.
    StateCookieErr => "state_cookie_err",
    /// Token exchange or storage failed.
    TokenErr => "token_err",
    /// Account or environment lookup failed.
    AccountOrEnvironmentRetrievalErr => "account_or_environment_retrieval_err",
    /// The connection was not found.
    ConnectionNotFound => "connection_not_found",
    /// Unknown error during the OAuth flow.
    UnknownErr => "unknown_err",

    // This kit's own kinds, for failures the JS SDK leaves as hangs or untyped exceptions.
    /// The HTTP request could not be sent or its response not read (network, CORS, TLS).
    RequestFailed => "request_failed",
    /// The server answered with a body that is not the JSON this endpoint defines.
    InvalidResponse => "invalid_response",
    /// The WebSocket could not connect, or closed before the flow completed.
    WebsocketFailed => "websocket_failed",
    /// The flow did not complete before its deadline.
    Timeout => "timeout",
    /// The user cancelled the flow.
    Cancelled => "cancelled",
    /// The credentials match no Nango endpoint (the JS SDK throws a plain `Error` here).
    UnroutableCredentials => "unroutable_credentials",
}

impl AuthErrorKind {
    /// True for the kinds this kit adds beyond Nango's own vocabulary.
    pub fn is_kit_extension(&self) -> bool {
        matches!(
            self,
            AuthErrorKind::RequestFailed
                | AuthErrorKind::InvalidResponse
                | AuthErrorKind::WebsocketFailed
                | AuthErrorKind::Timeout
                | AuthErrorKind::Cancelled
                | AuthErrorKind::UnroutableCredentials
        )
    }
}

impl fmt::Display for AuthErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for AuthErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthErrorKind({:?})", self.as_str())
    }
}

impl From<&str> for AuthErrorKind {
    fn from(s: &str) -> Self {
        AuthErrorKind::from_wire(s)
    }
}

impl Serialize for AuthErrorKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AuthErrorKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(deserializer)?;
        Ok(AuthErrorKind::from_wire(&s))
    }
}

/// An error of a Nango operation: a [`AuthErrorKind`] and a human-readable message.
///
/// Serialises as `{"type": "...", "message": "..."}`, the shape of the JS SDK's `AuthError`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message} ({kind})")]
pub struct AuthError {
    /// The error type, as Nango names it.
    #[serde(rename = "type")]
    pub kind: AuthErrorKind,
    /// The message (may be empty: servers do not always send one).
    #[serde(default)]
    pub message: String,
}

impl AuthError {
    /// Builds an error from its kind and message.
    pub fn new(kind: AuthErrorKind, message: impl Into<String>) -> Self {
        AuthError {
            kind,
            message: message.into(),
        }
    }

    /// `missing_auth_token`, with the JS SDK's message.
    pub fn missing_auth_token() -> Self {
        AuthError::new(
            AuthErrorKind::MissingAuthToken,
            "You must specify a public key OR a connect session token (cf. documentation).",
        )
    }

    /// `blocked_by_browser`, with the JS SDK's message.
    pub fn blocked_by_browser() -> Self {
        AuthError::new(AuthErrorKind::BlockedByBrowser, "Modal blocked by browser")
    }

    /// `invalid_host_url`, with the JS SDK's message.
    pub fn invalid_host_url() -> Self {
        AuthError::new(
            AuthErrorKind::InvalidHostUrl,
            "Invalid URL provided for the Nango host.",
        )
    }

    /// `missing_credentials`, with the JS SDK's message.
    pub fn missing_credentials() -> Self {
        AuthError::new(
            AuthErrorKind::MissingCredentials,
            "Credentials are required for custom auth",
        )
    }

    /// `window_closed`, with the JS SDK's message.
    pub fn window_closed() -> Self {
        AuthError::new(
            AuthErrorKind::WindowClosed,
            "The authorization window was closed before the authorization flow was completed",
        )
    }

    /// `missing_connect_session_token`, with the JS SDK's message.
    pub fn missing_connect_session_token() -> Self {
        AuthError::new(
            AuthErrorKind::MissingConnectSessionToken,
            "Reconnect requires a session token",
        )
    }

    /// `unroutable_credentials`: the JS SDK's "Something went wrong with the authorization".
    pub fn unroutable_credentials() -> Self {
        AuthError::new(
            AuthErrorKind::UnroutableCredentials,
            "Something went wrong with the authorization",
        )
    }
}

impl fmt::Debug for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthError")
            .field("type", &self.kind.as_str())
            .field("message", &self.message)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_kind_round_trips_through_its_wire_string() {
        for kind in AuthErrorKind::ALL {
            assert_eq!(&AuthErrorKind::from_wire(kind.as_str()), kind);
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(&serde_json::from_str::<AuthErrorKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn wire_strings_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for kind in AuthErrorKind::ALL {
            assert!(
                seen.insert(kind.as_str()),
                "duplicate wire string {}",
                kind.as_str()
            );
        }
    }

    #[test]
    fn unknown_kinds_are_kept_verbatim() {
        let kind: AuthErrorKind = serde_json::from_str("\"brand_new_code\"").unwrap();
        assert_eq!(kind, AuthErrorKind::Other("brand_new_code".into()));
        assert_eq!(serde_json::to_string(&kind).unwrap(), "\"brand_new_code\"");
    }

    #[test]
    fn the_ten_declared_sdk_types_are_named() {
        let declared = [
            "missing_auth_token",
            "blocked_by_browser",
            "invalid_host_url",
            "missing_credentials",
            "window_closed",
            "connection_test_failed",
            "missing_connect_session_token",
            "connection_validation_failed",
            "resource_capped",
            "unknown_error",
        ];
        for wire in declared {
            assert!(
                !matches!(AuthErrorKind::from_wire(wire), AuthErrorKind::Other(_)),
                "{wire}"
            );
        }
    }

    #[test]
    fn auth_error_serialises_like_the_js_sdk() {
        let err = AuthError::window_closed();
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["type"], "window_closed");
        let back: AuthError = serde_json::from_str(r#"{"type":"x"}"#).unwrap();
        assert_eq!(back.message, "");
        assert_eq!(back.kind, AuthErrorKind::Other("x".into()));
    }
}

//! What [`NangoApi`](super::NangoApi)'s two HTTP transports (reqwest natively, `fetch` in the
//! browser) share: the outgoing request, the answer and the failure mapping.

use crate::request::{ApiRequest, Method};
use crate::{AuthError, AuthErrorKind};

/// One request as a transport sends it: method, absolute URL, headers (lower-case names) and
/// the JSON body text.
pub(super) struct Outgoing<'a> {
    /// The HTTP method.
    pub method: Method,
    /// The absolute URL.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(&'static str, &'a str)>,
    /// The JSON body, if any.
    pub body: Option<String>,
}

/// One HTTP answer: status and raw body.
pub(super) struct ApiResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The body bytes (empty for 204).
    pub body: Vec<u8>,
}

/// A request that got no HTTP answer (network error, refused request, timeout).
#[derive(Debug)]
pub(super) struct TransportFailure {
    /// Whether the request timed out (native targets only).
    pub timeout: bool,
    /// What went wrong, without the URL (its query can carry a session token).
    pub detail: String,
}

impl TransportFailure {
    /// `timeout` or `request_failed`, naming method and path but never the query.
    pub fn into_auth_error(self, request: &ApiRequest) -> AuthError {
        let kind = if self.timeout {
            AuthErrorKind::Timeout
        } else {
            AuthErrorKind::RequestFailed
        };
        AuthError::new(
            kind,
            format!(
                "{} {} failed: {}",
                request.method.as_str(),
                request.path,
                self.detail
            ),
        )
    }
}

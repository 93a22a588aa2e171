//! The native HTTP transport of [`NangoApi`](super::NangoApi): a shared `reqwest::Client`.

use super::DEFAULT_REQUEST_TIMEOUT;
use super::transport::{ApiResponse, Outgoing, TransportFailure};
use crate::request::Method;
use crate::{AuthError, AuthErrorKind};

/// Sends requests with one `reqwest::Client` (its connection pool is shared by clones).
#[derive(Clone, Debug)]
pub(super) struct Transport {
    /// The HTTP client.
    client: reqwest::Client,
}

impl Transport {
    /// A default client with the 30 s request timeout.
    pub fn new() -> Result<Self, AuthError> {
        reqwest::Client::builder()
            .timeout(DEFAULT_REQUEST_TIMEOUT)
            .build()
            .map(Transport::with_client)
            .map_err(|err| {
                AuthError::new(
                    AuthErrorKind::RequestFailed,
                    format!("could not create the HTTP client: {}", error_chain(&err)),
                )
            })
    }

    /// A transport over a caller-provided client.
    pub fn with_client(client: reqwest::Client) -> Self {
        Transport { client }
    }

    /// Sends `outgoing` and reads the whole answer.
    pub async fn send(&self, outgoing: Outgoing<'_>) -> Result<ApiResponse, TransportFailure> {
        let method = match outgoing.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut builder = self.client.request(method, outgoing.url);
        for (name, value) in outgoing.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = outgoing.body {
            builder = builder.body(body);
        }
        let response = builder.send().await.map_err(failure)?;
        let status = response.status().as_u16();
        let body = response.bytes().await.map_err(failure)?;
        Ok(ApiResponse {
            status,
            body: body.to_vec(),
        })
    }
}

/// A reqwest error as a transport failure, its URL removed.
fn failure(err: reqwest::Error) -> TransportFailure {
    TransportFailure {
        timeout: err.is_timeout(),
        detail: error_chain(&err.without_url()),
    }
}

/// An error and its sources, joined with `: `.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

//! [`ApiRequest`]: one HTTP request to a Nango server, described as data.
//!
//! Protocol code (credential routing, `create`, sessions) produces these; the API client
//! ([`crate::api`]) is the only place that sends them.

use serde_json::Value;

/// The HTTP method of an [`ApiRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// How the request authenticates, when not through its query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BearerAuth {
    /// No `Authorization` header (credential endpoints carry their token in the query).
    None,
    /// `Authorization: Bearer <connect session token>`.
    Session(crate::ConnectSessionToken),
    /// `Authorization: Bearer <secret key>` (server-side use only).
    Secret(crate::SecretKey),
}

/// One request to a Nango server, relative to its base URL.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    /// The method.
    pub method: Method,
    /// The path, percent-encoded, starting with `/` (appended to the base URL's own path).
    pub path: String,
    /// The query, percent-encoded, starting with `?`, or empty.
    pub query: String,
    /// The JSON body; `None` sends no body at all (Nango omits empty bodies).
    pub body: Option<Value>,
    /// The `Authorization` header.
    pub auth: BearerAuth,
}

impl ApiRequest {
    /// The path and query, e.g. `/api-auth/api-key/stripe?connect_session_token=…`.
    pub fn path_and_query(&self) -> String {
        format!("{}{}", self.path, self.query)
    }
}

//! [`ApiRequest`]: one HTTP request to a Nango server, described as data.
//!
//! Protocol code (credential routing, `create`, sessions) produces these; the API client
//! ([`crate::api`]) is the only place that sends them.

use std::fmt;

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
///
/// `Debug` shows the method, the path, the query's parameter names and the body's top-level keys,
/// never their values: queries carry session tokens and bodies carry API keys and passwords.
#[derive(Clone, PartialEq)]
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

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query_names: Vec<&str> = self
            .query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').map_or(pair, |(name, _)| name))
            .collect();
        let body_keys: Option<Vec<&str>> = self.body.as_ref().map(|body| match body {
            Value::Object(map) => map.keys().map(String::as_str).collect(),
            _ => vec!["<non-object>"],
        });
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query_names", &query_names)
            .field("body_keys", &body_keys)
            .field("auth", &self.auth)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_query_values_or_body_values() {
        let request = ApiRequest {
            method: Method::Post,
            path: "/api-auth/api-key/stripe".into(),
            query: "?connect_session_token=nango_connect_session_secretvalue&params[region]=eu"
                .into(),
            body: Some(serde_json::json!({"apiKey": "sk_live_very_secret"})),
            auth: BearerAuth::None,
        };
        let printed = format!("{request:?}");
        assert!(!printed.contains("secretvalue"), "{printed}");
        assert!(!printed.contains("sk_live"), "{printed}");
        assert!(
            printed.contains("connect_session_token") && printed.contains("apiKey"),
            "{printed}"
        );
    }
}

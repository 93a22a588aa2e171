//! The backend read side of connections (`GET /connections` with the secret key), shaped as
//! Nango's Node client reads it: what an app or a test uses to see what was stored.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::encoding::encode_component;
use crate::ids::{ConnectionId, ProviderConfigKey};
use crate::session::EndUser;

/// One error attached to a connection (for example a failed refresh).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionErrorSummary {
    /// The error type (`auth`, `sync`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The log entry that explains it.
    pub log_id: String,
}

/// One entry of `GET /connections`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionSummary {
    /// Nango's internal numeric id.
    pub id: u64,
    /// The connection id apps use.
    pub connection_id: ConnectionId,
    /// The integration it belongs to.
    pub provider_config_key: ProviderConfigKey,
    /// The provider template name.
    pub provider: String,
    /// Errors attached to it.
    #[serde(default)]
    pub errors: Vec<ConnectionErrorSummary>,
    /// The end user it was created for.
    #[serde(default)]
    pub end_user: Option<EndUser>,
    /// App metadata.
    #[serde(default)]
    pub metadata: Option<Value>,
    /// Tags copied from the connect session.
    #[serde(default)]
    pub tags: Map<String, Value>,
    /// Creation time, ISO 8601.
    pub created: String,
}

/// The body of `GET /connections`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectionList {
    /// The matching connections, newest first.
    pub connections: Vec<ConnectionSummary>,
}

/// The filters of `GET /connections`; empty fields are not sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectionFilter {
    /// Exactly this connection id.
    pub connection_id: Option<ConnectionId>,
    /// Connection ids containing this text.
    pub search: Option<String>,
    /// Connections of this end user.
    pub end_user_id: Option<String>,
    /// Connections of this end user organisation.
    pub end_user_organization_id: Option<String>,
    /// Connections of these integrations (any of them).
    pub integration_ids: Vec<ProviderConfigKey>,
}

impl ConnectionFilter {
    /// The query string (`?…`, or empty), every value percent-encoded.
    pub fn query_string(&self) -> String {
        let integrations = self
            .integration_ids
            .iter()
            .map(ProviderConfigKey::as_str)
            .collect::<Vec<_>>()
            .join(",");
        let pairs = [
            (
                "connectionId",
                self.connection_id.as_ref().map(ConnectionId::as_str),
            ),
            ("search", self.search.as_deref()),
            ("endUserId", self.end_user_id.as_deref()),
            (
                "endUserOrganizationId",
                self.end_user_organization_id.as_deref(),
            ),
            ("integrationId", Some(integrations.as_str())),
        ];
        let query: Vec<String> = pairs
            .into_iter()
            .filter_map(|(name, value)| value.filter(|v| !v.is_empty()).map(|v| (name, v)))
            .map(|(name, value)| format!("{name}={}", encode_component(value)))
            .collect();
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_filter_sends_no_query() {
        assert_eq!(ConnectionFilter::default().query_string(), "");
    }

    #[test]
    fn filters_are_encoded_and_integrations_comma_joined() {
        let filter = ConnectionFilter {
            end_user_id: Some("user 1&x".into()),
            integration_ids: vec!["github".into(), "demo-api-key".into()],
            ..ConnectionFilter::default()
        };
        assert_eq!(
            filter.query_string(),
            "?endUserId=user%201%26x&integrationId=github%2Cdemo-api-key"
        );
    }

    #[test]
    fn a_list_from_the_node_client_shape_parses() {
        let list: ConnectionList = serde_json::from_value(serde_json::json!({
            "connections": [{
                "id": 7, "connection_id": "c-1", "provider_config_key": "github",
                "provider": "mock-oauth2", "errors": [], "end_user": null, "metadata": null,
                "tags": {"end_user_id": "u1"}, "created": "2026-12-04T10:00:00.000Z"
            }]
        }))
        .unwrap();
        assert_eq!(list.connections[0].connection_id.as_str(), "c-1");
        assert_eq!(list.connections[0].tags["end_user_id"], "u1");
    }
}

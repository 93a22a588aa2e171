//! [`AuthSuccess`]: the value a successful `auth()` resolves with (`{providerConfigKey,
//! connectionId, isPending?}` in the JS SDK, §3.8 of the protocol spec).

use serde::{Deserialize, Serialize};

use crate::ids::{ConnectionId, ProviderConfigKey};

/// The result of a successful authorization: which integration and which connection.
///
/// Serialises like the JS SDK's value: `{"providerConfigKey":…,"connectionId":…,"isPending":…}`,
/// with `isPending` omitted when absent (it is always present on the popup path and absent on the
/// HTTP credential paths).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthSuccess {
    /// The integration the connection belongs to.
    pub provider_config_key: ProviderConfigKey,
    /// The connection that was created or updated.
    pub connection_id: ConnectionId,
    /// True when the connection still awaits an asynchronous step on Nango's side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_pending: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_camel_case_like_the_js_sdk() {
        let success = AuthSuccess {
            provider_config_key: "github".into(),
            connection_id: "c-1".into(),
            is_pending: Some(false),
        };
        assert_eq!(
            serde_json::to_string(&success).unwrap(),
            r#"{"providerConfigKey":"github","connectionId":"c-1","isPending":false}"#
        );
    }

    #[test]
    fn is_pending_is_omitted_when_absent_and_optional_when_parsing() {
        let success: AuthSuccess =
            serde_json::from_str(r#"{"connectionId":"c-2","providerConfigKey":"stripe"}"#).unwrap();
        assert_eq!(success.is_pending, None);
        assert_eq!(success.connection_id.as_str(), "c-2");
        assert_eq!(
            serde_json::to_string(&success).unwrap(),
            r#"{"providerConfigKey":"stripe","connectionId":"c-2"}"#
        );
    }
}

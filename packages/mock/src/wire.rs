//! Server-only wire shapes the mock serialises that nango-core does not model: the body of a
//! successful credential endpoint, in Nango's key order (the OAuth2-CC variant reverses it).
//! Frames, sessions and the SDK's `AuthSuccess` come from nango-core.

use serde::{Deserialize, Serialize};

/// `{"data": …}` wrapper.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Data<T> {
    /// The payload.
    pub data: T,
}

/// The body of a successful credential endpoint: `{"connectionId","providerConfigKey"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialConnected {
    /// Connection id.
    pub connection_id: String,
    /// Integration key.
    pub provider_config_key: String,
}

/// The OAuth2-CC variant, keys in the other order: `{"providerConfigKey","connectionId"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialConnectedReversed {
    /// Integration key.
    pub provider_config_key: String,
    /// Connection id.
    pub connection_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_bodies_keep_nango_key_order() {
        let body = CredentialConnected {
            connection_id: "c".into(),
            provider_config_key: "k".into(),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"connectionId":"c","providerConfigKey":"k"}"#
        );
        let reversed = CredentialConnectedReversed {
            provider_config_key: "k".into(),
            connection_id: "c".into(),
        };
        assert_eq!(
            serde_json::to_string(&reversed).unwrap(),
            r#"{"providerConfigKey":"k","connectionId":"c"}"#
        );
    }

    #[test]
    fn core_frames_serialise_byte_exactly() {
        use nango_core::WsFrame;
        assert_eq!(
            WsFrame::Success {
                provider_config_key: "github".into(),
                connection_id: "c-1".into(),
                is_pending: false
            }
            .to_json(),
            r#"{"message_type":"success","provider_config_key":"github","connection_id":"c-1","is_pending":false}"#
        );
    }
}

//! Turns a filled form into the `auth`/`create` call of connect-ui §2.5.6, routed by the
//! provider's auth mode (not by sniffing field names, as Nango's SDK does).

use indexmap::IndexMap;
use nango_core::catalogue::{AuthMode, FormModel, FormValues};
use nango_core::credentials::Credentials;
use nango_core::query::{ConnectionConfig, OAuthClientOverrides};
use nango_core::{AuthError, AuthOptions};
use serde_json::{Map, Value};

/// The call a submission makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Submission {
    /// `auth(key, options)`: the OAuth window or a credential request.
    Auth(AuthOptions),
    /// `create(key, connection_config)` (auth mode `NONE`).
    Create(ConnectionConfig),
}

impl Submission {
    /// Builds the call for `values` of `model`. `external_id` is the AWS External ID shown on the
    /// form (sent as `params.external_id`).
    pub fn build(
        model: &FormModel,
        values: &FormValues,
        external_id: Option<&str>,
        detect_closed_auth_window: bool,
    ) -> Result<Submission, AuthError> {
        let mut params: IndexMap<String, String> = values.params.clone();
        if model.auth_mode == AuthMode::AwsSigv4
            && let Some(id) = external_id
        {
            params.insert("external_id".to_owned(), id.to_owned());
        }
        let connection_config = ConnectionConfig {
            params,
            ..ConnectionConfig::default()
        };
        if model.auth_mode == AuthMode::None {
            return Ok(Submission::Create(connection_config));
        }
        let credentials_map = &values.credentials;
        let text = |name: &str| credentials_map.get(name).cloned().unwrap_or_default();
        let non_empty = |name: &str| credentials_map.get(name).filter(|v| !v.is_empty()).cloned();
        let with_type = |mode: &str| -> Map<String, Value> {
            let mut map: Map<String, Value> = credentials_map
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            map.insert("type".to_owned(), Value::String(mode.to_owned()));
            map
        };
        let mut assertion_option = None;
        let credentials = if model.uses_popup {
            let overrides = OAuthClientOverrides {
                client_id: non_empty("oauth_client_id_override"),
                client_secret: non_empty("oauth_client_secret_override"),
                refresh_token: non_empty("oauth_refresh_token_override"),
            };
            (!overrides.is_empty()).then_some(Credentials::OAuthClientOverrides(overrides))
        } else {
            Some(match &model.auth_mode {
                _ if model.is_outbound => Credentials::Outbound,
                AuthMode::ApiKey => Credentials::ApiKey {
                    api_key: text("apiKey"),
                },
                AuthMode::Basic => Credentials::Basic {
                    username: text("username"),
                    password: text("password"),
                },
                AuthMode::Signature => Credentials::Signature {
                    username: text("username"),
                    password: text("password"),
                },
                AuthMode::OAuth2Cc => Credentials::OAuth2ClientCredentials {
                    client_id: text("client_id"),
                    client_secret: non_empty("client_secret"),
                    client_certificate: non_empty("client_certificate"),
                    client_private_key: non_empty("client_private_key"),
                },
                AuthMode::Tba => Credentials::Tba {
                    token_id: text("token_id"),
                    token_secret: text("token_secret"),
                    oauth_client_id_override: non_empty("oauth_client_id_override"),
                    oauth_client_secret_override: non_empty("oauth_client_secret_override"),
                },
                AuthMode::Bill => Credentials::Bill {
                    username: text("username"),
                    password: text("password"),
                    organization_id: text("organization_id"),
                    dev_key: text("dev_key"),
                },
                AuthMode::AwsSigv4 => Credentials::AwsSigv4 {
                    role_arn: text("role_arn"),
                    region: non_empty("region"),
                },
                AuthMode::Jwt => Credentials::Jwt(with_type("JWT")),
                AuthMode::TwoStep => {
                    let option: Map<String, Value> = values
                        .assertion_option
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                        .collect();
                    assertion_option = (!option.is_empty()).then_some(option);
                    Credentials::TwoStep(with_type("TWO_STEP"))
                }
                // A mode this kit does not know: route like the JS SDK would.
                other => Credentials::from_js_value(
                    &Value::Object(with_type(other.as_str())),
                    model.is_outbound,
                )?,
            })
        };
        Ok(Submission::Auth(AuthOptions {
            connection_config,
            credentials,
            detect_closed_auth_window,
            assertion_option,
        }))
    }
}

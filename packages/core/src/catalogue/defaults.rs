//! Built-in labels, placeholders and secret flags for well-known credential names (connect-ui
//! §2.5.3), used when a provider's yaml says nothing. Each text has a stable translation key.

/// Built-in presentation of one well-known credential name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinField {
    /// The credential name, e.g. `apiKey`.
    pub name: &'static str,
    /// Stable translation key of the label, e.g. `field.apiKey`.
    pub label_key: &'static str,
    /// English label, e.g. `API Key`.
    pub label: &'static str,
    /// Stable translation key of the placeholder, e.g. `placeholder.apiKey`.
    pub placeholder_key: &'static str,
    /// English placeholder, e.g. `Your API Key`.
    pub placeholder: &'static str,
    /// Rendered as a password input.
    pub secret: bool,
}

const fn entry(
    name: &'static str,
    label_key: &'static str,
    label: &'static str,
    placeholder_key: &'static str,
    placeholder: &'static str,
    secret: bool,
) -> BuiltinField {
    BuiltinField {
        name,
        label_key,
        label,
        placeholder_key,
        placeholder,
        secret,
    }
}

/// Every built-in credential default, in the order of the spec table.
pub const BUILTIN_FIELDS: &[BuiltinField] = &[
    entry(
        "apiKey",
        "field.apiKey",
        "API Key",
        "placeholder.apiKey",
        "Your API Key",
        true,
    ),
    entry(
        "username",
        "field.username",
        "User Name",
        "placeholder.username",
        "Your User Name",
        false,
    ),
    entry(
        "password",
        "field.password",
        "Password",
        "placeholder.password",
        "Your Password",
        true,
    ),
    entry(
        "pat_name",
        "field.pat_name",
        "Personal App Token",
        "placeholder.pat_name",
        "Your Personal App Token",
        false,
    ),
    entry(
        "pat_secret",
        "field.pat_secret",
        "Personal App Token Secret",
        "placeholder.pat_secret",
        "Your Personal App Token Secret",
        true,
    ),
    entry(
        "content_url",
        "field.content_url",
        "Content URL",
        "placeholder.content_url",
        "Your Content URL",
        true,
    ),
    entry(
        "client_id",
        "field.client_id",
        "Client ID",
        "placeholder.client_id",
        "Your Client ID",
        false,
    ),
    entry(
        "client_secret",
        "field.client_secret",
        "Client Secret",
        "placeholder.client_secret",
        "Your Client Secret",
        true,
    ),
    entry(
        "client_certificate",
        "field.client_certificate",
        "Client Certificate",
        "placeholder.client_certificate",
        "Your Client Certificate",
        true,
    ),
    entry(
        "client_private_key",
        "field.client_private_key",
        "Private Key",
        "placeholder.client_private_key",
        "Your Private Key",
        true,
    ),
    entry(
        "privateKey",
        "field.privateKey",
        "Private Key",
        "placeholder.privateKey",
        "Your Private Key",
        true,
    ),
    entry(
        "oauth_client_id_override",
        "field.oauth_client_id_override",
        "OAuth Client ID",
        "placeholder.oauth_client_id_override",
        "Your OAuth Client ID",
        false,
    ),
    entry(
        "oauth_client_secret_override",
        "field.oauth_client_secret_override",
        "OAuth Client Secret",
        "placeholder.oauth_client_secret_override",
        "Your OAuth Client Secret",
        true,
    ),
    entry(
        "oauth_refresh_token_override",
        "field.oauth_refresh_token_override",
        "Refresh Token",
        "placeholder.oauth_refresh_token_override",
        "Your Refresh Token",
        true,
    ),
    entry(
        "token_id",
        "field.token_id",
        "Token ID",
        "placeholder.token_id",
        "Your Token ID",
        true,
    ),
    entry(
        "token_secret",
        "field.token_secret",
        "Token Secret",
        "placeholder.token_secret",
        "Token Secret",
        true,
    ),
    entry(
        "organization_id",
        "field.organization_id",
        "Organization ID",
        "placeholder.organization_id",
        "Your Organization ID",
        false,
    ),
    entry(
        "dev_key",
        "field.dev_key",
        "Developer Key",
        "placeholder.dev_key",
        "Your Developer Key",
        true,
    ),
    entry(
        "role_arn",
        "field.role_arn",
        "IAM Role ARN",
        "placeholder.role_arn",
        "arn:aws:iam::123456789012:role/YourRoleName",
        false,
    ),
    entry(
        "issuerId",
        "field.issuerId",
        "Issuer ID",
        "placeholder.issuerId",
        "Your Issuer ID",
        false,
    ),
    entry(
        "privateKeyId",
        "field.privateKeyId",
        "Key ID",
        "placeholder.privateKeyId",
        "Your Key ID",
        false,
    ),
];

/// The built-in defaults for a credential name, if it is a well-known one.
pub fn builtin_field(name: &str) -> Option<&'static BuiltinField> {
    BUILTIN_FIELDS.iter().find(|f| f.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_key_placeholder_is_stable() {
        let api = builtin_field("apiKey").unwrap();
        assert_eq!(api.placeholder, "Your API Key");
        assert!(api.secret);
        assert!(
            !builtin_field("token_secret")
                .unwrap()
                .placeholder
                .starts_with("Your")
        );
        assert!(
            builtin_field("role_arn")
                .unwrap()
                .placeholder
                .starts_with("arn:aws:iam::")
        );
        assert_eq!(BUILTIN_FIELDS.len(), 21);
        assert!(builtin_field("nope").is_none());
    }
}

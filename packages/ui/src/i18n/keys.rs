//! The message ids of the Connect UI catalogue, with their variables and the spec's dotted key names.
//!
//! Fluent ids cannot contain dots, so the spec's `common.dialogLabel` becomes `common-dialog-label`;
//! [`MessageKey::spec_key`] keeps that mapping for the 36 keys of the spec (§5.4). Keys without a spec
//! name are ours: formerly hard-coded English strings (§5.3, §9.3) and additions.

use nango_core::AuthErrorKind;

/// Name of the Fluent attribute that holds a default field placeholder (`field-apiKey.placeholder`).
pub const PLACEHOLDER_ATTRIBUTE: &str = "placeholder";

macro_rules! message_keys {
    ( $( $(#[$doc:meta])* $variant:ident = $id:literal, spec $spec:expr, vars [ $( $var:literal ),* ] ; )* ) => {
        /// One message of the Connect UI catalogue (see `locales/en.ftl`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum MessageKey {
            $( $(#[$doc])* $variant, )*
        }

        impl MessageKey {
            /// Every key, in catalogue order.
            pub const ALL: &'static [MessageKey] = &[ $( MessageKey::$variant, )* ];

            /// The Fluent message id (as written in the `.ftl` files).
            pub const fn id(self) -> &'static str {
                match self { $( MessageKey::$variant => $id, )* }
            }

            /// The dotted key name used by the spec (§5.4), for the 36 keys that have one.
            pub const fn spec_key(self) -> Option<&'static str> {
                match self { $( MessageKey::$variant => $spec, )* }
            }

            /// The variables this message expects (all strings, except `count`, a number).
            pub const fn variables(self) -> &'static [&'static str] {
                match self { $( MessageKey::$variant => &[ $( $var ),* ], )* }
            }
        }
    };
}

message_keys! {
    /// Accessible name of the dialog.
    CommonDialogLabel = "common-dialog-label", spec Some("common.dialogLabel"), vars [];
    /// Close button name and empty-state button.
    CommonClose = "common-close", spec Some("common.close"), vars [];
    /// Name of the loading status region.
    CommonLoading = "common-loading", spec Some("common.loading"), vars [];
    /// Back link and failure-screen button.
    CommonBack = "common-back", spec Some("common.back"), vars [];
    /// Success-screen button.
    CommonFinish = "common-finish", spec Some("common.finish"), vars [];
    /// Submit label after an error.
    CommonTryAgain = "common-try-again", spec Some("common.tryAgain"), vars [];
    /// Submit label while connecting.
    CommonConnecting = "common-connecting", spec Some("common.connecting"), vars [];
    /// Generic "Connect" (unused by Nango's screens; kept for parity).
    CommonConnect = "common-connect", spec Some("common.connect"), vars [];
    /// Footer guide link text.
    CommonViewGuide = "common-view-guide", spec Some("common.viewGuide"), vars [];
    /// Footer lead-in before the guide link.
    CommonNeedHelp = "common-need-help", spec Some("common.needHelp"), vars [];
    /// Cancel button (waiting states).
    CommonCancel = "common-cancel", spec None, vars [];
    /// Copy button (External ID, connection id).
    CommonCopy = "common-copy", spec None, vars [];
    /// Confirmation shown for a moment after copying.
    CommonCopied = "common-copied", spec None, vars [];
    /// Screen-reader hint appended to links that open a new tab.
    CommonOpensInNewTab = "common-opens-in-new-tab", spec None, vars [];
    /// Alt text of an integration logo.
    CommonLogoAlt = "common-logo-alt", spec None, vars ["provider"];
    /// Watermark lead-in before the Nango logo (was hard-coded English).
    CommonSecuredBy = "common-secured-by", spec None, vars [];
    /// Confirmation before closing with unsaved input (was hard-coded English).
    CommonLeaveConfirm = "common-leave-confirm", spec None, vars [];

    /// List heading.
    IntegrationsListTitle = "integrations-list-title", spec Some("integrationsList.title"), vars [];
    /// List sub-text.
    IntegrationsListDescription = "integrations-list-description", spec Some("integrationsList.description"), vars [];
    /// Empty-state heading.
    IntegrationsListNoIntegrations = "integrations-list-no-integrations", spec Some("integrationsList.noIntegrations"), vars [];
    /// Empty-state paragraph.
    IntegrationsListNoIntegrationsDescription = "integrations-list-no-integrations-description", spec Some("integrationsList.noIntegrationsDescription"), vars [];
    /// Accessible name of an integration card.
    IntegrationsListConnectTo = "integrations-list-connect-to", spec Some("integrationsList.connectTo"), vars ["provider"];
    /// Inline error inside a card.
    IntegrationsListError = "integrations-list-error", spec Some("integrationsList.error"), vars [];
    /// Suffix of the inline card error (was hard-coded English).
    IntegrationsListErrorRetry = "integrations-list-error-retry", spec None, vars [];
    /// Label of the search box.
    IntegrationsListSearchLabel = "integrations-list-search-label", spec None, vars [];
    /// Placeholder of the search box.
    IntegrationsListSearchPlaceholder = "integrations-list-search-placeholder", spec None, vars [];
    /// Shown when a search matches nothing.
    IntegrationsListNoResults = "integrations-list-no-results", spec None, vars ["query"];
    /// Result count announced to screen readers (`count` is a number; plural-aware).
    IntegrationsListResultCount = "integrations-list-result-count", spec None, vars ["count"];

    /// Form heading.
    GoLinkAccount = "go-link-account", spec Some("go.linkAccount"), vars ["provider"];
    /// Accessible name of a field's documentation link.
    GoFieldDocumentation = "go-field-documentation", spec Some("go.fieldDocumentation"), vars ["field"];
    /// Submit label.
    GoConnect = "go-connect", spec Some("go.connect"), vars [];
    /// Success heading.
    GoSuccess = "go-success", spec Some("go.success"), vars [];
    /// Success text (provider display name).
    GoSuccessMessage = "go-success-message", spec Some("go.successMessage"), vars ["provider"];
    /// Suffix of the success text in connect-link mode.
    GoCloseTab = "go-close-tab", spec Some("go.closeTab"), vars [];
    /// Failure heading.
    GoConnectionFailed = "go-connection-failed", spec Some("go.connectionFailed"), vars [];
    /// Failure paragraph.
    GoConnectionErrorGeneric = "go-connection-error-generic", spec Some("go.connectionErrorGeneric"), vars [];
    /// Disclosure button, collapsed.
    GoShowErrorDetails = "go-show-error-details", spec Some("go.showErrorDetails"), vars [];
    /// Disclosure button, expanded.
    GoHideErrorDetails = "go-hide-error-details", spec Some("go.hideErrorDetails"), vars [];
    /// "Try again" (unused by Nango's screens; kept for parity).
    GoTryAgain = "go-try-again", spec Some("go.tryAgain"), vars [];
    /// "Back to the list" (unused by Nango's screens; kept for parity).
    GoBackToList = "go-back-to-list", spec Some("go.backToList"), vars [];
    /// "Nothing to ask" info text.
    GoWillConnect = "go-will-connect", spec Some("go.willConnect"), vars ["provider"];
    /// OAuth popup hint.
    GoPopupWarning = "go-popup-warning", spec Some("go.popupWarning"), vars [];
    /// Alert: the popup was blocked.
    GoPopupBlocked = "go-popup-blocked", spec Some("go.popupBlocked"), vars [];
    /// Alert: the popup was closed early.
    GoPopupClosed = "go-popup-closed", spec Some("go.popupClosed"), vars [];
    /// Fallback text of an OAuth callback error.
    GoAuthorizationFailed = "go-authorization-failed", spec Some("go.authorizationFailed"), vars [];
    /// Details of a failed connection test.
    GoInvalidCredentials = "go-invalid-credentials", spec Some("go.invalidCredentials"), vars ["provider"];
    /// Details of a capped resource.
    GoResourceCapped = "go-resource-capped", spec Some("go.resourceCapped"), vars [];
    /// Alert: an admin-preconfigured value fails validation.
    GoInvalidPreconfigured = "go-invalid-preconfigured", spec Some("go.invalidPreconfigured"), vars [];
    /// Details of a non-AuthError failure (was hard-coded English).
    GoUnknownError = "go-unknown-error", spec None, vars [];
    /// Waiting state while the provider's sign-in window is open.
    GoWaitingProvider = "go-waiting-provider", spec None, vars ["provider"];
    /// Waiting state while the system browser handles sign-in (desktop).
    GoWaitingBrowser = "go-waiting-browser", spec None, vars [];
    /// Button that reopens the sign-in window.
    GoReopenWindow = "go-reopen-window", spec None, vars [];
    /// Label of the connection id (copyable) on the success screen.
    GoConnectionId = "go-connection-id", spec None, vars [];

    /// Fallback: the UI was opened without a session (was hard-coded English).
    ErrorOpenedDirectly = "error-opened-directly", spec None, vars [];
    /// Fallback: HTTP 401 (was hard-coded English).
    ErrorSessionExpired = "error-session-expired", spec None, vars [];
    /// Fallback: any other error (was hard-coded English).
    ErrorGeneric = "error-generic", spec None, vars [];

    /// The "optional" pill (was hard-coded English).
    FieldOptional = "field-optional", spec None, vars [];
    /// Screen-reader text for the required marker.
    FieldRequired = "field-required", spec None, vars [];
    /// Validation: empty required field.
    ValidationRequired = "validation-required", spec None, vars [];
    /// Validation: `format: hostname`.
    ValidationInvalidHostname = "validation-invalid-hostname", spec None, vars [];
    /// Validation: `format: uuid`.
    ValidationInvalidUuid = "validation-invalid-uuid", spec None, vars [];
    /// Validation: `format: uri`.
    ValidationInvalidUrl = "validation-invalid-url", spec None, vars [];
    /// Validation: `format: email`.
    ValidationInvalidEmail = "validation-invalid-email", spec None, vars [];
    /// Validation: `pattern` mismatch (`field` = the field label).
    ValidationIncorrect = "validation-incorrect", spec None, vars ["field"];
    /// Validation: value not in `enum`.
    ValidationNotAllowed = "validation-not-allowed", spec None, vars [];

    /// AWS External ID box title.
    AwsExternalIdTitle = "aws-external-id-title", spec None, vars [];
    /// AWS External ID box explanation.
    AwsExternalIdBody = "aws-external-id-body", spec None, vars [];

    /// Default label of `apiKey` (placeholder attribute: "Your API Key").
    FieldApiKey = "field-apiKey", spec None, vars [];
    /// Default label of `username`.
    FieldUsername = "field-username", spec None, vars [];
    /// Default label of `password`.
    FieldPassword = "field-password", spec None, vars [];
    /// Default label of `pat_name`.
    FieldPatName = "field-pat_name", spec None, vars [];
    /// Default label of `pat_secret`.
    FieldPatSecret = "field-pat_secret", spec None, vars [];
    /// Default label of `content_url`.
    FieldContentUrl = "field-content_url", spec None, vars [];
    /// Default label of `client_id`.
    FieldClientId = "field-client_id", spec None, vars [];
    /// Default label of `client_secret`.
    FieldClientSecret = "field-client_secret", spec None, vars [];
    /// Default label of `client_certificate`.
    FieldClientCertificate = "field-client_certificate", spec None, vars [];
    /// Default label of `client_private_key`.
    FieldClientPrivateKey = "field-client_private_key", spec None, vars [];
    /// Default label of `privateKey`.
    FieldPrivateKey = "field-privateKey", spec None, vars [];
    /// Default label of `oauth_client_id_override`.
    FieldOauthClientIdOverride = "field-oauth_client_id_override", spec None, vars [];
    /// Default label of `oauth_client_secret_override`.
    FieldOauthClientSecretOverride = "field-oauth_client_secret_override", spec None, vars [];
    /// Default label of `oauth_refresh_token_override`.
    FieldOauthRefreshTokenOverride = "field-oauth_refresh_token_override", spec None, vars [];
    /// Default label of `token_id`.
    FieldTokenId = "field-token_id", spec None, vars [];
    /// Default label of `token_secret`.
    FieldTokenSecret = "field-token_secret", spec None, vars [];
    /// Default label of `organization_id`.
    FieldOrganizationId = "field-organization_id", spec None, vars [];
    /// Default label of `dev_key`.
    FieldDevKey = "field-dev_key", spec None, vars [];
    /// Default label of `role_arn` (placeholder: a sample ARN).
    FieldRoleArn = "field-role_arn", spec None, vars [];
    /// Default label of `issuerId`.
    FieldIssuerId = "field-issuerId", spec None, vars [];
    /// Default label of `privateKeyId`.
    FieldPrivateKeyId = "field-privateKeyId", spec None, vars [];

    // Added with the UI polish pass (marked block at the end of every catalogue).
    /// Show/hide toggle of a secret input (a toggle button with `aria-pressed`).
    FieldShowSecret = "field-show-secret", spec None, vars ["field"];
}

/// Well-known credential names with a default label (§2.5.3), in the spec's order.
const DEFAULT_FIELDS: &[(&str, MessageKey)] = &[
    ("apiKey", MessageKey::FieldApiKey),
    ("username", MessageKey::FieldUsername),
    ("password", MessageKey::FieldPassword),
    ("pat_name", MessageKey::FieldPatName),
    ("pat_secret", MessageKey::FieldPatSecret),
    ("content_url", MessageKey::FieldContentUrl),
    ("client_id", MessageKey::FieldClientId),
    ("client_secret", MessageKey::FieldClientSecret),
    ("client_certificate", MessageKey::FieldClientCertificate),
    ("client_private_key", MessageKey::FieldClientPrivateKey),
    ("privateKey", MessageKey::FieldPrivateKey),
    (
        "oauth_client_id_override",
        MessageKey::FieldOauthClientIdOverride,
    ),
    (
        "oauth_client_secret_override",
        MessageKey::FieldOauthClientSecretOverride,
    ),
    (
        "oauth_refresh_token_override",
        MessageKey::FieldOauthRefreshTokenOverride,
    ),
    ("token_id", MessageKey::FieldTokenId),
    ("token_secret", MessageKey::FieldTokenSecret),
    ("organization_id", MessageKey::FieldOrganizationId),
    ("dev_key", MessageKey::FieldDevKey),
    ("role_arn", MessageKey::FieldRoleArn),
    ("issuerId", MessageKey::FieldIssuerId),
    ("privateKeyId", MessageKey::FieldPrivateKeyId),
];

impl MessageKey {
    /// Looks a key up by its Fluent id.
    pub fn from_id(id: &str) -> Option<MessageKey> {
        MessageKey::ALL.iter().copied().find(|k| k.id() == id)
    }

    /// Looks a key up by the spec's dotted name (`go.linkAccount`).
    pub fn from_spec_key(spec_key: &str) -> Option<MessageKey> {
        MessageKey::ALL
            .iter()
            .copied()
            .find(|k| k.spec_key() == Some(spec_key))
    }

    /// The default label key of a well-known credential field (`apiKey` → [`MessageKey::FieldApiKey`]).
    /// Its placeholder is the [`PLACEHOLDER_ATTRIBUTE`] attribute of the same message.
    pub fn default_field(credential_name: &str) -> Option<MessageKey> {
        DEFAULT_FIELDS
            .iter()
            .find(|(name, _)| *name == credential_name)
            .map(|(_, key)| *key)
    }

    /// True for the default field labels, which carry a placeholder attribute.
    pub fn has_placeholder(self) -> bool {
        DEFAULT_FIELDS.iter().any(|(_, key)| *key == self)
    }

    /// The translated text the UI shows for an auth error of this kind, when the spec gives one
    /// (§2.5.8): popup blocked/closed alerts, failed connection test, resource cap. Other kinds show
    /// the server's message (or [`MessageKey::GoUnknownError`]).
    pub fn for_auth_error(kind: &AuthErrorKind) -> Option<MessageKey> {
        match kind {
            AuthErrorKind::BlockedByBrowser => Some(MessageKey::GoPopupBlocked),
            AuthErrorKind::WindowClosed => Some(MessageKey::GoPopupClosed),
            AuthErrorKind::ConnectionTestFailed => Some(MessageKey::GoInvalidCredentials),
            AuthErrorKind::ResourceCapped => Some(MessageKey::GoResourceCapped),
            _ => None,
        }
    }
}

impl std::fmt::Display for MessageKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

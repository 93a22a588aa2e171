# Nango Connect UI, English (reference catalogue).
# Every other locales/<lang>.ftl must define exactly these messages and attributes,
# using the same variables. Message ids map to the spec's dotted keys in src/i18n/keys.rs.

## Shared labels

common-dialog-label = Connect an account
common-close = Close
common-loading = Loading…
common-back = Back
common-finish = Done
common-try-again = Try again
common-connecting = Connecting…
common-connect = Connect
common-view-guide = Read the setup guide
common-need-help = Need a hand?
common-cancel = Cancel
common-copy = Copy
common-copied = Copied
common-opens-in-new-tab = (opens in a new tab)
common-logo-alt = { $provider } logo
common-secured-by = Secured by
common-leave-confirm = Leave now? What you have typed so far will be lost.

## Integrations list

integrations-list-title = Choose an app to connect
integrations-list-description = Pick the service you want to link to your account.
integrations-list-no-integrations = Nothing to connect yet
integrations-list-no-integrations-description = No apps are available to connect right now. If you expected some, contact the team behind this app.
integrations-list-connect-to = Connect { $provider }
integrations-list-error = This app could not be loaded.
integrations-list-error-retry = Check your connection and try again.
integrations-list-search-label = Search apps
integrations-list-search-placeholder = Search…
integrations-list-no-results = No apps match “{ $query }”
integrations-list-result-count =
    { $count ->
        [one] One app found
       *[other] { $count } apps found
    }

## Connection form and result screens

go-link-account = Connect your { $provider } account
go-field-documentation = Help for { $field }
go-connect = Connect
go-success = You're connected
go-success-message = Your { $provider } account is now linked.
go-close-tab = You can close this tab now.
go-connection-failed = Connection failed
go-connection-error-generic = Your account could not be connected. Please try again.
go-show-error-details = Show details
go-hide-error-details = Hide details
go-try-again = Try again
go-back-to-list = Back to the list
go-will-connect = Everything is ready. Select Connect to link { $provider }.
go-popup-warning = A new window will open so you can sign in. Keep this one open until you are done.
go-popup-blocked = Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.
go-popup-closed = The sign-in window was closed before it finished. Try again when you are ready.
go-authorization-failed = The authorization was not completed.
go-invalid-credentials = { $provider } did not accept these credentials. Check them and try again.
go-resource-capped = This account has reached its connection limit. Contact the team behind this app to raise it.
go-invalid-preconfigured = Some settings prepared for this connection are not valid. Contact the team behind this app.
go-unknown-error = Unknown error
go-waiting-provider = Waiting for { $provider }…
go-waiting-browser = Waiting for your browser…
go-reopen-window = Open the window again
go-connection-id = Connection ID

## Error screens

error-opened-directly = This page cannot be opened on its own. Start from the app you want to connect.
error-session-expired = Your session has expired. Close this window and start again.
error-generic = Something went wrong. Refresh the page, or contact support if it keeps happening.

## Form fields and validation

field-optional = optional
field-required = required
validation-required = This field is required
validation-invalid-hostname = Enter a valid hostname (letters, digits, dots and hyphens only)
validation-invalid-uuid = Enter a valid UUID
validation-invalid-url = Enter a valid URL
validation-invalid-email = Enter a valid email address
validation-incorrect = Invalid { $field }
validation-not-allowed = Choose one of the allowed values

## AWS External ID box

aws-external-id-title = External ID
aws-external-id-body = Add this External ID to the trust policy of your IAM role before you connect.

## Default labels and placeholders of well-known credential fields.
## Message id = "field-" + the credential name. Keep the apiKey placeholder stable: tests find the input by it.

field-apiKey = API Key
    .placeholder = Your API Key
field-username = User Name
    .placeholder = Your user name
field-password = Password
    .placeholder = Your password
field-pat_name = Personal App Token
    .placeholder = Your personal app token
field-pat_secret = Personal App Token Secret
    .placeholder = Your personal app token secret
field-content_url = Content URL
    .placeholder = Your content URL
field-client_id = Client ID
    .placeholder = Your client ID
field-client_secret = Client Secret
    .placeholder = Your client secret
field-client_certificate = Client Certificate
    .placeholder = Your client certificate
field-client_private_key = Private Key
    .placeholder = Your private key
field-privateKey = Private Key
    .placeholder = Your private key
field-oauth_client_id_override = OAuth Client ID
    .placeholder = Your OAuth client ID
field-oauth_client_secret_override = OAuth Client Secret
    .placeholder = Your OAuth client secret
field-oauth_refresh_token_override = Refresh Token
    .placeholder = Your refresh token
field-token_id = Token ID
    .placeholder = Your token ID
field-token_secret = Token Secret
    .placeholder = Token secret
field-organization_id = Organization ID
    .placeholder = Your organization ID
field-dev_key = Developer Key
    .placeholder = Your developer key
field-role_arn = IAM Role ARN
    .placeholder = arn:aws:iam::123456789012:role/your-role-name
field-issuerId = Issuer ID
    .placeholder = Your issuer ID
field-privateKeyId = Key ID
    .placeholder = Your key ID

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Show { $field }

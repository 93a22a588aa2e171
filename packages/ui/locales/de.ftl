# Nango Connect UI, Deutsch.

## Shared labels

common-dialog-label = Konto verbinden
common-close = Schließen
common-loading = Wird geladen …
common-back = Zurück
common-finish = Fertig
common-try-again = Erneut versuchen
common-connecting = Verbindung wird hergestellt …
common-connect = Verbinden
common-view-guide = Einrichtungsanleitung lesen
common-need-help = Brauchen Sie Hilfe?
common-cancel = Abbrechen
common-copy = Kopieren
common-copied = Kopiert
common-opens-in-new-tab = (öffnet in einem neuen Tab)
common-logo-alt = { $provider }-Logo
common-secured-by = Gesichert durch
common-leave-confirm = Jetzt verlassen? Ihre bisherigen Eingaben gehen verloren.

## Integrations list

integrations-list-title = App zum Verbinden auswählen
integrations-list-description = Wählen Sie den Dienst, den Sie mit Ihrem Konto verknüpfen möchten.
integrations-list-no-integrations = Noch nichts zu verbinden
integrations-list-no-integrations-description = Derzeit stehen keine Apps zur Verfügung. Falls Sie welche erwartet haben, wenden Sie sich an das Team hinter dieser App.
integrations-list-connect-to = { $provider } verbinden
integrations-list-error = Diese App konnte nicht geladen werden.
integrations-list-error-retry = Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
integrations-list-search-label = Apps durchsuchen
integrations-list-search-placeholder = Suchen …
integrations-list-no-results = Keine App passt zu „{ $query }“
integrations-list-result-count =
    { $count ->
        [one] Eine App gefunden
       *[other] { $count } Apps gefunden
    }

## Connection form and result screens

go-link-account = Ihr { $provider }-Konto verbinden
go-field-documentation = Hilfe zu { $field }
go-connect = Verbinden
go-success = Verbindung hergestellt
go-success-message = Ihr { $provider }-Konto ist jetzt verknüpft.
go-close-tab = Sie können diesen Tab jetzt schließen.
go-connection-failed = Verbindung fehlgeschlagen
go-connection-error-generic = Ihr Konto konnte nicht verbunden werden. Bitte versuchen Sie es erneut.
go-show-error-details = Details anzeigen
go-hide-error-details = Details ausblenden
go-try-again = Erneut versuchen
go-back-to-list = Zurück zur Liste
go-will-connect = Alles bereit. Wählen Sie „Verbinden“, um { $provider } zu verknüpfen.
go-popup-warning = Zum Anmelden öffnet sich ein neues Fenster. Lassen Sie dieses Fenster geöffnet, bis Sie fertig sind.
go-popup-blocked = Ihr Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.
go-popup-closed = Das Anmeldefenster wurde geschlossen, bevor der Vorgang abgeschlossen war. Versuchen Sie es erneut, sobald Sie bereit sind.
go-authorization-failed = Die Autorisierung wurde nicht abgeschlossen.
go-invalid-credentials = { $provider } hat diese Zugangsdaten nicht akzeptiert. Prüfen Sie sie und versuchen Sie es erneut.
go-resource-capped = Dieses Konto hat sein Verbindungslimit erreicht. Wenden Sie sich an das Team hinter dieser App, um es zu erhöhen.
go-invalid-preconfigured = Einige für diese Verbindung vorbereitete Einstellungen sind ungültig. Wenden Sie sich an das Team hinter dieser App.
go-unknown-error = Unbekannter Fehler
go-waiting-provider = Warten auf { $provider } …
go-waiting-browser = Warten auf Ihren Browser …
go-reopen-window = Fenster erneut öffnen
go-connection-id = Verbindungs-ID

## Error screens

error-opened-directly = Diese Seite kann nicht direkt geöffnet werden. Starten Sie in der App, die Sie verbinden möchten.
error-session-expired = Ihre Sitzung ist abgelaufen. Schließen Sie dieses Fenster und beginnen Sie von vorn.
error-generic = Etwas ist schiefgelaufen. Laden Sie die Seite neu oder wenden Sie sich an den Support, falls das Problem bestehen bleibt.

## Form fields and validation

field-optional = optional
field-required = erforderlich
validation-required = Dieses Feld ist erforderlich
validation-invalid-hostname = Geben Sie einen gültigen Hostnamen ein (nur Buchstaben, Ziffern, Punkte und Bindestriche)
validation-invalid-uuid = Geben Sie eine gültige UUID ein
validation-invalid-url = Geben Sie eine gültige URL ein
validation-invalid-email = Geben Sie eine gültige E-Mail-Adresse ein
validation-incorrect = Ungültige Angabe: { $field }
validation-not-allowed = Wählen Sie einen der zulässigen Werte

## AWS External ID box

aws-external-id-title = Externe ID
aws-external-id-body = Fügen Sie diese externe ID vor dem Verbinden zur Vertrauensrichtlinie Ihrer IAM-Rolle hinzu.

## Default labels and placeholders of well-known credential fields.

field-apiKey = API-Schlüssel
    .placeholder = Ihr API-Schlüssel
field-username = Benutzername
    .placeholder = Ihr Benutzername
field-password = Passwort
    .placeholder = Ihr Passwort
field-pat_name = Persönliches App-Token
    .placeholder = Ihr persönliches App-Token
field-pat_secret = Geheimnis des persönlichen App-Tokens
    .placeholder = Das Geheimnis Ihres persönlichen App-Tokens
field-content_url = Inhalts-URL
    .placeholder = Ihre Inhalts-URL
field-client_id = Client-ID
    .placeholder = Ihre Client-ID
field-client_secret = Client-Geheimnis
    .placeholder = Ihr Client-Geheimnis
field-client_certificate = Client-Zertifikat
    .placeholder = Ihr Client-Zertifikat
field-client_private_key = Privater Schlüssel
    .placeholder = Ihr privater Schlüssel
field-privateKey = Privater Schlüssel
    .placeholder = Ihr privater Schlüssel
field-oauth_client_id_override = OAuth-Client-ID
    .placeholder = Ihre OAuth-Client-ID
field-oauth_client_secret_override = OAuth-Client-Geheimnis
    .placeholder = Ihr OAuth-Client-Geheimnis
field-oauth_refresh_token_override = Aktualisierungstoken
    .placeholder = Ihr Aktualisierungstoken
field-token_id = Token-ID
    .placeholder = Ihre Token-ID
field-token_secret = Token-Geheimnis
    .placeholder = Token-Geheimnis
field-organization_id = Organisations-ID
    .placeholder = Ihre Organisations-ID
field-dev_key = Entwicklerschlüssel
    .placeholder = Ihr Entwicklerschlüssel
field-role_arn = ARN der IAM-Rolle
    .placeholder = arn:aws:iam::123456789012:role/name-ihrer-rolle
field-issuerId = Aussteller-ID
    .placeholder = Ihre Aussteller-ID
field-privateKeyId = Schlüssel-ID
    .placeholder = Ihre Schlüssel-ID

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = { $field } anzeigen

# Nango Connect UI, Nederlands.

## Shared labels

common-dialog-label = Een account koppelen
common-close = Sluiten
common-loading = Laden…
common-back = Terug
common-finish = Klaar
common-try-again = Opnieuw proberen
common-connecting = Bezig met koppelen…
common-connect = Koppelen
common-view-guide = Bekijk de installatiehandleiding
common-need-help = Hulp nodig?
common-cancel = Annuleren
common-copy = Kopiëren
common-copied = Gekopieerd
common-opens-in-new-tab = (opent in een nieuw tabblad)
common-logo-alt = Logo van { $provider }
common-secured-by = Beveiligd door
common-leave-confirm = Nu weggaan? Wat je hebt ingevuld, gaat verloren.

## Integrations list

integrations-list-title = Kies een app om te koppelen
integrations-list-description = Selecteer de dienst die je aan je account wilt koppelen.
integrations-list-no-integrations = Nog niets om te koppelen
integrations-list-no-integrations-description = Er zijn op dit moment geen apps beschikbaar. Verwachtte je er wel een paar? Neem dan contact op met het team achter deze app.
integrations-list-connect-to = { $provider } koppelen
integrations-list-error = Deze app kon niet worden geladen.
integrations-list-error-retry = Controleer je verbinding en probeer het opnieuw.
integrations-list-search-label = Apps zoeken
integrations-list-search-placeholder = Zoeken…
integrations-list-no-results = Geen apps gevonden voor ‘{ $query }’
integrations-list-result-count =
    { $count ->
        [one] Eén app gevonden
       *[other] { $count } apps gevonden
    }

## Connection form and result screens

go-link-account = Koppel je { $provider }-account
go-field-documentation = Hulp bij { $field }
go-connect = Koppelen
go-success = Gekoppeld
go-success-message = Je { $provider }-account is nu gekoppeld.
go-close-tab = Je kunt dit tabblad nu sluiten.
go-connection-failed = Koppelen mislukt
go-connection-error-generic = Je account kon niet worden gekoppeld. Probeer het opnieuw.
go-show-error-details = Details tonen
go-hide-error-details = Details verbergen
go-try-again = Opnieuw proberen
go-back-to-list = Terug naar de lijst
go-will-connect = Alles is klaar. Kies Koppelen om { $provider } te koppelen.
go-popup-warning = Er opent een nieuw venster om in te loggen. Houd dit venster open tot je klaar bent.
go-popup-blocked = Je browser heeft het inlogvenster geblokkeerd. Sta pop-ups toe voor deze site en probeer het opnieuw.
go-popup-closed = Het inlogvenster is gesloten voordat het klaar was. Probeer het opnieuw wanneer je wilt.
go-authorization-failed = De autorisatie is niet voltooid.
go-invalid-credentials = { $provider } heeft deze inloggegevens niet geaccepteerd. Controleer ze en probeer het opnieuw.
go-resource-capped = Dit account heeft de limiet voor koppelingen bereikt. Neem contact op met het team achter deze app om die te verhogen.
go-invalid-preconfigured = Sommige instellingen die voor deze koppeling zijn voorbereid, zijn ongeldig. Neem contact op met het team achter deze app.
go-unknown-error = Onbekende fout
go-waiting-provider = Wachten op { $provider }…
go-waiting-browser = Wachten op je browser…
go-reopen-window = Venster opnieuw openen
go-connection-id = Koppelings-ID

## Error screens

error-opened-directly = Deze pagina kan niet los worden geopend. Begin in de app die je wilt koppelen.
error-session-expired = Je sessie is verlopen. Sluit dit venster en begin opnieuw.
error-generic = Er is iets misgegaan. Vernieuw de pagina of neem contact op met support als het probleem blijft.

## Form fields and validation

field-optional = optioneel
field-required = verplicht
validation-required = Dit veld is verplicht
validation-invalid-hostname = Vul een geldige hostnaam in (alleen letters, cijfers, punten en koppeltekens)
validation-invalid-uuid = Vul een geldige UUID in
validation-invalid-url = Vul een geldige URL in
validation-invalid-email = Vul een geldig e-mailadres in
validation-incorrect = Ongeldige waarde voor { $field }
validation-not-allowed = Kies een van de toegestane waarden

## AWS External ID box

aws-external-id-title = Externe ID
aws-external-id-body = Voeg deze externe ID toe aan het vertrouwensbeleid van je IAM-rol voordat je koppelt.

## Default labels and placeholders of well-known credential fields.

field-apiKey = API-sleutel
    .placeholder = Je API-sleutel
field-username = Gebruikersnaam
    .placeholder = Je gebruikersnaam
field-password = Wachtwoord
    .placeholder = Je wachtwoord
field-pat_name = Persoonlijk app-token
    .placeholder = Je persoonlijke app-token
field-pat_secret = Geheim van persoonlijk app-token
    .placeholder = Het geheim van je persoonlijke app-token
field-content_url = Content-URL
    .placeholder = Je content-URL
field-client_id = Client-ID
    .placeholder = Je client-ID
field-client_secret = Clientgeheim
    .placeholder = Je clientgeheim
field-client_certificate = Clientcertificaat
    .placeholder = Je clientcertificaat
field-client_private_key = Privésleutel
    .placeholder = Je privésleutel
field-privateKey = Privésleutel
    .placeholder = Je privésleutel
field-oauth_client_id_override = OAuth-client-ID
    .placeholder = Je OAuth-client-ID
field-oauth_client_secret_override = OAuth-clientgeheim
    .placeholder = Je OAuth-clientgeheim
field-oauth_refresh_token_override = Vernieuwingstoken
    .placeholder = Je vernieuwingstoken
field-token_id = Token-ID
    .placeholder = Je token-ID
field-token_secret = Tokengeheim
    .placeholder = Tokengeheim
field-organization_id = Organisatie-ID
    .placeholder = Je organisatie-ID
field-dev_key = Ontwikkelaarssleutel
    .placeholder = Je ontwikkelaarssleutel
field-role_arn = ARN van IAM-rol
    .placeholder = arn:aws:iam::123456789012:role/naam-van-je-rol
field-issuerId = Uitgever-ID
    .placeholder = Je uitgever-ID
field-privateKeyId = Sleutel-ID
    .placeholder = Je sleutel-ID

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = { $field } tonen

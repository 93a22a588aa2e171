# Nango Connect UI, svenska.

## Shared labels

common-dialog-label = Anslut ett konto
common-close = Stäng
common-loading = Läser in…
common-back = Tillbaka
common-finish = Klar
common-try-again = Försök igen
common-connecting = Ansluter…
common-connect = Anslut
common-view-guide = Läs installationsguiden
common-need-help = Behöver du hjälp?
common-cancel = Avbryt
common-copy = Kopiera
common-copied = Kopierat
common-opens-in-new-tab = (öppnas i en ny flik)
common-logo-alt = Logotyp för { $provider }
common-secured-by = Skyddas av
common-leave-confirm = Vill du lämna nu? Det du har skrivit går förlorat.

## Integrations list

integrations-list-title = Välj en app att ansluta
integrations-list-description = Välj tjänsten som du vill koppla till ditt konto.
integrations-list-no-integrations = Inget att ansluta än
integrations-list-no-integrations-description = Det finns inga appar att ansluta just nu. Om du väntade dig några kan du kontakta teamet bakom den här appen.
integrations-list-connect-to = Anslut { $provider }
integrations-list-error = Det gick inte att läsa in appen.
integrations-list-error-retry = Kontrollera anslutningen och försök igen.
integrations-list-search-label = Sök appar
integrations-list-search-placeholder = Sök…
integrations-list-no-results = Inga appar matchar ”{ $query }”
integrations-list-result-count =
    { $count ->
        [one] En app hittades
       *[other] { $count } appar hittades
    }

## Connection form and result screens

go-link-account = Anslut ditt { $provider }-konto
go-field-documentation = Hjälp för { $field }
go-connect = Anslut
go-success = Anslutet
go-success-message = Ditt { $provider }-konto är nu kopplat.
go-close-tab = Du kan stänga den här fliken nu.
go-connection-failed = Anslutningen misslyckades
go-connection-error-generic = Det gick inte att ansluta ditt konto. Försök igen.
go-show-error-details = Visa detaljer
go-hide-error-details = Dölj detaljer
go-try-again = Försök igen
go-back-to-list = Tillbaka till listan
go-will-connect = Allt är klart. Välj Anslut för att koppla { $provider }.
go-popup-warning = Ett nytt fönster öppnas där du loggar in. Låt det här fönstret vara öppet tills du är klar.
go-popup-blocked = Webbläsaren blockerade inloggningsfönstret. Tillåt popup-fönster för den här webbplatsen och försök igen.
go-popup-closed = Inloggningsfönstret stängdes innan det var klart. Försök igen när du vill.
go-authorization-failed = Auktoriseringen slutfördes inte.
go-invalid-credentials = { $provider } godkände inte de här inloggningsuppgifterna. Kontrollera dem och försök igen.
go-resource-capped = Kontot har nått sin gräns för anslutningar. Kontakta teamet bakom den här appen för att höja den.
go-invalid-preconfigured = Vissa inställningar som förberetts för den här anslutningen är ogiltiga. Kontakta teamet bakom den här appen.
go-unknown-error = Okänt fel
go-waiting-provider = Väntar på { $provider }…
go-waiting-browser = Väntar på webbläsaren…
go-reopen-window = Öppna fönstret igen
go-connection-id = Anslutnings-ID

## Error screens

error-opened-directly = Den här sidan kan inte öppnas fristående. Börja i appen som du vill ansluta.
error-session-expired = Sessionen har gått ut. Stäng fönstret och börja om.
error-generic = Något gick fel. Uppdatera sidan eller kontakta supporten om problemet kvarstår.

## Form fields and validation

field-optional = valfritt
field-required = obligatoriskt
validation-required = Fältet är obligatoriskt
validation-invalid-hostname = Ange ett giltigt värdnamn (endast bokstäver, siffror, punkter och bindestreck)
validation-invalid-uuid = Ange ett giltigt UUID
validation-invalid-url = Ange en giltig URL
validation-invalid-email = Ange en giltig e-postadress
validation-incorrect = Ogiltigt värde för { $field }
validation-not-allowed = Välj ett av de tillåtna värdena

## AWS External ID box

aws-external-id-title = Externt ID
aws-external-id-body = Lägg till det här externa ID:t i förtroendepolicyn för din IAM-roll innan du ansluter.

## Default labels and placeholders of well-known credential fields.

field-apiKey = API-nyckel
    .placeholder = Din API-nyckel
field-username = Användarnamn
    .placeholder = Ditt användarnamn
field-password = Lösenord
    .placeholder = Ditt lösenord
field-pat_name = Personlig apptoken
    .placeholder = Din personliga apptoken
field-pat_secret = Hemlighet för personlig apptoken
    .placeholder = Hemligheten för din personliga apptoken
field-content_url = Innehålls-URL
    .placeholder = Din innehålls-URL
field-client_id = Klient-ID
    .placeholder = Ditt klient-ID
field-client_secret = Klienthemlighet
    .placeholder = Din klienthemlighet
field-client_certificate = Klientcertifikat
    .placeholder = Ditt klientcertifikat
field-client_private_key = Privat nyckel
    .placeholder = Din privata nyckel
field-privateKey = Privat nyckel
    .placeholder = Din privata nyckel
field-oauth_client_id_override = OAuth-klient-ID
    .placeholder = Ditt OAuth-klient-ID
field-oauth_client_secret_override = OAuth-klienthemlighet
    .placeholder = Din OAuth-klienthemlighet
field-oauth_refresh_token_override = Uppdateringstoken
    .placeholder = Din uppdateringstoken
field-token_id = Token-ID
    .placeholder = Ditt token-ID
field-token_secret = Tokenhemlighet
    .placeholder = Tokenhemlighet
field-organization_id = Organisations-ID
    .placeholder = Ditt organisations-ID
field-dev_key = Utvecklarnyckel
    .placeholder = Din utvecklarnyckel
field-role_arn = ARN för IAM-roll
    .placeholder = arn:aws:iam::123456789012:role/namn-pa-din-roll
field-issuerId = Utfärdar-ID
    .placeholder = Ditt utfärdar-ID
field-privateKeyId = Nyckel-ID
    .placeholder = Ditt nyckel-ID

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Visa { $field }

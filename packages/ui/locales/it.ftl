# Nango Connect UI, italiano.

## Shared labels

common-dialog-label = Collega un account
common-close = Chiudi
common-loading = Caricamento…
common-back = Indietro
common-finish = Fine
common-try-again = Riprova
common-connecting = Connessione in corso…
common-connect = Collega
common-view-guide = Leggi la guida alla configurazione
common-need-help = Serve aiuto?
common-cancel = Annulla
common-copy = Copia
common-copied = Copiato
common-opens-in-new-tab = (si apre in una nuova scheda)
common-logo-alt = Logo di { $provider }
common-secured-by = Protetto da
common-leave-confirm = Uscire adesso? Quanto hai inserito andrà perso.

## Integrations list

integrations-list-title = Scegli un’app da collegare
integrations-list-description = Seleziona il servizio che vuoi associare al tuo account.
integrations-list-no-integrations = Ancora niente da collegare
integrations-list-no-integrations-description = Al momento non ci sono app disponibili. Se ti aspettavi di vederne qualcuna, contatta il team di questa app.
integrations-list-connect-to = Collega { $provider }
integrations-list-error = Impossibile caricare questa app.
integrations-list-error-retry = Controlla la connessione e riprova.
integrations-list-search-label = Cerca app
integrations-list-search-placeholder = Cerca…
integrations-list-no-results = Nessuna app corrisponde a “{ $query }”
integrations-list-result-count =
    { $count ->
        [one] Trovata un’app
       *[other] Trovate { $count } app
    }

## Connection form and result screens

go-link-account = Collega il tuo account { $provider }
go-field-documentation = Aiuto per { $field }
go-connect = Collega
go-success = Collegamento riuscito
go-success-message = Il tuo account { $provider } è ora collegato.
go-close-tab = Ora puoi chiudere questa scheda.
go-connection-failed = Collegamento non riuscito
go-connection-error-generic = Non è stato possibile collegare il tuo account. Riprova.
go-show-error-details = Mostra dettagli
go-hide-error-details = Nascondi dettagli
go-try-again = Riprova
go-back-to-list = Torna all’elenco
go-will-connect = È tutto pronto. Seleziona Collega per associare { $provider }.
go-popup-warning = Si aprirà una nuova finestra per l’accesso. Tieni aperta questa finché non hai finito.
go-popup-blocked = Il browser ha bloccato la finestra di accesso. Consenti i pop-up per questo sito e riprova.
go-popup-closed = La finestra di accesso è stata chiusa prima di terminare. Riprova quando vuoi.
go-authorization-failed = L’autorizzazione non è stata completata.
go-invalid-credentials = { $provider } non ha accettato queste credenziali. Controllale e riprova.
go-resource-capped = Questo account ha raggiunto il limite di connessioni. Contatta il team di questa app per aumentarlo.
go-invalid-preconfigured = Alcune impostazioni predisposte per questa connessione non sono valide. Contatta il team di questa app.
go-unknown-error = Errore sconosciuto
go-waiting-provider = In attesa di { $provider }…
go-waiting-browser = In attesa del browser…
go-reopen-window = Riapri la finestra
go-connection-id = ID connessione

## Error screens

error-opened-directly = Questa pagina non può essere aperta da sola. Parti dall’app che vuoi collegare.
error-session-expired = La sessione è scaduta. Chiudi questa finestra e ricomincia.
error-generic = Si è verificato un problema. Aggiorna la pagina o contatta l’assistenza se il problema persiste.

## Form fields and validation

field-optional = facoltativo
field-required = obbligatorio
validation-required = Questo campo è obbligatorio
validation-invalid-hostname = Inserisci un nome host valido (solo lettere, cifre, punti e trattini)
validation-invalid-uuid = Inserisci un UUID valido
validation-invalid-url = Inserisci un URL valido
validation-invalid-email = Inserisci un indirizzo email valido
validation-incorrect = { $field } non valido
validation-not-allowed = Scegli uno dei valori consentiti

## AWS External ID box

aws-external-id-title = ID esterno
aws-external-id-body = Prima di collegarti, aggiungi questo ID esterno alla policy di attendibilità del tuo ruolo IAM.

## Default labels and placeholders of well-known credential fields.

field-apiKey = Chiave API
    .placeholder = La tua chiave API
field-username = Nome utente
    .placeholder = Il tuo nome utente
field-password = Password
    .placeholder = La tua password
field-pat_name = Token app personale
    .placeholder = Il tuo token app personale
field-pat_secret = Segreto del token app personale
    .placeholder = Il segreto del tuo token app personale
field-content_url = URL del contenuto
    .placeholder = Il tuo URL del contenuto
field-client_id = ID client
    .placeholder = Il tuo ID client
field-client_secret = Segreto client
    .placeholder = Il tuo segreto client
field-client_certificate = Certificato client
    .placeholder = Il tuo certificato client
field-client_private_key = Chiave privata
    .placeholder = La tua chiave privata
field-privateKey = Chiave privata
    .placeholder = La tua chiave privata
field-oauth_client_id_override = ID client OAuth
    .placeholder = Il tuo ID client OAuth
field-oauth_client_secret_override = Segreto client OAuth
    .placeholder = Il tuo segreto client OAuth
field-oauth_refresh_token_override = Token di aggiornamento
    .placeholder = Il tuo token di aggiornamento
field-token_id = ID token
    .placeholder = Il tuo ID token
field-token_secret = Segreto del token
    .placeholder = Segreto del token
field-organization_id = ID organizzazione
    .placeholder = Il tuo ID organizzazione
field-dev_key = Chiave sviluppatore
    .placeholder = La tua chiave sviluppatore
field-role_arn = ARN del ruolo IAM
    .placeholder = arn:aws:iam::123456789012:role/nome-del-tuo-ruolo
field-issuerId = ID emittente
    .placeholder = Il tuo ID emittente
field-privateKeyId = ID chiave
    .placeholder = Il tuo ID chiave

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Mostra { $field }

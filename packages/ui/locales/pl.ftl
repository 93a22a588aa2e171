# Nango Connect UI, polski.

## Shared labels

common-dialog-label = Połącz konto
common-close = Zamknij
common-loading = Wczytywanie…
common-back = Wstecz
common-finish = Gotowe
common-try-again = Spróbuj ponownie
common-connecting = Łączenie…
common-connect = Połącz
common-view-guide = Zobacz instrukcję konfiguracji
common-need-help = Potrzebujesz pomocy?
common-cancel = Anuluj
common-copy = Kopiuj
common-copied = Skopiowano
common-opens-in-new-tab = (otwiera się w nowej karcie)
common-logo-alt = Logo { $provider }
common-secured-by = Zabezpieczone przez
common-leave-confirm = Wyjść teraz? Wpisane dane zostaną utracone.

## Integrations list

integrations-list-title = Wybierz aplikację do połączenia
integrations-list-description = Wybierz usługę, którą chcesz powiązać ze swoim kontem.
integrations-list-no-integrations = Na razie nie ma nic do połączenia
integrations-list-no-integrations-description = Obecnie nie są dostępne żadne aplikacje. Jeśli spodziewasz się jakichś, skontaktuj się z zespołem tej aplikacji.
integrations-list-connect-to = Połącz { $provider }
integrations-list-error = Nie udało się wczytać tej aplikacji.
integrations-list-error-retry = Sprawdź połączenie i spróbuj ponownie.
integrations-list-search-label = Szukaj aplikacji
integrations-list-search-placeholder = Szukaj…
integrations-list-no-results = Brak aplikacji pasujących do „{ $query }”
integrations-list-result-count =
    { $count ->
        [one] Znaleziono { $count } aplikację
        [few] Znaleziono { $count } aplikacje
       *[other] Znaleziono { $count } aplikacji
    }

## Connection form and result screens

go-link-account = Połącz swoje konto { $provider }
go-field-documentation = Pomoc dotycząca pola { $field }
go-connect = Połącz
go-success = Połączono
go-success-message = Twoje konto { $provider } zostało powiązane.
go-close-tab = Możesz już zamknąć tę kartę.
go-connection-failed = Nie udało się połączyć
go-connection-error-generic = Nie udało się połączyć Twojego konta. Spróbuj ponownie.
go-show-error-details = Pokaż szczegóły
go-hide-error-details = Ukryj szczegóły
go-try-again = Spróbuj ponownie
go-back-to-list = Wróć do listy
go-will-connect = Wszystko gotowe. Wybierz Połącz, aby powiązać { $provider }.
go-popup-warning = Otworzy się nowe okno logowania. Nie zamykaj tego okna, dopóki nie skończysz.
go-popup-blocked = Przeglądarka zablokowała okno logowania. Zezwól na wyskakujące okna dla tej witryny i spróbuj ponownie.
go-popup-closed = Okno logowania zostało zamknięte przed zakończeniem. Spróbuj ponownie, gdy zechcesz.
go-authorization-failed = Autoryzacja nie została ukończona.
go-invalid-credentials = { $provider } nie zaakceptował tych danych logowania. Sprawdź je i spróbuj ponownie.
go-resource-capped = To konto osiągnęło limit połączeń. Skontaktuj się z zespołem tej aplikacji, aby go zwiększyć.
go-invalid-preconfigured = Niektóre ustawienia przygotowane dla tego połączenia są nieprawidłowe. Skontaktuj się z zespołem tej aplikacji.
go-unknown-error = Nieznany błąd
go-waiting-provider = Oczekiwanie na { $provider }…
go-waiting-browser = Oczekiwanie na przeglądarkę…
go-reopen-window = Otwórz okno ponownie
go-connection-id = Identyfikator połączenia

## Error screens

error-opened-directly = Tej strony nie można otworzyć bezpośrednio. Zacznij od aplikacji, którą chcesz połączyć.
error-session-expired = Sesja wygasła. Zamknij to okno i zacznij od nowa.
error-generic = Coś poszło nie tak. Odśwież stronę lub skontaktuj się z pomocą techniczną, jeśli problem będzie się powtarzał.

## Form fields and validation

field-optional = opcjonalne
field-required = wymagane
validation-required = To pole jest wymagane
validation-invalid-hostname = Wpisz prawidłową nazwę hosta (tylko litery, cyfry, kropki i łączniki)
validation-invalid-uuid = Wpisz prawidłowy identyfikator UUID
validation-invalid-url = Wpisz prawidłowy adres URL
validation-invalid-email = Wpisz prawidłowy adres e-mail
validation-incorrect = Nieprawidłowa wartość pola { $field }
validation-not-allowed = Wybierz jedną z dozwolonych wartości

## AWS External ID box

aws-external-id-title = Identyfikator zewnętrzny
aws-external-id-body = Przed połączeniem dodaj ten identyfikator zewnętrzny do zasad zaufania swojej roli IAM.

## Default labels and placeholders of well-known credential fields.

field-apiKey = Klucz API
    .placeholder = Twój klucz API
field-username = Nazwa użytkownika
    .placeholder = Twoja nazwa użytkownika
field-password = Hasło
    .placeholder = Twoje hasło
field-pat_name = Osobisty token aplikacji
    .placeholder = Twój osobisty token aplikacji
field-pat_secret = Sekret osobistego tokenu aplikacji
    .placeholder = Sekret Twojego osobistego tokenu aplikacji
field-content_url = Adres URL treści
    .placeholder = Twój adres URL treści
field-client_id = Identyfikator klienta
    .placeholder = Twój identyfikator klienta
field-client_secret = Sekret klienta
    .placeholder = Twój sekret klienta
field-client_certificate = Certyfikat klienta
    .placeholder = Twój certyfikat klienta
field-client_private_key = Klucz prywatny
    .placeholder = Twój klucz prywatny
field-privateKey = Klucz prywatny
    .placeholder = Twój klucz prywatny
field-oauth_client_id_override = Identyfikator klienta OAuth
    .placeholder = Twój identyfikator klienta OAuth
field-oauth_client_secret_override = Sekret klienta OAuth
    .placeholder = Twój sekret klienta OAuth
field-oauth_refresh_token_override = Token odświeżania
    .placeholder = Twój token odświeżania
field-token_id = Identyfikator tokenu
    .placeholder = Twój identyfikator tokenu
field-token_secret = Sekret tokenu
    .placeholder = Sekret tokenu
field-organization_id = Identyfikator organizacji
    .placeholder = Twój identyfikator organizacji
field-dev_key = Klucz dewelopera
    .placeholder = Twój klucz dewelopera
field-role_arn = ARN roli IAM
    .placeholder = arn:aws:iam::123456789012:role/nazwa-twojej-roli
field-issuerId = Identyfikator wystawcy
    .placeholder = Twój identyfikator wystawcy
field-privateKeyId = Identyfikator klucza
    .placeholder = Twój identyfikator klucza

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Pokaż: { $field }

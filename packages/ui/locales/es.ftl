# Nango Connect UI, español.

## Shared labels

common-dialog-label = Conectar una cuenta
common-close = Cerrar
common-loading = Cargando…
common-back = Atrás
common-finish = Listo
common-try-again = Volver a intentarlo
common-connecting = Conectando…
common-connect = Conectar
common-view-guide = Ver la guía de configuración
common-need-help = ¿Necesitas ayuda?
common-cancel = Cancelar
common-copy = Copiar
common-copied = Copiado
common-opens-in-new-tab = (se abre en una pestaña nueva)
common-logo-alt = Logotipo de { $provider }
common-secured-by = Protegido por
common-leave-confirm = ¿Salir ahora? Se perderá lo que has escrito.

## Integrations list

integrations-list-title = Elige una aplicación para conectar
integrations-list-description = Selecciona el servicio que quieres vincular a tu cuenta.
integrations-list-no-integrations = Todavía no hay nada que conectar
integrations-list-no-integrations-description = Ahora mismo no hay aplicaciones disponibles. Si esperabas ver alguna, ponte en contacto con el equipo de esta aplicación.
integrations-list-connect-to = Conectar { $provider }
integrations-list-error = No se ha podido cargar esta aplicación.
integrations-list-error-retry = Comprueba tu conexión y vuelve a intentarlo.
integrations-list-search-label = Buscar aplicaciones
integrations-list-search-placeholder = Buscar…
integrations-list-no-results = Ninguna aplicación coincide con «{ $query }»
integrations-list-result-count =
    { $count ->
        [one] Se ha encontrado una aplicación
       *[other] Se han encontrado { $count } aplicaciones
    }

## Connection form and result screens

go-link-account = Conecta tu cuenta de { $provider }
go-field-documentation = Ayuda sobre { $field }
go-connect = Conectar
go-success = Conexión completada
go-success-message = Tu cuenta de { $provider } ya está vinculada.
go-close-tab = Ya puedes cerrar esta pestaña.
go-connection-failed = No se ha podido conectar
go-connection-error-generic = No se ha podido conectar tu cuenta. Vuelve a intentarlo.
go-show-error-details = Mostrar detalles
go-hide-error-details = Ocultar detalles
go-try-again = Volver a intentarlo
go-back-to-list = Volver a la lista
go-will-connect = Todo listo. Selecciona Conectar para vincular { $provider }.
go-popup-warning = Se abrirá una ventana nueva para que inicies sesión. Mantén esta abierta hasta terminar.
go-popup-blocked = Tu navegador ha bloqueado la ventana de inicio de sesión. Permite las ventanas emergentes para este sitio y vuelve a intentarlo.
go-popup-closed = La ventana de inicio de sesión se cerró antes de terminar. Vuelve a intentarlo cuando quieras.
go-authorization-failed = La autorización no se ha completado.
go-invalid-credentials = { $provider } no ha aceptado estas credenciales. Revísalas y vuelve a intentarlo.
go-resource-capped = Esta cuenta ha alcanzado su límite de conexiones. Ponte en contacto con el equipo de esta aplicación para ampliarlo.
go-invalid-preconfigured = Algunos ajustes preparados para esta conexión no son válidos. Ponte en contacto con el equipo de esta aplicación.
go-unknown-error = Error desconocido
go-waiting-provider = Esperando a { $provider }…
go-waiting-browser = Esperando a tu navegador…
go-reopen-window = Volver a abrir la ventana
go-connection-id = ID de conexión

## Error screens

error-opened-directly = Esta página no se puede abrir por sí sola. Empieza desde la aplicación que quieres conectar.
error-session-expired = Tu sesión ha caducado. Cierra esta ventana y vuelve a empezar.
error-generic = Algo ha salido mal. Actualiza la página o contacta con el soporte si el problema continúa.

## Form fields and validation

field-optional = opcional
field-required = obligatorio
validation-required = Este campo es obligatorio
validation-invalid-hostname = Introduce un nombre de host válido (solo letras, números, puntos y guiones)
validation-invalid-uuid = Introduce un UUID válido
validation-invalid-url = Introduce una URL válida
validation-invalid-email = Introduce una dirección de correo electrónico válida
validation-incorrect = { $field } no es válido
validation-not-allowed = Elige uno de los valores permitidos

## AWS External ID box

aws-external-id-title = ID externo
aws-external-id-body = Añade este ID externo a la política de confianza de tu rol de IAM antes de conectar.

## Default labels and placeholders of well-known credential fields.

field-apiKey = Clave de API
    .placeholder = Tu clave de API
field-username = Nombre de usuario
    .placeholder = Tu nombre de usuario
field-password = Contraseña
    .placeholder = Tu contraseña
field-pat_name = Token de aplicación personal
    .placeholder = Tu token de aplicación personal
field-pat_secret = Secreto del token de aplicación personal
    .placeholder = El secreto de tu token de aplicación personal
field-content_url = URL de contenido
    .placeholder = Tu URL de contenido
field-client_id = ID de cliente
    .placeholder = Tu ID de cliente
field-client_secret = Secreto de cliente
    .placeholder = Tu secreto de cliente
field-client_certificate = Certificado de cliente
    .placeholder = Tu certificado de cliente
field-client_private_key = Clave privada
    .placeholder = Tu clave privada
field-privateKey = Clave privada
    .placeholder = Tu clave privada
field-oauth_client_id_override = ID de cliente OAuth
    .placeholder = Tu ID de cliente OAuth
field-oauth_client_secret_override = Secreto de cliente OAuth
    .placeholder = Tu secreto de cliente OAuth
field-oauth_refresh_token_override = Token de actualización
    .placeholder = Tu token de actualización
field-token_id = ID del token
    .placeholder = Tu ID de token
field-token_secret = Secreto del token
    .placeholder = Secreto del token
field-organization_id = ID de la organización
    .placeholder = Tu ID de organización
field-dev_key = Clave de desarrollador
    .placeholder = Tu clave de desarrollador
field-role_arn = ARN del rol de IAM
    .placeholder = arn:aws:iam::123456789012:role/nombre-de-tu-rol
field-issuerId = ID del emisor
    .placeholder = Tu ID de emisor
field-privateKeyId = ID de la clave
    .placeholder = Tu ID de clave

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Mostrar { $field }

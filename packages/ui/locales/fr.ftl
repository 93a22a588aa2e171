# Nango Connect UI, français.

## Shared labels

common-dialog-label = Connecter un compte
common-close = Fermer
common-loading = Chargement…
common-back = Retour
common-finish = Terminer
common-try-again = Réessayer
common-connecting = Connexion en cours…
common-connect = Connecter
common-view-guide = Consulter le guide de configuration
common-need-help = Besoin d’aide ?
common-cancel = Annuler
common-copy = Copier
common-copied = Copié
common-opens-in-new-tab = (s’ouvre dans un nouvel onglet)
common-logo-alt = Logo { $provider }
common-secured-by = Sécurisé par
common-leave-confirm = Quitter maintenant ? Les informations saisies seront perdues.

## Integrations list

integrations-list-title = Choisissez une application à connecter
integrations-list-description = Sélectionnez le service que vous souhaitez associer à votre compte.
integrations-list-no-integrations = Rien à connecter pour le moment
integrations-list-no-integrations-description = Aucune application n’est disponible pour l’instant. Si vous vous attendiez à en voir, contactez l’équipe de cette application.
integrations-list-connect-to = Connecter { $provider }
integrations-list-error = Impossible de charger cette application.
integrations-list-error-retry = Vérifiez votre connexion et réessayez.
integrations-list-search-label = Rechercher une application
integrations-list-search-placeholder = Rechercher…
integrations-list-no-results = Aucune application ne correspond à « { $query } »
integrations-list-result-count =
    { $count ->
        [one] { $count } application trouvée
       *[other] { $count } applications trouvées
    }

## Connection form and result screens

go-link-account = Connectez votre compte { $provider }
go-field-documentation = Aide pour { $field }
go-connect = Connecter
go-success = Connexion réussie
go-success-message = Votre compte { $provider } est maintenant associé.
go-close-tab = Vous pouvez fermer cet onglet.
go-connection-failed = Échec de la connexion
go-connection-error-generic = Votre compte n’a pas pu être connecté. Veuillez réessayer.
go-show-error-details = Afficher les détails
go-hide-error-details = Masquer les détails
go-try-again = Réessayer
go-back-to-list = Retour à la liste
go-will-connect = Tout est prêt. Sélectionnez Connecter pour associer { $provider }.
go-popup-warning = Une nouvelle fenêtre va s’ouvrir pour vous permettre de vous identifier. Gardez celle-ci ouverte jusqu’à la fin.
go-popup-blocked = Votre navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres pop-up pour ce site, puis réessayez.
go-popup-closed = La fenêtre de connexion a été fermée avant la fin. Réessayez quand vous le souhaitez.
go-authorization-failed = L’autorisation n’a pas abouti.
go-invalid-credentials = { $provider } a refusé ces identifiants. Vérifiez-les et réessayez.
go-resource-capped = Ce compte a atteint sa limite de connexions. Contactez l’équipe de cette application pour l’augmenter.
go-invalid-preconfigured = Certains paramètres préparés pour cette connexion ne sont pas valides. Contactez l’équipe de cette application.
go-unknown-error = Erreur inconnue
go-waiting-provider = En attente de { $provider }…
go-waiting-browser = En attente de votre navigateur…
go-reopen-window = Rouvrir la fenêtre
go-connection-id = Identifiant de connexion

## Error screens

error-opened-directly = Cette page ne peut pas être ouverte seule. Commencez depuis l’application que vous souhaitez connecter.
error-session-expired = Votre session a expiré. Fermez cette fenêtre et recommencez.
error-generic = Une erreur s’est produite. Actualisez la page ou contactez le support si le problème persiste.

## Form fields and validation

field-optional = facultatif
field-required = obligatoire
validation-required = Ce champ est obligatoire
validation-invalid-hostname = Saisissez un nom d’hôte valide (lettres, chiffres, points et tirets uniquement)
validation-invalid-uuid = Saisissez un UUID valide
validation-invalid-url = Saisissez une URL valide
validation-invalid-email = Saisissez une adresse e-mail valide
validation-incorrect = { $field } non valide
validation-not-allowed = Choisissez l’une des valeurs autorisées

## AWS External ID box

aws-external-id-title = ID externe
aws-external-id-body = Ajoutez cet ID externe à la politique d’approbation de votre rôle IAM avant de vous connecter.

## Default labels and placeholders of well-known credential fields.

field-apiKey = Clé d’API
    .placeholder = Votre clé d’API
field-username = Nom d’utilisateur
    .placeholder = Votre nom d’utilisateur
field-password = Mot de passe
    .placeholder = Votre mot de passe
field-pat_name = Jeton d’application personnel
    .placeholder = Votre jeton d’application personnel
field-pat_secret = Secret du jeton d’application personnel
    .placeholder = Le secret de votre jeton d’application personnel
field-content_url = URL du contenu
    .placeholder = Votre URL de contenu
field-client_id = ID client
    .placeholder = Votre ID client
field-client_secret = Secret client
    .placeholder = Votre secret client
field-client_certificate = Certificat client
    .placeholder = Votre certificat client
field-client_private_key = Clé privée
    .placeholder = Votre clé privée
field-privateKey = Clé privée
    .placeholder = Votre clé privée
field-oauth_client_id_override = ID client OAuth
    .placeholder = Votre ID client OAuth
field-oauth_client_secret_override = Secret client OAuth
    .placeholder = Votre secret client OAuth
field-oauth_refresh_token_override = Jeton d’actualisation
    .placeholder = Votre jeton d’actualisation
field-token_id = ID du jeton
    .placeholder = Votre ID de jeton
field-token_secret = Secret du jeton
    .placeholder = Secret du jeton
field-organization_id = ID de l’organisation
    .placeholder = Votre ID d’organisation
field-dev_key = Clé de développeur
    .placeholder = Votre clé de développeur
field-role_arn = ARN du rôle IAM
    .placeholder = arn:aws:iam::123456789012:role/nom-de-votre-role
field-issuerId = ID de l’émetteur
    .placeholder = Votre ID d’émetteur
field-privateKeyId = ID de la clé
    .placeholder = Votre ID de clé

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Afficher { $field }

# Nango Connect UI, português.

## Shared labels

common-dialog-label = Conectar uma conta
common-close = Fechar
common-loading = Carregando…
common-back = Voltar
common-finish = Concluir
common-try-again = Tentar novamente
common-connecting = Conectando…
common-connect = Conectar
common-view-guide = Ver o guia de configuração
common-need-help = Precisa de ajuda?
common-cancel = Cancelar
common-copy = Copiar
common-copied = Copiado
common-opens-in-new-tab = (abre em uma nova aba)
common-logo-alt = Logotipo de { $provider }
common-secured-by = Protegido por
common-leave-confirm = Sair agora? O que você digitou será perdido.

## Integrations list

integrations-list-title = Escolha um aplicativo para conectar
integrations-list-description = Selecione o serviço que deseja vincular à sua conta.
integrations-list-no-integrations = Nada para conectar ainda
integrations-list-no-integrations-description = No momento, não há aplicativos disponíveis. Se esperava ver algum, entre em contato com a equipe deste aplicativo.
integrations-list-connect-to = Conectar { $provider }
integrations-list-error = Não foi possível carregar este aplicativo.
integrations-list-error-retry = Verifique sua conexão e tente novamente.
integrations-list-search-label = Pesquisar aplicativos
integrations-list-search-placeholder = Pesquisar…
integrations-list-no-results = Nenhum aplicativo corresponde a “{ $query }”
integrations-list-result-count =
    { $count ->
        [one] { $count } aplicativo encontrado
       *[other] { $count } aplicativos encontrados
    }

## Connection form and result screens

go-link-account = Conecte sua conta { $provider }
go-field-documentation = Ajuda sobre { $field }
go-connect = Conectar
go-success = Conexão concluída
go-success-message = Sua conta { $provider } agora está vinculada.
go-close-tab = Você já pode fechar esta aba.
go-connection-failed = Falha na conexão
go-connection-error-generic = Não foi possível conectar sua conta. Tente novamente.
go-show-error-details = Mostrar detalhes
go-hide-error-details = Ocultar detalhes
go-try-again = Tentar novamente
go-back-to-list = Voltar à lista
go-will-connect = Tudo pronto. Selecione Conectar para vincular { $provider }.
go-popup-warning = Uma nova janela será aberta para você entrar. Mantenha esta aberta até terminar.
go-popup-blocked = Seu navegador bloqueou a janela de login. Permita pop-ups para este site e tente novamente.
go-popup-closed = A janela de login foi fechada antes de terminar. Tente novamente quando quiser.
go-authorization-failed = A autorização não foi concluída.
go-invalid-credentials = { $provider } não aceitou essas credenciais. Verifique-as e tente novamente.
go-resource-capped = Esta conta atingiu o limite de conexões. Entre em contato com a equipe deste aplicativo para aumentá-lo.
go-invalid-preconfigured = Algumas configurações preparadas para esta conexão não são válidas. Entre em contato com a equipe deste aplicativo.
go-unknown-error = Erro desconhecido
go-waiting-provider = Aguardando { $provider }…
go-waiting-browser = Aguardando o navegador…
go-reopen-window = Abrir a janela novamente
go-connection-id = ID da conexão

## Error screens

error-opened-directly = Esta página não pode ser aberta sozinha. Comece pelo aplicativo que deseja conectar.
error-session-expired = Sua sessão expirou. Feche esta janela e comece de novo.
error-generic = Algo deu errado. Atualize a página ou entre em contato com o suporte se o problema continuar.

## Form fields and validation

field-optional = opcional
field-required = obrigatório
validation-required = Este campo é obrigatório
validation-invalid-hostname = Informe um nome de host válido (apenas letras, números, pontos e hifens)
validation-invalid-uuid = Informe um UUID válido
validation-invalid-url = Informe um URL válido
validation-invalid-email = Informe um endereço de e-mail válido
validation-incorrect = { $field } inválido
validation-not-allowed = Escolha um dos valores permitidos

## AWS External ID box

aws-external-id-title = ID externo
aws-external-id-body = Antes de conectar, adicione este ID externo à política de confiança da sua função do IAM.

## Default labels and placeholders of well-known credential fields.

field-apiKey = Chave de API
    .placeholder = Sua chave de API
field-username = Nome de usuário
    .placeholder = Seu nome de usuário
field-password = Senha
    .placeholder = Sua senha
field-pat_name = Token de aplicativo pessoal
    .placeholder = Seu token de aplicativo pessoal
field-pat_secret = Segredo do token de aplicativo pessoal
    .placeholder = O segredo do seu token de aplicativo pessoal
field-content_url = URL do conteúdo
    .placeholder = Seu URL do conteúdo
field-client_id = ID do cliente
    .placeholder = Seu ID do cliente
field-client_secret = Segredo do cliente
    .placeholder = Seu segredo do cliente
field-client_certificate = Certificado do cliente
    .placeholder = Seu certificado do cliente
field-client_private_key = Chave privada
    .placeholder = Sua chave privada
field-privateKey = Chave privada
    .placeholder = Sua chave privada
field-oauth_client_id_override = ID do cliente OAuth
    .placeholder = Seu ID do cliente OAuth
field-oauth_client_secret_override = Segredo do cliente OAuth
    .placeholder = Seu segredo do cliente OAuth
field-oauth_refresh_token_override = Token de atualização
    .placeholder = Seu token de atualização
field-token_id = ID do token
    .placeholder = Seu ID do token
field-token_secret = Segredo do token
    .placeholder = Segredo do token
field-organization_id = ID da organização
    .placeholder = Seu ID da organização
field-dev_key = Chave de desenvolvedor
    .placeholder = Sua chave de desenvolvedor
field-role_arn = ARN da função do IAM
    .placeholder = arn:aws:iam::123456789012:role/nome-da-sua-funcao
field-issuerId = ID do emissor
    .placeholder = Seu ID do emissor
field-privateKeyId = ID da chave
    .placeholder = Seu ID da chave

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = Mostrar { $field }

//! The built-in demo catalogue, written for nango-mock: provider templates in the
//! `providers.yaml` format (parsed by the same loader as `--providers`) and one integration per
//! auth mode the Connect UI supports, so the demo works with no files.

/// Demo provider templates (`providers.yaml` format). OAuth URLs are relative: the server
/// resolves them against its own base URL, where the fake provider lives.
pub const DEMO_PROVIDERS_YAML: &str = r##"
mock-oauth2:
  display_name: Mock OAuth
  auth_mode: OAUTH2
  categories: [dev-tools]
  authorization_url: /_mock/provider/authorize
  token_url: /_mock/provider/token
  docs: https://example.invalid/nango-mock/oauth2
mock-oauth2-subdomain:
  display_name: Mock OAuth (tenant)
  auth_mode: OAUTH2
  categories: [support]
  authorization_url: /_mock/provider/authorize?tenant=${connectionConfig.subdomain}
  token_url: /_mock/provider/token
  docs: https://example.invalid/nango-mock/oauth2-subdomain
  docs_connect: https://example.invalid/nango-mock/oauth2-subdomain/connect
  connection_config:
    subdomain:
      type: string
      title: Subdomain
      description: The subdomain of your tenant
      example: acme
      pattern: "^[a-z0-9_-]+$"
      prefix: https://
      suffix: .mock.test
      doc_section: "#subdomain"
mock-outbound:
  display_name: Mock Outbound Install
  auth_mode: OAUTH2
  installation: outbound
  categories: [dev-tools]
  authorization_url: /_mock/provider/authorize
  token_url: /_mock/provider/token
  docs: https://example.invalid/nango-mock/outbound
  connection_config:
    actor:
      type: string
      title: Actor
      description: Who installs the app
mock-api-key:
  display_name: Mock API Key
  auth_mode: API_KEY
  categories: [payment]
  docs: https://example.invalid/nango-mock/api-key
  docs_connect: https://example.invalid/nango-mock/api-key/connect
  credentials:
    apiKey:
      type: string
      title: API Key
      description: Any value works; one starting with "invalid" fails the test
      example: sk_test_123
      secret: true
      doc_section: "#api-key"
mock-basic:
  display_name: Mock Basic Auth
  auth_mode: BASIC
  categories: [crm]
  docs: https://example.invalid/nango-mock/basic
  credentials:
    username:
      type: string
      title: Username
      description: Your username
    password:
      type: string
      title: Password
      description: Your password
      secret: true
mock-basic-subdomain:
  display_name: Mock Helpdesk
  auth_mode: BASIC
  categories: [ticketing]
  docs: https://example.invalid/nango-mock/helpdesk
  docs_connect: https://example.invalid/nango-mock/helpdesk/connect
  credentials:
    username:
      type: string
      title: Email Address
      description: The e-mail you sign in with
      format: email
    password:
      type: string
      title: API Token
      description: An API token from your profile
      secret: true
  connection_config:
    subdomain:
      type: string
      title: Subdomain
      description: The subdomain of your helpdesk
      example: acme
      pattern: "^[a-z0-9_-]+$"
      prefix: https://
      suffix: .helpdesk.mock.test
      order: 1
mock-tba:
  display_name: Mock ERP (TBA)
  auth_mode: TBA
  categories: [erp]
  docs: https://example.invalid/nango-mock/tba
  connection_config:
    accountId:
      type: string
      title: Account ID
      description: Your account id
      example: tstdrv231585
      pattern: "^[a-zA-Z0-9_-]+$"
mock-jwt:
  display_name: Mock App Store (JWT)
  auth_mode: JWT
  categories: [dev-tools]
  docs: https://example.invalid/nango-mock/jwt
  credentials:
    issuerId:
      type: string
      title: Issuer ID
      description: The issuer id
    privateKeyId:
      type: string
      title: Private Key ID
      description: The key id
    privateKey:
      type: string
      title: Private Key
      description: The PEM private key
      secret: true
mock-two-step:
  display_name: Mock Analytics (two-step)
  auth_mode: TWO_STEP
  categories: [analytics]
  docs: https://example.invalid/nango-mock/two-step
  connection_config:
    hostname:
      type: string
      title: Hostname
      description: Your server host
      format: hostname
      prefix: https://
      order: 1
  credentials:
    pat:
      type: string
      title: Token name
      description: The personal access token name
    secret:
      type: string
      title: Token secret
      description: The personal access token secret
      secret: true
mock-oauth2-cc:
  display_name: Mock Payroll (client credentials)
  auth_mode: OAUTH2_CC
  categories: [hr]
  token_url: /_mock/provider/token
  docs: https://example.invalid/nango-mock/oauth2-cc
  credentials:
    client_id:
      type: string
      title: Client ID
      description: Your client id
    client_secret:
      type: string
      title: Client Secret
      description: Your client secret
      secret: true
mock-bill:
  display_name: Mock Bill
  auth_mode: BILL
  categories: [accounting]
  docs: https://example.invalid/nango-mock/bill
mock-signature:
  display_name: Mock Signature
  auth_mode: SIGNATURE
  categories: [other]
  docs: https://example.invalid/nango-mock/signature
  credentials:
    username:
      type: string
      title: Username
      description: Your username
    password:
      type: string
      title: Password
      description: Your password
      secret: true
mock-aws-sigv4:
  display_name: Mock AWS (SigV4)
  auth_mode: AWS_SIGV4
  categories: [storage]
  docs: https://example.invalid/nango-mock/aws
  credentials:
    role_arn:
      type: string
      title: Role ARN
      description: The IAM role to assume
      example: arn:aws:iam::123456789012:role/Nango
  connection_config:
    region:
      type: string
      title: Region
      description: AWS region
      optional: true
mock-github-app:
  display_name: Mock GitHub App
  auth_mode: APP
  categories: [dev-tools]
  app_link: /_mock/provider/app-install
  docs: https://example.invalid/nango-mock/github-app
unauthenticated:
  display_name: Unauthenticated
  auth_mode: NONE
  categories: [other]
  docs: https://example.invalid/nango-mock/unauthenticated
"##;

/// Demo integrations (our integrations-file format), one per Connect UI auth mode.
pub const DEMO_INTEGRATIONS_YAML: &str = r##"
integrations:
  - unique_key: github
    provider: mock-oauth2
    display_name: GitHub (mock)
  - unique_key: demo-oauth2
    provider: mock-oauth2
    display_name: Demo OAuth
    scopes: [read, write]
  - unique_key: demo-oauth2-subdomain
    provider: mock-oauth2-subdomain
  - unique_key: demo-outbound
    provider: mock-outbound
  - unique_key: demo-api-key
    provider: mock-api-key
  - unique_key: demo-basic
    provider: mock-basic
  - unique_key: demo-subdomain
    provider: mock-basic-subdomain
  - unique_key: demo-tba
    provider: mock-tba
  - unique_key: demo-jwt
    provider: mock-jwt
  - unique_key: demo-two-step
    provider: mock-two-step
  - unique_key: demo-oauth2-cc
    provider: mock-oauth2-cc
  - unique_key: demo-bill
    provider: mock-bill
  - unique_key: demo-signature
    provider: mock-signature
  - unique_key: demo-aws-sigv4
    provider: mock-aws-sigv4
  - unique_key: demo-github-app
    provider: mock-github-app
  - unique_key: unauthenticated
    provider: unauthenticated
"##;

# Nango Connect UI，简体中文。

## Shared labels

common-dialog-label = 关联账号
common-close = 关闭
common-loading = 正在加载…
common-back = 返回
common-finish = 完成
common-try-again = 重试
common-connecting = 正在连接…
common-connect = 连接
common-view-guide = 查看配置指南
common-need-help = 需要帮助？
common-cancel = 取消
common-copy = 复制
common-copied = 已复制
common-opens-in-new-tab = （在新标签页中打开）
common-logo-alt = { $provider } 徽标
common-secured-by = 安全保障
common-leave-confirm = 现在离开吗？已填写的内容将会丢失。

## Integrations list

integrations-list-title = 选择要连接的应用
integrations-list-description = 选择要关联到你账号的服务。
integrations-list-no-integrations = 暂无可连接的应用
integrations-list-no-integrations-description = 目前没有可用的应用。如果你认为这里应该有应用，请联系该应用的团队。
integrations-list-connect-to = 连接 { $provider }
integrations-list-error = 无法加载此应用。
integrations-list-error-retry = 请检查网络连接后重试。
integrations-list-search-label = 搜索应用
integrations-list-search-placeholder = 搜索…
integrations-list-no-results = 没有与“{ $query }”匹配的应用
integrations-list-result-count =
    { $count ->
       *[other] 找到 { $count } 个应用
    }

## Connection form and result screens

go-link-account = 连接你的 { $provider } 账号
go-field-documentation = { $field } 的帮助
go-connect = 连接
go-success = 连接成功
go-success-message = 你的 { $provider } 账号已关联。
go-close-tab = 现在可以关闭此标签页。
go-connection-failed = 连接失败
go-connection-error-generic = 无法连接你的账号。请重试。
go-show-error-details = 显示详情
go-hide-error-details = 隐藏详情
go-try-again = 重试
go-back-to-list = 返回列表
go-will-connect = 一切就绪。选择“连接”即可关联 { $provider }。
go-popup-warning = 系统将打开一个新窗口供你登录。完成之前请保持此窗口打开。
go-popup-blocked = 浏览器拦截了登录窗口。请允许此网站弹出窗口，然后重试。
go-popup-closed = 登录窗口在完成前被关闭。准备好后请重试。
go-authorization-failed = 授权未完成。
go-invalid-credentials = { $provider } 未接受这些凭据。请检查后重试。
go-resource-capped = 此账号已达到连接数上限。如需提高上限，请联系该应用的团队。
go-invalid-preconfigured = 为此连接预设的部分设置无效。请联系该应用的团队。
go-unknown-error = 未知错误
go-waiting-provider = 正在等待 { $provider }…
go-waiting-browser = 正在等待浏览器…
go-reopen-window = 重新打开窗口
go-connection-id = 连接 ID

## Error screens

error-opened-directly = 此页面无法单独打开。请从你要连接的应用开始操作。
error-session-expired = 会话已过期。请关闭此窗口后重新开始。
error-generic = 出现问题。请刷新页面；如果问题仍然存在，请联系支持团队。

## Form fields and validation

field-optional = 可选
field-required = 必填
validation-required = 此字段为必填项
validation-invalid-hostname = 请输入有效的主机名（仅限字母、数字、点和连字符）
validation-invalid-uuid = 请输入有效的 UUID
validation-invalid-url = 请输入有效的网址
validation-invalid-email = 请输入有效的电子邮件地址
validation-incorrect = { $field } 无效
validation-not-allowed = 请从允许的值中选择一个

## AWS External ID box

aws-external-id-title = 外部 ID
aws-external-id-body = 连接前，请将此外部 ID 添加到你的 IAM 角色的信任策略中。

## Default labels and placeholders of well-known credential fields.

field-apiKey = API 密钥
    .placeholder = 你的 API 密钥
field-username = 用户名
    .placeholder = 你的用户名
field-password = 密码
    .placeholder = 你的密码
field-pat_name = 个人应用令牌
    .placeholder = 你的个人应用令牌
field-pat_secret = 个人应用令牌密钥
    .placeholder = 你的个人应用令牌密钥
field-content_url = 内容网址
    .placeholder = 你的内容网址
field-client_id = 客户端 ID
    .placeholder = 你的客户端 ID
field-client_secret = 客户端密钥
    .placeholder = 你的客户端密钥
field-client_certificate = 客户端证书
    .placeholder = 你的客户端证书
field-client_private_key = 私钥
    .placeholder = 你的私钥
field-privateKey = 私钥
    .placeholder = 你的私钥
field-oauth_client_id_override = OAuth 客户端 ID
    .placeholder = 你的 OAuth 客户端 ID
field-oauth_client_secret_override = OAuth 客户端密钥
    .placeholder = 你的 OAuth 客户端密钥
field-oauth_refresh_token_override = 刷新令牌
    .placeholder = 你的刷新令牌
field-token_id = 令牌 ID
    .placeholder = 你的令牌 ID
field-token_secret = 令牌密钥
    .placeholder = 令牌密钥
field-organization_id = 组织 ID
    .placeholder = 你的组织 ID
field-dev_key = 开发者密钥
    .placeholder = 你的开发者密钥
field-role_arn = IAM 角色 ARN
    .placeholder = arn:aws:iam::123456789012:role/your-role-name
field-issuerId = 颁发者 ID
    .placeholder = 你的颁发者 ID
field-privateKeyId = 密钥 ID
    .placeholder = 你的密钥 ID

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = 显示{ $field }

# Nango Connect UI、日本語。

## Shared labels

common-dialog-label = アカウントを接続
common-close = 閉じる
common-loading = 読み込み中…
common-back = 戻る
common-finish = 完了
common-try-again = もう一度試す
common-connecting = 接続しています…
common-connect = 接続
common-view-guide = 設定ガイドを見る
common-need-help = お困りですか？
common-cancel = キャンセル
common-copy = コピー
common-copied = コピーしました
common-opens-in-new-tab = （新しいタブで開きます）
common-logo-alt = { $provider } のロゴ
common-secured-by = セキュリティ提供
common-leave-confirm = このまま移動しますか？入力した内容は失われます。

## Integrations list

integrations-list-title = 接続するアプリを選択
integrations-list-description = アカウントに連携するサービスを選んでください。
integrations-list-no-integrations = 接続できるアプリはまだありません
integrations-list-no-integrations-description = 現在、接続できるアプリはありません。表示されるはずの場合は、このアプリの運営チームにお問い合わせください。
integrations-list-connect-to = { $provider } を接続
integrations-list-error = このアプリを読み込めませんでした。
integrations-list-error-retry = 接続を確認して、もう一度お試しください。
integrations-list-search-label = アプリを検索
integrations-list-search-placeholder = 検索…
integrations-list-no-results = 「{ $query }」に一致するアプリはありません
integrations-list-result-count =
    { $count ->
       *[other] { $count } 件のアプリが見つかりました
    }

## Connection form and result screens

go-link-account = { $provider } アカウントを接続
go-field-documentation = { $field } のヘルプ
go-connect = 接続
go-success = 接続しました
go-success-message = { $provider } アカウントの連携が完了しました。
go-close-tab = このタブは閉じてかまいません。
go-connection-failed = 接続できませんでした
go-connection-error-generic = アカウントを接続できませんでした。もう一度お試しください。
go-show-error-details = 詳細を表示
go-hide-error-details = 詳細を隠す
go-try-again = もう一度試す
go-back-to-list = 一覧に戻る
go-will-connect = 準備ができました。「接続」を選ぶと { $provider } と連携します。
go-popup-warning = サインイン用の新しいウィンドウが開きます。完了するまでこのウィンドウは開いたままにしてください。
go-popup-blocked = ブラウザがサインイン用ウィンドウをブロックしました。このサイトのポップアップを許可してから、もう一度お試しください。
go-popup-closed = 完了する前にサインイン用ウィンドウが閉じられました。準備ができたらもう一度お試しください。
go-authorization-failed = 認可が完了しませんでした。
go-invalid-credentials = { $provider } でこの認証情報は受け付けられませんでした。内容を確認して、もう一度お試しください。
go-resource-capped = このアカウントは接続数の上限に達しています。上限を引き上げるには、このアプリの運営チームにお問い合わせください。
go-invalid-preconfigured = この接続用にあらかじめ用意された設定の一部が無効です。このアプリの運営チームにお問い合わせください。
go-unknown-error = 不明なエラー
go-waiting-provider = { $provider } を待っています…
go-waiting-browser = ブラウザでの操作を待っています…
go-reopen-window = ウィンドウをもう一度開く
go-connection-id = 接続 ID

## Error screens

error-opened-directly = このページは単独では開けません。接続したいアプリから始めてください。
error-session-expired = セッションの有効期限が切れました。このウィンドウを閉じて、最初からやり直してください。
error-generic = 問題が発生しました。ページを再読み込みしてください。解決しない場合はサポートにお問い合わせください。

## Form fields and validation

field-optional = 任意
field-required = 必須
validation-required = この項目は必須です
validation-invalid-hostname = 有効なホスト名を入力してください（英字、数字、ドット、ハイフンのみ）
validation-invalid-uuid = 有効な UUID を入力してください
validation-invalid-url = 有効な URL を入力してください
validation-invalid-email = 有効なメールアドレスを入力してください
validation-incorrect = { $field } が正しくありません
validation-not-allowed = 許可されている値から選んでください

## AWS External ID box

aws-external-id-title = 外部 ID
aws-external-id-body = 接続する前に、この外部 ID を IAM ロールの信頼ポリシーに追加してください。

## Default labels and placeholders of well-known credential fields.

field-apiKey = API キー
    .placeholder = API キーを入力
field-username = ユーザー名
    .placeholder = ユーザー名を入力
field-password = パスワード
    .placeholder = パスワードを入力
field-pat_name = 個人用アプリトークン
    .placeholder = 個人用アプリトークンを入力
field-pat_secret = 個人用アプリトークンのシークレット
    .placeholder = 個人用アプリトークンのシークレットを入力
field-content_url = コンテンツ URL
    .placeholder = コンテンツ URL を入力
field-client_id = クライアント ID
    .placeholder = クライアント ID を入力
field-client_secret = クライアントシークレット
    .placeholder = クライアントシークレットを入力
field-client_certificate = クライアント証明書
    .placeholder = クライアント証明書を入力
field-client_private_key = 秘密鍵
    .placeholder = 秘密鍵を入力
field-privateKey = 秘密鍵
    .placeholder = 秘密鍵を入力
field-oauth_client_id_override = OAuth クライアント ID
    .placeholder = OAuth クライアント ID を入力
field-oauth_client_secret_override = OAuth クライアントシークレット
    .placeholder = OAuth クライアントシークレットを入力
field-oauth_refresh_token_override = リフレッシュトークン
    .placeholder = リフレッシュトークンを入力
field-token_id = トークン ID
    .placeholder = トークン ID を入力
field-token_secret = トークンシークレット
    .placeholder = トークンシークレット
field-organization_id = 組織 ID
    .placeholder = 組織 ID を入力
field-dev_key = 開発者キー
    .placeholder = 開発者キーを入力
field-role_arn = IAM ロール ARN
    .placeholder = arn:aws:iam::123456789012:role/your-role-name
field-issuerId = 発行者 ID
    .placeholder = 発行者 ID を入力
field-privateKeyId = キー ID
    .placeholder = キー ID を入力

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = { $field } を表示

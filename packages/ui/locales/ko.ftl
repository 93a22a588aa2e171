# Nango Connect UI, 한국어.

## Shared labels

common-dialog-label = 계정 연결
common-close = 닫기
common-loading = 불러오는 중…
common-back = 뒤로
common-finish = 완료
common-try-again = 다시 시도
common-connecting = 연결하는 중…
common-connect = 연결
common-view-guide = 설정 가이드 보기
common-need-help = 도움이 필요하신가요?
common-cancel = 취소
common-copy = 복사
common-copied = 복사됨
common-opens-in-new-tab = (새 탭에서 열림)
common-logo-alt = { $provider } 로고
common-secured-by = 보안 제공:
common-leave-confirm = 지금 나가시겠어요? 입력한 내용이 사라집니다.

## Integrations list

integrations-list-title = 연결할 앱 선택
integrations-list-description = 계정에 연결할 서비스를 선택하세요.
integrations-list-no-integrations = 아직 연결할 앱이 없습니다
integrations-list-no-integrations-description = 현재 연결할 수 있는 앱이 없습니다. 앱이 있어야 한다면 이 앱을 운영하는 팀에 문의하세요.
integrations-list-connect-to = { $provider } 연결
integrations-list-error = 이 앱을 불러오지 못했습니다.
integrations-list-error-retry = 네트워크 연결을 확인한 후 다시 시도하세요.
integrations-list-search-label = 앱 검색
integrations-list-search-placeholder = 검색…
integrations-list-no-results = ‘{ $query }’와(과) 일치하는 앱이 없습니다
integrations-list-result-count =
    { $count ->
       *[other] 앱 { $count }개를 찾았습니다
    }

## Connection form and result screens

go-link-account = { $provider } 계정 연결
go-field-documentation = { $field } 도움말
go-connect = 연결
go-success = 연결되었습니다
go-success-message = { $provider } 계정이 연결되었습니다.
go-close-tab = 이제 이 탭을 닫아도 됩니다.
go-connection-failed = 연결하지 못했습니다
go-connection-error-generic = 계정을 연결하지 못했습니다. 다시 시도하세요.
go-show-error-details = 자세히 보기
go-hide-error-details = 자세히 숨기기
go-try-again = 다시 시도
go-back-to-list = 목록으로 돌아가기
go-will-connect = 준비가 끝났습니다. 연결을 선택하면 { $provider }와(과) 연결됩니다.
go-popup-warning = 로그인할 수 있도록 새 창이 열립니다. 완료될 때까지 이 창을 닫지 마세요.
go-popup-blocked = 브라우저가 로그인 창을 차단했습니다. 이 사이트의 팝업을 허용한 후 다시 시도하세요.
go-popup-closed = 완료되기 전에 로그인 창이 닫혔습니다. 준비되면 다시 시도하세요.
go-authorization-failed = 권한 부여가 완료되지 않았습니다.
go-invalid-credentials = { $provider }에서 이 자격 증명을 받아들이지 않았습니다. 확인한 후 다시 시도하세요.
go-resource-capped = 이 계정은 연결 한도에 도달했습니다. 한도를 늘리려면 이 앱을 운영하는 팀에 문의하세요.
go-invalid-preconfigured = 이 연결을 위해 미리 준비된 설정 중 일부가 올바르지 않습니다. 이 앱을 운영하는 팀에 문의하세요.
go-unknown-error = 알 수 없는 오류
go-waiting-provider = { $provider } 응답을 기다리는 중…
go-waiting-browser = 브라우저를 기다리는 중…
go-reopen-window = 창 다시 열기
go-connection-id = 연결 ID

## Error screens

error-opened-directly = 이 페이지는 단독으로 열 수 없습니다. 연결하려는 앱에서 시작하세요.
error-session-expired = 세션이 만료되었습니다. 이 창을 닫고 처음부터 다시 시작하세요.
error-generic = 문제가 발생했습니다. 페이지를 새로 고치고, 문제가 계속되면 지원팀에 문의하세요.

## Form fields and validation

field-optional = 선택 사항
field-required = 필수
validation-required = 필수 입력 항목입니다
validation-invalid-hostname = 올바른 호스트 이름을 입력하세요(영문자, 숫자, 점, 하이픈만 사용 가능)
validation-invalid-uuid = 올바른 UUID를 입력하세요
validation-invalid-url = 올바른 URL을 입력하세요
validation-invalid-email = 올바른 이메일 주소를 입력하세요
validation-incorrect = { $field } 값이 올바르지 않습니다
validation-not-allowed = 허용된 값 중 하나를 선택하세요

## AWS External ID box

aws-external-id-title = 외부 ID
aws-external-id-body = 연결하기 전에 이 외부 ID를 IAM 역할의 신뢰 정책에 추가하세요.

## Default labels and placeholders of well-known credential fields.

field-apiKey = API 키
    .placeholder = API 키 입력
field-username = 사용자 이름
    .placeholder = 사용자 이름 입력
field-password = 비밀번호
    .placeholder = 비밀번호 입력
field-pat_name = 개인 앱 토큰
    .placeholder = 개인 앱 토큰 입력
field-pat_secret = 개인 앱 토큰 시크릿
    .placeholder = 개인 앱 토큰 시크릿 입력
field-content_url = 콘텐츠 URL
    .placeholder = 콘텐츠 URL 입력
field-client_id = 클라이언트 ID
    .placeholder = 클라이언트 ID 입력
field-client_secret = 클라이언트 시크릿
    .placeholder = 클라이언트 시크릿 입력
field-client_certificate = 클라이언트 인증서
    .placeholder = 클라이언트 인증서 입력
field-client_private_key = 개인 키
    .placeholder = 개인 키 입력
field-privateKey = 개인 키
    .placeholder = 개인 키 입력
field-oauth_client_id_override = OAuth 클라이언트 ID
    .placeholder = OAuth 클라이언트 ID 입력
field-oauth_client_secret_override = OAuth 클라이언트 시크릿
    .placeholder = OAuth 클라이언트 시크릿 입력
field-oauth_refresh_token_override = 새로 고침 토큰
    .placeholder = 새로 고침 토큰 입력
field-token_id = 토큰 ID
    .placeholder = 토큰 ID 입력
field-token_secret = 토큰 시크릿
    .placeholder = 토큰 시크릿
field-organization_id = 조직 ID
    .placeholder = 조직 ID 입력
field-dev_key = 개발자 키
    .placeholder = 개발자 키 입력
field-role_arn = IAM 역할 ARN
    .placeholder = arn:aws:iam::123456789012:role/your-role-name
field-issuerId = 발급자 ID
    .placeholder = 발급자 ID 입력
field-privateKeyId = 키 ID
    .placeholder = 키 ID 입력

## --- UI polish additions (keep at the end) ---
# Toggle button of a secret input (aria-pressed says whether the value is shown).
field-show-secret = { $field } 표시

//! HTTP face of the fake OAuth provider, on the same port under `/_mock/provider/`:
//! `GET authorize` (consent page or auto-approve), `POST decide` (Approve/Deny → redirect to
//! the callback) and `POST token` (code exchange with client, redirect URI and PKCE checks).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use serde_json::{Map, Value};

use super::{AppState, LimitedBody};
use crate::config::IdKind;
use crate::envelope::json_response;
use crate::fake_provider::{AuthorizationRequest, CodeExchange, TokenError};

fn text<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn provider_error(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mock provider error</title></head>\
<body><h1>Mock provider error</h1><p>{}</p></body></html>",
            crate::pages::html_escape(message)
        )),
    )
        .into_response()
}

fn redirect_with(redirect_uri: &str, pairs: &[(&str, &str)]) -> Response {
    match url::Url::parse(redirect_uri) {
        Ok(mut url) => {
            {
                let mut query = url.query_pairs_mut();
                for (k, v) in pairs {
                    query.append_pair(k, v);
                }
            }
            super::found(url.as_str())
        }
        Err(_) => provider_error("invalid redirect_uri"),
    }
}

fn approve(app: &AppState, request: &AuthorizationRequest) -> Response {
    let code = app.uuid(IdKind::Code);
    app.provider.issue_code(&code, request, app.now_ms());
    redirect_with(
        &request.redirect_uri,
        &[("code", &code), ("state", &request.state)],
    )
}

/// `GET /_mock/provider/authorize`.
pub async fn authorize(State(app): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let query = super::parse_query(raw.as_deref());
    if text(&query, "response_type") != Some("code") {
        return provider_error("response_type must be code");
    }
    let Some(client_id) = text(&query, "client_id") else {
        return provider_error("client_id is required");
    };
    let Some(integration) = app
        .catalogue
        .integrations
        .values()
        .find(|i| i.oauth_client_id() == client_id)
    else {
        return provider_error("unknown client_id");
    };
    let Some(redirect_uri) = text(&query, "redirect_uri") else {
        return provider_error("redirect_uri is required");
    };
    let Some(state) = text(&query, "state") else {
        return provider_error("state is required");
    };
    let code_challenge = text(&query, "code_challenge").map(str::to_owned);
    if code_challenge.is_some() && text(&query, "code_challenge_method") != Some("S256") {
        return provider_error("only the S256 code_challenge_method is supported");
    }
    let request = AuthorizationRequest {
        client_id: client_id.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        state: state.to_owned(),
        code_challenge,
        scope: text(&query, "scope").unwrap_or_default().to_owned(),
    };
    if app.config.hooks.auto_approve {
        return approve(&app, &request);
    }
    let request_id = app.uuid(IdKind::Code);
    let app_name = app.catalogue.display_name(integration);
    let page = crate::pages::authorize_page(&app_name, &request.scope, &request_id);
    app.provider.park(&request_id, request);
    Html(page).into_response()
}

/// `POST /_mock/provider/decide` (form: `request`, `decision=approve|deny`).
pub async fn decide(State(app): State<AppState>, LimitedBody(bytes): LimitedBody) -> Response {
    let form = crate::qs::parse_query(&String::from_utf8_lossy(&bytes));
    let Some(request) = text(&form, "request").and_then(|id| app.provider.take(id)) else {
        return provider_error("unknown or already decided authorization request");
    };
    match text(&form, "decision") {
        Some("approve") => approve(&app, &request),
        _ => redirect_with(
            &request.redirect_uri,
            &[("error", "access_denied"), ("state", &request.state)],
        ),
    }
}

fn token_error(status: StatusCode, error: &TokenError) -> Response {
    json_response(status, error)
}

/// `POST /_mock/provider/token` (form or JSON body; client auth in the body or HTTP Basic).
pub async fn token(
    State(app): State<AppState>,
    headers: HeaderMap,
    LimitedBody(bytes): LimitedBody,
) -> Response {
    let text_body = String::from_utf8_lossy(&bytes);
    let form = match serde_json::from_str::<Value>(&text_body) {
        Ok(Value::Object(map)) => map,
        _ => crate::qs::parse_query(&text_body),
    };
    let (mut client_id, mut client_secret) = (
        text(&form, "client_id").unwrap_or_default().to_owned(),
        text(&form, "client_secret").unwrap_or_default().to_owned(),
    );
    if let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok())
        && let Some((id, secret)) = basic.split_once(':')
    {
        client_id = crate::qs::decode_form_component(id);
        client_secret = crate::qs::decode_form_component(secret);
    }
    let integration = app
        .catalogue
        .integrations
        .values()
        .find(|i| i.oauth_client_id() == client_id);
    let Some(integration) = integration else {
        return token_error(
            StatusCode::UNAUTHORIZED,
            &TokenError {
                error: "invalid_client".into(),
                error_description: "unknown client".into(),
            },
        );
    };
    match text(&form, "grant_type") {
        Some("authorization_code") => {
            let exchange = CodeExchange {
                code: text(&form, "code").unwrap_or_default().to_owned(),
                client_id,
                client_secret,
                redirect_uri: text(&form, "redirect_uri").unwrap_or_default().to_owned(),
                code_verifier: text(&form, "code_verifier").map(str::to_owned),
            };
            match app.provider.exchange(
                &exchange,
                Some(&integration.oauth_client_secret()),
                app.now_ms(),
                app.ids.opaque("mock-access-"),
                app.ids.opaque("mock-refresh-"),
            ) {
                Ok(tokens) => json_response(StatusCode::OK, &tokens),
                Err(e) if e.error == "invalid_client" => token_error(StatusCode::UNAUTHORIZED, &e),
                Err(e) => token_error(StatusCode::BAD_REQUEST, &e),
            }
        }
        _ => token_error(
            StatusCode::BAD_REQUEST,
            &TokenError {
                error: "unsupported_grant_type".into(),
                error_description: "only authorization_code is supported".into(),
            },
        ),
    }
}

/// `GET /_mock/provider/app-install?state=…`: the fake GitHub-App install page (or, with
/// auto-approve, straight to `/app-auth/connect`).
pub async fn app_install(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = super::parse_query(raw.as_deref());
    let Some(state) = text(&query, "state") else {
        return provider_error("state is required");
    };
    let uuid = app.uuid(IdKind::Code).replace('-', "");
    // GitHub installation ids are numbers.
    let installation_id = u64::from_str_radix(uuid.get(..10).unwrap_or("1"), 16)
        .unwrap_or(1)
        .to_string();
    if app.config.hooks.auto_approve {
        let base = app.public_base(&headers);
        return redirect_with(
            &format!("{base}/app-auth/connect"),
            &[
                ("installation_id", &installation_id),
                ("state", state),
                ("setup_action", "install"),
            ],
        );
    }
    let app_name = app
        .oauth_sessions
        .lock()
        .ok()
        .and_then(|sessions| {
            let key = sessions.get(state)?.provider_config_key.clone();
            let integration = app.catalogue.integration(&key)?;
            Some(app.catalogue.display_name(integration))
        })
        .unwrap_or_else(|| "Mock GitHub App".to_owned());
    Html(crate::pages::app_install_page(
        &app_name,
        &installation_id,
        state,
    ))
    .into_response()
}

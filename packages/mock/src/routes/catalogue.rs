//! Catalogue endpoints: `GET /integrations` (filtered by the session's allowed integrations),
//! `GET /providers`, `GET /providers/{provider}` and generated provider logos.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nango_core::AuthErrorKind;
use nango_core::session::Integration as IntegrationView;
use serde_json::Value;

use super::{AppState, Principal, iso_ms, require_empty_query, session_or_secret};
use crate::envelope::{ApiError, json_response};
use crate::wire::Data;

/// `GET /integrations` (session token or secret key).
pub async fn integrations(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let principal = session_or_secret(&app, &headers)?;
    if matches!(principal, Principal::Session(_)) {
        require_empty_query(query.as_deref())?;
    }
    let base = app.public_base(&headers);
    let allowed = principal
        .session()
        .and_then(|s| s.allowed_integrations.clone());
    let stamp = iso_ms(app.started_at_ms);
    let data: Vec<IntegrationView> = app
        .catalogue
        .integrations
        .values()
        .filter(|i| {
            allowed
                .as_ref()
                .is_none_or(|keys| keys.iter().any(|k| k == &i.unique_key))
        })
        .map(|i| IntegrationView {
            unique_key: i.unique_key.as_str().into(),
            provider: i.provider.as_str().into(),
            display_name: app.catalogue.display_name(i),
            logo: format!("{base}/images/template-logos/{}.svg", i.provider),
            credentials_label: i.credentials_label.clone(),
            preconfigured_credentials: (!i.preconfigured_credentials.is_empty())
                .then(|| i.preconfigured_credentials.clone()),
            forward_webhooks: i.forward_webhooks,
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .collect();
    Ok(json_response(StatusCode::OK, &Data { data }))
}

fn provider_json(app: &AppState, name: &str, base: &str) -> Option<Value> {
    let provider = app.catalogue.provider(name)?;
    let mut provider = provider.clone();
    provider.name = Some(name.to_owned());
    provider.logo_url = Some(format!("{base}/images/template-logos/{name}.svg"));
    provider.alias = None;
    let mut value = serde_json::to_value(&provider).ok()?;
    // Relative OAuth URLs of the demo point at this server.
    if let Some(obj) = value.as_object_mut() {
        for key in ["authorization_url", "token_url"] {
            if let Some(Value::String(url)) = obj.get_mut(key)
                && url.starts_with('/')
            {
                *url = format!("{base}{url}");
            }
        }
    }
    Some(value)
}

/// `GET /providers` (session token or secret key).
pub async fn providers(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    session_or_secret(&app, &headers)?;
    let base = app.public_base(&headers);
    let data: Vec<Value> = app
        .catalogue
        .providers
        .keys()
        .filter_map(|name| provider_json(&app, name, &base))
        .collect();
    Ok(json_response(StatusCode::OK, &Data { data }))
}

/// `GET /providers/{provider}` (session token or secret key); unknown → 404 `not_found`;
/// `accept-language` is answered `Content-Language: en` with the same body.
pub async fn provider(
    State(app): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    session_or_secret(&app, &headers)?;
    require_empty_query(query.as_deref())?;
    let base = app.public_base(&headers);
    match provider_json(&app, &name, &base) {
        Some(data) => {
            let mut response = json_response(StatusCode::OK, &Data { data });
            // The npm catalogue carries no translations: any `accept-language` gets English.
            if headers.contains_key(header::ACCEPT_LANGUAGE) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static("en"));
            }
            Ok(response)
        }
        None => Err(ApiError::code_message(
            StatusCode::NOT_FOUND,
            AuthErrorKind::NotFound,
            &format!("Unknown provider {name}"),
        )),
    }
}

/// `GET /images/template-logos/{provider}.svg`: a generated logo for any provider name.
pub async fn logo(Path(file): Path<String>) -> Response {
    let name = file.strip_suffix(".svg").unwrap_or(&file);
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        crate::pages::logo_svg(name),
    )
        .into_response()
}

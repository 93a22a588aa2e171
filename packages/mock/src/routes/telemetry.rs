//! `POST /connect/telemetry`: the Connect UI's beacons (token in the body), validated strictly
//! and kept in a bounded in-memory log for tests.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use nango_core::AuthErrorKind;
use nango_core::session::TelemetryEvent;

use super::{AppState, LimitedBody, TelemetryRecord, parse_json, require_empty_query};
use crate::envelope::ApiError;
use crate::validation::Checker;

const MAX_KEPT: usize = 10_000;

/// `POST /connect/telemetry` → 204.
pub async fn beacon(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    LimitedBody(bytes): LimitedBody,
) -> Result<Response, ApiError> {
    require_empty_query(query.as_deref())?;
    let body = parse_json(&bytes)?;
    let mut c = Checker::new();
    let Some(map) = c.object(body.as_ref(), &[]) else {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    };
    c.strict(map, &["token", "event", "timestamp", "dimensions"], &[]);
    let token = c.string(map, "token", 1, 255, true, &[]);
    let event = c.string(map, "event", 1, 64, true, &[]);
    if let Some(e) = event
        && TelemetryEvent::from_wire(e).is_none()
    {
        c.issues.push(crate::envelope::Issue::new(
            "invalid_value",
            "Invalid option",
            &["event"],
        ));
    }
    let timestamp = c.string(map, "timestamp", 1, 64, true, &[]);
    if let Some(ts) = timestamp {
        let parsed =
            time::OffsetDateTime::parse(ts, &time::format_description::well_known::Rfc3339);
        match parsed {
            Ok(t) => {
                let skew = (t - app.now()).whole_seconds().abs();
                if skew > 2 * 3600 {
                    c.custom("timestamp is too far from server time", &["timestamp"]);
                }
            }
            Err(_) => c.issues.push(crate::envelope::Issue::new(
                "invalid_format",
                "Invalid ISO datetime",
                &["timestamp"],
            )),
        }
    }
    if let Some(dimensions) = map.get("dimensions")
        && let Some(dims) = c.object(Some(dimensions), &["dimensions"])
    {
        c.strict(dims, &["integration"], &["dimensions"]);
        c.string(dims, "integration", 0, 255, false, &["dimensions"]);
    }
    if !c.ok() {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    }
    let (Some(token), Some(event)) = (token, event) else {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    };
    app.live_session(token)?;
    if let Ok(mut log) = app.telemetry.lock() {
        if log.len() >= MAX_KEPT {
            log.remove(0);
        }
        log.push(TelemetryRecord {
            event: event.to_owned(),
            dimensions: map.get("dimensions").cloned().filter(|d| !d.is_null()),
        });
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

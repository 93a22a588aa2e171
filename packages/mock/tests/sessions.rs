//! Connect-session endpoints over real HTTP: TV20 shapes, expiry, DELETE, reconnect sessions,
//! the connection cap, telemetry, and bad input that must answer 4xx envelopes.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{client, create_session, json_of, session_token};
use nango_mock::{FixedClock, MockServer};
use serde_json::{Value, json};

#[tokio::test]
async fn tv20_create_read_delete() {
    let clock = Arc::new(FixedClock::new(
        time::macros::datetime!(2026-01-02 03:04:05.678 UTC),
    ));
    let server = MockServer::builder()
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    let (status, body) = create_session(
        &server,
        json!({"end_user":{"id":"u1","email":"a@b.com"},"allowed_integrations":["github"]}),
    )
    .await;
    assert_eq!(status, 201);
    let token = body["data"]["token"].as_str().unwrap().to_owned();
    assert!(nango_core::ConnectSessionToken::new(token.clone()).is_well_formed());
    assert_eq!(
        body["data"]["connect_link"],
        format!("https://connect.nango.dev/?session_token={token}")
    );
    assert_eq!(body["data"]["expires_at"], "2026-01-02T03:34:05.678Z");

    let response = client()
        .get(format!("{}/connect/session", server.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.text().await.unwrap(),
        r##"{"data":{"endUser":{"id":"u1","display_name":null,"email":"a@b.com","tags":null,"organization":null},"allowed_integrations":["github"],"connectUISettings":{"showWatermark":true,"defaultTheme":"system","theme":{"light":{"primary":"#00B2E3"},"dark":{"primary":"#00B2E3"}}},"websocketsPath":"/"}}"##
    );

    // Secret key on a session endpoint → format error; well-formed unknown → unknown.
    let (status, body) = json_of(
        client()
            .get(format!("{}/connect/session", server.base_url()))
            .bearer_auth(server.secret_key().expose())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"error":{"code":"invalid_connect_session_token_format","message":"Authentication failed. The provided connect session token is not following correct format: nango_connect_session_RANDOM)","payload":{}}})
    );
    let unknown = format!("nango_connect_session_{}", "ab".repeat(32));
    let (status, body) = json_of(
        client()
            .get(format!("{}/connect/session", server.base_url()))
            .bearer_auth(&unknown)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unknown_connect_session_token");

    // Integration outside the allow-list.
    let (status, body) = json_of(
        client()
            .post(format!(
                "{}/auth/unauthenticated/unauthenticated?connect_session_token={token}",
                server.base_url()
            ))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body, json!({"error":{"code":"integration_not_allowed"}}));

    // DELETE → 204, then unknown.
    let response = client()
        .delete(format!("{}/connect/session", server.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(response.text().await.unwrap().is_empty());
    let (status, body) = json_of(
        client()
            .get(format!("{}/connect/session", server.base_url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unknown_connect_session_token");
}

#[tokio::test]
async fn sessions_expire_after_the_ttl() {
    let clock = Arc::new(FixedClock::new(time::OffsetDateTime::now_utc()));
    let server = MockServer::builder()
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    let token = session_token(&server, None).await;
    let get = || {
        client()
            .get(format!("{}/connect/session", server.base_url()))
            .bearer_auth(&token)
            .send()
    };
    clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(get().await.unwrap().status(), 200);
    clock.advance(Duration::from_secs(61));
    let (status, body) = json_of(get().await.unwrap()).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unknown_connect_session_token");
    // Expired tokens are refused on the query-token endpoints too.
    let (status, _) = json_of(
        client()
            .post(format!(
                "{}/auth/unauthenticated/unauthenticated?connect_session_token={token}",
                server.base_url()
            ))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn create_rejects_bad_input_with_envelopes() {
    let server = MockServer::builder()
        .body_limit(1024)
        .start()
        .await
        .unwrap();
    let url = format!("{}/connect/sessions", server.base_url());
    let key = server.secret_key().expose().to_owned();
    let post = |body: &'static str| {
        client()
            .post(&url)
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    // Missing end_user.
    let (status, body) = json_of(post("{}").await.unwrap()).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"code":"invalid_body","errors":[{"code":"invalid_type","message":"Invalid input: expected object, received undefined","path":["end_user"]}]}})
    );
    // Malformed JSON.
    let (status, body) = json_of(post("{\"end_user\":").await.unwrap()).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_json");
    // Wrong types and unknown keys.
    let (status, body) = json_of(post(r#"{"end_user":{"id":5},"extra":1}"#).await.unwrap()).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_body");
    let codes: Vec<&str> = body["error"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unrecognized_keys") && codes.contains(&"invalid_type"));
    // Unknown integration.
    let (status, body) = json_of(
        post(r#"{"end_user":{"id":"u"},"allowed_integrations":["github","nope"]}"#)
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error"]["errors"][0],
        json!({"code":"custom","message":"Integration does not exist","path":["allowed_integrations","1"]})
    );
    // Oversized body.
    let big = format!(r#"{{"end_user":{{"id":"{}"}}}}"#, "x".repeat(4096));
    let response = client()
        .post(&url)
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    let (_, body) = json_of(response).await;
    assert!(body["error"]["code"].is_string());
    // Query must be empty.
    let (status, body) = json_of(
        client()
            .post(format!("{url}?x=1"))
            .bearer_auth(&key)
            .json(&json!({"end_user":{"id":"u"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_query_params");
    // Non-JSON content type.
    let response = client()
        .post(&url)
        .bearer_auth(&key)
        .header("content-type", "text/plain")
        .body("hi")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    // Auth header problems.
    let (status, body) = json_of(client().post(&url).json(&json!({})).send().await.unwrap()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("missing_auth_header"))
    );
    let (status, body) = json_of(
        client()
            .post(&url)
            .header("authorization", "Token x")
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("malformed_auth_header"))
    );
    let (status, body) = json_of(
        client()
            .post(&url)
            .bearer_auth("not-a-uuid")
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("invalid_secret_key_format"))
    );
    let (status, body) = json_of(
        client()
            .post(&url)
            .bearer_auth("6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unknown_account"))
    );
    // Nothing was stored by any of these.
    assert_eq!(server.store().connection_count().unwrap(), 0);
}

#[tokio::test]
async fn reconnect_sessions_pin_and_overwrite_in_place() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let (status, first) = json_of(
        client()
            .post(format!(
                "{}/api-auth/api-key/demo-api-key?connect_session_token={token}",
                server.base_url()
            ))
            .json(&json!({"apiKey":"sk_1"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let connection_id = first["connectionId"].as_str().unwrap().to_owned();

    let reconnect = |body: Value| {
        client()
            .post(format!("{}/connect/sessions/reconnect", server.base_url()))
            .bearer_auth(server.secret_key().expose())
            .json(&body)
            .send()
    };
    let (status, body) = json_of(reconnect(json!({})).await.unwrap()).await;
    assert_eq!(status, 400);
    let paths: Vec<Value> = body["error"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].clone())
        .collect();
    assert_eq!(
        paths,
        vec![json!(["connection_id"]), json!(["integration_id"])]
    );
    let (status, body) = json_of(
        reconnect(json!({"connection_id":"nope","integration_id":"demo-api-key"}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"code":"invalid_body","message":"ConnectionID or IntegrationId does not exists"}})
    );
    let (status, body) = json_of(
        reconnect(json!({"connection_id": connection_id, "integration_id":"demo-api-key"}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201);
    let rtoken = body["data"]["token"].as_str().unwrap().to_owned();
    let (_, session) = json_of(
        client()
            .get(format!("{}/connect/session", server.base_url()))
            .bearer_auth(&rtoken)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(session["data"]["isReconnecting"], true);
    assert_eq!(
        session["data"]["allowed_integrations"],
        json!(["demo-api-key"])
    );
    assert_eq!(session["data"]["endUser"], Value::Null);

    // Same connection id comes back; credentials are overwritten in place.
    let (status, second) = json_of(
        client()
            .post(format!(
                "{}/api-auth/api-key/demo-api-key?connect_session_token={rtoken}",
                server.base_url()
            ))
            .json(&json!({"apiKey":"sk_2"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(second["connectionId"], connection_id.as_str());
    assert_eq!(server.store().connection_count().unwrap(), 1);
    let stored = server
        .store()
        .connection("demo-api-key", &connection_id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.credentials["apiKey"], "sk_2");
    assert_eq!(stored.end_user.map(|u| u.id).as_deref(), Some("u1"));
    // A connection_id query param is still forbidden.
    let (status, body) = json_of(
        client()
            .post(format!(
                "{}/api-auth/api-key/demo-api-key?connect_session_token={rtoken}&connection_id=x",
                server.base_url()
            ))
            .json(&json!({"apiKey":"sk_2"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_query_params");
}

#[tokio::test]
async fn connection_cap_answers_resource_capped() {
    let server = MockServer::builder()
        .max_connections(1)
        .start()
        .await
        .unwrap();
    let token = session_token(&server, None).await;
    let response = client()
        .post(format!(
            "{}/auth/unauthenticated/unauthenticated?connect_session_token={token}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (status, body) = create_session(&server, json!({"end_user":{"id":"u2"}})).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"code":"resource_capped","message":"Reached maximum number of allowed connections. Upgrade your plan to get rid of connection limits."}})
    );
}

#[tokio::test]
async fn telemetry_beacons() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let url = format!("{}/connect/telemetry", server.base_url());
    let response = client()
        .post(&url)
        .json(&json!({"token": token, "event": "view:integration", "timestamp": now, "dimensions": {"integration": "github"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(server.telemetry().len(), 1);
    assert_eq!(server.telemetry()[0].event, "view:integration");
    let (status, body) = json_of(
        client()
            .post(&url)
            .json(&json!({"token": token, "event": "nope", "timestamp": now}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_body");
    let (status, _) = json_of(
        client()
            .post(&url)
            .json(&json!({"token": token, "event": "open", "timestamp": "2001-01-01T00:00:00Z"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    // CORS for telemetry is the Connect UI origin only, with credentials.
    let response = client()
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", "https://connect.nango.dev")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://connect.nango.dev"
    );
    assert_eq!(
        response.headers()["access-control-allow-credentials"],
        "true"
    );
    assert_eq!(server.telemetry().len(), 1);
}

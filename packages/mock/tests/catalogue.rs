//! Catalogue and backend read endpoints: `/integrations` filtering, `/providers/{x}`, logos,
//! `/connections` filters, CORS preflight, and a providers.yaml / integrations.toml load.

mod common;

use common::{client, json_of, session_token};
use nango_mock::MockServer;
use serde_json::json;

#[tokio::test]
async fn integrations_providers_and_logos() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, Some(&["github", "demo-subdomain"])).await;
    let (status, body) = json_of(
        client()
            .get(format!("{}/integrations", server.base_url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let keys: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["unique_key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["github", "demo-subdomain"]);
    assert_eq!(
        body["data"][0]["logo"],
        format!(
            "{}/images/template-logos/mock-oauth2.svg",
            server.base_url()
        )
    );
    // The secret key sees all.
    let (_, all) = json_of(
        client()
            .get(format!("{}/integrations", server.base_url()))
            .bearer_auth(server.secret_key().expose())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(all["data"].as_array().unwrap().len() >= 10);

    let (status, provider) = json_of(
        client()
            .get(format!(
                "{}/providers/mock-basic-subdomain",
                server.base_url()
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(provider["data"]["name"], "mock-basic-subdomain");
    assert_eq!(provider["data"]["auth_mode"], "BASIC");
    assert_eq!(
        provider["data"]["connection_config"]["subdomain"]["suffix"],
        ".helpdesk.mock.test"
    );
    let (status, body) = json_of(
        client()
            .get(format!("{}/providers/nope", server.base_url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"error":{"code":"not_found","message":"Unknown provider nope"}})
        )
    );
    let logo = client()
        .get(format!(
            "{}/images/template-logos/anything.svg",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(logo.headers()["content-type"], "image/svg+xml");
    assert!(logo.text().await.unwrap().starts_with("<svg"));

    // Preflight from any origin.
    let preflight = client()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/integrations", server.base_url()),
        )
        .header("origin", "http://localhost:8080")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
    assert_eq!(preflight.headers()["access-control-max-age"], "600");
}

#[tokio::test]
async fn connections_filters() {
    let server = MockServer::builder().start().await.unwrap();
    for user in ["alice", "bob"] {
        let (_, created) = common::create_session(&server, json!({"end_user":{"id": user}})).await;
        let token = created["data"]["token"].as_str().unwrap();
        let response = client()
            .post(format!(
                "{}/auth/unauthenticated/unauthenticated?connect_session_token={token}",
                server.base_url()
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let list = |query: &str| {
        client()
            .get(format!("{}/connections{query}", server.base_url()))
            .bearer_auth(server.secret_key().expose())
            .send()
    };
    let (_, body) = json_of(list("").await.unwrap()).await;
    assert_eq!(body["connections"].as_array().unwrap().len(), 2);
    let (_, body) = json_of(list("?endUserId=alice").await.unwrap()).await;
    assert_eq!(body["connections"].as_array().unwrap().len(), 1);
    assert_eq!(body["connections"][0]["end_user"]["id"], "alice");
    assert_eq!(body["connections"][0]["provider"], "unauthenticated");
    let (_, body) = json_of(list("?integrationId=github,demo-basic").await.unwrap()).await;
    assert_eq!(body["connections"].as_array().unwrap().len(), 0);
    let (status, _) = json_of(
        client()
            .get(format!("{}/connections", server.base_url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = json_of(
        client()
            .get(format!("{}/connections/x", server.base_url()))
            .bearer_auth(server.secret_key().expose())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_query_params"))
    );
}

#[tokio::test]
async fn loads_providers_yaml_and_integrations_toml() {
    let dir = tempfile::tempdir().unwrap();
    let providers = dir.path().join("providers.yaml");
    std::fs::write(
        &providers,
        "acme:\n  display_name: Acme\n  auth_mode: API_KEY\n  docs: https://x\nacme-eu:\n  alias: acme\n  display_name: Acme EU\n",
    )
    .unwrap();
    let integrations = dir.path().join("integrations.toml");
    std::fs::write(
        &integrations,
        "[[integrations]]\nunique_key = \"acme-prod\"\nprovider = \"acme-eu\"\ncredential_test = false\n",
    )
    .unwrap();
    let config = nango_mock::MockConfig {
        port: 0,
        providers: Some(providers),
        integrations: Some(integrations),
        ..Default::default()
    };
    let server = MockServer::builder().config(config).start().await.unwrap();
    let token = session_token(&server, None).await;
    // credential_test = false: even `invalid…` passes.
    let (status, body) = json_of(
        client()
            .post(format!(
                "{}/api-auth/api-key/acme-prod?connect_session_token={token}",
                server.base_url()
            ))
            .json(&json!({"apiKey":"invalid"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = json_of(
        client()
            .get(format!("{}/integrations", server.base_url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(list["data"][0]["display_name"], "Acme EU");
}

#[tokio::test]
async fn provider_accept_language_is_answered_in_english() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let url = format!("{}/providers/mock-api-key", server.base_url());
    let plain = client().get(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-language").is_none());
    let plain_body = plain.text().await.unwrap();

    let french = client()
        .get(&url)
        .bearer_auth(&token)
        .header("accept-language", "fr-FR,fr;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(french.status(), 200);
    assert_eq!(french.headers()["content-language"], "en");
    assert_eq!(french.text().await.unwrap(), plain_body);
    server.shutdown().await;
}

//! Static folders over real HTTP: the Connect UI app at `/connect/` (index, MIME types, slash
//! redirect, traversal refused, framable), `connect_link` pointing at it, and `--static` mounts.

mod common;

use common::{client, create_session};
use nango_mock::{MockServer, StaticMount};
use serde_json::json;

fn connect_app_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("connect-app");
    std::fs::create_dir_all(site.join("snippets/x")).unwrap();
    std::fs::write(site.join("index.html"), "<div id=\"main\"></div>").unwrap();
    std::fs::write(site.join("connect_app.js"), "export default 1;").unwrap();
    std::fs::write(site.join("connect_app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(site.join("snippets/x/inline0.js"), "1").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    dir
}

#[tokio::test]
async fn connect_ui_dir_is_served_at_connect_and_linked() {
    let dir = connect_app_dir();
    let server = MockServer::builder()
        .connect_ui_dir(dir.path().join("connect-app"))
        .start()
        .await
        .unwrap();
    let base = server.base_url();
    let http = client();

    let index = http.get(format!("{base}/connect/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    assert_eq!(index.headers()["content-type"], "text/html; charset=utf-8");
    assert!(index.headers().get("x-frame-options").is_none());
    assert_eq!(index.text().await.unwrap(), "<div id=\"main\"></div>");

    let query = http
        .get(format!("{base}/connect/?session_token=abc&apiURL=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(query.status(), 200);

    for (path, mime) in [
        ("/connect/connect_app_bg.wasm", "application/wasm"),
        ("/connect/connect_app.js", "text/javascript; charset=utf-8"),
        (
            "/connect/snippets/x/inline0.js",
            "text/javascript; charset=utf-8",
        ),
    ] {
        let response = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], mime, "{path}");
    }
    let wasm = http
        .get(format!("{base}/connect/connect_app_bg.wasm"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&wasm[..4], b"\0asm");

    let head = http
        .head(format!("{base}/connect/connect_app.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-length"], "17");

    let redirect = http
        .get(format!("{base}/connect?session_token=abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), 302);
    assert_eq!(
        redirect.headers()["location"],
        "/connect/?session_token=abc"
    );

    // Traversal attempts (raw, so the client does not normalise them).
    for path in [
        "/connect/%2e%2e/secret.txt",
        "/connect/..%2fsecret.txt",
        "/connect/missing.js",
    ] {
        let status = raw_get(&server, path).await;
        assert_eq!(status, 404, "{path}");
    }

    // The API is untouched.
    let (status, created) = create_session(&server, json!({"end_user": {"id": "u1"}})).await;
    assert_eq!(status, 201, "{created}");
    let token = created["data"]["token"].as_str().unwrap();
    assert_eq!(
        created["data"]["connect_link"],
        format!(
            "{base}/connect/?session_token={token}&apiURL={}",
            base.replace(':', "%3A").replace('/', "%2F")
        )
    );
    let api = http
        .get(format!("{base}/connect/session"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
    assert_eq!(api.headers()["x-frame-options"], "SAMEORIGIN");
    let post = http
        .post(format!("{base}/connect/index.html"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 404);
}

#[tokio::test]
async fn static_mounts_and_a_missing_folder() {
    let dir = connect_app_dir();
    let server = MockServer::builder()
        .static_mount(StaticMount::new("/gallery", dir.path().join("connect-app")).unwrap())
        .start()
        .await
        .unwrap();
    let base = server.base_url();
    let page = client()
        .get(format!("{base}/gallery/"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    // Without --connect-ui-dir, links keep pointing at Nango's hosted Connect UI.
    let (_, created) = create_session(&server, json!({"end_user": {"id": "u1"}})).await;
    assert!(
        created["data"]["connect_link"]
            .as_str()
            .unwrap()
            .starts_with("https://connect.nango.dev/?session_token=")
    );
    let missing = client()
        .get(format!("{base}/connect/"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    let error = MockServer::builder()
        .connect_ui_dir(dir.path().join("nope"))
        .start()
        .await
        .unwrap_err();
    assert!(error.to_string().contains("not a directory"), "{error}");
}

/// A GET with the path sent exactly as given.
async fn raw_get(server: &nango_mock::RunningServer, path: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap()
}

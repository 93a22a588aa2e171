//! The `nango-mock` binary: the listening line, clean exit on SIGTERM/SIGINT, and no confirmed
//! connection lost when the process is killed (`--data-dir`).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{client, json_of};
use serde_json::json;

const SECRET: &str = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

fn start(extra: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nango-mock"))
        .args(["--port", "0", "--secret-key", SECRET])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("nango-mock listening on ")
        .unwrap_or_else(|| panic!("unexpected line {line:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    (child, url)
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "nango-mock did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn exits_cleanly_on_sigterm_and_sigint() {
    for name in ["TERM", "INT"] {
        let (mut child, url) = start(&[]);
        let health = client().get(format!("{url}/health")).send().await.unwrap();
        assert_eq!(health.status(), 200);
        signal(&child, name);
        assert!(wait_exit(&mut child).success(), "SIG{name}");
    }
}

#[tokio::test]
async fn a_killed_server_keeps_every_confirmed_connection() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap().to_owned();
    let (mut child, url) = start(&["--data-dir", &data_dir]);
    let (_, session) = json_of(
        client()
            .post(format!("{url}/connect/sessions"))
            .bearer_auth(SECRET)
            .json(&json!({"end_user":{"id":"crash"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let token = session["data"]["token"].as_str().unwrap().to_owned();
    let mut confirmed = Vec::new();
    for i in 0..20 {
        let (status, body) = json_of(
            client()
                .post(format!(
                    "{url}/api-auth/api-key/demo-api-key?connect_session_token={token}"
                ))
                .json(&json!({"apiKey": format!("sk_{i}")}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 200);
        confirmed.push(body["connectionId"].as_str().unwrap().to_owned());
    }
    signal(&child, "KILL");
    wait_exit(&mut child);

    let (mut child, url) = start(&["--data-dir", &data_dir]);
    let (_, list) = json_of(
        client()
            .get(format!("{url}/connections?endUserId=crash&limit=100"))
            .bearer_auth(SECRET)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let ids: Vec<&str> = list["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["connection_id"].as_str().unwrap())
        .collect();
    for id in &confirmed {
        assert!(ids.contains(&id.as_str()), "lost {id}");
    }
    signal(&child, "TERM");
    assert!(wait_exit(&mut child).success());
}

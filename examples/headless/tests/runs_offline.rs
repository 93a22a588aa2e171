//! The example runs end to end against its embedded nango-mock: session, API-key connect,
//! reconnect of the same connection, and the stored connection listed.

use std::process::Command;

#[test]
fn the_headless_example_connects_reconnects_and_lists() {
    let output = Command::new(env!("CARGO_BIN_EXE_headless"))
        .env_remove("NANGO_HOST")
        .env_remove("NANGO_INTEGRATION")
        .output()
        .expect("the example runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("connected demo-api-key as connection "),
        "{stdout}"
    );
    assert!(
        stdout.contains("reconnected: same connection? true"),
        "{stdout}"
    );
    let connection_id = stdout
        .lines()
        .find_map(|line| line.strip_prefix("connected demo-api-key as connection "))
        .expect("a connection id");
    assert!(
        stdout.contains(&format!("stored: demo-api-key / {connection_id}")),
        "{stdout}"
    );
}

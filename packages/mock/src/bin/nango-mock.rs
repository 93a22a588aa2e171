//! The `nango-mock` binary: parses flags, starts the server, prints
//! `nango-mock listening on http://ADDR:PORT`, and exits cleanly on SIGINT/SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use nango_mock::MockServer;
use nango_mock::cli::Cli;
use nango_mock::config::DEFAULT_SECRET_KEY;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match cli.into_config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("nango-mock: {e}");
            return ExitCode::from(2);
        }
    };
    let default_key = config.secret_key.expose() == DEFAULT_SECRET_KEY;
    let server = match MockServer::builder().config(config).start().await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("nango-mock: {e}");
            return ExitCode::FAILURE;
        }
    };
    if default_key {
        eprintln!(
            "nango-mock: using the default local secret key {DEFAULT_SECRET_KEY} (set --secret-key to change it)"
        );
    }
    println!("nango-mock listening on {}", server.base_url());
    let _ = std::io::stdout().flush();
    wait_for_signal().await;
    server.shutdown().await;
    ExitCode::SUCCESS
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

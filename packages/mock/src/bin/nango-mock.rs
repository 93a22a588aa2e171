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
    let signals = ShutdownSignals::install();
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
    signals.recv().await;
    server.shutdown().await;
    ExitCode::SUCCESS
}

/// Signal listeners, installed before the listening line is printed so that a signal sent
/// right after it is never lost to the default disposition.
struct ShutdownSignals {
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
}

impl ShutdownSignals {
    fn install() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            ShutdownSignals {
                terminate: signal(SignalKind::terminate()).ok(),
                interrupt: signal(SignalKind::interrupt()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            ShutdownSignals {}
        }
    }

    async fn recv(mut self) {
        #[cfg(unix)]
        {
            let terminate = async {
                match self.terminate.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let interrupt = async {
                match self.interrupt.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => {
                        let _ = tokio::signal::ctrl_c().await;
                    }
                }
            };
            tokio::select! {
                _ = terminate => {}
                _ = interrupt => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

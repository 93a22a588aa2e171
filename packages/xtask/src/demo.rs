//! `cargo xtask demo`: installs what is missing, builds the web gallery and the Connect UI app,
//! starts nango-mock (demo catalogue, serving both), prints the URLs once it listens, and
//! forwards Ctrl-C. `--desktop` also opens the gallery as a desktop app beside the mock.
//! `--no-build` and `--mock-bin` reuse what an earlier step built (the smoke test in
//! tests/e2e runs the demo this way after the e2e suite built dist/).

use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

use crate::build_web::{self, BuildWebArgs, dist_dir};
use crate::cmd::{Session, describe, target_dir};
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite};

/// Arguments of `cargo xtask demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Port nango-mock listens on (HTTP, WebSocket, the gallery and the Connect UI).
    #[arg(long, default_value_t = DEFAULT_MOCK_PORT)]
    pub port: u16,
    /// Also open the gallery as a desktop app (dioxus-desktop).
    #[arg(long)]
    pub desktop: bool,
    /// Serve dist/gallery and dist/connect-app as they are (skip the web build; they must exist).
    #[arg(long)]
    pub no_build: bool,
    /// Run this nango-mock binary instead of building the release one.
    #[arg(long, value_name = "PATH")]
    pub mock_bin: Option<PathBuf>,
    /// Extra arguments for nango-mock, after `--`.
    #[arg(last = true, value_name = "MOCK_ARGS")]
    pub mock_args: Vec<String>,
}

/// Nango's own default server port, kept so URLs from Nango's docs work against the mock.
pub const DEFAULT_MOCK_PORT: u16 = 3003;

/// The desktop gallery's system libraries (WebKitGTK and friends; see TOOLCHAIN.md).
pub const DESKTOP_NEEDS: &[Prerequisite] = &[Prerequisite::AptPackages(
    crate::test::DESKTOP_BUILD_APT_PACKAGES,
)];

/// The web apps the demo serves: the gallery at /gallery/, the Connect UI at /connect/.
const DEMO_WEB_APPS: [&str; 2] = ["gallery", "connect-app"];

/// How long a service may take to start listening after it was built.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// How long services get to stop after Ctrl-C before they are killed.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// One long-running process of the demo.
#[derive(Debug)]
struct DemoService {
    /// Human name.
    name: &'static str,
    /// Starts it.
    start: Command,
    /// The local port it listens on once ready (`None`: a window, ready once started).
    port: Option<u16>,
}

/// The nango-mock binary the demo runs: `--mock-bin`, else the release build.
fn mock_binary(session: &Session, args: &DemoArgs) -> PathBuf {
    args.mock_bin.clone().unwrap_or_else(|| {
        target_dir(session.root())
            .join("release")
            .join("nango-mock")
    })
}

/// nango-mock serving the gallery and the Connect UI (built by [`build_web_apps`]).
fn mock_service(session: &Session, args: &DemoArgs) -> DemoService {
    let root = session.root();
    let mut start = session.command(mock_binary(session, args));
    start
        .arg("--port")
        .arg(args.port.to_string())
        .arg("--static")
        .arg(format!("/gallery={}", dist_dir(root, "gallery").display()))
        .arg("--connect-ui-dir")
        .arg(dist_dir(root, "connect-app"))
        .args(&args.mock_args);
    DemoService {
        name: "nango-mock",
        start,
        port: Some(args.port),
    }
}

/// The desktop gallery, run through cargo (built beforehand).
fn desktop_gallery_service(session: &Session) -> DemoService {
    DemoService {
        name: "gallery (desktop)",
        start: session.cargo(["run", "-p", "gallery", "--features", "desktop"]),
        port: None,
    }
}

/// The lines printed once the demo runs.
fn url_lines(args: &DemoArgs) -> Vec<String> {
    let mock = format!("http://localhost:{}", args.port);
    let mut lines = vec![
        format!("gallery:               {mock}/gallery/"),
        format!("gallery (live flows):  {mock}/gallery/#/live"),
        format!("Connect UI:            {mock}/connect/"),
        format!("nango-mock API:        {mock}"),
        format!("nango-mock WebSocket:  ws://localhost:{}/", args.port),
        format!("SDK option:            host = \"{mock}\""),
        "secret key:            nango-mock's default, printed above \
         (`cargo xtask demo -- --secret-key KEY` sets another)"
            .to_owned(),
    ];
    if args.desktop {
        lines.push("desktop gallery:       the desktop window".to_owned());
    }
    lines
}

/// Builds the release nango-mock (`target/release/nango-mock`), which the demo and the
/// browser benches run.
pub fn build_release_mock(session: &mut Session) -> Result<(), TaskError> {
    let mut build = session.cargo([
        "build",
        "--release",
        "-p",
        "nango-mock",
        "--bin",
        "nango-mock",
    ]);
    session.run(&mut build)
}

/// Builds the web apps the demo serves (the gallery and the Connect UI app).
pub fn build_web_apps(session: &mut Session) -> Result<(), TaskError> {
    build_web::run(
        session,
        &BuildWebArgs {
            apps: DEMO_WEB_APPS.map(str::to_owned).into(),
            no_opt: false,
            build_std: false,
        },
    )
}

/// With `--no-build`: fails unless every web app the demo serves is in dist/.
fn check_built(root: &std::path::Path) -> Result<(), TaskError> {
    for app in DEMO_WEB_APPS {
        let index = dist_dir(root, app).join("index.html");
        if !index.is_file() {
            return Err(TaskError::Precondition(format!(
                "--no-build: {} is missing (run `cargo xtask build-web --app {app}` first)",
                index.display()
            )));
        }
    }
    Ok(())
}

/// Process groups of the running services, for the Ctrl-C handler.
static RUNNING_GROUPS: Mutex<Vec<Pid>> = Mutex::new(Vec::new());

/// Set once Ctrl-C (or SIGTERM) arrived.
static STOP_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Builds and runs the demo until Ctrl-C or until a service exits.
pub fn run(session: &mut Session, args: &DemoArgs) -> Result<(), TaskError> {
    if args.no_build {
        check_built(session.root())?;
    } else {
        build_web_apps(session)?;
    }
    if args.mock_bin.is_none() {
        build_release_mock(session)?;
    }
    let binary = mock_binary(session, args);
    if !binary.is_file() {
        return Err(TaskError::Precondition(format!(
            "no nango-mock binary at {}",
            binary.display()
        )));
    }
    let mut services = vec![mock_service(session, args)];
    if args.desktop {
        prereq::ensure(session, DESKTOP_NEEDS)?;
        let mut build = session.cargo(["build", "-p", "gallery", "--features", "desktop"]);
        session.run(&mut build)?;
        services.push(desktop_gallery_service(session));
    }
    ctrlc::set_handler(forward_stop).map_err(|error| {
        TaskError::Precondition(format!("cannot install the Ctrl-C handler: {error}"))
    })?;
    let mut running: Vec<(&'static str, Child)> = Vec::new();
    let outcome = start_all(services, &mut running).and_then(|()| {
        eprintln!();
        eprintln!("Demo running (Ctrl-C stops it):");
        for line in url_lines(args) {
            eprintln!("  {line}");
        }
        eprintln!();
        watch(&mut running)
    });
    stop_all(&mut running);
    outcome
}

/// Starts every service in order, each only after the previous one listens.
fn start_all(
    services: Vec<DemoService>,
    running: &mut Vec<(&'static str, Child)>,
) -> Result<(), TaskError> {
    for mut service in services {
        // Its own process group: Ctrl-C reaches it once, through `forward_stop`.
        service.start.process_group(0);
        let label = describe(&service.start);
        eprintln!("==> {label}");
        let mut child = service.start.spawn().map_err(|source| TaskError::Spawn {
            command: label.clone(),
            source,
        })?;
        if let Ok(mut groups) = RUNNING_GROUPS.lock() {
            groups.push(Pid::from_raw(child_pid(&child)));
        }
        let ready = match service.port {
            Some(port) => wait_until_listening(service.name, port, &mut child),
            None => Ok(()),
        };
        running.push((service.name, child));
        ready?;
    }
    Ok(())
}

/// Waits until the service `name` accepts TCP connections, failing if it exits or takes too long.
fn wait_until_listening(name: &str, port: u16, child: &mut Child) -> Result<(), TaskError> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let started = Instant::now();
    loop {
        if STOP_REQUESTED.load(Ordering::SeqCst) {
            return Ok(());
        }
        if let Some(status) = child.try_wait().ok().flatten() {
            return Err(exited(name, status));
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            eprintln!(
                "<== {name} listening on {address} after {:.1} s",
                started.elapsed().as_secs_f64()
            );
            return Ok(());
        }
        if started.elapsed() > READY_TIMEOUT {
            return Err(TaskError::Precondition(format!(
                "{name} did not listen on {address} within {} s",
                READY_TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits until Ctrl-C (success) or until a service exits on its own (failure).
fn watch(running: &mut [(&'static str, Child)]) -> Result<(), TaskError> {
    loop {
        if STOP_REQUESTED.load(Ordering::SeqCst) {
            eprintln!("Stopping the demo…");
            return Ok(());
        }
        for (name, child) in running.iter_mut() {
            if let Some(status) = child.try_wait().ok().flatten() {
                return Err(exited(name, status));
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Asks every still-running service to stop (SIGINT), then kills what is left after the grace.
fn stop_all(running: &mut [(&'static str, Child)]) {
    forward_stop();
    let deadline = Instant::now() + STOP_GRACE;
    for (name, child) in running.iter_mut() {
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => break,
                Ok(None) if Instant::now() >= deadline => {
                    eprintln!(
                        "{name} did not stop within {} s; killing it",
                        STOP_GRACE.as_secs()
                    );
                    let _ = killpg(Pid::from_raw(child_pid(child)), Signal::SIGKILL);
                    let _ = child.wait();
                    break;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }
}

/// The Ctrl-C handler: sends SIGINT to every service's process group.
fn forward_stop() {
    STOP_REQUESTED.store(true, Ordering::SeqCst);
    if let Ok(groups) = RUNNING_GROUPS.lock() {
        for group in groups.iter() {
            // The group may already be gone; nothing to do then.
            let _ = killpg(*group, Signal::SIGINT);
        }
    }
}

/// A child's pid as the signed value signals take (pids always fit).
fn child_pid(child: &Child) -> i32 {
    i32::try_from(child.id()).unwrap_or(i32::MAX)
}

/// The error for a service that exited while the demo was running.
fn exited(name: &str, status: ExitStatus) -> TaskError {
    TaskError::Precondition(format!("{name} exited unexpectedly ({status})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn mock_serves_the_gallery_and_the_connect_ui() {
        let session = Session::new(PathBuf::from("/repo"));
        let args = DemoArgs {
            port: 4100,
            desktop: false,
            no_build: false,
            mock_bin: None,
            mock_args: vec!["--auto-approve".to_owned()],
        };
        let service = mock_service(&session, &args);
        let line = describe(&service.start);
        assert!(line.contains("--port 4100"), "{line}");
        assert!(
            line.contains("--static /gallery=/repo/dist/gallery"),
            "{line}"
        );
        assert!(
            line.contains("--connect-ui-dir /repo/dist/connect-app"),
            "{line}"
        );
        assert!(line.ends_with("--auto-approve"), "{line}");
        assert_eq!(service.port, Some(4100));
        let urls = url_lines(&args).join("\n");
        assert!(urls.contains("http://localhost:4100/gallery/"), "{urls}");
        assert!(urls.contains("http://localhost:4100/connect/"), "{urls}");
        assert!(urls.contains("ws://localhost:4100/"), "{urls}");
        assert!(!urls.contains("desktop window"), "{urls}");
        assert!(line.contains("/release/nango-mock --port"), "{line}");
    }

    #[test]
    fn mock_bin_replaces_the_release_build_and_no_build_needs_dist() {
        let session = Session::new(PathBuf::from("/repo"));
        let args = DemoArgs {
            port: 4101,
            desktop: false,
            no_build: true,
            mock_bin: Some(PathBuf::from("/elsewhere/debug/nango-mock")),
            mock_args: Vec::new(),
        };
        let line = describe(&mock_service(&session, &args).start);
        assert!(
            line.starts_with("/elsewhere/debug/nango-mock --port 4101"),
            "{line}"
        );
        let empty = std::env::temp_dir().join(format!("xtask-demo-{}", std::process::id()));
        let error = check_built(&empty).expect_err("nothing is built there");
        assert!(error.to_string().contains("--no-build"), "{error}");
        assert!(error.to_string().contains("gallery"), "{error}");
    }
}

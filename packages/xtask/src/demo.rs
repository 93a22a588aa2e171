//! `cargo xtask demo`: builds and starts the demo's services (today nango-mock; the gallery is
//! added in [`services`]), prints their URLs once they listen, and forwards Ctrl-C to them.

use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

use crate::cmd::{Session, describe};
use crate::error::TaskError;

/// Arguments of `cargo xtask demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Port nango-mock listens on (HTTP and WebSocket).
    #[arg(long, default_value_t = DEFAULT_MOCK_PORT)]
    pub port: u16,
    /// Run the desktop gallery instead of the web one (not available yet).
    #[arg(long)]
    pub desktop: bool,
    /// Extra arguments for nango-mock, after `--`.
    #[arg(last = true, value_name = "MOCK_ARGS")]
    pub mock_args: Vec<String>,
}

/// Nango's own default server port, kept so URLs from Nango's docs work against the mock.
pub const DEFAULT_MOCK_PORT: u16 = 3003;

/// How long a service may take to start listening after it was built.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// How long services get to stop after Ctrl-C before they are killed.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// One long-running process of the demo.
#[derive(Debug)]
struct DemoService {
    /// Human name.
    name: &'static str,
    /// The cargo package that must exist for this service.
    package: &'static str,
    /// Builds it (run as a recorded step before anything starts).
    build: Vec<String>,
    /// Starts it (cargo arguments).
    start: Vec<String>,
    /// The local port it listens on once ready.
    port: u16,
    /// What to tell the user once it listens.
    urls: Vec<String>,
}

/// The demo's services, in start order. The gallery (web build + static server) is added here.
fn services(args: &DemoArgs) -> Vec<DemoService> {
    let mock_url = format!("http://localhost:{}", args.port);
    let mut start: Vec<String> = ["run", "--release", "-p", "nango-mock", "--", "--port"]
        .map(String::from)
        .into();
    start.push(args.port.to_string());
    start.extend(args.mock_args.iter().cloned());
    vec![DemoService {
        name: "nango-mock",
        package: "nango-mock",
        build: ["build", "--release", "-p", "nango-mock"]
            .map(String::from)
            .into(),
        start,
        port: args.port,
        urls: vec![
            format!("nango-mock API:        {mock_url}"),
            format!("nango-mock WebSocket:  ws://localhost:{}/", args.port),
            format!("SDK option:            host = \"{mock_url}\""),
        ],
    }]
}

/// Process groups of the running services, for the Ctrl-C handler.
static RUNNING_GROUPS: Mutex<Vec<Pid>> = Mutex::new(Vec::new());

/// Set once Ctrl-C (or SIGTERM) arrived.
static STOP_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Builds and runs the demo until Ctrl-C or until a service exits.
pub fn run(session: &mut Session, args: &DemoArgs) -> Result<(), TaskError> {
    if args.desktop {
        return Err(TaskError::NotAvailable(
            "`cargo xtask demo --desktop` (the desktop gallery)",
        ));
    }
    let services = services(args);
    for service in &services {
        require_package(session, service.package)?;
    }
    for service in &services {
        let mut build = session.cargo(&service.build);
        session.run(&mut build)?;
    }
    ctrlc::set_handler(forward_stop).map_err(|error| {
        TaskError::Precondition(format!("cannot install the Ctrl-C handler: {error}"))
    })?;
    let mut running: Vec<(&DemoService, Child)> = Vec::new();
    let outcome = start_all(session, &services, &mut running).and_then(|()| {
        eprintln!();
        eprintln!("Demo running (Ctrl-C stops it):");
        for (service, _) in &running {
            for url in &service.urls {
                eprintln!("  {url}");
            }
        }
        eprintln!("  gallery:               planned (not built yet)");
        eprintln!();
        watch(&mut running)
    });
    stop_all(&mut running);
    outcome
}

/// Starts every service in order, each only after the previous one listens.
fn start_all<'a>(
    session: &Session,
    services: &'a [DemoService],
    running: &mut Vec<(&'a DemoService, Child)>,
) -> Result<(), TaskError> {
    for service in services {
        let mut command = session.cargo(&service.start);
        // Its own process group: Ctrl-C reaches it once, through `forward_stop`.
        command.process_group(0);
        let label = describe(&command);
        eprintln!("==> {label}");
        let child = command.spawn().map_err(|source| TaskError::Spawn {
            command: label.clone(),
            source,
        })?;
        if let Ok(mut groups) = RUNNING_GROUPS.lock() {
            groups.push(Pid::from_raw(child_pid(&child)));
        }
        running.push((service, child));
        if let Some((_, child)) = running.last_mut() {
            wait_until_listening(service, child)?;
        }
    }
    Ok(())
}

/// Waits until `service` accepts TCP connections, failing if it exits or takes too long.
fn wait_until_listening(service: &DemoService, child: &mut Child) -> Result<(), TaskError> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, service.port));
    let started = Instant::now();
    loop {
        if STOP_REQUESTED.load(Ordering::SeqCst) {
            return Ok(());
        }
        if let Some(status) = child.try_wait().ok().flatten() {
            return Err(exited(service, status));
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            eprintln!(
                "<== {} listening on {address} after {:.1} s",
                service.name,
                started.elapsed().as_secs_f64()
            );
            return Ok(());
        }
        if started.elapsed() > READY_TIMEOUT {
            return Err(TaskError::Precondition(format!(
                "{} did not listen on {address} within {} s",
                service.name,
                READY_TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits until Ctrl-C (success) or until a service exits on its own (failure).
fn watch(running: &mut [(&DemoService, Child)]) -> Result<(), TaskError> {
    loop {
        if STOP_REQUESTED.load(Ordering::SeqCst) {
            eprintln!("Stopping the demo…");
            return Ok(());
        }
        for (service, child) in running.iter_mut() {
            if let Some(status) = child.try_wait().ok().flatten() {
                return Err(exited(service, status));
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Asks every still-running service to stop (SIGINT), then kills what is left after the grace.
fn stop_all(running: &mut [(&DemoService, Child)]) {
    forward_stop();
    let deadline = Instant::now() + STOP_GRACE;
    for (service, child) in running.iter_mut() {
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => break,
                Ok(None) if Instant::now() >= deadline => {
                    eprintln!(
                        "{} did not stop within {} s; killing it",
                        service.name,
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
fn exited(service: &DemoService, status: ExitStatus) -> TaskError {
    TaskError::Precondition(format!("{} exited unexpectedly ({status})", service.name))
}

/// Fails with a clear message unless `package` is a member of the workspace.
fn require_package(session: &Session, package: &str) -> Result<(), TaskError> {
    let mut command: Command = session.cargo(["metadata", "--no-deps", "--format-version", "1"]);
    let label = describe(&command);
    let output = command.output().map_err(|source| TaskError::Spawn {
        command: label.clone(),
        source,
    })?;
    if !output.status.success() {
        return Err(TaskError::CommandFailed {
            command: label,
            status: output.status,
        });
    }
    let metadata = String::from_utf8_lossy(&output.stdout);
    if metadata.contains(&format!("\"name\":\"{package}\"")) {
        Ok(())
    } else {
        Err(TaskError::Precondition(format!(
            "the demo needs the `{package}` package, which is not in this workspace yet \
             (it is being written: see the README's status table)"
        )))
    }
}

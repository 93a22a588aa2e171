//! `cargo xtask demo`: installs what is missing, builds the web gallery (and the Connect UI app
//! when registered), starts nango-mock with its demo catalogue, serves the gallery, prints the
//! URLs once everything listens, and forwards Ctrl-C. `--desktop` opens the desktop gallery.

use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

use crate::build_web::{self, BuildWebArgs, WEB_APPS, dist_dir};
use crate::cmd::{Session, describe, target_dir};
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite};
use crate::static_files;

/// Arguments of `cargo xtask demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Port nango-mock listens on (HTTP and WebSocket).
    #[arg(long, default_value_t = DEFAULT_MOCK_PORT)]
    pub port: u16,
    /// Open the gallery as a desktop app (dioxus-desktop) instead of serving the web build.
    #[arg(long)]
    pub desktop: bool,
    /// Port of the gallery's static server (used while nango-mock has no `--static`).
    #[arg(long, default_value_t = DEFAULT_GALLERY_PORT)]
    pub gallery_port: u16,
    /// Extra arguments for nango-mock, after `--`.
    #[arg(last = true, value_name = "MOCK_ARGS")]
    pub mock_args: Vec<String>,
}

/// Nango's own default server port, kept so URLs from Nango's docs work against the mock.
pub const DEFAULT_MOCK_PORT: u16 = 3003;

/// Where the web gallery is served when nango-mock cannot serve it.
pub const DEFAULT_GALLERY_PORT: u16 = 3005;

/// The desktop gallery's system libraries (WebKitGTK and friends; see TOOLCHAIN.md).
pub const DESKTOP_NEEDS: &[Prerequisite] = &[Prerequisite::AptPackages(&[
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libxdo-dev",
])];

/// How long a service may take to start listening after it was built.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// How long services get to stop after Ctrl-C before they are killed.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// One long-running process of the demo.
#[derive(Debug)]
pub(crate) struct DemoService {
    /// Human name.
    name: &'static str,
    /// The cargo package that must exist for this service.
    package: &'static str,
    /// Builds it (run as a recorded step before anything starts).
    build: Vec<String>,
    /// Starts it (cargo arguments).
    start: Vec<String>,
    /// The local port it listens on once ready (`None`: a window, ready once started).
    port: Option<u16>,
    /// What to tell the user once it listens.
    urls: Vec<String>,
}

/// What nango-mock can serve itself (probed from its `--help`).
#[derive(Debug, Clone, Copy, Default)]
struct MockAbilities {
    /// `--static PREFIX=DIR`.
    static_dirs: bool,
    /// `--connect-ui-dir DIR`.
    connect_ui_dir: bool,
}

/// The demo's services, in start order.
fn services(args: &DemoArgs, abilities: MockAbilities, root: &std::path::Path) -> Vec<DemoService> {
    let mock_url = format!("http://localhost:{}", args.port);
    let mut start: Vec<String> = [
        "run",
        "--release",
        "-p",
        "nango-mock",
        "--bin",
        "nango-mock",
        "--",
        "--port",
    ]
    .map(String::from)
    .into();
    start.push(args.port.to_string());
    let gallery_dir = dist_dir(root, "gallery");
    let connect_dir = dist_dir(root, "connect-app");
    let mut urls = vec![
        format!("nango-mock API:        {mock_url}"),
        format!("nango-mock WebSocket:  ws://localhost:{}/", args.port),
        format!("SDK option:            host = \"{mock_url}\""),
    ];
    if abilities.static_dirs && !args.desktop {
        start.push("--static".to_owned());
        start.push(format!("/gallery={}", gallery_dir.display()));
    }
    if abilities.connect_ui_dir && connect_dir.join("index.html").is_file() {
        start.push("--connect-ui-dir".to_owned());
        start.push(connect_dir.display().to_string());
        urls.push(format!("Connect UI:            {mock_url}/connect/"));
    }
    start.extend(args.mock_args.iter().cloned());
    let mut services = vec![DemoService {
        name: "nango-mock",
        package: "nango-mock",
        build: ["build", "--release", "-p", "nango-mock"]
            .map(String::from)
            .into(),
        start,
        port: Some(args.port),
        urls,
    }];
    if args.desktop {
        services.push(DemoService {
            name: "gallery (desktop)",
            package: "gallery",
            build: ["build", "-p", "gallery", "--features", "desktop"]
                .map(String::from)
                .into(),
            start: ["run", "-p", "gallery", "--features", "desktop"]
                .map(String::from)
                .into(),
            port: None,
            urls: vec!["gallery:               the desktop window".to_owned()],
        });
    }
    services
}

/// The gallery's URL (served by nango-mock when it can, else by the xtask's static server).
fn gallery_url(args: &DemoArgs, abilities: MockAbilities) -> String {
    if abilities.static_dirs {
        format!("http://localhost:{}/gallery/", args.port)
    } else {
        format!("http://localhost:{}/gallery/", args.gallery_port)
    }
}

/// Reads nango-mock's `--help` for the flags this demo can use.
fn probe_mock(root: &std::path::Path) -> MockAbilities {
    let binary = target_dir(root).join("release").join("nango-mock");
    let help = Command::new(binary)
        .arg("--help")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    MockAbilities {
        static_dirs: help.contains("--static"),
        connect_ui_dir: help.contains("--connect-ui-dir"),
    }
}

/// Builds the web apps the demo serves (the gallery, and the Connect UI app once registered).
pub fn build_web_apps(session: &mut Session) -> Result<(), TaskError> {
    let apps: Vec<String> = ["gallery", "connect-app"]
        .into_iter()
        .filter(|name| WEB_APPS.iter().any(|app| app.name == *name))
        .map(str::to_owned)
        .collect();
    build_web::run(
        session,
        &BuildWebArgs {
            apps,
            no_opt: false,
        },
    )
}

/// Process groups of the running services, for the Ctrl-C handler.
static RUNNING_GROUPS: Mutex<Vec<Pid>> = Mutex::new(Vec::new());

/// Set once Ctrl-C (or SIGTERM) arrived.
static STOP_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Builds and runs the demo until Ctrl-C or until a service exits.
pub fn run(session: &mut Session, args: &DemoArgs) -> Result<(), TaskError> {
    let root = session.root().to_path_buf();
    require_package(session, "gallery")?;
    if args.desktop {
        prereq::ensure(session, DESKTOP_NEEDS)?;
    } else {
        build_web_apps(session)?;
    }
    let mut mock_build = session.cargo(["build", "--release", "-p", "nango-mock"]);
    session.run(&mut mock_build)?;
    let abilities = probe_mock(&root);
    let services = services(args, abilities, &root);
    for service in &services {
        require_package(session, service.package)?;
    }
    for service in services.iter().skip(1) {
        let mut build = session.cargo(&service.build);
        session.run(&mut build)?;
    }
    let gallery = (!args.desktop).then(|| gallery_url(args, abilities));
    if !args.desktop && !abilities.static_dirs {
        let mounts = vec![("/gallery".to_owned(), dist_dir(&root, "gallery"))];
        static_files::serve(args.gallery_port, mounts)?;
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
        if let Some(url) = &gallery {
            eprintln!("  gallery:               {url}");
            eprintln!("  gallery (live flows):  {url}#/live");
        }
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
        if let (Some((_, child)), Some(port)) = (running.last_mut(), service.port) {
            wait_until_listening(service, port, child)?;
        }
    }
    Ok(())
}

/// Waits until `service` accepts TCP connections, failing if it exits or takes too long.
pub(crate) fn wait_until_listening(
    service: &DemoService,
    port: u16,
    child: &mut Child,
) -> Result<(), TaskError> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
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

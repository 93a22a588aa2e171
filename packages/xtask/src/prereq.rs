//! Prerequisites as data: each one knows how to check whether it is there and how to install
//! it; [`ensure`] installs only what is missing and says "already present" for the rest.

use std::fmt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::cmd::Session;
use crate::error::TaskError;

/// Which version of a `cargo install`ed tool is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolVersion {
    /// Any version will do.
    Any,
    /// Exactly the version of this crate found in the workspace's Cargo.lock (e.g. the
    /// wasm-bindgen CLI must equal the wasm-bindgen library).
    SameAsLockedCrate(&'static str),
}

/// Something a task needs on the machine before it can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prerequisite {
    /// A rustup component of the active toolchain, probed with `cargo <probe> --version`.
    RustupComponent {
        /// Component name (`rustfmt`, `clippy`).
        component: &'static str,
        /// The cargo subcommand it provides (`fmt`, `clippy`).
        cargo_subcommand: &'static str,
    },
    /// A rustup target of the active toolchain.
    RustTarget(&'static str),
    /// A rustup toolchain (e.g. `nightly` for cargo-fuzz).
    RustToolchain(&'static str),
    /// A tool installed with `cargo install`.
    CargoTool {
        /// The crate to install.
        package: &'static str,
        /// The binary it provides (probed with `<binary> --version`).
        binary: &'static str,
        /// Which version.
        version: ToolVersion,
    },
    /// Debian packages, installed with `apt-get install -y` when running as root.
    AptPackages(&'static [&'static str]),
    /// An npm project folder (relative to the workspace root) whose `node_modules` must be
    /// installed (`npm ci` with a lock file, `npm install` without).
    NpmFolder(&'static str),
}

impl fmt::Display for Prerequisite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Prerequisite::RustupComponent { component, .. } => {
                write!(f, "rustup component {component}")
            }
            Prerequisite::RustTarget(target) => write!(f, "rustup target {target}"),
            Prerequisite::RustToolchain(toolchain) => write!(f, "rust toolchain {toolchain}"),
            Prerequisite::CargoTool {
                package, version, ..
            } => match version {
                ToolVersion::Any => write!(f, "{package}"),
                ToolVersion::SameAsLockedCrate(krate) => {
                    write!(f, "{package} (version of {krate} in Cargo.lock)")
                }
            },
            Prerequisite::AptPackages(packages) => write!(f, "apt {}", packages.join(" ")),
            Prerequisite::NpmFolder(folder) => write!(f, "npm packages of {folder}"),
        }
    }
}

/// Whether a prerequisite is there, and if not, what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Check {
    /// Installed.
    Present,
    /// Missing; the string says what (e.g. the apt packages not installed).
    Missing(String),
}

/// Checks every prerequisite in order and installs the missing ones.
pub fn ensure(session: &mut Session, prerequisites: &[Prerequisite]) -> Result<(), TaskError> {
    for prerequisite in prerequisites {
        match check(session, prerequisite)? {
            Check::Present => session.note(&format!("{prerequisite}: already present")),
            Check::Missing(what) => {
                session.note(&format!("{prerequisite}: missing ({what}), installing"));
                install(session, prerequisite)?;
                if let Check::Missing(what) = check(session, prerequisite)? {
                    return Err(TaskError::MissingPrerequisite {
                        name: prerequisite.to_string(),
                        hint: format!("still missing after installing: {what}"),
                    });
                }
            }
        }
    }
    Ok(())
}

/// Checks one prerequisite without changing anything.
fn check(session: &Session, prerequisite: &Prerequisite) -> Result<Check, TaskError> {
    Ok(match prerequisite {
        Prerequisite::RustupComponent {
            cargo_subcommand, ..
        } => {
            let mut probe = session.cargo([cargo_subcommand, "--version"]);
            if succeeds(&mut probe) {
                Check::Present
            } else {
                Check::Missing(format!("`cargo {cargo_subcommand}` does not run"))
            }
        }
        Prerequisite::RustTarget(target) => {
            let installed =
                output_of(
                    session
                        .command("rustup")
                        .args(["target", "list", "--installed"]),
                );
            if installed.lines().any(|line| line.trim() == *target) {
                Check::Present
            } else {
                Check::Missing(format!("{target} not in `rustup target list --installed`"))
            }
        }
        Prerequisite::RustToolchain(toolchain) => {
            let mut probe = session.command("cargo");
            probe.arg(format!("+{toolchain}")).arg("--version");
            if succeeds(&mut probe) {
                Check::Present
            } else {
                Check::Missing(format!("`cargo +{toolchain}` does not run"))
            }
        }
        Prerequisite::CargoTool {
            binary, version, ..
        } => {
            let mut probe = session.command(binary);
            let found = output_of(probe.arg("--version"));
            match wanted_version(session.root(), *version)? {
                _ if found.is_empty() => {
                    Check::Missing(format!("`{binary} --version` does not run"))
                }
                None => Check::Present,
                Some(wanted) if version_matches(&found, &wanted) => Check::Present,
                Some(wanted) => Check::Missing(format!("found `{}`, need {wanted}", found.trim())),
            }
        }
        Prerequisite::AptPackages(packages) => {
            let missing: Vec<&str> = packages
                .iter()
                .copied()
                .filter(|package| !dpkg_installed(session, package))
                .collect();
            if missing.is_empty() {
                Check::Present
            } else {
                Check::Missing(missing.join(" "))
            }
        }
        Prerequisite::NpmFolder(folder) => npm_folder_state(&session.root().join(folder)),
    })
}

/// Installs one prerequisite.
fn install(session: &mut Session, prerequisite: &Prerequisite) -> Result<(), TaskError> {
    match prerequisite {
        Prerequisite::RustupComponent { component, .. } => {
            let mut command = session.command("rustup");
            command.args(["component", "add", component]);
            session.run(&mut command)
        }
        Prerequisite::RustTarget(target) => {
            let mut command = session.command("rustup");
            command.args(["target", "add", target]);
            session.run(&mut command)
        }
        Prerequisite::RustToolchain(toolchain) => {
            let mut command = session.command("rustup");
            command.args(["toolchain", "install", toolchain, "--profile", "minimal"]);
            session.run(&mut command)
        }
        Prerequisite::CargoTool {
            package, version, ..
        } => {
            // No `--locked`: the tools' own lock files can pin crates this registry lacks
            // (see TOOLCHAIN.md on wasm-bindgen-cli).
            let mut command = session.cargo(["install", package]);
            if let Some(wanted) = wanted_version(session.root(), *version)? {
                command.args(["--version", &wanted, "--force"]);
            }
            session.run(&mut command)
        }
        Prerequisite::AptPackages(packages) => {
            let missing: Vec<&str> = packages
                .iter()
                .copied()
                .filter(|package| !dpkg_installed(session, package))
                .collect();
            if !running_as_root() {
                return Err(TaskError::MissingPrerequisite {
                    name: prerequisite.to_string(),
                    hint: format!(
                        "not running as root; install them with `sudo apt-get install -y {}`",
                        missing.join(" ")
                    ),
                });
            }
            if !session.apt_updated {
                let mut update = session.command("apt-get");
                update.args(["update", "-q"]);
                session.run(&mut update)?;
                session.apt_updated = true;
            }
            let mut command = session.command("apt-get");
            command
                .env("DEBIAN_FRONTEND", "noninteractive")
                .args(["install", "-y", "-q"])
                .args(&missing);
            session.run(&mut command)
        }
        Prerequisite::NpmFolder(folder) => {
            let dir = session.root().join(folder);
            let verb = if dir.join("package-lock.json").is_file() {
                "ci"
            } else {
                "install"
            };
            let mut command = session.command("npm");
            command
                .current_dir(&dir)
                .args([verb, "--no-audit", "--no-fund"]);
            session.run(&mut command)
        }
    }
}

/// The exact version wanted, if the tool is pinned.
fn wanted_version(root: &Path, version: ToolVersion) -> Result<Option<String>, TaskError> {
    match version {
        ToolVersion::Any => Ok(None),
        ToolVersion::SameAsLockedCrate(krate) => locked_version(root, krate).map(Some),
    }
}

/// The one version of `krate` in the workspace's Cargo.lock.
pub fn locked_version(root: &Path, krate: &str) -> Result<String, TaskError> {
    let path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(|source| TaskError::Io {
        path: path.clone(),
        source,
    })?;
    let versions = locked_versions(&lock, krate);
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(TaskError::Precondition(format!(
            "{krate} is not in {}",
            path.display()
        ))),
        many => Err(TaskError::Precondition(format!(
            "{krate} appears in {} with several versions ({}); pin one",
            path.display(),
            many.join(", ")
        ))),
    }
}

/// Every version of `krate` listed in the text of a Cargo.lock.
fn locked_versions(lock: &str, krate: &str) -> Vec<String> {
    let name_line = format!("name = \"{krate}\"");
    let mut versions = Vec::new();
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line != name_line {
            continue;
        }
        if let Some(version) = lines
            .next()
            .and_then(|next| next.strip_prefix("version = \""))
            .and_then(|rest| rest.strip_suffix('"'))
        {
            versions.push(version.to_owned());
        }
    }
    versions
}

/// Whether `tool --version` output (e.g. `wasm-bindgen 0.2.130`) names exactly `wanted`.
fn version_matches(output: &str, wanted: &str) -> bool {
    output
        .split_whitespace()
        .any(|word| word.trim_start_matches('v') == wanted)
}

/// Whether `dpkg -s` reports the package as installed.
fn dpkg_installed(session: &Session, package: &str) -> bool {
    let status = output_of(session.command("dpkg").args(["-s", package]));
    status
        .lines()
        .any(|line| line.trim() == "Status: install ok installed")
}

/// Whether an npm folder's `node_modules` is installed and no older than its manifests.
fn npm_folder_state(dir: &Path) -> Check {
    let installed = dir.join("node_modules").join(".package-lock.json");
    let Ok(installed_at) = installed.metadata().and_then(|m| m.modified()) else {
        return Check::Missing(format!("{} does not exist", installed.display()));
    };
    for manifest in ["package.json", "package-lock.json"] {
        let path = dir.join(manifest);
        if let Ok(changed_at) = path.metadata().and_then(|m| m.modified())
            && changed_at > installed_at
        {
            return Check::Missing(format!("{} changed since the last install", path.display()));
        }
    }
    Check::Present
}

/// Whether this process runs as root (apt installs need it).
fn running_as_root() -> bool {
    nix::unistd::Uid::effective().is_root()
}

/// Whether a probe command runs and exits successfully (its output is discarded).
fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The stdout of a probe command that exited successfully, or "" if it did not.
fn output_of(command: &mut Command) -> String {
    match command.stderr(Stdio::null()).output() {
        Ok(output) if output.status.success() => String::from_utf8_lossy(&output.stdout).into(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.99"

[[package]]
name = "syn"
version = "1.0.109"

[[package]]
name = "syn"
version = "2.0.100"
"#;

    #[test]
    fn locked_version_is_read_from_the_lock_text() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "syn"), ["1.0.109", "2.0.100"]);
        assert!(locked_versions(LOCK, "wasm").is_empty());
    }

    #[test]
    fn workspace_lock_pins_one_wasm_bindgen() {
        let root = crate::workspace_root();
        let version = locked_version(&root, "wasm-bindgen").expect("one wasm-bindgen version");
        assert!(version.starts_with("0.2."), "{version}");
    }

    #[test]
    fn tool_version_must_match_exactly() {
        assert!(version_matches("wasm-bindgen 0.2.130\n", "0.2.130"));
        assert!(!version_matches("wasm-bindgen 0.2.1300", "0.2.130"));
        assert!(!version_matches("wasm-bindgen 0.2.13", "0.2.130"));
        assert!(version_matches("tool v1.2.3", "1.2.3"));
    }

    #[test]
    fn npm_folder_needs_an_install_newer_than_its_manifests() {
        let dir = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("node_modules")).expect("create temp dir");
        std::fs::write(dir.join("package.json"), "{}").expect("write package.json");
        assert!(matches!(npm_folder_state(&dir), Check::Missing(_)));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.join("node_modules/.package-lock.json"), "{}").expect("write marker");
        assert_eq!(npm_folder_state(&dir), Check::Present);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.join("package.json"), "{\"a\":1}").expect("touch package.json");
        assert!(matches!(npm_folder_state(&dir), Check::Missing(_)));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn absent_apt_package_is_reported_missing() {
        let session = Session::new(std::env::temp_dir());
        let prerequisite = Prerequisite::AptPackages(&["xtask-no-such-package-xyz"]);
        let state = check(&session, &prerequisite).expect("check runs");
        assert_eq!(state, Check::Missing("xtask-no-such-package-xyz".into()));
    }

    #[test]
    fn prerequisites_name_themselves() {
        let wasm_bindgen = Prerequisite::CargoTool {
            package: "wasm-bindgen-cli",
            binary: "wasm-bindgen",
            version: ToolVersion::SameAsLockedCrate("wasm-bindgen"),
        };
        assert_eq!(
            wasm_bindgen.to_string(),
            "wasm-bindgen-cli (version of wasm-bindgen in Cargo.lock)"
        );
        assert_eq!(
            Prerequisite::NpmFolder("tests/browser").to_string(),
            "npm packages of tests/browser"
        );
        assert_eq!(
            Prerequisite::AptPackages(&["chromium", "xvfb"]).to_string(),
            "apt chromium xvfb"
        );
    }

    #[test]
    fn cargo_is_a_present_tool() {
        let session = Session::new(std::env::temp_dir());
        let prerequisite = Prerequisite::CargoTool {
            package: "cargo",
            binary: "cargo",
            version: ToolVersion::Any,
        };
        assert_eq!(
            check(&session, &prerequisite).expect("check"),
            Check::Present
        );
    }
}

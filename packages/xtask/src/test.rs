//! `cargo xtask test`: the registry of test suites and the command that runs them. A later
//! suite (node tests, browser e2e, desktop e2e) is one more entry in [`SUITES`].

use clap::Args;

use crate::cmd::Session;
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite};

/// Arguments of `cargo xtask test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Skip the slow suites (browser and desktop end-to-end, once they exist).
    #[arg(long)]
    pub quick: bool,
    /// Run only this suite (repeatable); see `--list`.
    #[arg(long = "suite", value_name = "NAME")]
    pub suites: Vec<String>,
    /// List the suites and exit.
    #[arg(long)]
    pub list: bool,
}

/// One test suite: what it needs on the machine and how it runs.
#[derive(Debug)]
pub struct Suite {
    /// The name `--suite` takes.
    pub name: &'static str,
    /// One line on what it checks.
    pub about: &'static str,
    /// Whether `--quick` skips it.
    pub slow: bool,
    /// What must be installed first.
    pub needs: &'static [Prerequisite],
    /// Runs the suite.
    pub run: fn(&mut Session) -> Result<(), TaskError>,
}

/// Every test suite, in the order `cargo xtask test` runs them (cheap checks first).
pub const SUITES: &[Suite] = &[
    Suite {
        name: "fmt",
        about: "rustfmt: the code is formatted",
        slow: false,
        needs: &[Prerequisite::RustupComponent {
            component: "rustfmt",
            cargo_subcommand: "fmt",
        }],
        run: run_fmt,
    },
    Suite {
        name: "clippy",
        about: "clippy on every crate, target and feature, warnings denied",
        slow: false,
        needs: &[
            Prerequisite::RustupComponent {
                component: "clippy",
                cargo_subcommand: "clippy",
            },
            Prerequisite::AptPackages(DESKTOP_BUILD_APT_PACKAGES),
        ],
        run: run_clippy,
    },
    Suite {
        name: "unit",
        about: "cargo test: unit, integration and doc tests of the whole workspace",
        slow: false,
        // The desktop crates build against WebKitGTK; their window tests run under Xvfb.
        needs: &[Prerequisite::AptPackages(DESKTOP_APT_PACKAGES)],
        run: run_cargo_test,
    },
    Suite {
        name: "node-client",
        about: "the official @nangohq/node 0.71.10 client against nango-mock (sessions, reconnect, connections)",
        slow: false,
        needs: &[Prerequisite::NpmFolder("tests/node-client")],
        run: run_node_client,
    },
    Suite {
        name: "web-browser",
        about: "nango-web in headless Chromium (wasm-bindgen-test, release) against nango-mock",
        slow: true,
        needs: &[
            Prerequisite::RustTarget(WASM_TARGET),
            Prerequisite::CargoTool {
                package: "wasm-bindgen-cli",
                binary: "wasm-bindgen-test-runner",
                version: prereq::ToolVersion::SameAsLockedCrate("wasm-bindgen"),
            },
            Prerequisite::AptPackages(BROWSER_APT_PACKAGES),
        ],
        run: run_web_browser,
    },
    Suite {
        name: "e2e",
        about: "end-to-end click-throughs in headless Chromium (playwright-core) against nango-mock: headless auth, Connect UI, axe, interop, every gallery story (axe, light and dark), the `cargo xtask demo` smoke test",
        slow: true,
        needs: &[
            Prerequisite::AptPackages(BROWSER_APT_PACKAGES),
            Prerequisite::NpmFolder(E2E_FOLDER),
        ],
        run: run_e2e,
    },
    Suite {
        name: "desktop",
        about: "examples/desktop-app under Xvfb, driven by keyboard (xdotool): API key, OAuth in the native window, OAuth in a fake system browser, API key in the Connect UI overlay; screenshots in tests/artifacts/desktop",
        slow: true,
        needs: &[Prerequisite::AptPackages(DESKTOP_APT_PACKAGES)],
        run: run_desktop,
    },
    Suite {
        name: "wasm",
        about: "the browser crates compile for wasm32-unknown-unknown",
        slow: false,
        needs: &[Prerequisite::RustTarget(WASM_TARGET)],
        run: run_wasm_check,
    },
];

/// The browser's Rust target.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A crate that must build for the browser, with the cargo feature arguments to check it with.
#[derive(Debug)]
pub struct BrowserCrate {
    /// The package name.
    pub package: &'static str,
    /// Extra `cargo check` arguments (e.g. `--no-default-features`, `--features web`).
    pub feature_args: &'static [&'static str],
}

/// Every crate that must run in a browser (the one list the wasm suite reads).
pub const BROWSER_CRATES: &[BrowserCrate] = &[
    BrowserCrate {
        package: "nango-core",
        feature_args: &[],
    },
    BrowserCrate {
        package: "nango-ui",
        feature_args: &[],
    },
    BrowserCrate {
        package: "nango-web",
        feature_args: &[],
    },
    BrowserCrate {
        package: "nango",
        feature_args: &["--features", "web"],
    },
    BrowserCrate {
        package: "nango-js",
        feature_args: &[],
    },
    BrowserCrate {
        package: "nango-connect-app",
        feature_args: &[],
    },
    BrowserCrate {
        package: "gallery",
        feature_args: &[],
    },
    BrowserCrate {
        package: "example-web-connect-button",
        feature_args: &[],
    },
];

/// Runs the selected suites after installing what they need.
pub fn run(session: &mut Session, args: &TestArgs) -> Result<(), TaskError> {
    if args.list {
        for suite in SUITES {
            let speed = if suite.slow { " (slow)" } else { "" };
            println!("{:<10} {}{speed}", suite.name, suite.about);
        }
        return Ok(());
    }
    let selected = select(&args.suites, args.quick)?;
    let needs: Vec<Prerequisite> = selected
        .iter()
        .flat_map(|suite| suite.needs.iter().copied())
        .fold(Vec::new(), |mut unique, need| {
            if !unique.contains(&need) {
                unique.push(need);
            }
            unique
        });
    prereq::ensure(session, &needs)?;
    for suite in selected {
        session.note(&format!("suite {}: {}", suite.name, suite.about));
        (suite.run)(session)?;
    }
    Ok(())
}

/// The suites to run: the named ones (in registry order), or all (minus slow ones if quick).
fn select(names: &[String], quick: bool) -> Result<Vec<&'static Suite>, TaskError> {
    if let Some(bad) = names
        .iter()
        .find(|name| !SUITES.iter().any(|suite| suite.name == name.as_str()))
    {
        return Err(crate::unknown(
            "test suite",
            bad,
            crate::known_names(SUITES.iter().map(|suite| suite.name)),
        ));
    }
    Ok(SUITES
        .iter()
        .filter(|suite| {
            if names.is_empty() {
                !(quick && suite.slow)
            } else {
                names.iter().any(|name| name == suite.name)
            }
        })
        .collect())
}

/// `cargo fmt --all -- --check`.
fn run_fmt(session: &mut Session) -> Result<(), TaskError> {
    let mut command = session.cargo(["fmt", "--all", "--", "--check"]);
    session.run(&mut command)
}

/// `cargo clippy --workspace --all-targets --all-features -- -D warnings`.
fn run_clippy(session: &mut Session) -> Result<(), TaskError> {
    let mut command = session.cargo([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]);
    session.run(&mut command)
}

/// `cargo test --workspace --all-features` (default-members is only core: `--workspace` matters).
fn run_cargo_test(session: &mut Session) -> Result<(), TaskError> {
    let mut command = session.cargo(["test", "--workspace", "--all-features"]);
    session.run_tests(&mut command)
}

/// `cargo check --target wasm32-unknown-unknown -p CRATE` for every browser crate.
fn run_wasm_check(session: &mut Session) -> Result<(), TaskError> {
    for browser_crate in BROWSER_CRATES {
        let mut command = session.cargo(["check", "--target", WASM_TARGET, "-p"]);
        command
            .arg(browser_crate.package)
            .args(browser_crate.feature_args);
        session.run(&mut command)?;
        check_single_versions(session, browser_crate)?;
    }
    Ok(())
}

/// Runs tests/node-client/run.sh against the debug nango-mock binary (built by the unit suite,
/// rebuilt here only if missing).
fn run_node_client(session: &mut Session) -> Result<(), TaskError> {
    let mut build = session.cargo(["build", "-p", "nango-mock", "--bin", "nango-mock"]);
    session.run(&mut build)?;
    let binary = crate::cmd::target_dir(session.root())
        .join("debug")
        .join("nango-mock");
    let mut command = session.command("bash");
    command
        .arg(session.root().join("tests/node-client/run.sh"))
        .env("NANGO_MOCK_BIN", binary);
    session.run(&mut command)
}

/// Debian packages the browser suites need: Chromium, its WebDriver and a font.
pub const BROWSER_APT_PACKAGES: &[&str] = &["chromium", "chromium-driver", "fonts-dejavu-core"];

/// Runs nango-web's wasm-bindgen browser tests with a nango-mock on a free port (the script
/// starts and stops it).
fn run_web_browser(session: &mut Session) -> Result<(), TaskError> {
    let mut build = session.cargo(["build", "-p", "nango-mock", "--bin", "nango-mock"]);
    session.run(&mut build)?;
    let binary = crate::cmd::target_dir(session.root())
        .join("debug")
        .join("nango-mock");
    let mut command = session.command("sh");
    command
        .arg(session.root().join("packages/web/tests/run-with-mock.sh"))
        .env("NANGO_MOCK_BIN", binary);
    session.run(&mut command)
}

/// The npm project of the end-to-end tests.
const E2E_FOLDER: &str = "tests/e2e";

/// The web apps the end-to-end tests load (built when `build-web` knows them; the tests skip
/// what is missing and say so).
const E2E_WEB_APPS: &[&str] = &["connect-app", "js", "web-connect-button", "gallery"];

/// Builds nango-mock (debug) and the web apps the tests load, then runs tests/e2e with node's
/// test runner (one file at a time: each starts its own mock and browser).
fn run_e2e(session: &mut Session) -> Result<(), TaskError> {
    let mut build = session.cargo(["build", "-p", "nango-mock", "--bin", "nango-mock"]);
    session.run(&mut build)?;
    let apps: Vec<String> = E2E_WEB_APPS
        .iter()
        .filter(|name| {
            crate::build_web::WEB_APPS
                .iter()
                .any(|app| app.name == **name)
        })
        .map(|name| (*name).to_owned())
        .collect();
    if apps.is_empty() {
        session.note("no web app of the e2e tests is in build-web's table yet; their tests skip");
    } else {
        let args = crate::build_web::BuildWebArgs {
            apps,
            no_opt: false,
            build_std: false,
        };
        crate::build_web::run(session, &args)?;
    }
    let binary = crate::cmd::target_dir(session.root())
        .join("debug")
        .join("nango-mock");
    let mut command = session.command("node");
    command
        .args(["--test", "--test-concurrency=1", "test/", "js/"])
        .current_dir(session.root().join(E2E_FOLDER))
        .env("NANGO_MOCK_BIN", binary);
    session.run(&mut command)
}

/// Debian packages that building dioxus-desktop needs (WebKitGTK and friends; TOOLCHAIN.md).
pub const DESKTOP_BUILD_APT_PACKAGES: &[&str] = &[
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libxdo-dev",
];

/// Debian packages the desktop tests need: the build packages, an X server and the tools that
/// drive and photograph its windows.
pub const DESKTOP_APT_PACKAGES: &[&str] = &[
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libxdo-dev",
    "xvfb",
    "xauth",
    "xdotool",
    "imagemagick",
    "x11-utils",
];

/// Runs examples/desktop-app's Xvfb end-to-end test (it starts its own Xvfb and nango-mock).
fn run_desktop(session: &mut Session) -> Result<(), TaskError> {
    let mut command = session.cargo(["test", "-p", "example-desktop-app", "--test", "xvfb_e2e"]);
    command.env("DESKTOP_APP_E2E", "1");
    session.run_tests(&mut command)
}

/// Crates that Dioxus 0.7.10 itself pulls in twice (not ours to unify): `rustc-hash` 1 and 2.
const UPSTREAM_WASM_DUPLICATES: &[&str] = &["rustc-hash"];

/// Fails when the crate's wasm dependency graph holds two versions of one crate (each copy is
/// shipped to every browser), apart from [`UPSTREAM_WASM_DUPLICATES`].
fn check_single_versions(
    session: &mut Session,
    browser_crate: &BrowserCrate,
) -> Result<(), TaskError> {
    let label = format!(
        "one version of each dependency in {}'s wasm graph",
        browser_crate.package
    );
    let mut command = session.cargo(["tree", "--duplicates", "--edges", "normal,no-proc-macro"]);
    command
        .args([
            "--target",
            WASM_TARGET,
            "--prefix",
            "none",
            "--depth",
            "0",
            "-p",
        ])
        .arg(browser_crate.package)
        .args(browser_crate.feature_args);
    session.timed(&label, |label| {
        let output = command.output().map_err(|source| TaskError::Spawn {
            command: label.to_owned(),
            source,
        })?;
        let tree = String::from_utf8_lossy(&output.stdout);
        let duplicates = unexpected_duplicates(&tree);
        if output.status.success() && duplicates.is_empty() {
            Ok(())
        } else {
            Err(TaskError::Precondition(format!(
                "{} has duplicate crates in its wasm graph:\n{}",
                browser_crate.package,
                duplicates.join("\n")
            )))
        }
    })
}

/// The `name vX.Y.Z` lines of `cargo tree --duplicates --depth 0` whose crate is not a known
/// upstream duplicate.
fn unexpected_duplicates(tree: &str) -> Vec<&str> {
    tree.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or_default();
            !UPSTREAM_WASM_DUPLICATES.contains(&name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unexpected_wasm_duplicates_are_reported() {
        let tree = "rustc-hash v1.1.0\n\nrustc-hash v2.1.3\nserde v1.0.1\n\nserde v1.0.2\n";
        assert_eq!(
            unexpected_duplicates(tree),
            ["serde v1.0.1", "serde v1.0.2"]
        );
        assert!(unexpected_duplicates("rustc-hash v1.1.0\n\nrustc-hash v2.1.3\n").is_empty());
    }

    #[test]
    fn suite_names_are_unique() {
        for (index, suite) in SUITES.iter().enumerate() {
            assert!(
                SUITES[index + 1..]
                    .iter()
                    .all(|other| other.name != suite.name),
                "duplicate suite {}",
                suite.name
            );
        }
    }

    #[test]
    fn select_keeps_registry_order_and_rejects_unknown_names() {
        let names = vec!["wasm".to_owned(), "fmt".to_owned()];
        let chosen: Vec<&str> = select(&names, false)
            .expect("known suites")
            .iter()
            .map(|suite| suite.name)
            .collect();
        assert_eq!(chosen, ["fmt", "wasm"]);
        let error = select(&["nope".to_owned()], false).expect_err("unknown suite");
        assert!(
            error.to_string().contains("unknown test suite `nope`"),
            "{error}"
        );
        assert!(error.to_string().contains("fmt, clippy"), "{error}");
    }

    #[test]
    fn quick_skips_only_slow_suites() {
        let all = select(&[], false).expect("all");
        let quick = select(&[], true).expect("quick");
        assert_eq!(all.len(), SUITES.len());
        assert_eq!(
            quick.len(),
            SUITES.iter().filter(|suite| !suite.slow).count()
        );
    }
}

//! `cargo xtask bench SUITE`: the registry of benchmark suites (`mock`, `ui`, `web`, `desktop`
//! and `js` are added by later issues). Each suite measures and prints its own figures.

use clap::Args;

use crate::cmd::Session;
use crate::error::TaskError;

/// Arguments of `cargo xtask bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The suite to run (omit to list them).
    pub suite: Option<String>,
}

/// One benchmark suite.
#[derive(Debug)]
pub struct BenchSuite {
    /// The name `cargo xtask bench` takes.
    pub name: &'static str,
    /// One line on what it measures.
    pub about: &'static str,
    /// Runs it and prints its measurements.
    pub run: fn(&mut Session) -> Result<(), TaskError>,
}

/// Every benchmark suite.
pub const BENCH_SUITES: &[BenchSuite] = &[
    BenchSuite {
        name: "mock",
        about: "nango-mock on loopback: req/s of GET /connect/session and API-key connect, RSS with 10,000 idle WebSockets",
        run: run_mock,
    },
    BenchSuite {
        name: "web",
        about: "the Connect UI app in headless Chromium: transfer size, navigation to first integration (10/900), DOM size, search p95 (981)",
        run: run_web,
    },
    BenchSuite {
        name: "js",
        about: "the plain-JS module vs @nangohq/frontend 0.71.10: size (raw/gzip/brotli, ratio), import() to first request at nango-mock (cold/warm, median)",
        run: run_js,
    },
    BenchSuite {
        name: "desktop",
        about: "examples/desktop-app under Xvfb, Connect UI as window and as overlay: cold start to painted with phases, RSS/PSS per process, median of 5",
        run: run_desktop,
    },
];

/// Builds the release nango-mock and the Connect UI app (`build-web --app connect-app`), then runs
/// tests/e2e/bench/web.mjs, which prints the app's transfer size, time to first integration,
/// DOM size and search latency measured in headless Chromium.
fn run_web(session: &mut Session) -> Result<(), TaskError> {
    run_browser_bench(session, "connect-app", "bench/web.mjs")
}

/// Builds the release nango-mock and the plain-JS module (`build-web --app js`), then runs
/// tests/e2e/bench/js.mjs, which prints the module sizes next to the official
/// `@nangohq/frontend` and the time from `import()` to the first request at nango-mock.
fn run_js(session: &mut Session) -> Result<(), TaskError> {
    run_browser_bench(session, "js", "bench/js.mjs")
}

/// Builds the release nango-mock and the web app `app`, then runs the node `script` of
/// tests/e2e against that mock (`NANGO_MOCK_BIN`).
fn run_browser_bench(session: &mut Session, app: &str, script: &str) -> Result<(), TaskError> {
    crate::prereq::ensure(
        session,
        &[
            crate::prereq::Prerequisite::AptPackages(crate::test::BROWSER_APT_PACKAGES),
            crate::prereq::Prerequisite::NpmFolder("tests/e2e"),
        ],
    )?;
    crate::demo::build_release_mock(session)?;
    let args = crate::build_web::BuildWebArgs {
        apps: vec![app.to_owned()],
        no_opt: false,
        build_std: false,
    };
    crate::build_web::run(session, &args)?;
    let binary = crate::cmd::target_dir(session.root())
        .join("release")
        .join("nango-mock");
    let mut command = session.command("node");
    command
        .arg(script)
        .current_dir(session.root().join("tests/e2e"))
        .env("NANGO_MOCK_BIN", binary);
    session.run(&mut command)
}

/// Builds examples/desktop-app in release mode and runs its cold-start bench (Xvfb, screen
/// polling), which prints its figures: per Connect UI presentation (own window, overlay) the
/// phases of the cold start, RSS and PSS per process, and the ratio to the 1 s / 200 MB targets.
fn run_desktop(session: &mut Session) -> Result<(), TaskError> {
    crate::prereq::ensure(
        session,
        &[crate::prereq::Prerequisite::AptPackages(
            crate::test::DESKTOP_APT_PACKAGES,
        )],
    )?;
    let mut command = session.cargo([
        "bench",
        "-p",
        "example-desktop-app",
        "--bench",
        "cold_start",
    ]);
    session.run(&mut command)
}

/// Builds nango-mock and its load generator in release mode and runs the generator, which
/// starts the server on a free loopback port and prints its figures.
fn run_mock(session: &mut Session) -> Result<(), TaskError> {
    let mut build = session.cargo(["build", "--release", "-p", "nango-mock", "--bins"]);
    session.run(&mut build)?;
    let release = crate::cmd::target_dir(session.root()).join("release");
    let mut command = session.command(release.join("nango-mock-bench"));
    command.arg("--server").arg(release.join("nango-mock"));
    session.run(&mut command)
}

/// Runs the named suite; with no name, lists the suites.
pub fn run(session: &mut Session, args: &BenchArgs) -> Result<(), TaskError> {
    let Some(name) = &args.suite else {
        print_list();
        return Ok(());
    };
    match BENCH_SUITES
        .iter()
        .find(|suite| suite.name == name.as_str())
    {
        Some(suite) => (suite.run)(session),
        None => {
            print_list();
            Err(crate::unknown(
                "benchmark suite",
                name,
                crate::known_names(BENCH_SUITES.iter().map(|suite| suite.name)),
            ))
        }
    }
}

/// Prints the registered suites.
fn print_list() {
    for suite in BENCH_SUITES {
        println!("{:<10} {}", suite.name, suite.about);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_suite_is_an_error() {
        let mut session = Session::new(std::env::temp_dir());
        let args = BenchArgs {
            suite: Some("mock-not-there".to_owned()),
        };
        let error = run(&mut session, &args).expect_err("no such suite");
        assert!(
            error
                .to_string()
                .contains("unknown benchmark suite `mock-not-there`"),
            "{error}"
        );
    }
}

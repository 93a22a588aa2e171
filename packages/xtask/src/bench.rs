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

/// Every benchmark suite. None is registered yet: no figure is printed until one measures it.
pub const BENCH_SUITES: &[BenchSuite] = &[];

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
    if BENCH_SUITES.is_empty() {
        println!("No benchmark suite is registered yet.");
    }
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

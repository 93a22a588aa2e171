//! `cargo xtask`: the one entry point that builds, demos, tests, fuzzes and benchmarks this
//! workspace, installing what it needs on the way (see the README's quick start).

mod bench;
mod build_web;
mod cmd;
mod demo;
mod error;
mod fuzz;
mod prereq;
mod screenshots;
mod static_files;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd::Session;
use crate::error::TaskError;

/// Command line of `cargo xtask`.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    about = "Build, demo, test, fuzz and bench this workspace"
)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    task: Task,
}

/// The tasks `cargo xtask` knows.
#[derive(Debug, Subcommand)]
enum Task {
    /// Run every test suite (fmt, clippy, unit and integration tests, wasm checks, …).
    Test(test::TestArgs),
    /// Run the demo: nango-mock with its demo catalogue and the gallery (web, or `--desktop`).
    Demo(demo::DemoArgs),
    /// Screenshot gallery stories (web in headless Chromium, desktop under Xvfb) into assets/screenshots.
    Screenshots(screenshots::ScreenshotsArgs),
    /// Fuzz the parsers under fuzz/ with cargo-fuzz on the nightly toolchain.
    Fuzz(fuzz::FuzzArgs),
    /// Run a benchmark suite.
    Bench(bench::BenchArgs),
    /// Build the browser apps into dist/ (wasm-bindgen + wasm-opt, no dx CLI).
    BuildWeb(build_web::BuildWebArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut session = Session::new(workspace_root());
    let outcome = match cli.task {
        Task::Test(args) => test::run(&mut session, &args),
        Task::Demo(args) => demo::run(&mut session, &args),
        Task::Screenshots(args) => screenshots::run(&mut session, &args),
        Task::Fuzz(args) => fuzz::run(&mut session, &args),
        Task::Bench(args) => bench::run(&mut session, &args),
        Task::BuildWeb(args) => build_web::run(&mut session, &args),
    };
    session.print_summary();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: two levels above this crate's manifest (`packages/xtask`).
fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match manifest_dir.parent().and_then(|packages| packages.parent()) {
        Some(root) => root.to_path_buf(),
        None => manifest_dir,
    }
}

/// Lists names for an "unknown X; known: …" message.
fn known_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<&str> = names.collect();
    if list.is_empty() {
        "(none yet)".to_owned()
    } else {
        list.join(", ")
    }
}

/// Returns `TaskError::Unknown` for a name that is not in a registry.
fn unknown(kind: &'static str, name: &str, known: String) -> TaskError {
    TaskError::Unknown {
        kind,
        name: name.to_owned(),
        known,
    }
}

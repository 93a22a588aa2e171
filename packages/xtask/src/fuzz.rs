//! `cargo xtask fuzz`: runs each cargo-fuzz target of `fuzz/` for a bounded time on the nightly
//! toolchain, with the committed seeds of `fuzz/seeds/TARGET` added to its corpus.

use clap::Args;

use crate::cmd::Session;
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite, ToolVersion};

/// Arguments of `cargo xtask fuzz`.
#[derive(Debug, Args)]
pub struct FuzzArgs {
    /// Seconds to fuzz each target.
    #[arg(long, default_value_t = 30)]
    pub seconds: u64,
    /// Fuzz only this target (default: every target of `cargo +nightly fuzz list`).
    pub target: Option<String>,
}

/// What fuzzing needs: nightly (for the sanitizer flags) and cargo-fuzz.
const NEEDS: &[Prerequisite] = &[
    Prerequisite::RustToolchain("nightly"),
    Prerequisite::CargoTool {
        package: "cargo-fuzz",
        binary: "cargo-fuzz",
        version: ToolVersion::Any,
    },
];

/// Fuzzes the selected targets one after the other; a crash stops the run with its artefact.
pub fn run(session: &mut Session, args: &FuzzArgs) -> Result<(), TaskError> {
    prereq::ensure(session, NEEDS)?;
    let targets = list_targets(session)?;
    let selected: Vec<&String> = match &args.target {
        Some(name) => {
            let target = targets
                .iter()
                .find(|target| *target == name)
                .ok_or_else(|| {
                    crate::unknown(
                        "fuzz target",
                        name,
                        crate::known_names(targets.iter().map(String::as_str)),
                    )
                })?;
            vec![target]
        }
        None => targets.iter().collect(),
    };
    for target in selected {
        let corpus = session.root().join("fuzz").join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|source| TaskError::Io {
            path: corpus.clone(),
            source,
        })?;
        let mut command = session.cargo(["+nightly", "fuzz", "run", target.as_str()]);
        // New inputs go to the first corpus folder (ignored by git); the seeds are read only.
        command.arg(&corpus);
        let seeds = session.root().join("fuzz").join("seeds").join(target);
        if seeds.is_dir() {
            command.arg(&seeds);
        }
        command.args(["--", &format!("-max_total_time={}", args.seconds)]);
        session.run(&mut command)?;
    }
    Ok(())
}

/// The targets `cargo +nightly fuzz list` reports.
fn list_targets(session: &mut Session) -> Result<Vec<String>, TaskError> {
    let mut command = session.cargo(["+nightly", "fuzz", "list"]);
    let label = crate::cmd::describe(&command);
    eprintln!("==> {label}");
    let output = command.output().map_err(|source| TaskError::Spawn {
        command: label.clone(),
        source,
    })?;
    if !output.status.success() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        return Err(TaskError::CommandFailed {
            command: label,
            status: output.status,
        });
    }
    let targets: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect();
    if targets.is_empty() {
        return Err(TaskError::Precondition(
            "`cargo +nightly fuzz list` found no fuzz target under fuzz/".to_owned(),
        ));
    }
    session.note(&format!("fuzz targets: {}", targets.join(", ")));
    Ok(targets)
}

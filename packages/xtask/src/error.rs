//! [`TaskError`]: why an xtask step stopped, worded for the person reading the terminal.

use std::path::PathBuf;
use std::process::ExitStatus;

/// Why a task failed. Every variant names the command, file or prerequisite involved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TaskError {
    /// A command ran and exited unsuccessfully.
    #[error("`{command}` failed ({status})")]
    CommandFailed {
        /// The command line, as echoed.
        command: String,
        /// Its exit status.
        status: ExitStatus,
    },
    /// A command could not be started (program missing, permissions, …).
    #[error("could not start `{command}`: {source}")]
    Spawn {
        /// The command line, as echoed.
        command: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A prerequisite is missing and this run cannot install it.
    #[error("prerequisite `{name}` is missing: {hint}")]
    MissingPrerequisite {
        /// The prerequisite.
        name: String,
        /// What to do about it.
        hint: String,
    },
    /// A name that is not in a registry (suite, benchmark, fuzz target).
    #[error("unknown {kind} `{name}`; known: {known}")]
    Unknown {
        /// What kind of name (e.g. `test suite`).
        kind: &'static str,
        /// The name given.
        name: String,
        /// The known names, comma separated.
        known: String,
    },
    /// A precondition of the workspace does not hold (e.g. a package does not exist yet).
    #[error("{0}")]
    Precondition(String),
}

//! Running commands the way every xtask step does: echo the command line, time it, stop on
//! failure, and keep a record of each step for the closing summary table.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::TaskError;

/// The outcome of one recorded step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome {
    /// The step succeeded.
    Passed,
    /// The step failed (and stopped the task).
    Failed,
}

/// One line of the summary table.
#[derive(Debug, Clone)]
pub struct StepRecord {
    /// What the step did.
    pub label: String,
    /// Wall time.
    pub elapsed: Duration,
    /// How it ended.
    pub outcome: StepOutcome,
}

/// Test counts summed over every `test result:` line a test runner printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TestCounts {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
    /// Tests that were ignored (reported as skipped).
    pub skipped: u64,
}

impl TestCounts {
    /// Adds the counts of one libtest closing line such as
    /// `test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; …`.
    /// Returns whether the line was such a line.
    pub fn add_libtest_line(&mut self, line: &str) -> bool {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return false;
        };
        let Some((_, counts)) = rest.split_once(". ") else {
            return false;
        };
        let mut parsed = TestCounts::default();
        for part in counts.split(';') {
            let mut words = part.split_whitespace();
            let (Some(number), Some(word)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match word {
                "passed" => parsed.passed = number,
                "failed" => parsed.failed = number,
                "ignored" => parsed.skipped = number,
                _ => {}
            }
        }
        self.passed += parsed.passed;
        self.failed += parsed.failed;
        self.skipped += parsed.skipped;
        true
    }
}

/// The state of one `cargo xtask` invocation: where the workspace is, and what ran so far.
#[derive(Debug)]
pub struct Session {
    /// The workspace root; every command runs there unless told otherwise.
    root: PathBuf,
    /// Every step run so far, in order.
    steps: Vec<StepRecord>,
    /// Counts of the test runners whose output was read, if any ran.
    tests: Option<TestCounts>,
    /// Whether `apt-get update` already ran in this session.
    pub apt_updated: bool,
}

impl Session {
    /// A session for the workspace at `root`.
    pub fn new(root: PathBuf) -> Self {
        Session {
            root,
            steps: Vec::new(),
            tests: None,
            apt_updated: false,
        }
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A command for `program`, to run at the workspace root.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root);
        command
    }

    /// A `cargo` command with `args`, to run at the workspace root.
    pub fn cargo<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.command("cargo");
        command.args(args);
        command
    }

    /// Runs `command` as a recorded step: echoes it, inherits stdout and stderr, times it, and
    /// fails unless it exits successfully.
    pub fn run(&mut self, command: &mut Command) -> Result<(), TaskError> {
        let label = describe(command);
        self.timed(&label, |label| {
            let status = command.status().map_err(|source| TaskError::Spawn {
                command: label.to_owned(),
                source,
            })?;
            if status.success() {
                Ok(())
            } else {
                Err(TaskError::CommandFailed {
                    command: label.to_owned(),
                    status,
                })
            }
        })
    }

    /// Runs a libtest-style test command as a recorded step. Its stdout is copied to ours line
    /// by line, unchanged, while the `test result:` lines are summed into the session's counts.
    pub fn run_tests(&mut self, command: &mut Command) -> Result<(), TaskError> {
        let label = describe(command);
        let mut counts = self.tests.unwrap_or_default();
        let outcome = self.timed(&label, |label| {
            let spawn_error = |source| TaskError::Spawn {
                command: label.to_owned(),
                source,
            };
            let mut child = command
                .stdout(Stdio::piped())
                .spawn()
                .map_err(spawn_error)?;
            let copied = match child.stdout.take() {
                Some(stdout) => copy_counting(stdout, std::io::stdout().lock(), &mut counts),
                None => Ok(()),
            };
            // Always reap the child, even if copying its output failed.
            let status = child.wait().map_err(spawn_error)?;
            copied.map_err(spawn_error)?;
            if status.success() {
                Ok(())
            } else {
                Err(TaskError::CommandFailed {
                    command: label.to_owned(),
                    status,
                })
            }
        });
        self.tests = Some(counts);
        outcome
    }

    /// Runs `work` as a recorded step named `label`, printing its start, end and wall time.
    pub fn timed<F>(&mut self, label: &str, work: F) -> Result<(), TaskError>
    where
        F: FnOnce(&str) -> Result<(), TaskError>,
    {
        eprintln!("==> {label}");
        let started = Instant::now();
        let result = work(label);
        let elapsed = started.elapsed();
        let outcome = match &result {
            Ok(()) => {
                eprintln!("<== ok in {} ({label})", seconds(elapsed));
                StepOutcome::Passed
            }
            Err(error) => {
                eprintln!("<== FAILED in {} ({label}): {error}", seconds(elapsed));
                StepOutcome::Failed
            }
        };
        self.steps.push(StepRecord {
            label: label.to_owned(),
            elapsed,
            outcome,
        });
        result
    }

    /// Prints a message that is part of the run but not a step.
    pub fn note(&self, message: &str) {
        eprintln!("    {message}");
    }

    /// Prints the table of steps and their times (stderr) and, when a test runner ran, one
    /// closing `tests: N passed, N failed, N skipped` line (stdout).
    pub fn print_summary(&self) {
        if self.steps.is_empty() {
            return;
        }
        let total: Duration = self.steps.iter().map(|step| step.elapsed).sum();
        eprintln!();
        eprintln!("Summary");
        for step in &self.steps {
            let mark = match step.outcome {
                StepOutcome::Passed => "ok    ",
                StepOutcome::Failed => "FAILED",
            };
            eprintln!(
                "  {mark}  {:>9}  {}",
                seconds(step.elapsed),
                shorten(&step.label, 100)
            );
        }
        eprintln!("  total   {:>9}", seconds(total));
        if let Some(tests) = self.tests {
            println!(
                "tests: {} passed, {} failed, {} skipped",
                tests.passed, tests.failed, tests.skipped
            );
        }
    }
}

/// Copies a test runner's stdout to `ours` byte for byte, summing its `test result:` lines.
fn copy_counting(
    stdout: impl Read,
    mut ours: impl Write,
    counts: &mut TestCounts,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stdout);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        counts.add_libtest_line(&String::from_utf8_lossy(&line));
        // A closed stdout (e.g. `| head`) must not stop the tests: ignore write errors.
        let _ = ours.write_all(&line);
        let _ = ours.flush();
    }
}

/// A command line as a person would type it (environment overrides first).
pub fn describe(command: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in command.get_envs() {
        if let Some(value) = value {
            parts.push(format!(
                "{}={}",
                key.to_string_lossy(),
                quote(&value.to_string_lossy())
            ));
        }
    }
    parts.push(quote(&command.get_program().to_string_lossy()));
    parts.extend(command.get_args().map(|arg| quote(&arg.to_string_lossy())));
    parts.join(" ")
}

/// Quotes a word for a POSIX shell when it needs quoting.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:+,@%".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Cuts a label to `max` characters with an ellipsis.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Formats a duration as seconds with one decimal.
pub fn seconds(elapsed: Duration) -> String {
    format!("{:.1} s", elapsed.as_secs_f64())
}

/// The cargo target directory of this workspace: `CARGO_TARGET_DIR` (relative paths taken from
/// the workspace root) or `<root>/target`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_closing_lines_are_summed() {
        let mut counts = TestCounts::default();
        assert!(counts.add_libtest_line(
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s"
        ));
        assert!(counts.add_libtest_line(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 5 filtered out; finished in 1.20s"
        ));
        assert!(!counts.add_libtest_line("test foo::bar ... ok"));
        assert!(!counts.add_libtest_line("running 3 tests"));
        assert_eq!(
            counts,
            TestCounts {
                passed: 15,
                failed: 2,
                skipped: 1
            }
        );
    }

    #[test]
    fn test_output_is_counted_even_with_invalid_utf8() {
        let output: &[u8] =
            b"running 3 tests\n\xff\xfe odd bytes\ntest result: FAILED. 2 passed; 1 failed; 4 ignored; 0 measured\n";
        let mut counts = TestCounts::default();
        let mut copied = Vec::new();
        copy_counting(output, &mut copied, &mut counts).expect("copy");
        assert_eq!(copied, output, "the output is copied unchanged");
        assert_eq!(
            counts,
            TestCounts {
                passed: 2,
                failed: 1,
                skipped: 4
            }
        );
    }

    #[test]
    fn command_lines_are_quoted_like_a_shell() {
        let mut command = Command::new("cargo");
        command
            .args(["clippy", "--", "-D", "warnings", "it's here"])
            .env("RUSTFLAGS", "-C opt-level=1");
        assert_eq!(
            describe(&command),
            r"RUSTFLAGS='-C opt-level=1' cargo clippy -- -D warnings 'it'\''s here'"
        );
    }

    #[test]
    fn failing_step_is_recorded_and_reported() {
        let mut session = Session::new(std::env::temp_dir());
        let error = session
            .run(&mut Command::new("false"))
            .expect_err("`false` must fail");
        assert!(matches!(error, TaskError::CommandFailed { .. }), "{error}");
        session
            .run(&mut Command::new("true"))
            .expect("`true` must pass");
        let outcomes: Vec<StepOutcome> = session.steps.iter().map(|s| s.outcome).collect();
        assert_eq!(outcomes, [StepOutcome::Failed, StepOutcome::Passed]);
    }

    #[test]
    fn missing_program_is_a_spawn_error() {
        let mut session = Session::new(std::env::temp_dir());
        let error = session
            .run(&mut Command::new("/nonexistent/xtask-no-such-program"))
            .expect_err("must fail");
        assert!(matches!(error, TaskError::Spawn { .. }), "{error}");
    }
}

//! `cargo xtask bench desktop`: cold start of the desktop app to the Connect UI painted, and its
//! memory, median of 5 runs under Xvfb.
//!
//! Each run starts `desktop-app --open-connect-ui` (release build, embedded nango-mock, as a
//! user's `cargo run` would) and polls the screen: the Connect UI counts as painted once its
//! window shows the integration list (≥ 300 distinct colours; the blank webview has 1–2 and the
//! loading spinner ~20). The time is taken when the poll that saw the list returns, so it is an
//! upper bound, late by at most one poll interval (printed too). RSS is read from `/proc` one
//! second after the paint, for the app process and for the app plus its WebKitGTK processes (and
//! their PSS, which splits the shared libraries instead of counting them in every process).
//! Prints measured figures only.

#[path = "../tests/support/x11.rs"]
mod x11;

use std::process::Command;
use std::time::{Duration, Instant};

use x11::{App, Display};

/// Runs measured.
const RUNS: usize = 5;
/// Distinct colours that mean "the integration list is on screen".
const PAINTED_COLOURS: u64 = 300;

/// One run's figures.
struct Sample {
    /// Process start to the Connect UI painted.
    painted: Duration,
    /// How late the paint time can be: from the end of the poll before to the end of the one
    /// that saw the list.
    resolution: Duration,
    /// RSS of the app process, KiB.
    app_rss: u64,
    /// RSS of the app and its WebKit processes, KiB (shared pages counted in each).
    tree_rss: u64,
    /// PSS of the app and its WebKit processes, KiB (shared pages split).
    tree_pss: u64,
}

fn main() {
    if let Some(reason) = x11::missing_prerequisite() {
        println!("bench desktop: skipped ({reason})");
        return;
    }
    let display = match Display::start() {
        Ok(display) => display,
        Err(reason) => {
            println!("bench desktop: skipped ({reason})");
            return;
        }
    };
    let binary = env!("CARGO_BIN_EXE_desktop-app");
    println!(
        "bench desktop: {binary}, {RUNS} runs on Xvfb {}",
        display.name
    );
    let mut samples = Vec::new();
    for run in 1..=RUNS {
        match measure(&display, binary) {
            Ok(sample) => {
                println!(
                    "  run {run}: painted {:>5} ms (at most {} ms late), RSS app {:>4} MB, app + WebKit {:>4} MB (PSS {:>4} MB)",
                    sample.painted.as_millis(),
                    sample.resolution.as_millis(),
                    sample.app_rss / 1024,
                    sample.tree_rss / 1024,
                    sample.tree_pss / 1024
                );
                samples.push(sample);
            }
            Err(why) => {
                println!("  run {run}: failed: {why}");
                drop(display);
                std::process::exit(1);
            }
        }
    }
    let painted = median(
        samples
            .iter()
            .map(|s| s.painted.as_millis() as u64)
            .collect(),
    );
    let app_rss = median(samples.iter().map(|s| s.app_rss).collect());
    let tree_rss = median(samples.iter().map(|s| s.tree_rss).collect());
    println!("cold start to Connect UI painted (median of {RUNS}): {painted} ms");
    println!("RSS, app process (median of {RUNS}): {} MB", app_rss / 1024);
    let tree_pss = median(samples.iter().map(|s| s.tree_pss).collect());
    println!(
        "RSS, app + WebKitGTK processes (median of {RUNS}): {} MB",
        tree_rss / 1024
    );
    println!(
        "PSS, app + WebKitGTK processes (median of {RUNS}): {} MB",
        tree_pss / 1024
    );
}

/// One cold start.
fn measure(display: &Display, binary: &str) -> Result<Sample, String> {
    let mut command = Command::new(binary);
    command
        .arg("--open-connect-ui")
        .env("DISPLAY", &display.name)
        .env_remove("NANGO_HOST")
        .env_remove("NANGO_SECRET_KEY");
    // Its own process group, so the WebKit helpers end with it.
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let log = std::env::temp_dir().join(format!("desktop-bench-{}.log", std::process::id()));
    let started = Instant::now();
    let app = App::start(command, &log)?;
    let deadline = started + Duration::from_secs(30);
    let mut previous_end = Duration::ZERO;
    let (painted, resolution) = loop {
        if Instant::now() > deadline {
            end(&app);
            return Err("the Connect UI was not painted within 30 s".to_owned());
        }
        let colours = display
            .window("Connect")
            .and_then(|window| display.window_colours(&window));
        let now = started.elapsed();
        if colours.is_some_and(|c| c >= PAINTED_COLOURS) {
            break (now, now - previous_end);
        }
        previous_end = now;
        std::thread::sleep(Duration::from_millis(10));
    };
    std::thread::sleep(Duration::from_secs(1));
    let sample = Sample {
        painted,
        resolution,
        app_rss: x11::rss_kib(app.pid()),
        tree_rss: x11::tree_rss_kib(app.pid()),
        tree_pss: x11::tree_pss_kib(app.pid()),
    };
    end(&app);
    drop(app);
    let _ = std::fs::remove_file(log);
    // Let the display settle before the next cold start.
    std::thread::sleep(Duration::from_millis(500));
    Ok(sample)
}

/// Ends the app's process group (the app and the WebKit processes it started).
fn end(app: &App) {
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", app.pid())])
        .status();
}

/// The median of `values` (the lower middle for an even count).
fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values
        .get((values.len().saturating_sub(1)) / 2)
        .copied()
        .unwrap_or(0)
}

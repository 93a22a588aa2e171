//! `cargo xtask bench desktop`: cold start of the desktop app to the Connect UI painted, its
//! phases, and its memory per process, median of 5 runs under Xvfb, for both presentations of
//! the Connect UI (its own window, and an overlay over the app's window).
//!
//! Each run starts `desktop-app --open-connect-ui` (release build, embedded nango-mock, as a
//! user's `cargo run` would) and polls the screen. Window mode: the Connect UI counts as first
//! painted once its window shows more than a blank page (≥ 10 distinct colours: the blank webview
//! has 1–2, the loading skeleton ~20), and as loaded once it shows the integration list (≥ 300:
//! the logos). Overlay mode (colour counts cannot tell the dialog from the app's own text there):
//! first painted once the app's background at the window's lower right turns grey (the
//! backdrop), loaded once the first integration row's logo tile is painted (a green pixel where
//! the app shows white). Each time is taken when the poll that saw it returns, so it is an upper
//! bound, late by at most one poll interval (printed too).
//!
//! Phases come from the app's `timing: PHASE MS` stdout lines, timed when this bench reads
//! them (from process spawn). Memory is read from `/proc` one second after the list is painted:
//! RSS and PSS (shared pages split between the processes that map them) of the app and of each
//! WebKitGTK helper process, and their PSS total against the 200 MB target; then where each
//! process type's PSS lies, by mapping (`/proc/PID/smaps`): WebKitGTK and JavaScriptCore, GL
//! (Mesa's driver and the LLVM it links, loaded by WebKit's EGL display), speech synthesis
//! (flite, linked by WebKitGTK), other shared libraries, the program's own binary, and private
//! heap/anonymous memory. Prints measured figures only.
//!
//! More runs measure memory only. `reopen`: the Connect UI in its own window, closed (Escape) and
//! opened again from the app's button three times, memory read with the fourth window open (each
//! window has its own WebKit context, whose network process outlives the window unless the
//! closed webview is freed, see wry#590). `oauth`: the Connect UI in its own window, then GitHub
//! (mock) picked and Connect pressed by keyboard (xdotool), memory read while the native
//! "Sign in" window shows the fake provider's consent page (the app, its Connect UI window and
//! its OAuth window). `floor-wry` and `floor-dioxus`: the `webview-floor` binary, one window with a
//! small static page in a bare wry webview or a minimal dioxus-desktop window, same WebKitGTK
//! environment, measured the same way: what any WebKitGTK (or dioxus-desktop) window costs here,
//! for comparison with the app's figures.
//!
//! For before/after comparisons under the same machine load, `DESKTOP_BENCH_BIN=PATH` measures
//! another build of the app and `DESKTOP_BENCH_ONLY=NAME[,NAME…]` only the named runs (`window`,
//! `overlay`, `oauth`, `floor-wry`, `floor-dioxus`).

use std::collections::BTreeMap;
use std::process::Command;
use std::time::{Duration, Instant};

use nango_fixtures::x11::{self, App, Display, pause};

/// Runs measured per presentation.
const RUNS: usize = 5;
/// Distinct colours that mean "the Connect UI shows more than a blank page".
const FIRST_PAINT_COLOURS: u64 = 10;
/// Distinct colours that mean "the integration list is on screen".
const PAINTED_COLOURS: u64 = 300;
/// The cold-start target, ms.
const TARGET_MS: u64 = 1000;
/// The memory target (PSS of the app and its WebKit processes), MB.
const TARGET_MB: u64 = 200;
/// The main window's title.
const MAIN: &str = "Connected accounts";
/// The Connect UI window's title.
const CONNECT: &str = "Connect";
/// The native OAuth window's title.
const SIGN_IN: &str = "Sign in";
/// In the main window: a point the keyboard focus follows to (the pointer rests there; the
/// "Connect an account" button has the focus at start and after the Connect UI closes).
const MAIN_POINTER: (u32, u32) = (740, 8);
/// Connect UI windows closed and reopened in the `reopen` run.
const REOPENS: usize = 3;
/// The floor binary's window title.
const FLOOR: &str = "Floor";
/// In the 760×620 main window: a point of the app's background outside the overlay dialog
/// (light without the overlay, grey under its backdrop).
const OVERLAY_BACKDROP_POINT: (u32, u32) = (745, 610);
/// In the 760×620 main window: a point in the logo tile of the overlay's first integration row
/// (the demo catalogue's logos are green; the app shows a white card there).
const OVERLAY_LOGO_POINT: (u32, u32) = (190, 258);
/// The app's phases, in order (`timing:` lines).
const PHASES: &[&str] = &[
    "main",
    "root-component",
    "main-window-mounted",
    "connect-ui-opened",
    "connect-ui-started",
    "session-created",
];

/// Where the Connect UI opens in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Presentation {
    /// Its own window (`NANGO_CONNECT_UI=window`).
    Window,
    /// Over the main window (`NANGO_CONNECT_UI=overlay`).
    Overlay,
    /// Its own window, closed and reopened [`REOPENS`] times (memory with the last one open).
    Reopen,
    /// Its own window, then an OAuth flow in the native "Sign in" window (memory during it).
    OAuth,
    /// `webview-floor wry`: a static page in a bare wry webview.
    FloorWry,
    /// `webview-floor dioxus`: a static page in a minimal dioxus-desktop window.
    FloorDioxus,
}

impl Presentation {
    /// Every run, in the order they are measured.
    const ALL: [Presentation; 6] = [
        Presentation::Window,
        Presentation::Overlay,
        Presentation::Reopen,
        Presentation::OAuth,
        Presentation::FloorWry,
        Presentation::FloorDioxus,
    ];

    /// The run's name (`DESKTOP_BENCH_ONLY`, printed labels).
    fn name(self) -> &'static str {
        match self {
            Presentation::Window => "window",
            Presentation::Overlay => "overlay",
            Presentation::Reopen => "reopen",
            Presentation::OAuth => "oauth",
            Presentation::FloorWry => "floor-wry",
            Presentation::FloorDioxus => "floor-dioxus",
        }
    }

    /// The value of `NANGO_CONNECT_UI`.
    fn env(self) -> &'static str {
        match self {
            Presentation::Overlay => "overlay",
            _ => "window",
        }
    }

    /// Whether this run is the floor binary rather than the app.
    fn is_floor(self) -> bool {
        matches!(self, Presentation::FloorWry | Presentation::FloorDioxus)
    }
}

/// One run's figures.
struct Sample {
    /// Process spawn to each phase line read, ms.
    phases: BTreeMap<&'static str, u64>,
    /// Process spawn to the Connect UI's first paint, ms.
    first_paint: Option<u64>,
    /// Process spawn to the integration list painted, ms.
    painted: u64,
    /// How late `painted` can be (the poll interval that saw it), ms.
    resolution: u64,
    /// Memory by process name: (count, RSS KiB, PSS KiB).
    memory: BTreeMap<String, (usize, u64, u64)>,
    /// PSS by process name and mapping category, KiB.
    attribution: BTreeMap<(String, Category), u64>,
}

/// What a memory mapping holds, for the attribution table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Category {
    /// libwebkit2gtk and libjavascriptcoregtk.
    WebKit,
    /// Mesa's DRI driver, LLVM, libEGL/libGL, epoxy (WebKit's EGL display loads them).
    Gl,
    /// flite and its voices (WebKitGTK's speech synthesis, linked, so always loaded).
    Speech,
    /// Every other shared library (GTK, GLib, ICU, fonts, TLS…).
    OtherLibraries,
    /// The program's own executable (the app, or WebKit's helper executables).
    Binary,
    /// Private memory: heap, anonymous mappings, stacks, shared-memory buffers.
    Private,
}

impl Category {
    /// Every category, in the table's column order.
    const ALL: [Category; 6] = [
        Category::WebKit,
        Category::Gl,
        Category::Speech,
        Category::OtherLibraries,
        Category::Binary,
        Category::Private,
    ];

    /// The column heading.
    fn heading(self) -> &'static str {
        match self {
            Category::WebKit => "WebKit+JSC",
            Category::Gl => "GL/LLVM",
            Category::Speech => "flite",
            Category::OtherLibraries => "other libs",
            Category::Binary => "binary",
            Category::Private => "heap+anon",
        }
    }

    /// The category of a mapping named `path` (smaps' last column) in a process running `exe`.
    fn of(path: &str, exe: &str) -> Category {
        let file = path.rsplit('/').next().unwrap_or(path);
        if !path.starts_with('/') {
            Category::Private
        } else if path == exe {
            Category::Binary
        } else if file.starts_with("libwebkit2gtk") || file.starts_with("libjavascriptcoregtk") {
            Category::WebKit
        } else if file.starts_with("libLLVM")
            || file.ends_with("_dri.so")
            || file.starts_with("libEGL")
            || file.starts_with("libGL")
            || file.starts_with("libgallium")
            || file.starts_with("libglapi")
            || file.starts_with("libepoxy")
            || file.starts_with("libz3")
        {
            Category::Gl
        } else if file.starts_with("libflite") {
            Category::Speech
        } else if path.starts_with("/dev/") || path.starts_with("/memfd:") {
            Category::Private
        } else {
            Category::OtherLibraries
        }
    }
}

impl Sample {
    /// PSS of the whole tree, KiB.
    fn total_pss(&self) -> u64 {
        self.memory.values().map(|(_, _, pss)| pss).sum()
    }
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
    let binary = std::env::var("DESKTOP_BENCH_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_desktop-app").to_owned());
    let floor = env!("CARGO_BIN_EXE_webview-floor");
    let only = std::env::var("DESKTOP_BENCH_ONLY").ok();
    println!(
        "bench desktop: {binary}, {RUNS} runs per presentation on Xvfb {}",
        display.name
    );
    for presentation in Presentation::ALL {
        if only
            .as_deref()
            .is_some_and(|only| !only.split(',').any(|name| name == presentation.name()))
        {
            continue;
        }
        let mut samples = Vec::new();
        for run in 1..=RUNS {
            let program = if presentation.is_floor() {
                floor
            } else {
                binary.as_str()
            };
            match measure(&display, program, presentation) {
                Ok(sample) => {
                    println!(
                        "  {} run {run}: painted {:>5} ms (at most {} ms late), PSS app + WebKit {:>4} MB",
                        presentation.name(),
                        sample.painted,
                        sample.resolution,
                        sample.total_pss() / 1024
                    );
                    samples.push(sample);
                }
                Err(why) => {
                    println!("  {} run {run}: failed: {why}", presentation.name());
                    drop(display);
                    std::process::exit(1);
                }
            }
        }
        report(presentation, &samples);
    }
}

/// Prints the medians of one presentation's runs.
fn report(presentation: Presentation, samples: &[Sample]) {
    let label = presentation.name();
    let what = match presentation {
        Presentation::Window | Presentation::Overlay => format!("Connect UI as {label}"),
        Presentation::Reopen => format!(
            "Connect UI window closed and reopened {REOPENS} times (memory with the last one open)"
        ),
        Presentation::OAuth => {
            "Connect UI window + native OAuth window (memory during the flow)".to_owned()
        }
        Presentation::FloorWry => "floor: static page in a bare wry webview".to_owned(),
        Presentation::FloorDioxus => {
            "floor: static page in a minimal dioxus-desktop window".to_owned()
        }
    };
    println!("{what} (median of {RUNS}):");
    for phase in PHASES {
        let values: Vec<u64> = samples
            .iter()
            .filter_map(|s| s.phases.get(phase).copied())
            .collect();
        if !values.is_empty() {
            println!("  phase {phase:<22} {:>5} ms", median(values));
        }
    }
    let first: Vec<u64> = samples.iter().filter_map(|s| s.first_paint).collect();
    if !first.is_empty() && !presentation.is_floor() {
        println!(
            "  phase {:<22} {:>5} ms",
            "connect-ui-first-paint",
            median(first)
        );
    }
    let painted = median(samples.iter().map(|s| s.painted).collect());
    if presentation.is_floor() {
        println!("  phase {:<22} {painted:>5} ms", "page-painted");
    } else {
        println!("  phase {:<22} {painted:>5} ms", "integrations-painted");
        println!(
            "cold start to Connect UI painted, {label} (median of {RUNS}): {painted} ms ({:.2}× the {TARGET_MS} ms target)",
            painted as f64 / TARGET_MS as f64
        );
    }
    let mut names: Vec<&String> = samples.iter().flat_map(|s| s.memory.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let of = |pick: fn(&(usize, u64, u64)) -> u64| {
            median(
                samples
                    .iter()
                    .map(|s| s.memory.get(name).map(pick).unwrap_or(0))
                    .collect(),
            )
        };
        println!(
            "  memory {name:<18} ×{} RSS {:>4} MB, PSS {:>4} MB",
            of(|m| m.0 as u64),
            of(|m| m.1) / 1024,
            of(|m| m.2) / 1024
        );
    }
    let rss = median(
        samples
            .iter()
            .map(|s| s.memory.values().map(|m| m.1).sum())
            .collect(),
    );
    let pss = median(samples.iter().map(Sample::total_pss).collect());
    println!(
        "RSS, app + WebKitGTK processes, {label} (median of {RUNS}): {} MB",
        rss / 1024
    );
    println!(
        "PSS, app + WebKitGTK processes, {label} (median of {RUNS}): {} MB ({:.2}× the {TARGET_MB} MB target)",
        pss / 1024,
        pss as f64 / 1024.0 / TARGET_MB as f64
    );
    report_attribution(samples);
}

/// One cold start.
fn measure(display: &Display, binary: &str, presentation: Presentation) -> Result<Sample, String> {
    let mut command = Command::new(binary);
    command.arg(match presentation {
        Presentation::FloorWry => "wry",
        Presentation::FloorDioxus => "dioxus",
        _ => "--open-connect-ui",
    });
    command
        .env("DISPLAY", &display.name)
        .env("NANGO_CONNECT_UI", presentation.env())
        .env_remove("NANGO_HOST")
        .env_remove("NANGO_SECRET_KEY");
    // Its own process group, so the WebKit helpers end with it.
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let log = std::env::temp_dir().join(format!("desktop-bench-{}.log", std::process::id()));
    let started = Instant::now();
    let mut app = App::start(command, &log)?;
    let deadline = started + Duration::from_secs(30);
    let mut previous_end = Duration::ZERO;
    let mut first_paint = None;
    let (painted, resolution) = loop {
        if Instant::now() > deadline {
            end(&app);
            return Err("the Connect UI was not painted within 30 s".to_owned());
        }
        let (first, loaded) = match presentation {
            Presentation::FloorWry | Presentation::FloorDioxus => {
                let colours = display
                    .window(FLOOR)
                    .and_then(|window| display.window_colours(&window));
                let painted = colours.is_some_and(|c| c >= FIRST_PAINT_COLOURS);
                (painted, painted)
            }
            Presentation::Window | Presentation::OAuth | Presentation::Reopen => {
                let colours = display
                    .window(CONNECT)
                    .and_then(|window| display.window_colours(&window));
                (
                    colours.is_some_and(|c| c >= FIRST_PAINT_COLOURS),
                    colours.is_some_and(|c| c >= PAINTED_COLOURS),
                )
            }
            Presentation::Overlay => match display.window(MAIN) {
                Some(window) => {
                    let (x, y) = OVERLAY_BACKDROP_POINT;
                    let backdrop = display
                        .pixel(&window, x, y)
                        .is_some_and(|(r, g, b)| [r, g, b].iter().all(|c| (100..200).contains(c)));
                    let (x, y) = OVERLAY_LOGO_POINT;
                    let logo = display.pixel(&window, x, y).is_some_and(|(r, g, b)| {
                        g > r.saturating_add(60) && g > b.saturating_add(60)
                    });
                    (backdrop, logo)
                }
                None => (false, false),
            },
        };
        let now = started.elapsed();
        if first_paint.is_none() && first {
            first_paint = Some(now.as_millis() as u64);
        }
        if loaded {
            break (now, now - previous_end);
        }
        previous_end = now;
        std::thread::sleep(Duration::from_millis(10));
    };
    let driven = match presentation {
        Presentation::OAuth => open_oauth_window(display, &mut app),
        Presentation::Reopen => reopen_connect_ui(display, &mut app),
        _ => Ok(()),
    };
    if let Err(why) = driven {
        end(&app);
        return Err(why);
    }
    std::thread::sleep(Duration::from_secs(1));
    let mut memory = BTreeMap::<String, (usize, u64, u64)>::new();
    for process in x11::process_tree(app.pid()) {
        let entry = memory.entry(process.name).or_default();
        entry.0 += 1;
        entry.1 += process.rss_kib;
        entry.2 += process.pss_kib;
    }
    let attribution = attribute(app.pid());
    app.drain();
    let mut phases = BTreeMap::new();
    for (line, at) in app.seen.iter().zip(&app.seen_at) {
        let Some(rest) = line.strip_prefix("timing: ") else {
            continue;
        };
        let name = rest.split_whitespace().next().unwrap_or_default();
        if let Some(phase) = PHASES.iter().find(|p| **p == name) {
            phases
                .entry(*phase)
                .or_insert_with(|| at.duration_since(started).as_millis() as u64);
        }
    }
    let sample = Sample {
        phases,
        first_paint,
        painted: painted.as_millis() as u64,
        resolution: resolution.as_millis() as u64,
        memory,
        attribution,
    };
    end(&app);
    drop(app);
    let _ = std::fs::remove_file(log);
    // Let the display settle before the next cold start.
    std::thread::sleep(Duration::from_millis(500));
    Ok(sample)
}

/// Closes the painted Connect UI window (Escape) and opens it again from the app's button,
/// [`REOPENS`] times; returns with the last one showing its list.
fn reopen_connect_ui(display: &Display, app: &mut App) -> Result<(), String> {
    app.wait_for("event: ready", Duration::from_secs(20))?;
    for _ in 0..REOPENS {
        let connect = display.window(CONNECT).ok_or("no Connect UI window")?;
        display.point_at(&connect, 250, 10)?;
        display.key("Escape", 1)?;
        app.wait_for("event: close", Duration::from_secs(10))?;
        display.wait_window(CONNECT, false, Duration::from_secs(10))?;
        let main = display.window(MAIN).ok_or("no main window")?;
        display.point_at(&main, MAIN_POINTER.0, MAIN_POINTER.1)?;
        display.key("Return", 1)?;
        app.wait_for("event: ready", Duration::from_secs(20))?;
        display.wait_window(CONNECT, true, Duration::from_secs(20))?;
    }
    // The list painted in the last window.
    let deadline = Instant::now() + Duration::from_secs(20);
    while display
        .window(CONNECT)
        .and_then(|window| display.window_colours(&window))
        .is_none_or(|colours| colours < PAINTED_COLOURS)
    {
        if Instant::now() > deadline {
            return Err("the reopened Connect UI was not painted within 20 s".to_owned());
        }
        pause(50);
    }
    Ok(())
}

/// In the painted Connect UI window: picks GitHub (mock), presses Connect and waits until the
/// native "Sign in" window shows the fake provider's consent page (keyboard as the e2e test).
fn open_oauth_window(display: &Display, app: &mut App) -> Result<(), String> {
    let connect = display.window(CONNECT).ok_or("no Connect UI window")?;
    display.point_at(&connect, 250, 10)?;
    // The close button, then the search field; then the first match.
    display.key("Tab", 2)?;
    display.type_text("git")?;
    display.key("Tab", 1)?;
    display.key("Return", 1)?;
    pause(1500);
    // The form's Connect button.
    display.key("Tab", 3)?;
    display.key("Return", 1)?;
    display.wait_window(SIGN_IN, true, Duration::from_secs(15))?;
    app.wait_for_any("phase: WaitingForWindow", Duration::from_secs(10))?;
    // The consent page loaded in the window's webview.
    pause(1500);
    Ok(())
}

/// PSS by process name and mapping category of every process in the process group `group`
/// (the app and the WebKit processes it started), KiB.
fn attribute(group: u32) -> BTreeMap<(String, Category), u64> {
    let mut table = BTreeMap::new();
    for process in x11::processes() {
        if process.group != group {
            continue;
        }
        let pid = process.pid;
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|n| n.trim().to_owned())
            .unwrap_or_default();
        let exe = std::fs::read_link(format!("/proc/{pid}/exe"))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
            continue;
        };
        let mut category = Category::Private;
        for line in smaps.lines() {
            if let Some(kib) = line.strip_prefix("Pss:") {
                let kib: u64 = kib
                    .split_whitespace()
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                *table.entry((name.clone(), category)).or_insert(0) += kib;
            } else if is_mapping_header(line) {
                // `start-end perms offset dev inode [path]`.
                let path = line.split_whitespace().nth(5).unwrap_or("");
                category = Category::of(path, &exe);
            }
        }
    }
    table
}

/// Whether an smaps line starts a mapping (`7f…-7f… r-xp …`) rather than giving a field.
fn is_mapping_header(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(|range| {
        range.split_once('-').is_some_and(|(start, end)| {
            !start.is_empty()
                && start.chars().all(|c| c.is_ascii_hexdigit())
                && end.chars().all(|c| c.is_ascii_hexdigit())
        })
    })
}

/// Prints the attribution table: per process type, the median PSS of each mapping category.
fn report_attribution(samples: &[Sample]) {
    let mut names: Vec<&String> = samples
        .iter()
        .flat_map(|s| s.attribution.keys().map(|(name, _)| name))
        .collect();
    names.sort();
    names.dedup();
    print!("  PSS by mapping, MB     ");
    for category in Category::ALL {
        print!(" {:>10}", category.heading());
    }
    println!();
    for name in names {
        print!("  {name:<22}");
        for category in Category::ALL {
            let kib = median(
                samples
                    .iter()
                    .map(|s| {
                        s.attribution
                            .get(&(name.clone(), category))
                            .copied()
                            .unwrap_or(0)
                    })
                    .collect(),
            );
            print!(" {:>10.1}", kib as f64 / 1024.0);
        }
        println!();
    }
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

//! X11 plumbing shared by the end-to-end test and the cold-start bench: an Xvfb display (or
//! `$DISPLAY`), the app as a child process with its stdout lines, windows found by title through
//! xdotool, keyboard input, and screenshots.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The X tools the harness drives windows with.
pub const REQUIRED_TOOLS: &[&str] = &["xdotool", "import", "xwininfo"];

/// Why the harness cannot run here (a missing tool or display), or `None` when it can.
pub fn missing_prerequisite() -> Option<String> {
    let missing: Vec<&str> = REQUIRED_TOOLS
        .iter()
        .copied()
        .filter(|tool| Command::new(tool).arg("-version").output().is_err())
        .collect();
    if !missing.is_empty() {
        return Some(format!(
            "missing {} (apt install xdotool imagemagick x11-utils)",
            missing.join(", ")
        ));
    }
    let has_xvfb = Command::new("Xvfb").arg("-help").output().is_ok();
    let has_display = std::env::var("DISPLAY").is_ok_and(|d| !d.is_empty());
    if !has_xvfb && !has_display {
        return Some("no Xvfb and no DISPLAY (apt install xvfb xauth)".to_owned());
    }
    None
}

/// The X display the app runs on: an Xvfb started here (1024×768), or `$DISPLAY`.
pub struct Display {
    /// `:N`.
    pub name: String,
    /// The Xvfb we started, killed on drop.
    xvfb: Option<Child>,
}

impl Display {
    /// Starts Xvfb on a free display number, or uses `$DISPLAY` when Xvfb is not installed.
    pub fn start() -> Result<Display, String> {
        if Command::new("Xvfb").arg("-help").output().is_err() {
            return std::env::var("DISPLAY")
                .ok()
                .filter(|d| !d.is_empty())
                .map(|name| Display { name, xvfb: None })
                .ok_or_else(|| "no Xvfb and no DISPLAY".to_owned());
        }
        let base = 200 + std::process::id() % 300;
        for number in base..base + 50 {
            // A lock or a socket left behind by another server: not ours to use.
            if Path::new(&format!("/tmp/.X{number}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
            {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .args([
                    &format!(":{number}"),
                    "-screen",
                    "0",
                    "1024x768x24",
                    "-nolisten",
                    "tcp",
                    // Without it the server resets when its last client leaves (our readiness
                    // probe), and a client connecting during the reset fails to open it.
                    "-noreset",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("Xvfb: {e}"))?;
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(5) {
                // Ready once a client can talk to it, not merely once its socket exists.
                let ready = Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
                    && Command::new("xdotool")
                        .arg("getdisplaygeometry")
                        .env("DISPLAY", format!(":{number}"))
                        .output()
                        .is_ok_and(|o| o.status.success());
                if ready {
                    return Ok(Display {
                        name: format!(":{number}"),
                        xvfb: Some(child),
                    });
                }
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        Err("could not start Xvfb on any display number".to_owned())
    }

    /// Runs xdotool with `args` on this display and returns its stdout.
    pub fn xdotool(&self, args: &[&str]) -> Result<String, String> {
        let output = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .map_err(|e| format!("xdotool: {e}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(format!(
                "xdotool {args:?}: {} {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }

    /// The id of the visible window whose title is exactly `title`.
    pub fn window(&self, title: &str) -> Option<String> {
        let pattern = format!("^{title}$");
        self.xdotool(&["search", "--onlyvisible", "--name", &pattern])
            .ok()
            .and_then(|out| out.lines().next().map(str::to_owned))
    }

    /// Waits until a window titled `title` is visible (`present`) or gone.
    pub fn wait_window(
        &self,
        title: &str,
        present: bool,
        within: Duration,
    ) -> Result<Option<String>, String> {
        let deadline = Instant::now() + within;
        loop {
            let found = self.window(title);
            if found.is_some() == present {
                return Ok(found);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the {title:?} window never {} within {within:?}",
                    if present { "appeared" } else { "closed" }
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Gives `window` the keyboard: a bare Xvfb has no window manager, so focus follows the
    /// pointer (PointerRoot); the pointer rests at `(x, y)` inside the window.
    pub fn point_at(&self, window: &str, x: u32, y: u32) -> Result<(), String> {
        self.xdotool(&[
            "mousemove",
            "--window",
            window,
            &x.to_string(),
            &y.to_string(),
        ])?;
        pause(300);
        Ok(())
    }

    /// Presses `key` (an X keysym such as `Tab`, `Return`, `shift+Tab`) `times` times.
    pub fn key(&self, key: &str, times: usize) -> Result<(), String> {
        for _ in 0..times {
            self.xdotool(&["key", key])?;
            pause(250);
        }
        Ok(())
    }

    /// Types `text`, slowly (WebKitGTK under Xvfb drops keys typed at full speed).
    pub fn type_text(&self, text: &str) -> Result<(), String> {
        self.xdotool(&["type", "--delay", "200", text])?;
        pause(400);
        Ok(())
    }

    /// Saves a screenshot of the whole screen to `path` (best effort: a failed screenshot never
    /// fails a test).
    pub fn screenshot(&self, path: &Path) {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(path)
            .env("DISPLAY", &self.name)
            .status();
    }

    /// The number of distinct colours in the `width`×`height` rectangle at (`x`, `y`) of
    /// `window` now.
    pub fn region_colours(
        &self,
        window: &str,
        (x, y, width, height): (u32, u32, u32, u32),
    ) -> Option<u64> {
        let output = Command::new("import")
            .args(["-window", window, "-crop"])
            .arg(format!("{width}x{height}+{x}+{y}"))
            .args(["+repage", "-format", "%k\n", "info:"])
            .env("DISPLAY", &self.name)
            .output()
            .ok()?;
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    }

    /// The colour (red, green, blue) of the pixel at (`x`, `y`) of `window` now.
    pub fn pixel(&self, window: &str, x: u32, y: u32) -> Option<(u8, u8, u8)> {
        let output = Command::new("import")
            .args(["-window", window, "-crop"])
            .arg(format!("1x1+{x}+{y}"))
            .args([
                "+repage",
                "-depth",
                "8",
                "-format",
                "%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]",
                "info:",
            ])
            .env("DISPLAY", &self.name)
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut parts = text.trim().split(',').map(|v| v.trim().parse::<u8>().ok());
        Some((parts.next()??, parts.next()??, parts.next()??))
    }

    /// The number of distinct colours in `window` now (a blank webview has one or two).
    pub fn window_colours(&self, window: &str) -> Option<u64> {
        let output = Command::new("import")
            .args(["-window", window, "-format", "%k", "info:"])
            .env("DISPLAY", &self.name)
            .output()
            .ok()?;
        String::from_utf8_lossy(&output.stdout).trim().parse().ok()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(mut xvfb) = self.xvfb.take() {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
    }
}

/// Sleeps `millis` milliseconds.
pub fn pause(millis: u64) {
    std::thread::sleep(Duration::from_millis(millis));
}

/// The app under test: its process and the lines it printed.
pub struct App {
    /// The child process.
    pub child: Child,
    /// Lines from its stdout (the app's, and the fake browser's, which it launched), with when
    /// each was read.
    lines: mpsc::Receiver<(Instant, String)>,
    /// Every line read so far.
    pub seen: Vec<String>,
    /// When each line of `seen` was read.
    pub seen_at: Vec<Instant>,
    /// How many of `seen` were consumed by `wait_for`.
    consumed: usize,
}

impl App {
    /// Starts `command` with stdout piped (stderr goes to `stderr_log`).
    pub fn start(mut command: Command, stderr_log: &Path) -> Result<App, String> {
        let stderr = std::fs::File::create(stderr_log).map_err(|e| e.to_string())?;
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("could not start the app: {e}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send((Instant::now(), line)).is_err() {
                    break;
                }
            }
        });
        Ok(App {
            child,
            lines,
            seen: Vec::new(),
            seen_at: Vec::new(),
            consumed: 0,
        })
    }

    /// Waits for the next line (after the last one waited for) starting with `prefix`.
    pub fn wait_for(&mut self, prefix: &str, within: Duration) -> Result<String, String> {
        if let Some(offset) = self.seen[self.consumed..]
            .iter()
            .position(|line| line.starts_with(prefix))
        {
            self.consumed += offset + 1;
            return Ok(self.seen[self.consumed - 1].clone());
        }
        let deadline = Instant::now() + within;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok((at, line)) => {
                    self.seen.push(line);
                    self.seen_at.push(at);
                    if self.seen[self.seen.len() - 1].starts_with(prefix) {
                        self.consumed = self.seen.len();
                        return Ok(self.seen[self.seen.len() - 1].clone());
                    }
                }
                Err(_) => break,
            }
        }
        Err(format!("no `{prefix}…` line within {within:?}"))
    }

    /// Reads the lines printed so far without waiting.
    pub fn drain(&mut self) {
        while let Ok((at, line)) = self.lines.try_recv() {
            self.seen.push(line);
            self.seen_at.push(at);
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The workspace's `tests/artifacts/desktop/` folder (gitignored).
pub fn artefact_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/artifacts/desktop")
}

/// Resident memory of `pid` and every descendant (WebKitGTK renders in child processes), in KiB,
/// from `/proc`.
pub fn tree_rss_kib(pid: u32) -> u64 {
    let mut total = 0;
    let mut queue = vec![pid];
    while let Some(current) = queue.pop() {
        total += rss_kib(current);
        queue.extend(children(current));
    }
    total
}

/// Proportional memory (PSS: shared pages split between the processes that map them) of `pid`
/// and every descendant, in KiB: the fair total of a multi-process app.
pub fn tree_pss_kib(pid: u32) -> u64 {
    let mut total = 0;
    let mut queue = vec![pid];
    while let Some(current) = queue.pop() {
        total += std::fs::read_to_string(format!("/proc/{current}/smaps_rollup"))
            .ok()
            .and_then(|rollup| {
                rollup
                    .lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse::<u64>().ok())
            })
            .unwrap_or(0);
        queue.extend(children(current));
    }
    total
}

/// The memory of one process of the app's tree.
#[derive(Clone, Debug)]
pub struct ProcessMemory {
    /// Its name (`comm`: `desktop-app`, `WebKitWebProces`, `WebKitNetworkP`…).
    pub name: String,
    /// Resident set, KiB.
    pub rss_kib: u64,
    /// Proportional set (shared pages split), KiB.
    pub pss_kib: u64,
}

/// `pid` and every descendant, with their memory.
pub fn process_tree(pid: u32) -> Vec<ProcessMemory> {
    let mut found = Vec::new();
    let mut queue = vec![pid];
    while let Some(current) = queue.pop() {
        let name = std::fs::read_to_string(format!("/proc/{current}/comm"))
            .map(|n| n.trim().to_owned())
            .unwrap_or_default();
        found.push(ProcessMemory {
            name,
            rss_kib: rss_kib(current),
            pss_kib: pss_kib(current),
        });
        queue.extend(children(current));
    }
    found
}

/// `Pss` of one process from `smaps_rollup`, in KiB (0 when it is gone).
pub fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|rollup| {
            rollup
                .lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .unwrap_or(0)
}

/// `VmRSS` of one process, in KiB (0 when it is gone).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Direct children of `pid`.
fn children(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return found;
    };
    for entry in entries.flatten() {
        let Some(child) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`: comm may hold spaces, so read after the last `)`.
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if parent == Some(pid) {
            found.push(child);
        }
    }
    found
}

//! `cargo xtask screenshots`: builds the web gallery, serves it, and screenshots chosen stories
//! in headless Chromium (light and dark, list and form); with `--desktop`, also the desktop
//! gallery under Xvfb. PNGs (1280×800) go to `assets/screenshots/`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use clap::Args;

use crate::build_web::dist_dir;
use crate::cmd::{Session, target_dir};
use crate::demo::{DESKTOP_NEEDS, build_web_apps};
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite};
use crate::static_files;

/// Arguments of `cargo xtask screenshots`.
#[derive(Debug, Args)]
pub struct ScreenshotsArgs {
    /// Also screenshot the desktop gallery under Xvfb (builds dioxus-desktop: minutes).
    #[arg(long)]
    pub desktop: bool,
    /// Reuse dist/gallery as built (skip the web build).
    #[arg(long)]
    pub no_build: bool,
    /// Port of the temporary static server.
    #[arg(long, default_value_t = 3006)]
    pub port: u16,
}

/// One screenshot: file stem and gallery route (hash).
pub struct Shot {
    /// File stem under assets/screenshots.
    pub name: &'static str,
    /// The gallery hash.
    pub route: &'static str,
}

/// The web screenshots.
pub const WEB_SHOTS: &[Shot] = &[
    Shot {
        name: "web-list-light",
        route: "#/story/list-every-mode",
    },
    Shot {
        name: "web-list-dark",
        route: "#/story/list-every-mode?theme=dark",
    },
    Shot {
        name: "web-form-light",
        route: "#/story/form-basic?values=invalid",
    },
    Shot {
        name: "web-form-dark",
        route: "#/story/form-oauth2-subdomain?theme=dark&values=valid&primary=%236d28d9",
    },
    Shot {
        name: "web-mobile-981",
        route: "#/story/list-981?width=mobile&lang=fr",
    },
];

/// The desktop screenshots.
pub const DESKTOP_SHOTS: &[Shot] = &[
    Shot {
        name: "desktop-list-light",
        route: "#/story/list",
    },
    Shot {
        name: "desktop-form-dark",
        route: "#/story/aws-external-id?theme=dark",
    },
];

/// What a web screenshot needs.
const WEB_SHOT_NEEDS: &[Prerequisite] = &[Prerequisite::AptPackages(&[
    "chromium",
    "fonts-dejavu-core",
    "imagemagick",
])];

/// What a desktop screenshot needs besides the desktop build libraries.
const DESKTOP_SHOT_NEEDS: &[Prerequisite] =
    &[Prerequisite::AptPackages(&["xvfb", "xauth", "imagemagick"])];

/// The window size of every screenshot.
const SIZE: (u32, u32) = (1280, 800);

/// Takes the screenshots.
pub fn run(session: &mut Session, args: &ScreenshotsArgs) -> Result<(), TaskError> {
    let root = session.root().to_path_buf();
    let out = root.join("assets").join("screenshots");
    std::fs::create_dir_all(&out).map_err(|source| TaskError::Io {
        path: out.clone(),
        source,
    })?;
    prereq::ensure(session, WEB_SHOT_NEEDS)?;
    if !args.no_build {
        build_web_apps(session)?;
    }
    let mounts = vec![("/gallery".to_owned(), dist_dir(&root, "gallery"))];
    let address = static_files::serve(args.port, mounts)?;
    for shot in WEB_SHOTS {
        let file = out.join(format!("{}.png", shot.name));
        let url = format!("http://{address}/gallery/{}", shot.route);
        let mut chromium = session.command("chromium");
        chromium
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                // Without it the dialog's entrance animation is captured half-way (blank).
                "--run-all-compositor-stages-before-draw",
                "--no-first-run",
                "--disable-background-networking",
                "--virtual-time-budget=5000",
            ])
            .arg(format!("--window-size={},{}", SIZE.0, SIZE.1))
            .arg(format!("--screenshot={}", file.display()))
            .arg(&url);
        session.run(&mut chromium)?;
        shrink(session, &file)?;
    }
    if args.desktop {
        prereq::ensure(session, DESKTOP_NEEDS)?;
        prereq::ensure(session, DESKTOP_SHOT_NEEDS)?;
        let mut build = session.cargo(["build", "-p", "gallery", "--features", "desktop"]);
        session.run(&mut build)?;
        let binary = target_dir(&root).join("debug").join("gallery");
        for shot in DESKTOP_SHOTS {
            desktop_shot(session, &binary, shot, &out)?;
        }
    }
    session.note(&format!("screenshots written to {}", out.display()));
    Ok(())
}

/// Runs the desktop gallery on a private Xvfb display and screenshots its window.
fn desktop_shot(
    session: &mut Session,
    binary: &Path,
    shot: &Shot,
    out: &Path,
) -> Result<(), TaskError> {
    let display = ":97";
    let mut xvfb = spawn(
        Command::new("Xvfb")
            .args([
                display,
                "-screen",
                "0",
                &format!("{}x{}x24", SIZE.0, SIZE.1),
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    std::thread::sleep(Duration::from_millis(800));
    let app = spawn(
        Command::new(binary)
            .env("DISPLAY", display)
            .env("GALLERY_ROUTE", shot.route)
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let outcome = app.and_then(|mut app| {
        // The window appears in well under a second; give the webview time to render.
        std::thread::sleep(Duration::from_secs(6));
        let file = out.join(format!("{}.png", shot.name));
        let mut import = session.command("import");
        import
            .env("DISPLAY", display)
            .args(["-window", "root"])
            .arg(&file);
        let taken = session
            .run(&mut import)
            .and_then(|()| shrink(session, &file));
        stop(&mut app);
        taken
    });
    stop(&mut xvfb);
    outcome
}

/// Starts a child.
fn spawn(command: &mut Command) -> Result<Child, TaskError> {
    let label = crate::cmd::describe(command);
    command.spawn().map_err(|source| TaskError::Spawn {
        command: label,
        source,
    })
}

/// Ends a child we started.
fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Keeps screenshots small: strip metadata; quantise to 256 colours when over 300 KB.
fn shrink(session: &mut Session, file: &PathBuf) -> Result<(), TaskError> {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let mut mogrify = session.command("mogrify");
    mogrify.args(["-strip", "-define", "png:compression-level=9"]);
    if size > 300_000 {
        mogrify.args(["-colors", "256"]);
    }
    mogrify.arg(file);
    session.run(&mut mogrify)
}

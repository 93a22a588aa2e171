//! `cargo xtask build-web`: builds every browser app of the workspace into `dist/<name>/`:
//! cargo (wasm32, `wasm-release` profile) → wasm-bindgen `--target web` → wasm-opt `-Oz` (npm
//! binaryen) → the app's static files. Apps are one table, [`WEB_APPS`]; no dx CLI is needed.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::cmd::{Session, target_dir};
use crate::error::TaskError;
use crate::prereq::{self, Prerequisite, ToolVersion};
use crate::test::WASM_TARGET;

/// Arguments of `cargo xtask build-web`.
#[derive(Debug, Args)]
pub struct BuildWebArgs {
    /// Build only this app (repeatable); default: all of them.
    #[arg(long = "app", value_name = "NAME")]
    pub apps: Vec<String>,
    /// Skip wasm-opt (faster local iteration; the output is larger).
    #[arg(long)]
    pub no_opt: bool,
    /// Rebuild the standard library for size with the nightly toolchain (`-Zbuild-std`, panics
    /// abort without messages): about 10% less wasm. Needs `nightly` (its `rust-src` is added).
    #[arg(long)]
    pub build_std: bool,
}

/// The toolchain `--build-std` builds with (the one `cargo xtask fuzz` uses too).
const BUILD_STD_TOOLCHAIN: &str = "nightly";

/// The `RUSTFLAGS` of a `--build-std` build: panics abort at once, without formatting a message.
const BUILD_STD_RUSTFLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort";

/// One browser app: a wasm32 crate plus a folder of static files (with its `index.html`).
#[derive(Debug)]
pub struct WebApp {
    /// The folder under `dist/` (and the name `--app` takes).
    pub name: &'static str,
    /// The cargo package.
    pub package: &'static str,
    /// The wasm artefact's stem (a bin's name, or a cdylib's crate name with `_`).
    pub artefact: &'static str,
    /// Whether the artefact is a library (`--lib`) rather than a binary (`--bin`).
    pub library: bool,
    /// The JS glue's file stem (`<out_name>.js`, `<out_name>_bg.wasm`).
    pub out_name: &'static str,
    /// Static files copied into the output as they are, relative to the workspace root.
    pub static_dir: &'static str,
    /// Emit TypeScript declarations (`.d.ts`).
    pub typescript: bool,
    /// Copy nango-ui's non-English catalogues into `locales/` (the app fetches the one it needs;
    /// it is built without nango-ui's `bundled-translations`).
    pub translations: bool,
}

/// nango-ui's Fluent catalogues (`<tag>.ftl`), relative to the workspace root.
const TRANSLATIONS_DIR: &str = "packages/ui/locales";

/// The catalogue compiled into every app (never copied).
const COMPILED_IN_TRANSLATION: &str = "en.ftl";

/// Every browser app `build-web` produces. Issues add theirs here.
pub const WEB_APPS: &[WebApp] = &[
    WebApp {
        name: "connect-app",
        package: "nango-connect-app",
        artefact: "connect_app",
        library: false,
        out_name: "connect_app",
        static_dir: "packages/connect-app/web",
        typescript: false,
        translations: true,
    },
    WebApp {
        name: "js",
        package: "nango-js",
        artefact: "nango_js",
        library: true,
        out_name: "nango_wasm",
        static_dir: "packages/js/static",
        typescript: true,
        translations: false,
    },
    WebApp {
        name: "gallery",
        package: "gallery",
        artefact: "gallery",
        library: false,
        out_name: "gallery",
        static_dir: "examples/gallery/static",
        typescript: false,
        translations: false,
    },
    WebApp {
        name: "web-connect-button",
        package: "example-web-connect-button",
        artefact: "web-connect-button",
        library: false,
        out_name: "web_connect_button",
        static_dir: "examples/web-connect-button/static",
        typescript: false,
        translations: false,
    },
];

/// The prerequisites of a web build.
pub const WEB_BUILD_NEEDS: &[Prerequisite] = &[
    Prerequisite::RustTarget(WASM_TARGET),
    Prerequisite::CargoTool {
        package: "wasm-bindgen-cli",
        binary: "wasm-bindgen",
        version: ToolVersion::SameAsLockedCrate("wasm-bindgen"),
    },
    Prerequisite::NpmFolder(WEB_TOOLS),
];

/// The npm folder holding wasm-opt (binaryen).
const WEB_TOOLS: &str = "tools/web";

/// The cargo profile browser artefacts are built with (size-tuned; see the root Cargo.toml).
pub const WASM_PROFILE: &str = "wasm-release";

/// wasm features current rustc emits by default, which wasm-opt must be told about.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the selected apps into `dist/`.
pub fn run(session: &mut Session, args: &BuildWebArgs) -> Result<(), TaskError> {
    let apps = select(&args.apps)?;
    prereq::ensure(session, WEB_BUILD_NEEDS)?;
    if args.build_std {
        prereq::ensure(session, &[Prerequisite::RustToolchain(BUILD_STD_TOOLCHAIN)])?;
        let mut rust_src = session.command("rustup");
        rust_src.args([
            "component",
            "add",
            "rust-src",
            "--toolchain",
            BUILD_STD_TOOLCHAIN,
        ]);
        session.run(&mut rust_src)?;
    }
    for app in apps {
        build_app(session, app, !args.no_opt, args.build_std)?;
    }
    Ok(())
}

/// The cargo command that builds `app` for the browser (optionally with a size-built std).
fn cargo_build(session: &Session, app: &WebApp, build_std: bool) -> std::process::Command {
    let mut cargo = if build_std {
        let mut cargo = session.cargo([format!("+{BUILD_STD_TOOLCHAIN}")]);
        cargo.env("RUSTFLAGS", BUILD_STD_RUSTFLAGS);
        cargo
    } else {
        session.cargo(std::iter::empty::<&str>())
    };
    cargo.args(["build", "--target", WASM_TARGET, "--profile", WASM_PROFILE]);
    if build_std {
        cargo.arg("-Zbuild-std=std,panic_abort");
    }
    cargo.args(["-p", app.package]);
    if app.library {
        cargo.arg("--lib");
    } else {
        cargo.args(["--bin", app.artefact]);
    }
    cargo
}

/// The output folder of an app: `<root>/dist/<name>`.
pub fn dist_dir(root: &Path, app_name: &str) -> PathBuf {
    root.join("dist").join(app_name)
}

fn select(names: &[String]) -> Result<Vec<&'static WebApp>, TaskError> {
    if let Some(bad) = names
        .iter()
        .find(|name| !WEB_APPS.iter().any(|app| app.name == name.as_str()))
    {
        return Err(crate::unknown(
            "web app",
            bad,
            crate::known_names(WEB_APPS.iter().map(|app| app.name)),
        ));
    }
    Ok(WEB_APPS
        .iter()
        .filter(|app| names.is_empty() || names.iter().any(|name| name == app.name))
        .collect())
}

fn build_app(
    session: &mut Session,
    app: &WebApp,
    optimise: bool,
    build_std: bool,
) -> Result<(), TaskError> {
    let root = session.root().to_path_buf();
    let out = dist_dir(&root, app.name);

    session.run(&mut cargo_build(session, app, build_std))?;

    let wasm = target_dir(&root)
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{}.wasm", app.artefact));
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|source| TaskError::Io {
            path: out.clone(),
            source,
        })?;
    }
    let mut bindgen = session.command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--out-name", app.out_name, "--out-dir"])
        .arg(&out)
        .arg(&wasm);
    if !app.typescript {
        bindgen.arg("--no-typescript");
    }
    session.run(&mut bindgen)?;

    if optimise {
        let glue_wasm = out.join(format!("{}_bg.wasm", app.out_name));
        let mut opt = session.command(root.join(WEB_TOOLS).join("node_modules/.bin/wasm-opt"));
        opt.arg("-Oz")
            .args(WASM_OPT_FEATURES)
            .arg(&glue_wasm)
            .arg("-o")
            .arg(&glue_wasm);
        session.run(&mut opt)?;
    }

    copy_dir(&root.join(app.static_dir), &out)?;
    preload_snippets(&out)?;
    if app.translations {
        copy_translations(&root.join(TRANSLATIONS_DIR), &out.join("locales"))?;
    }
    session.note(&format!("{} built into {}", app.name, out.display()));
    Ok(())
}

/// Adds a `<link rel="modulepreload">` to the app's `index.html` (if any) for every JS snippet
/// wasm-bindgen wrote: the glue imports them statically, so without hints the browser finds them
/// only after the glue arrived, one round trip later.
fn preload_snippets(out: &Path) -> Result<(), TaskError> {
    let index = out.join("index.html");
    let snippets = out.join("snippets");
    if !index.is_file() || !snippets.is_dir() {
        return Ok(());
    }
    let mut scripts: Vec<String> = files_below(&snippets)?
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .filter_map(|path| {
            let relative = path.strip_prefix(out).ok()?;
            let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
            Some(format!("./{}", parts.join("/")))
        })
        .collect();
    scripts.sort();
    let html = fs::read_to_string(&index).map_err(|source| TaskError::Io {
        path: index.clone(),
        source,
    })?;
    fs::write(&index, with_module_preloads(&html, &scripts)).map_err(|source| TaskError::Io {
        path: index.clone(),
        source,
    })
}

/// `html` with one `modulepreload` link per script inserted before `</head>` (unchanged without
/// one).
fn with_module_preloads(html: &str, scripts: &[String]) -> String {
    let Some(head_end) = html.find("</head>") else {
        return html.to_owned();
    };
    let links: String = scripts
        .iter()
        .map(|script| format!("  <link rel=\"modulepreload\" href=\"{script}\">\n"))
        .collect();
    format!("{}{links}{}", &html[..head_end], &html[head_end..])
}

/// Every file below `dir`, recursively.
fn files_below(dir: &Path) -> Result<Vec<PathBuf>, TaskError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TaskError::Io { path, source }
    };
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        if entry.file_type().map_err(io(&path))?.is_dir() {
            found.extend(files_below(&path)?);
        } else {
            found.push(path);
        }
    }
    Ok(found)
}

/// Copies the `.ftl` catalogues of `from` except the compiled-in English one into `to`.
fn copy_translations(from: &Path, to: &Path) -> Result<(), TaskError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TaskError::Io { path, source }
    };
    fs::create_dir_all(to).map_err(io(to))?;
    for entry in fs::read_dir(from).map_err(io(from))? {
        let source = entry.map_err(io(from))?.path();
        let name = source.file_name().and_then(|name| name.to_str());
        if let Some(name) = name
            && name.ends_with(".ftl")
            && name != COMPILED_IN_TRANSLATION
        {
            fs::copy(&source, to.join(name)).map_err(io(&source))?;
        }
    }
    Ok(())
}

/// Copies every file below `from` into `to`, keeping relative paths.
fn copy_dir(from: &Path, to: &Path) -> Result<(), TaskError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TaskError::Io { path, source }
    };
    fs::create_dir_all(to).map_err(io(to))?;
    for entry in fs::read_dir(from).map_err(io(from))? {
        let entry = entry.map_err(io(from))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(io(&source))?.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(io(&source))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::describe;

    #[test]
    fn app_names_are_unique_and_unknown_names_are_rejected() {
        for (index, app) in WEB_APPS.iter().enumerate() {
            assert!(
                WEB_APPS[index + 1..]
                    .iter()
                    .all(|other| other.name != app.name)
            );
        }
        let error = select(&["no-such-app".to_owned()]).expect_err("unknown app");
        assert!(
            error.to_string().contains("unknown web app `no-such-app`"),
            "{error}"
        );
    }

    #[test]
    fn build_std_builds_with_nightly_and_an_aborting_std() {
        let session = Session::new(PathBuf::from("."));
        let app = &WEB_APPS[0];
        let plain = describe(&cargo_build(&session, app, false));
        assert!(
            plain.starts_with("cargo build --target wasm32-unknown-unknown"),
            "{plain}"
        );
        assert!(!plain.contains("build-std"), "{plain}");
        let sized = cargo_build(&session, app, true);
        let text = describe(&sized);
        assert!(text.contains("cargo +nightly build --target"), "{text}");
        assert!(text.contains("-Zbuild-std=std,panic_abort"), "{text}");
        assert!(sized.get_envs().any(|(key, value)| key == "RUSTFLAGS"
            && value == Some(std::ffi::OsStr::new(BUILD_STD_RUSTFLAGS))));
    }

    #[test]
    fn snippets_get_module_preload_links_in_the_head() {
        let html = "<html><head>\n  <title>x</title>\n</head><body></body></html>";
        let scripts = ["./snippets/a/inline0.js".to_owned()];
        assert_eq!(
            with_module_preloads(html, &scripts),
            "<html><head>\n  <title>x</title>\n  <link rel=\"modulepreload\" href=\"./snippets/a/inline0.js\">\n</head><body></body></html>"
        );
        assert_eq!(
            with_module_preloads("<p>no head</p>", &scripts),
            "<p>no head</p>"
        );

        let base = std::env::temp_dir().join(format!("xtask-preload-{}", std::process::id()));
        fs::create_dir_all(base.join("snippets/crate-1/src/js")).unwrap();
        fs::write(base.join("snippets/crate-1/src/js/eval.js"), "").unwrap();
        fs::write(base.join("snippets/crate-1/inline0.js"), "").unwrap();
        fs::write(base.join("snippets/crate-1/notes.txt"), "").unwrap();
        fs::write(base.join("index.html"), "<head></head>").unwrap();
        preload_snippets(&base).unwrap();
        assert_eq!(
            fs::read_to_string(base.join("index.html")).unwrap(),
            "<head><link rel=\"modulepreload\" href=\"./snippets/crate-1/inline0.js\">\n<link rel=\"modulepreload\" href=\"./snippets/crate-1/src/js/eval.js\">\n</head>"
                .replace("<link", "  <link")
        );
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn copy_dir_copies_nested_files() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let from = base.join("from");
        fs::create_dir_all(from.join("nested")).unwrap();
        fs::write(from.join("index.html"), "<div id=main></div>").unwrap();
        fs::write(from.join("nested/app.css"), "body{}").unwrap();
        let to = base.join("to");
        copy_dir(&from, &to).unwrap();
        assert_eq!(
            fs::read_to_string(to.join("nested/app.css")).unwrap(),
            "body{}"
        );
        assert!(to.join("index.html").exists());
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn translations_are_copied_except_the_compiled_in_english() {
        let base = std::env::temp_dir().join(format!("xtask-ftl-{}", std::process::id()));
        let from = base.join("from");
        fs::create_dir_all(&from).unwrap();
        for name in ["en.ftl", "fr.ftl", "zh-CN.ftl", "notes.txt"] {
            fs::write(from.join(name), name).unwrap();
        }
        let to = base.join("to/locales");
        copy_translations(&from, &to).unwrap();
        let mut copied: Vec<String> = fs::read_dir(&to)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        copied.sort();
        assert_eq!(copied, ["fr.ftl", "zh-CN.ftl"]);
        fs::remove_dir_all(&base).unwrap();
    }
}

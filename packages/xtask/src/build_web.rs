//! `cargo xtask build-web`: builds every browser app of the workspace into `dist/<name>/`:
//! cargo (wasm32, `wasm-release` profile) → wasm-bindgen `--target web` → wasm-opt `-Oz` (npm
//! binaryen) → the glue and its JS snippets bundled into one minified module (npm esbuild) →
//! the app's static files. Apps are one table, [`WEB_APPS`]; no dx CLI is needed.
//!
//! Pages (apps with an `index.html`, not the `js` library) get content-hashed asset names
//! (`connect_app_bg.<hash>.wasm`, see [`hashed_name`]): every reference in the glue and in
//! `index.html` is rewritten (relative paths kept, so the app works under any base path), and
//! the static server caches such files for a year as immutable. Assets the app looks up at
//! run time by their plain name (the `locales/<tag>.ftl` catalogues) are listed in `index.html`
//! as `<meta name="nango-asset:<plain path>" content="./<hashed path>">`.

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
    /// abort without messages or locations, `{:?}` prints nothing, std's size-optimised
    /// algorithms): about 10% less transfer. Needs `nightly` (its `rust-src` is added).
    #[arg(long)]
    pub build_std: bool,
}

/// The toolchain `--build-std` builds with (the one `cargo xtask fuzz` uses too).
const BUILD_STD_TOOLCHAIN: &str = "nightly";

/// The `RUSTFLAGS` of a `--build-std` build, each measured on connect-app (brotli of the whole
/// app): panics abort at once without formatting a message (`-Cpanic=immediate-abort`: on
/// current nightlies a panic strategy; std's former `panic_immediate_abort` feature is now a
/// compile error), no file/line/column of panic sites (-0.4 KB), and `{:?}` / derived `Debug`
/// print nothing (-3.8 KB; Debug output only feeds logs and a few error texts, which then lose
/// their quoted values, e.g. "invalid  message"; the e2e suite passes on such a build).
const BUILD_STD_RUSTFLAGS: &str =
    "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none";

/// The `-Z` flags of a `--build-std` build: the std crates to rebuild, and std's
/// `optimize_for_size` feature (smaller sort, search and formatting code: -4.5 KB brotli).
const BUILD_STD_FLAGS: &[&str] = &[
    "-Zbuild-std=std,panic_abort",
    "-Zbuild-std-features=optimize_for_size",
];

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
    /// Give the assets content-hashed names (pages only: a library's file names are its API).
    pub fingerprint: bool,
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
        fingerprint: true,
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
        fingerprint: false,
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
        fingerprint: true,
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
        fingerprint: true,
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

/// The npm folder holding wasm-opt (binaryen) and esbuild.
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
        cargo.args(BUILD_STD_FLAGS);
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
    bundle_glue(session, &root, &out, app.out_name, optimise)?;

    copy_dir(&root.join(app.static_dir), &out)?;
    if app.translations {
        copy_translations(&root.join(TRANSLATIONS_DIR), &out.join("locales"))?;
    }
    if app.fingerprint {
        fingerprint_assets(&out, app.out_name)?;
    }
    session.note(&format!("{} built into {}", app.name, out.display()));
    Ok(())
}

/// Bundles the glue (`<out_name>.js`) with the JS snippets it imports into that one ES module,
/// minified when `minify` (esbuild from npm), and removes the snippets: the page then loads one
/// module instead of a glue and its snippets, each a request and a compile of its own.
fn bundle_glue(
    session: &mut Session,
    root: &Path,
    out: &Path,
    out_name: &str,
    minify: bool,
) -> Result<(), TaskError> {
    let glue = out.join(format!("{out_name}.js"));
    let mut esbuild = session.command(root.join(WEB_TOOLS).join("node_modules/.bin/esbuild"));
    esbuild
        .arg(&glue)
        .args(["--bundle", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", glue.display()))
        .arg("--allow-overwrite");
    if minify {
        esbuild.arg("--minify");
    }
    session.run(&mut esbuild)?;
    let snippets = out.join("snippets");
    if snippets.exists() {
        fs::remove_dir_all(&snippets).map_err(|source| TaskError::Io {
            path: snippets,
            source,
        })?;
    }
    Ok(())
}

/// The number of hex digits of the content hash in a hashed file name.
pub const HASH_DIGITS: usize = 16;

/// Extensions of the assets that get content-hashed names (HTML pages keep theirs).
const HASHED_EXTENSIONS: &[&str] = &["wasm", "js", "mjs", "css", "ftl"];

/// Extensions of assets the app looks up at run time by their plain name (listed in
/// `index.html` as `nango-asset:` meta tags).
const LOOKED_UP_EXTENSIONS: &[&str] = &["ftl"];

/// `name` with the first [`HASH_DIGITS`] hex digits of the SHA-256 of `bytes` before its
/// extension: `connect_app_bg.wasm` → `connect_app_bg.0123456789abcdef.wasm`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let hex: String = digest
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<String>()
        .chars()
        .take(HASH_DIGITS)
        .collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => format!("{stem}.{hex}.{extension}"),
        _ => format!("{name}.{hex}"),
    }
}

/// Renames every asset of `out` to its content-hashed name and rewrites the references of the
/// glue (`<out_name>.js`) and of the pages at the root (`*.html`). Leaves first: the snippets, the wasm, CSS and
/// catalogues, then the glue (whose text names them, so its hash covers theirs). Returns the
/// glue's new path relative to `out`.
fn fingerprint_assets(out: &Path, out_name: &str) -> Result<String, TaskError> {
    let glue = format!("{out_name}.js");
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut assets: Vec<String> = files_below(out)?
        .into_iter()
        .filter_map(|path| relative_url(out, &path))
        .filter(|relative| {
            relative
                .rsplit_once('.')
                .is_some_and(|(_, extension)| HASHED_EXTENSIONS.contains(&extension))
        })
        .filter(|relative| *relative != glue)
        .collect();
    assets.sort();
    for relative in assets {
        renamed.push(rename_to_hashed(out, &relative)?);
    }
    if out.join(&glue).is_file() {
        let path = out.join(&glue);
        write_text(
            &path,
            &with_references_renamed(&read_text(&path)?, &renamed),
        )?;
        renamed.push(rename_to_hashed(out, &glue)?);
    }
    // Every page at the root references assets; `index.html` also lists the looked-up ones.
    for page in fs::read_dir(out).map_err(|source| TaskError::Io {
        path: out.to_path_buf(),
        source,
    })? {
        let page = page
            .map_err(|source| TaskError::Io {
                path: out.to_path_buf(),
                source,
            })?
            .path();
        if page
            .extension()
            .is_some_and(|extension| extension == "html")
            && page.is_file()
        {
            write_text(
                &page,
                &with_references_renamed(&read_text(&page)?, &renamed),
            )?;
        }
    }
    let index = out.join("index.html");
    if index.is_file() {
        let html = read_text(&index)?;
        let looked_up: Vec<(String, String)> = renamed
            .iter()
            .filter(|(plain, _)| {
                plain
                    .rsplit_once('.')
                    .is_some_and(|(_, extension)| LOOKED_UP_EXTENSIONS.contains(&extension))
            })
            .cloned()
            .collect();
        write_text(&index, &with_asset_metas(&html, &looked_up))?;
    }
    let glue_now = renamed
        .iter()
        .find(|(plain, _)| *plain == glue)
        .map_or(glue.clone(), |(_, hashed)| hashed.clone());
    Ok(glue_now)
}

/// Renames `out/relative` to its hashed name; returns `(relative, hashed relative)`.
fn rename_to_hashed(out: &Path, relative: &str) -> Result<(String, String), TaskError> {
    let path = out.join(relative);
    let bytes = fs::read(&path).map_err(|source| TaskError::Io {
        path: path.clone(),
        source,
    })?;
    let (folder, name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), relative),
    };
    let hashed = format!("{folder}{}", hashed_name(name, &bytes));
    fs::rename(&path, out.join(&hashed)).map_err(|source| TaskError::Io { path, source })?;
    Ok((relative.to_owned(), hashed))
}

/// `text` with every quoted reference to a renamed file (`"x"`, `'x'`, `"./x"`, `'./x'`, with
/// `x` relative to the folder of `text`'s file, the output root) pointing to its new name.
fn with_references_renamed(text: &str, renamed: &[(String, String)]) -> String {
    let mut text = text.to_owned();
    for (plain, hashed) in renamed {
        for quote in ['"', '\''] {
            for prefix in ["", "./"] {
                text = text.replace(
                    &format!("{quote}{prefix}{plain}{quote}"),
                    &format!("{quote}{prefix}{hashed}{quote}"),
                );
            }
        }
    }
    text
}

/// `html` with one `<meta name="nango-asset:<plain>" content="./<hashed>">` per asset inserted
/// before `</head>` (unchanged without one).
fn with_asset_metas(html: &str, assets: &[(String, String)]) -> String {
    let Some(head_end) = html.find("</head>") else {
        return html.to_owned();
    };
    let metas: String = assets
        .iter()
        .map(|(plain, hashed)| {
            format!("  <meta name=\"nango-asset:{plain}\" content=\"./{hashed}\">\n")
        })
        .collect();
    format!("{}{metas}{}", &html[..head_end], &html[head_end..])
}

/// `path` relative to `out` as a URL path (`/`-separated), if it is below `out`.
fn relative_url(out: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(out).ok()?;
    let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
    Some(parts.join("/"))
}

fn read_text(path: &Path) -> Result<String, TaskError> {
    fs::read_to_string(path).map_err(|source| TaskError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn write_text(path: &Path, text: &str) -> Result<(), TaskError> {
    fs::write(path, text).map_err(|source| TaskError::Io {
        path: path.to_path_buf(),
        source,
    })
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
    fn hashed_names_are_what_nango_mock_serves_as_immutable() {
        use nango_mock::static_files::{IMMUTABLE, REVALIDATE, cache_control};
        assert_eq!(HASH_DIGITS, nango_mock::static_files::HASH_DIGITS);
        for plain in [
            "connect_app_bg.wasm",
            "connect_app.js",
            "inline0.js",
            "de.ftl",
        ] {
            let hashed = hashed_name(plain, plain.as_bytes());
            assert_eq!(cache_control(Path::new(&hashed)), IMMUTABLE, "{hashed}");
            assert_eq!(cache_control(Path::new(plain)), REVALIDATE, "{plain}");
        }
        assert_eq!(cache_control(Path::new("index.html")), REVALIDATE);
    }

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
        assert!(
            text.contains("-Zbuild-std-features=optimize_for_size"),
            "{text}"
        );
        for flag in [
            "-Cpanic=immediate-abort",
            "-Zlocation-detail=none",
            "-Zfmt-debug=none",
        ] {
            assert!(BUILD_STD_RUSTFLAGS.split(' ').any(|part| part == flag));
        }
        assert!(sized.get_envs().any(|(key, value)| key == "RUSTFLAGS"
            && value == Some(std::ffi::OsStr::new(BUILD_STD_RUSTFLAGS))));
    }

    #[test]
    fn hashed_names_follow_the_content() {
        let one = hashed_name("connect_app_bg.wasm", b"one");
        assert_eq!(one.len(), "connect_app_bg..wasm".len() + HASH_DIGITS);
        assert!(
            one.starts_with("connect_app_bg.") && one.ends_with(".wasm"),
            "{one}"
        );
        assert_eq!(one, hashed_name("connect_app_bg.wasm", b"one"));
        assert_ne!(one, hashed_name("connect_app_bg.wasm", b"two"));
        // SHA-256("one") starts with 7692c3ad3540bb80.
        assert_eq!(hashed_name("de.ftl", b"one"), "de.7692c3ad3540bb80.ftl");
        assert_eq!(hashed_name("LICENSE", b"one"), "LICENSE.7692c3ad3540bb80");
    }

    #[test]
    fn fingerprinting_renames_assets_and_rewrites_every_reference() {
        let base = std::env::temp_dir().join(format!("xtask-hash-{}", std::process::id()));
        fs::create_dir_all(base.join("snippets/c-1")).unwrap();
        fs::create_dir_all(base.join("locales")).unwrap();
        fs::write(base.join("snippets/c-1/inline0.js"), "export const a = 1;").unwrap();
        fs::write(base.join("app_bg.wasm"), b"\0asm").unwrap();
        fs::write(base.join("locales/de.ftl"), "hello = Hallo").unwrap();
        fs::write(base.join("notes.txt"), "kept").unwrap();
        fs::write(
            base.join("app.js"),
            "import { a } from './snippets/c-1/inline0.js';\nconst url = new URL('app_bg.wasm', import.meta.url);\n",
        )
        .unwrap();
        fs::write(
            base.join("index.html"),
            "<head>\n</head><script type=\"module\">import init from \"./app.js\"; init({ module_or_path: new URL(\"./app_bg.wasm\", import.meta.url) });</script>",
        )
        .unwrap();
        fs::write(base.join("other.html"), "<script src=\"app.js\"></script>").unwrap();
        let glue = fingerprint_assets(&base, "app").unwrap();

        let mut files: Vec<String> = files_below(&base)
            .unwrap()
            .iter()
            .filter_map(|path| relative_url(&base, path))
            .collect();
        files.sort();
        let hashed = |plain: &str| {
            let (stem, extension) = plain.rsplit_once('.').unwrap();
            files
                .iter()
                .find(|file| {
                    file.starts_with(&format!("{stem}."))
                        && file.ends_with(&format!(".{extension}"))
                        && file.len() == plain.len() + HASH_DIGITS + 1
                })
                .unwrap_or_else(|| panic!("no hashed {plain} in {files:?}"))
                .clone()
        };
        let (wasm, snippet, locale) = (
            hashed("app_bg.wasm"),
            hashed("snippets/c-1/inline0.js"),
            hashed("locales/de.ftl"),
        );
        assert_eq!(glue, hashed("app.js"));
        assert_eq!(files.len(), 7, "{files:?}");
        assert_eq!(
            fs::read_to_string(base.join("other.html")).unwrap(),
            format!("<script src=\"{glue}\"></script>")
        );
        assert!(files.contains(&"index.html".to_owned()));
        assert!(files.contains(&"notes.txt".to_owned()));

        let glue_text = fs::read_to_string(base.join(&glue)).unwrap();
        assert!(
            glue_text.contains(&format!("from './{snippet}'")),
            "{glue_text}"
        );
        assert!(
            glue_text.contains(&format!("new URL('{wasm}'")),
            "{glue_text}"
        );
        // The glue's hash covers the names it references.
        assert_eq!(glue, hashed_name("app.js", glue_text.as_bytes()));

        let html = fs::read_to_string(base.join("index.html")).unwrap();
        assert!(html.contains(&format!("from \"./{glue}\"")), "{html}");
        assert!(html.contains(&format!("new URL(\"./{wasm}\"")), "{html}");
        assert!(
            html.contains(&format!(
                "<meta name=\"nango-asset:locales/de.ftl\" content=\"./{locale}\">"
            )),
            "{html}"
        );
        assert!(
            !html.contains("\"./app.js\"") && !html.contains("\"./app_bg.wasm\""),
            "{html}"
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

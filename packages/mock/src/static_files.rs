//! Static folders served beside the API: the Connect UI app at `/connect/` (`--connect-ui-dir`)
//! and any folder at a prefix (`--static /gallery=dist/gallery`). Read-only GET/HEAD, MIME types
//! by extension (`application/wasm` included), `index.html` for folders, no way out of the folder.
//! Files whose name carries a content hash (`connect_app_bg.0123456789abcdef.wasm`, as `cargo
//! xtask build-web` names a page's assets; see [`is_content_hashed`]) never change under that
//! name: they are cached for a year as `immutable`, so a warm load does not touch the network
//! for them. Every other file (`index.html` first) carries an `ETag` (size and modification
//! time) with `Cache-Control: no-cache`: a reload revalidates and gets `304 Not Modified`.

use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use axum::body::Body;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

/// The prefix the Connect UI app is served at.
pub const CONNECT_UI_PREFIX: &str = "/connect";

/// One folder served at a URL prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticMount {
    /// The URL prefix: starts with `/`, no trailing `/` (e.g. `/gallery`).
    pub prefix: String,
    /// The folder.
    pub dir: PathBuf,
}

/// Marks a response as a served file (the global guard lets such answers be framed).
#[derive(Clone, Copy, Debug)]
pub struct ServedFile;

/// A `--static` value that is not `PREFIX=DIR` with an absolute-path prefix.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("--static expects PREFIX=DIR with PREFIX like /gallery, got {0:?}")]
pub struct BadMount(pub String);

impl StaticMount {
    /// A mount of `dir` at `prefix` (`/gallery`, `/gallery/` and `gallery` are the same).
    pub fn new(prefix: &str, dir: impl Into<PathBuf>) -> Result<Self, BadMount> {
        let trimmed = prefix.trim_matches('/');
        let bad = trimmed.is_empty()
            || trimmed
                .split('/')
                .any(|segment| segment.is_empty() || segment == "." || segment == "..")
            || trimmed.contains(['\\', '?', '#', '%']);
        if bad {
            return Err(BadMount(prefix.to_owned()));
        }
        Ok(StaticMount {
            prefix: format!("/{trimmed}"),
            dir: dir.into(),
        })
    }

    /// Whether `path` (a request path) is this mount's prefix or below it.
    pub fn covers(&self, path: &str) -> bool {
        path.strip_prefix(&self.prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

impl FromStr for StaticMount {
    type Err = BadMount;

    fn from_str(value: &str) -> Result<Self, BadMount> {
        let (prefix, dir) = value
            .split_once('=')
            .filter(|(_, dir)| !dir.is_empty())
            .ok_or_else(|| BadMount(value.to_owned()))?;
        StaticMount::new(prefix, dir)
    }
}

/// What a request path means for the mounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// No mount covers the path (the API's 404 applies).
    NotMounted,
    /// The mount's prefix without its slash: redirect here (relative assets need the slash).
    AddSlash(String),
    /// This file, inside the mount's folder.
    File(PathBuf),
    /// Covered, but no such file (or an attempt to leave the folder).
    Missing,
}

/// Resolves a request path (percent-encoded, as on the wire) against `mounts` (first match
/// wins; list longer prefixes first). Segments `.`/`..`, encoded slashes or backslashes, NUL
/// bytes and symlinks pointing outside the folder all resolve to [`Resolution::Missing`].
pub fn resolve(mounts: &[StaticMount], path: &str) -> Resolution {
    let Some(mount) = mounts.iter().find(|mount| mount.covers(path)) else {
        return Resolution::NotMounted;
    };
    let rest = &path[mount.prefix.len()..];
    if rest.is_empty() {
        return Resolution::AddSlash(format!("{}/", mount.prefix));
    }
    let mut relative = PathBuf::new();
    for raw in rest.split('/').filter(|segment| !segment.is_empty()) {
        let Ok(segment) = percent_decode_str(raw).decode_utf8() else {
            return Resolution::Missing;
        };
        let unsafe_segment = segment == "."
            || segment == ".."
            || segment.contains(['/', '\\', '\0'])
            || Path::new(segment.as_ref())
                .components()
                .any(|c| !matches!(c, Component::Normal(_)));
        if unsafe_segment {
            return Resolution::Missing;
        }
        relative.push(segment.as_ref());
    }
    let Ok(root) = mount.dir.canonicalize() else {
        return Resolution::Missing;
    };
    let mut candidate = root.join(&relative);
    if candidate.is_dir() {
        candidate.push("index.html");
    }
    match candidate.canonicalize() {
        Ok(real) if real.starts_with(&root) && real.is_file() => Resolution::File(real),
        _ => Resolution::Missing,
    }
}

/// The `Content-Type` of a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" | "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The number of hex digits of the content hash in a hashed file name (as build-web writes it).
pub const HASH_DIGITS: usize = 16;

/// The `Cache-Control` of a content-hashed file: a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The `Cache-Control` of every other file: cached, but revalidated before each use.
pub const REVALIDATE: &str = "no-cache";

/// Whether a file name carries a content hash: `<stem>.<16 lowercase hex digits>.<extension>`
/// (its content never changes under that name).
pub fn is_content_hashed(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    let mut parts = name.rsplit('.');
    let (Some(_extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !stem.is_empty()
        && hash.len() == HASH_DIGITS
        && hash
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}

/// The `Cache-Control` a served file gets: [`IMMUTABLE`] when content-hashed, else
/// [`REVALIDATE`].
pub fn cache_control(path: &Path) -> &'static str {
    if is_content_hashed(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// The validator of a file's current version: its size and modification time (weak: the same
/// bytes written again get a new tag, which only costs a download).
pub fn entity_tag(metadata: &std::fs::Metadata) -> String {
    let modified = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    format!("W/\"{:x}-{modified:x}\"", metadata.len())
}

/// Whether an `If-None-Match` header value names `tag` (or is `*`); weak comparison.
pub fn matches_entity_tag(if_none_match: &str, tag: &str) -> bool {
    let opaque = |value: &str| value.trim().trim_start_matches("W/").to_owned();
    let wanted = opaque(tag);
    if_none_match
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == wanted)
}

/// Serves `path` from `mounts` for a GET or HEAD, or `None` when no mount covers it (or the
/// method is another one), so the caller answers with the API's 404. With `if_none_match` (the
/// request's `If-None-Match`) naming the file's current tag, the answer is `304 Not Modified`.
pub async fn serve(
    mounts: &[StaticMount],
    method: &Method,
    path: &str,
    query: Option<&str>,
    if_none_match: Option<&str>,
) -> Option<Response> {
    if method != Method::GET && method != Method::HEAD {
        return None;
    }
    match resolve(mounts, path) {
        Resolution::NotMounted => None,
        Resolution::AddSlash(location) => {
            let location = match query {
                Some(query) => format!("{location}?{query}"),
                None => location,
            };
            Some(crate::routes::found(&location))
        }
        Resolution::Missing => Some(missing()),
        Resolution::File(file) => {
            let if_none_match = if_none_match.map(str::to_owned);
            let read = tokio::task::spawn_blocking({
                let file = file.clone();
                move || -> std::io::Result<(String, Option<Vec<u8>>)> {
                    let tag = entity_tag(&std::fs::metadata(&file)?);
                    let unchanged = if_none_match
                        .as_deref()
                        .is_some_and(|header| matches_entity_tag(header, &tag));
                    let bytes = if unchanged {
                        None
                    } else {
                        Some(std::fs::read(&file)?)
                    };
                    Ok((tag, bytes))
                }
            })
            .await;
            let Ok(Ok((tag, bytes))) = read else {
                return Some(missing());
            };
            let mut response = match bytes {
                None => StatusCode::NOT_MODIFIED.into_response(),
                Some(bytes) => {
                    let length = bytes.len();
                    let body = if method == Method::HEAD {
                        Body::empty()
                    } else {
                        Body::from(bytes)
                    };
                    let mut response = (StatusCode::OK, body).into_response();
                    response
                        .headers_mut()
                        .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
                    response
                }
            };
            response.extensions_mut().insert(ServedFile);
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&file)),
            );
            if let Ok(tag) = HeaderValue::from_str(&tag) {
                headers.insert(header::ETAG, tag);
            }
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control(&file)),
            );
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            Some(response)
        }
    }
}

/// A plain 404 for a covered path without a file.
fn missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<div id=main></div>").unwrap();
        std::fs::create_dir(dir.path().join("snippets")).unwrap();
        std::fs::write(dir.path().join("snippets/a b.js"), "1").unwrap();
        dir
    }

    #[test]
    fn mounts_parse_and_normalise() {
        let mount: StaticMount = "/gallery/=dist/gallery".parse().unwrap();
        assert_eq!(mount.prefix, "/gallery");
        assert_eq!(mount.dir, PathBuf::from("dist/gallery"));
        assert_eq!(
            "gallery=x".parse::<StaticMount>().unwrap().prefix,
            "/gallery"
        );
        for bad in ["/gallery", "=dist", "/=dist", "/a/../b=x", "/gallery="] {
            assert!(bad.parse::<StaticMount>().is_err(), "{bad}");
        }
        assert!(mount.covers("/gallery"));
        assert!(mount.covers("/gallery/x.js"));
        assert!(!mount.covers("/gallery2"));
    }

    #[test]
    fn resolves_files_folders_and_the_slash_redirect() {
        let dir = folder();
        let mounts = [StaticMount::new("/connect", dir.path()).unwrap()];
        let root = dir.path().canonicalize().unwrap();
        assert_eq!(
            resolve(&mounts, "/connect/"),
            Resolution::File(root.join("index.html"))
        );
        assert_eq!(
            resolve(&mounts, "/connect/snippets/a%20b.js"),
            Resolution::File(root.join("snippets/a b.js"))
        );
        assert_eq!(
            resolve(&mounts, "/connect"),
            Resolution::AddSlash("/connect/".into())
        );
        assert_eq!(resolve(&mounts, "/connections"), Resolution::NotMounted);
        assert_eq!(resolve(&mounts, "/connect/nope.js"), Resolution::Missing);
    }

    #[test]
    fn no_way_out_of_the_folder() {
        let outer = tempfile::tempdir().unwrap();
        std::fs::write(outer.path().join("secret.txt"), "s").unwrap();
        let inner = outer.path().join("site");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(inner.join("index.html"), "i").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(outer.path().join("secret.txt"), inner.join("link.txt"))
            .unwrap();
        let mounts = [StaticMount::new("/s", &inner).unwrap()];
        for path in [
            "/s/../secret.txt",
            "/s/%2e%2e/secret.txt",
            "/s/..%2fsecret.txt",
            "/s/..%5csecret.txt",
            "/s/%2fetc%2fpasswd",
            "/s/./index.html",
            "/s/index.html%00",
            "/s/link.txt",
            "/s/%ff",
        ] {
            assert_eq!(resolve(&mounts, path), Resolution::Missing, "{path}");
        }
    }

    #[test]
    fn entity_tags_follow_size_and_time_and_match_weakly() {
        let dir = folder();
        let path = dir.path().join("index.html");
        let tag = entity_tag(&std::fs::metadata(&path).unwrap());
        assert!(tag.starts_with("W/\"13-"), "{tag}");
        assert!(matches_entity_tag(&tag, &tag));
        assert!(matches_entity_tag(&format!("\"x\", {}", &tag[2..]), &tag));
        assert!(matches_entity_tag("*", &tag));
        assert!(!matches_entity_tag("W/\"13-0\"", &tag));
        std::fs::write(&path, "<div id=main></div><p>").unwrap();
        assert_ne!(entity_tag(&std::fs::metadata(&path).unwrap()), tag);
    }

    #[tokio::test]
    async fn a_matching_if_none_match_gets_304_and_a_stale_one_the_file() {
        let dir = folder();
        let mounts = [StaticMount::new("/connect", dir.path()).unwrap()];
        let first = serve(&mounts, &Method::GET, "/connect/index.html", None, None)
            .await
            .unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()[header::CACHE_CONTROL], "no-cache");
        let tag = first.headers()[header::ETAG].to_str().unwrap().to_owned();
        let again = serve(
            &mounts,
            &Method::GET,
            "/connect/index.html",
            None,
            Some(&tag),
        )
        .await
        .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.headers()[header::ETAG], tag.as_str());
        let body = axum::body::to_bytes(again.into_body(), 1024).await.unwrap();
        assert!(body.is_empty());
        let stale = serve(&mounts, &Method::GET, "/connect/", None, Some("W/\"1-1\""))
            .await
            .unwrap();
        assert_eq!(stale.status(), StatusCode::OK);
        let body = axum::body::to_bytes(stale.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"<div id=main></div>");
    }

    #[test]
    fn only_content_hashed_names_are_immutable() {
        for hashed in [
            "connect_app_bg.0123456789abcdef.wasm",
            "snippets/x/inline0.a1b2c3d4e5f60718.js",
            "locales/zh-CN.ffffffffffffffff.ftl",
        ] {
            assert!(is_content_hashed(Path::new(hashed)), "{hashed}");
            assert_eq!(cache_control(Path::new(hashed)), IMMUTABLE);
        }
        for plain in [
            "index.html",
            "connect_app.js",
            "connect_app_bg.wasm",
            ".0123456789abcdef.js",
            "a.0123456789ABCDEF.js",
            "a.0123456789abcde.js",
            "a.0123456789abcdef0.js",
            "a.0123456789abcdeg.js",
            "0123456789abcdef.js",
        ] {
            assert!(!is_content_hashed(Path::new(plain)), "{plain}");
            assert_eq!(cache_control(Path::new(plain)), REVALIDATE);
        }
    }

    #[tokio::test]
    async fn hashed_files_are_immutable_and_the_page_is_revalidated() {
        let dir = folder();
        std::fs::write(dir.path().join("app.0123456789abcdef.js"), "1").unwrap();
        let mounts = [StaticMount::new("/connect", dir.path()).unwrap()];
        let asset = serve(
            &mounts,
            &Method::GET,
            "/connect/app.0123456789abcdef.js",
            None,
            None,
        )
        .await
        .unwrap();
        assert_eq!(asset.status(), StatusCode::OK);
        assert_eq!(
            asset.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let page = serve(&mounts, &Method::GET, "/connect/", None, None)
            .await
            .unwrap();
        assert_eq!(page.headers()[header::CACHE_CONTROL], "no-cache");
        assert!(page.headers().contains_key(header::ETAG));
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type(Path::new("a/connect_app_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("connect_app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("index.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("x")), "application/octet-stream");
    }
}

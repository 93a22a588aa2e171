//! A tiny static file server for built web apps (`dist/<app>/` under `/<app>/`), used by
//! `cargo xtask screenshots` (which needs no mock; `cargo xtask demo` lets nango-mock serve).
//! Loopback only, GET only, no directory listing, no paths outside its folders.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::error::TaskError;

/// Serves each `(prefix, folder)` pair on `127.0.0.1:port` from a background thread.
/// Returns the bound address once listening.
pub fn serve(port: u16, mounts: Vec<(String, PathBuf)>) -> Result<SocketAddr, TaskError> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = TcpListener::bind(address).map_err(|source| TaskError::Io {
        path: PathBuf::from(format!("tcp://{address}")),
        source,
    })?;
    let bound = listener.local_addr().unwrap_or(address);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mounts = mounts.clone();
            std::thread::spawn(move || {
                let _ignored = answer(stream, &mounts);
            });
        }
    });
    Ok(bound)
}

/// Answers one request.
fn answer(mut stream: TcpStream, mounts: &[(String, PathBuf)]) -> std::io::Result<()> {
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = (method == "GET" || method == "HEAD")
        .then(|| resolve(path, mounts))
        .flatten();
    match file.and_then(|file| std::fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => {
            let header = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            );
            stream.write_all(header.as_bytes())?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        None => {
            let body = b"not found";
            let header = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(header.as_bytes())?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

/// Maps a URL path to a file under one of the mounts (`/app` and `/app/` give its index.html).
pub fn resolve(path: &str, mounts: &[(String, PathBuf)]) -> Option<PathBuf> {
    for (prefix, folder) in mounts {
        let prefix = prefix.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(prefix) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with('/')) {
            continue;
        }
        let relative = Path::new(rest.trim_start_matches('/'));
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let mut file = folder.join(relative);
        if rest.is_empty() || rest.ends_with('/') {
            file = folder.join(relative).join("index.html");
        }
        return file.is_file().then_some(file);
    }
    None
}

/// The Content-Type of a file by extension.
fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_files_and_refuses_escapes() {
        let base = std::env::temp_dir().join(format!("xtask-static-{}", std::process::id()));
        std::fs::create_dir_all(base.join("app")).unwrap();
        std::fs::write(base.join("app/index.html"), "hi").unwrap();
        std::fs::write(base.join("app/a.js"), "x").unwrap();
        let mounts = vec![("/gallery".to_owned(), base.join("app"))];
        assert_eq!(
            resolve("/gallery/", &mounts),
            Some(base.join("app/index.html"))
        );
        assert_eq!(
            resolve("/gallery/a.js", &mounts),
            Some(base.join("app/a.js"))
        );
        assert_eq!(resolve("/gallery/../app/a.js", &mounts), None);
        assert_eq!(resolve("/galleryx/a.js", &mounts), None);
        assert_eq!(resolve("/gallery/missing.js", &mounts), None);
        std::fs::remove_dir_all(base).unwrap();
    }
}

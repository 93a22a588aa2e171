//! `nango-mock-bench`: a bounded loopback load generator for nango-mock. It starts the
//! `nango-mock` binary (next to this one, or `--server PATH`) on a free loopback port, measures
//! requests per second for `GET /connect/session` and for an API-key connect, then opens idle
//! WebSocket clients and reads the server's RSS from `/proc/<pid>/status`. Every loop is bounded
//! in count and time; traffic goes to 127.0.0.1 only.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Flags.
#[derive(Debug, Parser)]
#[command(name = "nango-mock-bench", about = "Loopback benchmark of nango-mock")]
struct Args {
    /// The nango-mock binary (default: next to this executable).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Seconds per HTTP scenario (capped at 60).
    #[arg(long, default_value_t = 5)]
    duration: u64,
    /// Concurrent keep-alive connections per HTTP scenario (capped at 512).
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Idle WebSocket clients to open (capped at 15000).
    #[arg(long, default_value_t = 10_000)]
    ws_clients: usize,
}

const SECRET: &str = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99";

/// Stops the child server on every exit path.
struct ServerProcess {
    child: Child,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn start_server(path: &PathBuf) -> Result<(ServerProcess, String), String> {
    let mut child = Command::new(path)
        .args(["--port", "0", "--bind", "127.0.0.1", "--secret-key", SECRET])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", path.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let server = ServerProcess { child };
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let addr = line
        .trim()
        .strip_prefix("nango-mock listening on http://")
        .ok_or_else(|| format!("unexpected first line: {line:?}"))?
        .to_owned();
    Ok((server, addr))
}

/// Reads one HTTP/1.1 response from `stream` (Content-Length bodies), returning its status.
async fn read_response(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_string();
            let status: u16 = head
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let length: usize = head
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            let total = end + 4 + length;
            while buf.len() < total {
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            buf.drain(..total);
            return Ok(status);
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

async fn one_request(addr: &str, request: &[u8]) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(request).await?;
    let mut all = Vec::new();
    stream.read_to_end(&mut all).await?;
    let text = String::from_utf8_lossy(&all).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or_default().to_owned();
    Ok((status, body))
}

/// Runs `connections` keep-alive loops sending `request` until `duration` passes.
async fn hammer(
    addr: &str,
    request: Vec<u8>,
    expect: u16,
    connections: usize,
    duration: Duration,
) -> (u64, u64, f64) {
    let ok = Arc::new(AtomicU64::new(0));
    let bad = Arc::new(AtomicU64::new(0));
    let request = Arc::new(request);
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (ok, bad, request, addr) = (ok.clone(), bad.clone(), request.clone(), addr.to_owned());
        tasks.push(tokio::spawn(async move {
            let Ok(mut stream) = TcpStream::connect(&addr).await else {
                bad.fetch_add(1, Ordering::Relaxed);
                return;
            };
            let _ = stream.set_nodelay(true);
            let mut buf = Vec::with_capacity(16 * 1024);
            while Instant::now() < deadline {
                if stream.write_all(&request).await.is_err() {
                    bad.fetch_add(1, Ordering::Relaxed);
                    return;
                }
                match read_response(&mut stream, &mut buf).await {
                    Ok(status) if status == expect => ok.fetch_add(1, Ordering::Relaxed),
                    Ok(_) => bad.fetch_add(1, Ordering::Relaxed),
                    Err(_) => {
                        bad.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                };
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let done = ok.load(Ordering::Relaxed);
    (done, bad.load(Ordering::Relaxed), done as f64 / elapsed)
}

async fn open_ws_clients(addr: &str, count: usize) -> (Vec<tokio::task::JoinHandle<()>>, usize) {
    use futures_util::StreamExt;
    let url = format!("ws://{addr}/");
    let opened = Arc::new(AtomicU64::new(0));
    let semaphore = Arc::new(tokio::sync::Semaphore::new(256));
    let (hold_tx, _) = tokio::sync::broadcast::channel::<()>(1);
    let mut handles = Vec::with_capacity(count);
    for _ in 0..count {
        let (url, opened, semaphore) = (url.clone(), opened.clone(), semaphore.clone());
        let mut hold = hold_tx.subscribe();
        handles.push(tokio::spawn(async move {
            let Ok(permit) = semaphore.acquire_owned().await else {
                return;
            };
            let connected = tokio::time::timeout(
                Duration::from_secs(10),
                tokio_tungstenite::connect_async(url.as_str()),
            )
            .await;
            let Ok(Ok((mut ws, _))) = connected else {
                return;
            };
            // Wait for the ack, then idle until told to stop.
            if let Ok(Some(Ok(_))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await
            {
                opened.fetch_add(1, Ordering::Relaxed);
            }
            drop(permit);
            let _ = hold.recv().await;
            drop(ws);
        }));
    }
    // Wait (bounded) until every client connected or gave up.
    let deadline = Instant::now() + Duration::from_secs(120);
    while (opened.load(Ordering::Relaxed) as usize) < count && Instant::now() < deadline {
        if handles.iter().all(|h| h.is_finished()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        if semaphore.available_permits() == 256
            && opened.load(Ordering::Relaxed) as usize
                + handles.iter().filter(|h| h.is_finished()).count()
                >= count
        {
            break;
        }
    }
    let done = opened.load(Ordering::Relaxed) as usize;
    // Keep `hold_tx` alive in the handles' lifetime by leaking it into a task that ends on drop.
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let _ = hold_tx.send(());
    });
    (handles, done)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let duration = Duration::from_secs(args.duration.clamp(1, 60));
    let connections = args.connections.clamp(1, 512);
    let ws_clients = args.ws_clients.min(15_000);
    let server_path = match args.server.clone().or_else(|| {
        std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("nango-mock")))
    }) {
        Some(p) => p,
        None => {
            eprintln!("cannot locate nango-mock; pass --server");
            return std::process::ExitCode::FAILURE;
        }
    };
    let (server, addr) = match start_server(&server_path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let pid = server.child.id();
    println!(
        "nango-mock-bench: server pid {pid} on http://{addr}; {} s per scenario, {connections} connections",
        duration.as_secs()
    );
    println!("idle RSS: {} KiB", rss_kib(pid).unwrap_or(0));

    let body = r#"{"end_user":{"id":"bench"}}"#;
    let create = format!(
        "POST /connect/sessions HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {SECRET}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let token = match one_request(&addr, create.as_bytes()).await {
        Ok((201, text)) => text
            .split('"')
            .find(|s| s.starts_with("nango_connect_session_"))
            .unwrap_or_default()
            .to_owned(),
        other => {
            eprintln!("session creation failed: {other:?}");
            return std::process::ExitCode::FAILURE;
        }
    };

    let read = format!(
        "GET /connect/session HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n"
    );
    let (ok, bad, rps) = hammer(&addr, read.into_bytes(), 200, connections, duration).await;
    println!("GET /connect/session: {rps:.0} req/s ({ok} ok, {bad} failed)");

    if ws_clients > 0 {
        let before = rss_kib(pid).unwrap_or(0);
        let started = Instant::now();
        let (handles, opened) = open_ws_clients(&addr, ws_clients).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = rss_kib(pid).unwrap_or(0);
        println!(
            "WebSocket: {opened}/{ws_clients} idle clients acked in {:.1} s; server RSS {} KiB ({:.1} MiB), +{} KiB over before",
            started.elapsed().as_secs_f64(),
            after,
            after as f64 / 1024.0,
            after.saturating_sub(before)
        );
        for handle in handles {
            handle.abort();
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    let key_body = r#"{"apiKey":"sk_bench"}"#;
    let connect = format!(
        "POST /api-auth/api-key/demo-api-key?connect_session_token={token} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{key_body}",
        key_body.len()
    );
    let (ok, bad, rps) = hammer(&addr, connect.into_bytes(), 200, connections, duration).await;
    println!(
        "POST /api-auth/api-key (new connection each): {rps:.0} req/s ({ok} ok, {bad} failed)"
    );
    println!(
        "RSS after the connect scenario ({ok} stored connections): {} KiB",
        rss_kib(pid).unwrap_or(0)
    );

    drop(server);
    std::process::ExitCode::SUCCESS
}

//! `isnad serve`: the editor's desk. A local HTTP server puts the library behind a page where a
//! draft is checked as it is written, and behind an API whose answers are the command line's,
//! byte for byte. It adds no behaviour of its own: each request is decoded, analyzed and
//! rendered by the same calls the command line makes.
//!
//! The server is axum on tokio, with hyper's connection handling configured here so that a
//! client that stalls before its headers is cut off. Around the routes ([`harden`]): one log
//! line per request, security headers, a caught panic answering 500, a deadline for the body
//! and one for the whole request. Analyses run on the blocking pool, at most `workers` at
//! once; a burst queues for a permit instead of starting more work.

mod api;
pub mod draft;
mod headers;
pub mod output;
mod page;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::{RequestBodyDeadlineLayer, TimeoutLayer};

use crate::Analyzer;

/// The address served unless told otherwise: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8710";

/// The largest draft taken by default: 2 MiB, far above any article.
pub const DEFAULT_MAX_BYTES: usize = 2 << 20;

/// What to serve and how.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// The largest draft, in bytes; a larger body is answered 413.
    pub max_bytes: usize,
    /// Analyses run at once; the rest wait their turn.
    pub workers: usize,
    /// Deadlines and bounds.
    pub limits: Limits,
}

/// Deadlines and bounds that keep one client from holding the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A connection that has not sent a request's headers within this is closed.
    pub headers: Duration,
    /// A body that has not fully arrived within this is answered 408.
    pub body: Duration,
    /// A request not answered within this (queued and analyzed) is answered 408.
    pub request: Duration,
    /// Connections open at once; more wait in the listen queue.
    pub connections: usize,
    /// How long a shutdown waits for requests in flight.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            headers: Duration::from_secs(10),
            body: Duration::from_secs(15),
            request: Duration::from_secs(60),
            connections: 256,
            grace: Duration::from_secs(30),
        }
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The runtime or the signal handlers could not be set up.
    #[error("cannot start the server: {0}")]
    Start(std::io::Error),
}

/// Whether an address is reachable only from this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns. Says
/// where it listens on standard error (with a warning when that is not loopback), and logs
/// one line per request there.
pub fn run(analyzer: Analyzer, config: Config) -> Result<(), Error> {
    quiet_panics();
    let workers = config.workers.max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(workers)
        .enable_all()
        .build()
        .map_err(Error::Start)?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(config.addr)
            .await
            .map_err(|source| Error::Bind {
                addr: config.addr,
                source,
            })?;
        let local = listener.local_addr().map_err(Error::Start)?;
        if !is_loopback(&local) {
            eprintln!(
                "isnad: warning: listening on {local}, which other machines may reach; \
                 drafts sent here cross the network unencrypted"
            );
        }
        eprintln!("isnad: the editor's desk is at http://{local}/ (Ctrl-C stops it)");
        let shutdown = signal().map_err(Error::Start)?;
        let app = app(analyzer, config.max_bytes, workers, &config.limits);
        serve(listener, app, &config.limits, shutdown).await;
        eprintln!("isnad: stopped");
        Ok(())
    })
}

/// A panic's message may quote the draft (a slice of it, a value): only its place is printed.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("isnad: internal error{place} (please report it); the request was answered 500");
    }));
}

/// SIGINT or SIGTERM, whichever comes first.
fn signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    })
}

/// The desk and the API with every safeguard: what [`run`] serves.
pub fn app(analyzer: Analyzer, max_bytes: usize, workers: usize, limits: &Limits) -> Router {
    harden(api::routes(Arc::new(analyzer), max_bytes, workers), limits)
}

/// Wraps routes in what every answer needs, outermost first: the log line, the security
/// headers, a panic answered 500 (the server goes on), the whole request's deadline and the
/// body's.
pub fn harden(routes: Router, limits: &Limits) -> Router {
    routes
        .layer(RequestBodyDeadlineLayer::new(limits.body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request,
        ))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(middleware::from_fn(headers::secure))
        .layer(middleware::from_fn(log))
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response<axum::body::Body> {
    api::message(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error (please report it)",
    )
}

/// One line per request: method, path, status, bytes sent, milliseconds. Never the body, and
/// never the query, which is not the API's but may hold what a client put there.
async fn log(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(200).collect();
    let start = Instant::now();
    let res = next.run(req).await.into_response();
    let bytes = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            axum::body::HttpBody::size_hint(res.body())
                .exact()
                .map(|n| n.to_string())
        })
        .unwrap_or_else(|| "-".into());
    eprintln!(
        "{method} {path} {} {bytes} bytes {:.1} ms",
        res.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    res
}

/// Accepts connections on `listener` and serves `app` on each until `shutdown` completes;
/// then stops accepting, lets the requests in flight finish (at most `limits.grace`) and
/// returns.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let open = Arc::new(tokio::sync::Semaphore::new(limits.connections.max(1)));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = open.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of descriptors or a connection reset before accept: wait a little
                    // rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.headers);
        let conn =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A connection's error (reset, timed out) concerns that client only.
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(limits.grace, graceful.shutdown()).await;
}

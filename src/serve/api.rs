//! The routes: the desk, the three answers and the health check. Each answer reads the body
//! within its limit, turns it into a document ([`draft`]), waits for a worker, and renders on
//! the blocking pool what the command line would print ([`output`]).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use super::draft::{self, Kind, Refusal};
use super::headers::page_policy;
use super::output::{self, Output};
use super::page;
use crate::{Analyzer, Error};

#[derive(Clone)]
struct Shared {
    analyzer: Arc<Analyzer>,
    workers: Arc<Semaphore>,
    max_bytes: usize,
    desk: Arc<(String, String)>,
}

/// The routes over one analyzer; `workers` analyses run at once.
pub fn routes(analyzer: Arc<Analyzer>, max_bytes: usize, workers: usize) -> Router {
    let html = page::desk();
    let policy = page_policy(&html, true, true);
    let shared = Shared {
        analyzer,
        workers: Arc::new(Semaphore::new(workers.max(1))),
        max_bytes,
        desk: Arc::new((html, policy)),
    };
    Router::new()
        .route("/", get(desk))
        .route("/healthz", get(health))
        .route("/api/analyze", post(analyze))
        .route("/api/lint", post(lint))
        .route("/api/report", post(report))
        .fallback(|| async { message(StatusCode::NOT_FOUND, "no such page") })
        .with_state(shared)
}

async fn desk(State(s): State<Shared>) -> Response {
    let (html, policy) = &*s.desk;
    page_response(html.clone(), policy)
}

async fn health() -> Response {
    plain(StatusCode::OK, "ok\n".into())
}

async fn analyze(State(s): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    s.answer(&headers, body, Output::Analysis).await
}

async fn lint(State(s): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    s.answer(&headers, body, Output::Lint).await
}

async fn report(State(s): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    s.answer(&headers, body, Output::Report).await
}

impl Shared {
    async fn answer(&self, headers: &HeaderMap, body: Body, out: Output) -> Response {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap_or("a content type that is not ASCII"));
        let kind = match Kind::of(content_type) {
            Ok(k) => k,
            Err(e) => return message(StatusCode::UNSUPPORTED_MEDIA_TYPE, &e.to_string()),
        };
        let bytes = match self.read(headers, body, kind).await {
            Ok(b) => b,
            Err(res) => return res,
        };
        let (item, record) = match draft::item(kind, Vec::from(bytes)) {
            Ok(x) => x,
            Err(e @ (Refusal::Encoding(_) | Refusal::Malformed(_))) => {
                return message(StatusCode::BAD_REQUEST, &e.to_string())
            }
            Err(e) => return message(StatusCode::UNSUPPORTED_MEDIA_TYPE, &e.to_string()),
        };
        let permit = self
            .workers
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let analyzer = self.analyzer.clone();
        let max_bytes = self.max_bytes;
        let job = tokio::task::spawn_blocking(move || {
            // The permit is held until the work ends, even if the client has gone.
            let _permit = permit;
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                output::render(&analyzer, item, record, max_bytes, out)
            }))
        });
        match job.await {
            Ok(Ok(Ok(text))) => match out {
                Output::Analysis | Output::Lint => typed(StatusCode::OK, text, "application/json"),
                Output::Report => {
                    let policy = page_policy(&text, false, false);
                    page_response(text, &policy)
                }
            },
            Ok(Ok(Err(e @ Error::TooLarge { .. }))) => too_large(&e.to_string()),
            Ok(Ok(Err(e))) if e.is_bad_input() => message(StatusCode::BAD_REQUEST, &e.to_string()),
            Ok(Ok(Err(e))) => message(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
            Ok(Err(_)) | Err(_) => message(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error (please report it)",
            ),
        }
    }

    /// The whole body, refused when it is over the limit (413) or late (408).
    async fn read(&self, headers: &HeaderMap, body: Body, kind: Kind) -> Result<Bytes, Response> {
        let limit = kind.body_limit(self.max_bytes);
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if let Some(n) = declared.filter(|&n| n > limit as u64) {
            return Err(too_large(&format!(
                "the body is {n} bytes, over the limit of {limit} bytes"
            )));
        }
        axum::body::to_bytes(body, limit).await.map_err(|e| {
            let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
            while let Some(c) = cause {
                if c.is::<http_body_util::LengthLimitError>() {
                    return too_large(&format!("the body is over the limit of {limit} bytes"));
                }
                if c.is::<tower_http::timeout::TimeoutError>() {
                    return message(
                        StatusCode::REQUEST_TIMEOUT,
                        "the body did not arrive in time",
                    );
                }
                cause = c.source();
            }
            message(StatusCode::BAD_REQUEST, "the body could not be read")
        })
    }
}

fn too_large(why: &str) -> Response {
    message(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!("{why} (the server's --max-bytes)"),
    )
}

/// A plain-text answer saying what went wrong.
pub fn message(status: StatusCode, text: &str) -> Response {
    plain(status, format!("isnad: {text}\n"))
}

fn plain(status: StatusCode, text: String) -> Response {
    typed(status, text, "text/plain; charset=utf-8")
}

fn typed(status: StatusCode, text: String, content_type: &'static str) -> Response {
    let mut res = Response::new(Body::from(text));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

fn page_response(html: String, policy: &str) -> Response {
    let mut res = typed(StatusCode::OK, html, "text/html; charset=utf-8");
    if let Ok(v) = HeaderValue::from_str(policy) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

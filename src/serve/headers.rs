//! Security headers on every answer, and the Content-Security-Policy of an HTML page: only the
//! page's own inline style and script run, by their hashes; nothing is loaded from elsewhere
//! and no one may frame it.

use axum::extract::Request;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy of anything that is not one of the pages: nothing may load or run.
pub const STRICT: &str =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Adds the headers every answer carries; an answer that set its own policy keeps it.
pub async fn secure(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(h, header::CONTENT_SECURITY_POLICY, STRICT);
    }
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    // A draft is nobody's to keep: not in the browser's cache either.
    set(h, header::CACHE_CONTROL, "no-store");
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    res
}

/// The policy for an HTML page rendered by the project's templates: the hashes of its
/// `<style>` and `<script>` blocks and of its `style` attributes. The templates escape every
/// value from the text, so each of these was written by a template. `fetch` allows requests
/// back to this server (the desk's live result) and `form` the form's post.
pub fn page_policy(html: &str, fetch: bool, form: bool) -> String {
    let styles = hashes(blocks(html, "style"));
    let scripts = hashes(blocks(html, "script"));
    let attrs = hashes(attributes(html, "style"));
    let mut p = String::from("default-src 'none'");
    let list = |v: &[String]| v.join(" ");
    p += &format!("; style-src {}", or_none(&list(&styles)));
    if !attrs.is_empty() {
        p += &format!("; style-src-attr 'unsafe-hashes' {}", list(&attrs));
    }
    p += &format!("; script-src {}", or_none(&list(&scripts)));
    p += "; img-src data:";
    if fetch {
        p += "; connect-src 'self'";
    }
    p += if form {
        "; form-action 'self'"
    } else {
        "; form-action 'none'"
    };
    p + "; base-uri 'none'; frame-ancestors 'none'"
}

fn or_none(list: &str) -> &str {
    if list.is_empty() {
        "'none'"
    } else {
        list
    }
}

fn hashes<'a>(parts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = parts
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The contents of each `<tag …>…</tag>` block.
fn blocks<'a>(html: &'a str, tag: &'a str) -> impl Iterator<Item = &'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let at = rest.find(&open)?;
        let after = &rest[at + open.len()..];
        // `<styles` or `<scripting` is another tag.
        if !after.starts_with(['>', ' ', '\t', '\n']) {
            rest = after;
            continue;
        }
        let start = after.find('>')? + 1;
        let body = &after[start..];
        let end = body.find(&close)?;
        rest = &body[end + close.len()..];
        return Some(&body[..end]);
    })
}

/// The values of each ` name="…"` attribute (the templates quote with `"`), outside the
/// style and script blocks, whose text is not markup.
fn attributes<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    let open = format!(" {name}=\"");
    markup(html).flat_map(move |part| {
        let open = open.clone();
        let mut rest = part;
        std::iter::from_fn(move || {
            let at = rest.find(&open)?;
            let value = &rest[at + open.len()..];
            let end = value.find('"')?;
            rest = &value[end..];
            Some(&value[..end])
        })
    })
}

/// The stretches of a page between its `<style>` and `<script>` blocks.
fn markup(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let next = ["<style", "<script"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, *t)))
            .min();
        let Some((at, tag)) = next else {
            return Some(std::mem::take(&mut rest));
        };
        let close = if tag == "<style" {
            "</style>"
        } else {
            "</script>"
        };
        let part = &rest[..at];
        rest = match rest[at..].find(close) {
            Some(end) => &rest[at + end + close.len()..],
            None => "",
        };
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_attributes_are_found() {
        let html = "<style>a{}</style><p style=\"x: 1\">t</p><script>go()</script><styles>no</styles><script>two()</script>";
        assert_eq!(blocks(html, "style").collect::<Vec<_>>(), ["a{}"]);
        assert_eq!(
            blocks(html, "script").collect::<Vec<_>>(),
            ["go()", "two()"]
        );
        assert_eq!(attributes(html, "style").collect::<Vec<_>>(), ["x: 1"]);
        // Text that looks like an attribute inside a script is not one.
        let script = "<script>s.replace(/ style=\"x\"/, 1)</script><b style=\"y\">";
        assert_eq!(attributes(script, "style").collect::<Vec<_>>(), ["y"]);
    }

    #[test]
    fn the_policy_holds_the_hashes() {
        // The hash of `alert(1)` as the CSP specification and browsers compute it.
        let p = page_policy("<script>alert(1)</script>", false, false);
        assert!(
            p.contains("script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{p}"
        );
        assert!(p.contains("style-src 'none'"), "{p}");
        assert!(p.contains("frame-ancestors 'none'"), "{p}");
        assert!(!p.contains("connect-src"), "{p}");
        assert!(!p.contains("style-src-attr"), "{p}");
        let desk = page_policy("<style>b{}</style><script>x()</script>", true, true);
        assert!(desk.contains("connect-src 'self'"), "{desk}");
        assert!(desk.contains("form-action 'self'"), "{desk}");
    }
}

//! A small HTTP/1.1 client over a socket, enough to send exactly the bytes a test needs
//! (a stalled body, a chunked one, none at all).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// An answer: status (0 when the server closed without one), headers, body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value, by its name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on a connection of its own.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let Ok(mut conn) = TcpStream::connect(addr) else {
        return closed();
    };
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if method != "GET" || !body.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    // The server may answer (413) before reading all of a large body and close.
    if conn.write_all(head.as_bytes()).is_err() {
        return closed();
    }
    let _ = conn.write_all(body);
    read_answer(&mut conn)
}

/// A request whose body is sent chunked, so its length is not known in advance.
pub fn chunked(addr: SocketAddr, path: &str, content_type: &str, body: &[u8]) -> Answer {
    let mut conn = TcpStream::connect(addr).expect("connects");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let _ = conn.write_all(head.as_bytes());
    for part in body.chunks(256) {
        let _ = write!(conn, "{:x}\r\n", part.len());
        let _ = conn.write_all(part);
        let _ = conn.write_all(b"\r\n");
    }
    let _ = conn.write_all(b"0\r\n\r\n");
    read_answer(&mut conn)
}

fn closed() -> Answer {
    Answer {
        status: 0,
        headers: Vec::new(),
        body: Vec::new(),
    }
}

/// Reads one answer (with a Content-Length, as the server always sends) from a connection.
pub fn read_answer(conn: &mut TcpStream) -> Answer {
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    let split = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return closed(),
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = raw[split + 4..].to_vec();
    while body.len() < length {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    body.truncate(length);
    Answer {
        status,
        headers,
        body,
    }
}

/// A value as a form sends it: every byte but letters and digits percent-escaped.
pub fn form_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else if b == b' ' {
                "+".into()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

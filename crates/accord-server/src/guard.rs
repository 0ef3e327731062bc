//! The protections in front of the API (threat model in `docs/knowledge-base.md`): an allow-list of
//! `Host` values (against DNS rebinding), a same-origin check of `Origin` (against cross-site requests
//! from pages the user visits), and a bearer token for writes.

/// Which `Host` (and `Origin`) values the server answers.
#[derive(Clone, Debug)]
pub struct HostPolicy {
    /// Host names (lower case, IPv6 in brackets) accepted on any port, or `name:port` accepted on that
    /// port only.
    allowed: Vec<String>,
    /// The port the server listens on.
    port: u16,
}

/// Host names every server accepts: the loopback names.
pub const LOOPBACK_HOSTS: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// Splits `host[:port]` (IPv6 in brackets) into its lower-cased name and port.
fn split_host(h: &str) -> Option<(String, Option<u16>)> {
    let h = h.trim().to_ascii_lowercase();
    if h.is_empty() || h.contains(['/', '@', ' ', '\\']) {
        return None;
    }
    let (name, port) = if let Some(rest) = h.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?.parse().ok()?),
        };
        (format!("[{inside}]"), port)
    } else {
        match h.rsplit_once(':') {
            Some((n, p)) => (n.to_string(), Some(p.parse().ok()?)),
            None => (h.clone(), None),
        }
    };
    (!name.is_empty()).then_some((name, port))
}

impl HostPolicy {
    /// Accepts the loopback names, the bound address itself, and `extra` (names or `name:port`).
    pub fn new(bound: std::net::SocketAddr, extra: &[String]) -> HostPolicy {
        let mut allowed: Vec<String> = LOOPBACK_HOSTS.iter().map(|s| s.to_string()).collect();
        let ip = match bound.ip() {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        };
        if !bound.ip().is_unspecified() {
            allowed.push(ip);
        }
        allowed.extend(extra.iter().map(|e| e.trim().to_ascii_lowercase()).filter(|e| !e.is_empty()));
        HostPolicy { allowed, port: bound.port() }
    }

    /// True when a `Host` header value names this server.
    pub fn host_ok(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        self.allowed.iter().any(|a| match split_host(a) {
            // an entry with a port matches only that port
            Some((an, Some(ap))) => an == name && port.unwrap_or(80) == ap,
            // a bare name matches the served port, or no port (behind a proxy on 80/443)
            Some((an, None)) => an == name && (port.is_none() || port == Some(self.port)),
            None => false,
        })
    }

    /// True when an `Origin` header value is this server: `http(s)://` and an accepted host. `null`
    /// (sandboxed frames, files) is not.
    pub fn origin_ok(&self, origin: &str) -> bool {
        let o = origin.trim();
        let rest = o.strip_prefix("http://").or_else(|| o.strip_prefix("https://"));
        rest.is_some_and(|h| !h.contains('/') && self.host_ok(h))
    }
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new random write token: 32 hex digits from the operating system's random source.
pub fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    if !from_os {
        // std's hasher keys are seeded from the OS on every platform
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_origins() {
        let p = HostPolicy::new("127.0.0.1:8080".parse().unwrap(), &["kb.example".into(), "proxy.example:9000".into()]);
        for ok in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "kb.example", "kb.example:8080"]
        {
            assert!(p.host_ok(ok), "{ok}");
        }
        for bad in ["evil.example:8080", "127.0.0.1:8081", "localhost.evil.example:8080", "", "kb.example:9000", "a b"]
        {
            assert!(!p.host_ok(bad), "{bad}");
        }
        assert!(p.host_ok("proxy.example:9000") && !p.host_ok("proxy.example:8080"));
        assert!(p.origin_ok("http://127.0.0.1:8080") && p.origin_ok("https://kb.example"));
        for bad in ["null", "http://evil.example:8080", "file://", "http://127.0.0.1:8080/x", "ftp://localhost:8080"] {
            assert!(!p.origin_ok(bad), "{bad}");
        }
        // a server bound to all interfaces still needs its public name on the list
        let any = HostPolicy::new("0.0.0.0:80".parse().unwrap(), &[]);
        assert!(any.host_ok("localhost") && !any.host_ok("0.0.0.0") && !any.host_ok("192.0.2.7"));
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same_secret(a.as_bytes(), a.clone().as_bytes()));
        assert!(!same_secret(a.as_bytes(), b.as_bytes()));
        assert!(!same_secret(a.as_bytes(), &a.as_bytes()[..31]));
    }
}

//! A tiny W3C WebDriver client for the browser tests: starts `chromedriver --port=0`, opens one headless
//! Chromium session and speaks WebDriver's JSON over plain HTTP/1.1 on `std::net` (serde_json is already
//! a dependency; no HTTP or WebDriver crate is needed for the dozen commands the tests use).
//!
//! Chromium and chromedriver are found on PATH (`chromium`, `chromium-browser`, `google-chrome`;
//! `chromedriver`) or named by `$ACCORD_CHROMIUM` and `$ACCORD_CHROMEDRIVER`; `.ci/install-chromium`
//! installs Debian's `chromium` and `chromium-driver`.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key WebDriver's "send keys" reads as Enter.
pub const ENTER: &str = "\u{E007}";
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver element reference.
#[derive(Clone, Debug)]
pub struct Elem(pub String);

impl Elem {
    fn json(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }
}

/// Where a program is, when it runs with `--version`.
fn runnable(names: &[String]) -> Option<String> {
    names
        .iter()
        .filter(|n| !n.is_empty())
        .find_map(|b| Command::new(b).arg("--version").output().ok().filter(|o| o.status.success()).map(|_| b.clone()))
}

/// The browser and driver binaries, or a sentence saying which is missing.
pub fn find_tools() -> Result<(String, String), String> {
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let browsers = [env("ACCORD_CHROMIUM"), "chromium".into(), "chromium-browser".into(), "google-chrome".into()];
    let drivers = [env("ACCORD_CHROMEDRIVER"), "chromedriver".into(), "chromium-driver".into()];
    match (runnable(&browsers), runnable(&drivers)) {
        (Some(b), Some(d)) => Ok((b, d)),
        (None, _) => Err("chromium not found (install it with .ci/install-chromium)".into()),
        (_, None) => Err("chromedriver not found (install chromium-driver with .ci/install-chromium)".into()),
    }
}

/// One chromedriver process with one browser session; both end on drop.
pub struct Driver {
    child: Child,
    profile: PathBuf,
    port: u16,
    session: String,
    /// Screenshots go here when `$ACCORD_UI_SCREENSHOTS` names a folder.
    shots: Option<PathBuf>,
}

impl Driver {
    /// Starts chromedriver and a headless Chromium with a fresh profile under `profile`, its window
    /// `width`×`height` CSS pixels.
    pub fn start(browser: &str, driver: &str, profile: &Path, width: u32, height: u32) -> Driver {
        let mut child = Command::new(driver)
            .args(["--port=0", "--log-level=SEVERE"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver}: {e}"));
        // "ChromeDriver was started successfully on port 40713."
        let mut out = BufReader::new(child.stdout.take().expect("chromedriver stdout"));
        let mut port = None;
        let mut seen = String::new();
        for _ in 0..20 {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            seen.push_str(&line);
            if let Some(p) = line.split("started successfully on port ").nth(1) {
                port = p.trim().trim_end_matches('.').parse::<u16>().ok();
                break;
            }
        }
        // keep draining its stdout so that it never blocks or dies on a closed pipe
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut out, &mut std::io::sink());
        });
        let Some(port) = port else {
            let _ = child.kill();
            panic!("chromedriver did not report its port:\n{seen}");
        };
        std::fs::create_dir_all(profile).unwrap();
        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--disable-dev-shm-usage".into(),
            "--hide-scrollbars".into(),
            "--force-device-scale-factor=1".into(),
            format!("--user-data-dir={}", profile.display()),
            format!("--window-size={width},{height}"),
        ];
        let mut d = Driver {
            child,
            profile: profile.to_path_buf(),
            port,
            session: String::new(),
            shots: std::env::var_os("ACCORD_UI_SCREENSHOTS").map(PathBuf::from),
        };
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": which(browser), "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
            "timeouts": {"pageLoad": 60000, "script": 30000, "implicit": 0},
        }}});
        // the first start of a browser on a loaded machine can be slow: a second try is allowed
        let mut last = String::new();
        for _ in 0..2 {
            match d.call("POST", "/session", Some(caps.clone())) {
                Ok(v) => {
                    d.session = v["sessionId"].as_str().expect("session id").to_string();
                    d.set_window(width, height);
                    return d;
                }
                Err(e) => last = e,
            }
        }
        panic!("cannot open a browser session: {last}");
    }

    /// One WebDriver command; returns its `value` or the error it reported.
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let body = body.map(|b| b.to_string());
        let (status, payload) = http(&format!("127.0.0.1:{}", self.port), method, path, body.as_deref())?;
        let v: Value = serde_json::from_slice(&payload)
            .map_err(|e| format!("{method} {path}: {e}: {}", String::from_utf8_lossy(&payload)))?;
        if status == 200 {
            Ok(v["value"].clone())
        } else {
            Err(format!("{method} {path}: HTTP {status}: {} — {}", v["value"]["error"], v["value"]["message"]))
        }
    }

    fn s(&self, cmd: &str) -> String {
        format!("/session/{}{cmd}", self.session)
    }

    fn cmd(&self, method: &str, cmd: &str, body: Option<Value>) -> Value {
        self.call(method, &self.s(cmd), body).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Resizes the window (CSS pixels of the whole window; headless has no browser frame).
    pub fn set_window(&self, width: u32, height: u32) {
        self.cmd("POST", "/window/rect", Some(json!({"width": width, "height": height})));
    }

    /// Loads `url`.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    /// The current URL.
    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None).as_str().unwrap_or("").to_string()
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns what it returns.
    pub fn exec(&self, script: &str, args: Vec<Value>) -> Value {
        self.cmd("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// The first element matching a CSS selector, if any.
    pub fn find(&self, css: &str) -> Option<Elem> {
        match self.call("POST", &self.s("/element"), Some(json!({"using": "css selector", "value": css}))) {
            Ok(v) => v[ELEMENT_KEY].as_str().map(|s| Elem(s.to_string())),
            Err(e) if e.contains("no such element") => None,
            Err(e) => panic!("{e}"),
        }
    }

    /// Every element matching a CSS selector.
    pub fn find_all(&self, css: &str) -> Vec<Elem> {
        let v = self.cmd("POST", "/elements", Some(json!({"using": "css selector", "value": css})));
        v.as_array()
            .map(|a| a.iter().filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Elem(s.to_string()))).collect())
            .unwrap_or_default()
    }

    /// Waits (up to 30 s) for an element matching `css`.
    pub fn wait(&self, css: &str) -> Elem {
        let t = Instant::now();
        loop {
            if let Some(e) = self.find(css) {
                return e;
            }
            if t.elapsed() > Duration::from_secs(30) {
                panic!("no element {css:?} after 30 s on {}:\n{}", self.url(), self.body_text());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits (up to 30 s) until the JavaScript expression `expr` is truthy.
    pub fn wait_for(&self, expr: &str) {
        let t = Instant::now();
        let script = format!("return !!({expr});");
        while !self.exec(&script, vec![]).as_bool().unwrap_or(false) {
            if t.elapsed() > Duration::from_secs(30) {
                panic!("still false after 30 s on {}: {expr}\n{}", self.url(), self.body_text());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the app finished rendering a view (`#app[data-state=ready]`).
    pub fn wait_ready(&self) {
        // ready, and for the current hash: the hash changes before the router runs, while the previous
        // view still says ready
        self.wait_for(
            "(() => { const a = document.getElementById('app'); \
             return a && a.dataset.state === 'ready' && a.dataset.route === (location.hash.replace(/^#/, '') || '/'); })()",
        );
    }

    /// Clicks an element (scrolled into view first, as a person would).
    pub fn click(&self, e: &Elem) {
        self.cmd("POST", &format!("/element/{}/click", e.0), Some(json!({})));
    }

    /// Types `text` into an element.
    pub fn type_into(&self, e: &Elem, text: &str) {
        self.cmd("POST", &format!("/element/{}/value", e.0), Some(json!({ "text": text })));
    }

    /// Empties an input.
    pub fn clear(&self, e: &Elem) {
        self.cmd("POST", &format!("/element/{}/clear", e.0), Some(json!({})));
    }

    /// The rendered text of an element.
    pub fn text(&self, e: &Elem) -> String {
        self.cmd("GET", &format!("/element/{}/text", e.0), None).as_str().unwrap_or("").to_string()
    }

    /// An attribute of an element.
    pub fn attr(&self, e: &Elem, name: &str) -> Option<String> {
        self.cmd("GET", &format!("/element/{}/attribute/{name}", e.0), None).as_str().map(str::to_string)
    }

    /// Whether the element is displayed.
    pub fn displayed(&self, e: &Elem) -> bool {
        self.cmd("GET", &format!("/element/{}/displayed", e.0), None).as_bool().unwrap_or(false)
    }

    /// The element's box in the viewport: (left, top, width, height) in CSS pixels.
    pub fn viewport_rect(&self, e: &Elem) -> (f64, f64, f64, f64) {
        let v = self.exec(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];",
            vec![e.json()],
        );
        let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
        (n(0), n(1), n(2), n(3))
    }

    /// The page's visible text.
    pub fn body_text(&self) -> String {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": "return document.body.innerText", "args": []})),
        )
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
    }

    fn pointer(&self, actions: Vec<Value>) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": actions}]})),
        );
    }

    /// Moves the mouse to a point of an element, given as fractions of its width and height.
    pub fn hover(&self, e: &Elem, fx: f64, fy: f64) {
        let (_, _, w, h) = self.viewport_rect(e);
        let (x, y) = (((fx - 0.5) * w) as i64, ((fy - 0.5) * h) as i64);
        self.pointer(vec![json!({"type": "pointerMove", "duration": 0, "origin": e.json(), "x": x, "y": y})]);
    }

    /// Clicks a point of an element, given as fractions of its width and height.
    pub fn click_at(&self, e: &Elem, fx: f64, fy: f64) {
        self.hover(e, fx, fy);
        self.pointer(vec![
            json!({"type": "pointerDown", "button": 0}),
            json!({"type": "pause", "duration": 50}),
            json!({"type": "pointerUp", "button": 0}),
        ]);
    }

    /// Drags the mouse across an element from one point to another (fractions of its size).
    pub fn drag(&self, e: &Elem, from: (f64, f64), to: (f64, f64)) {
        let (_, _, w, h) = self.viewport_rect(e);
        let at = |(fx, fy): (f64, f64)| (((fx - 0.5) * w) as i64, ((fy - 0.5) * h) as i64);
        let (a, b) = (at(from), at(to));
        let mut steps = vec![
            json!({"type": "pointerMove", "duration": 0, "origin": e.json(), "x": a.0, "y": a.1}),
            json!({"type": "pointerDown", "button": 0}),
        ];
        for k in 1..=5 {
            let x = a.0 + (b.0 - a.0) * k / 5;
            let y = a.1 + (b.1 - a.1) * k / 5;
            steps.push(json!({"type": "pointerMove", "duration": 30, "origin": e.json(), "x": x, "y": y}));
        }
        steps.push(json!({"type": "pointerUp", "button": 0}));
        self.pointer(steps);
    }

    /// The browser console since the last call (level, message), through chromedriver's log endpoint.
    pub fn console(&self) -> Vec<(String, String)> {
        match self.call("POST", &self.s("/se/log"), Some(json!({"type": "browser"}))) {
            Ok(v) => v
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| {
                            (
                                e["level"].as_str().unwrap_or("").to_string(),
                                e["message"].as_str().unwrap_or("").to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Err(e) => panic!("cannot read the browser console: {e}"),
        }
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.cmd("GET", "/screenshot", None);
        base64_decode(b64.as_str().expect("base64 screenshot"))
    }

    /// Saves a screenshot as `name.png` when `$ACCORD_UI_SCREENSHOTS` names a folder.
    pub fn shot(&self, name: &str) {
        if let Some(dir) = &self.shots {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(format!("{name}.png")), self.screenshot()).unwrap();
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // a browser whose session never reached us (a timeout while it started) outlives chromedriver:
        // end the processes started with this test's own profile folder, by id
        let mark = format!("--user-data-dir={}", self.profile.display());
        for pid in browser_pids(&mark) {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        }
    }
}

/// Processes whose command line holds `arg` exactly (Linux /proc; none elsewhere).
fn browser_pids(arg: &str) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return vec![] };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| c.split(|&b| b == 0).any(|a| a == arg.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

/// The absolute path of a program on PATH (chromedriver wants the browser's path).
fn which(bin: &str) -> String {
    if bin.contains('/') {
        return bin.to_string();
    }
    std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join(bin)).find(|f| f.is_file()))
        .map(|f| f.display().to_string())
        .unwrap_or_else(|| bin.to_string())
}

/// One HTTP/1.1 request to `addr`; returns the status and the body. The body is read by its
/// Content-Length (chromedriver keeps the connection open despite `Connection: close`), by chunks
/// (tiny_http chunks large answers) or to the end.
pub fn http(addr: &str, method: &str, path: &str, body: Option<&str>) -> Result<(u16, Vec<u8>), String> {
    let err = |e: std::io::Error| format!("{method} http://{addr}{path}: {e}");
    let mut s = TcpStream::connect(addr).map_err(err)?;
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let body = body.unwrap_or("");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).and_then(|()| s.write_all(body.as_bytes())).map_err(err)?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16384];
    let (split, want) = loop {
        let n = s.read(&mut chunk).map_err(err)?;
        if n == 0 {
            return Err(format!("{method} http://{addr}{path}: connection closed before a reply"));
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..p]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            break (p, len);
        }
    };
    match want {
        Some(len) => {
            while buf.len() < split + 4 + len {
                let n = s.read(&mut chunk).map_err(err)?;
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
        }
        None => {
            let _ = s.read_to_end(&mut buf);
        }
    }
    let headers = String::from_utf8_lossy(&buf[..split]).to_ascii_lowercase();
    let status: u16 = headers.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let mut payload = buf[split + 4..].to_vec();
    if want.is_none() && headers.contains("transfer-encoding: chunked") {
        payload = dechunk(&payload);
    }
    Ok((status, payload))
}

fn dechunk(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(nl) = b[i..].windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[i..i + nl]).trim(), 16).unwrap_or(0);
        i += nl + 2;
        if size == 0 || i + size > b.len() {
            break;
        }
        out.extend_from_slice(&b[i..i + size]);
        i += size + 2;
    }
    out
}

/// Standard base64 (screenshots).
pub fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

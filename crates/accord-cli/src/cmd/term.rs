//! Terminal conventions shared by every subcommand: verbosity (`-q`/`-v`, `RUST_LOG`), colour (`NO_COLOR`,
//! only on a terminal), progress bars (on a terminal, on standard error, never when quiet or piped), and
//! the terminal's width with wide characters measured as they display.

use std::io::IsTerminal;
use std::sync::OnceLock;

static QUIET: OnceLock<bool> = OnceLock::new();

/// Sets up logging to standard error: `RUST_LOG` when set, else warnings (`-q`: errors only; `-v`: info;
/// `-vv`: debug; `-vvv`: trace).
pub fn init(quiet: bool, verbose: u8) {
    let _ = QUIET.set(quiet);
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("accord={level},accord_server={level}")));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color_allowed(&std::io::stderr()))
        .without_time()
        .with_target(false)
        .try_init();
}

/// True when `-q` was given.
pub fn quiet() -> bool {
    QUIET.get().copied().unwrap_or(false)
}

/// True when colour may be written to `stream`: it is a terminal and `NO_COLOR` is unset or empty.
pub fn color_allowed(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A progress bar over `len` items (`unit`: "files", "articles", ...) drawn on standard error when it is
/// a terminal and `-q` was not given; otherwise a hidden bar (every call on it is a no-op).
pub fn progress(len: u64, unit: &str) -> indicatif::ProgressBar {
    if quiet() || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new(len);
    let template = format!("{{bar:30}} {{pos}}/{{len}} {unit}  {{msg}}  [{{elapsed_precise}}]");
    b.set_style(
        indicatif::ProgressStyle::with_template(&template).unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b
}

/// A spinner with a message for work of unknown length (training steps), hidden like [`progress`].
pub fn spinner(msg: &str) -> indicatif::ProgressBar {
    if quiet() || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new_spinner();
    b.set_message(msg.to_string());
    b.enable_steady_tick(std::time::Duration::from_millis(200));
    b
}

/// Columns of the terminal on standard output (`COLUMNS` first, then the terminal itself, else 120),
/// kept within 60..=240.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let from_tty = || terminal_size::terminal_size().map(|(w, _)| w.0 as usize);
    from_env.or_else(from_tty).unwrap_or(120).clamp(60, 240)
}

/// Display width of `s` in terminal columns (CJK and other wide characters count two).
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to at most `cols` display columns, with `…` when cut.
pub fn truncate(s: &str, cols: usize) -> String {
    if display_width(s) <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > cols {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `cols` display columns.
pub fn pad(s: &str, cols: usize) -> String {
    let w = display_width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("北京"), 4);
        assert_eq!(display_width(&pad("北京", 6)), 6);
        let t = truncate("北京市北京市", 7);
        assert!(display_width(&t) <= 7, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(truncate("short", 10), "short");
    }
}

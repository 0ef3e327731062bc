//! The web UI in real headless Chromium, driven through WebDriver (chromedriver) as a person uses it:
//! typing a search and pressing Enter, clicking a result, clicking highlighted spans in an article,
//! following links, hovering over and dragging across charts, filling in filter forms. Each test builds
//! its own knowledge base (the shared fixtures plus a few dozen dated articles, so that the charts have
//! dense days and several weeks) and serves it with `accord serve --read-only`.
//!
//! Without Chromium or chromedriver the tests are skipped with a printed reason, except under `CI=true`,
//! where they fail (`.ci/install-chromium` installs both). Set `ACCORD_UI_SCREENSHOTS=DIR` to keep PNG
//! screenshots of the main steps.
#[path = "kb_util.rs"]
mod kb_util;
#[path = "support/webdriver.rs"]
mod webdriver;

use kb_util::*;
use serde_json::{json, Value};
use std::path::Path;
use webdriver::{Driver, ENTER};

/// Speakers of the generated articles: (name, description, surname).
const PEOPLE: [(&str, &str, &str); 4] = [
    ("Jane Doe", "the mayor of Springfield", "Doe"),
    ("John Roe", "a spokesman for the army", "Roe"),
    ("Mary Major", "the health minister", "Major"),
    ("Tom Baker", "the head of the teachers' union", "Baker"),
];
const SAYINGS: [&str; 12] = [
    "We will rebuild every school that the flood destroyed",
    "Nobody in this city should wait a year for a doctor",
    "The budget leaves no room for new promises",
    "Our soldiers are ready to hold the northern border",
    "Hospitals need nurses more than they need new buildings",
    "Teachers have not had a raise in six years",
    "The river will be clean enough to swim in by summer",
    "Every family deserves a safe street to walk home on",
    "We are asking the courts to stop the eviction orders",
    "The talks broke down because nobody wanted to compromise",
    "Farmers cannot plant until the bridge is repaired",
    "This agreement is the best deal we could get",
];
const ASIDES: [&str; 12] = [
    "The council will meet again next month to review the plan.",
    "Critics argued that the figures were outdated and incomplete.",
    "Several residents attended the hearing at the town hall.",
    "The opposition called for an independent audit of the accounts.",
    "Officials declined to give a timetable for the repairs.",
    "A survey last year found broad support for the proposal.",
    "Union members are expected to vote on the offer this week.",
    "The regional government has promised to cover part of the cost.",
    "Local businesses said the closures had hurt their sales.",
    "Independent experts questioned whether the target was realistic.",
    "The ministry published its own estimate later in the day.",
    "Protesters gathered outside the parliament building.",
];
const OUTLETS: [&str; 3] = ["Gazette", "Herald", "Courier"];

/// A line of filler for the long article, different on every line.
fn filler(k: usize) -> String {
    let subjects = ["The committee", "A local historian", "The harbour master", "Engineers", "The archive", "Visitors"];
    let verbs = ["described", "examined", "recorded", "photographed", "measured", "catalogued"];
    let objects = ["the old pier", "the stone walls", "the tide tables", "the ferry timetable", "the fishing fleet"];
    format!(
        "{} {} {} near marker {} of the coast survey, as paragraph {k} of the report explains.",
        subjects[k % subjects.len()],
        verbs[(k / 2) % verbs.len()],
        objects[(k / 3) % objects.len()],
        k * 7 + 3
    )
}

/// The shared fixtures plus 48 dated articles over eleven weeks (several on some days) and one long
/// article whose only quote sits far down the page.
fn write_ui_fixtures(dir: &Path) -> std::path::PathBuf {
    let input = write_fixtures(dir);
    let mut lines = Vec::new();
    for i in 0..48usize {
        // days 0..76 of 2024 from 8 January, three articles on each of the days divisible by 5
        let day = (i * 37) % 77;
        let date = date_2024(8 + day as u32);
        let (name, desc, surname) = PEOPLE[i % PEOPLE.len()];
        // no two articles share speaker, saying and asides, so none is taken for a wire copy of another
        let saying = SAYINGS[(i * 5 + i / 12) % SAYINGS.len()];
        let injured = 10 + (i % 7) * 4;
        let text = format!(
            "{name}, {desc}, said on {date} that the plan would go ahead. “{saying},” {surname} said. \
The health ministry said {injured} people were injured in the storm. {} {}",
            ASIDES[(i + i / 12 * 5) % ASIDES.len()],
            ASIDES[(i * 7 + 3 + i / 12) % ASIDES.len()]
        );
        lines.push(json!({"id": format!("ui{i}"), "text": text, "date": date, "source": OUTLETS[i % 3],
            "title": format!("{surname} on the plan ({i})")}));
    }
    let mut long: Vec<String> = (0..40).map(filler).collect();
    long.push("Jane Doe, the mayor of Springfield, said the lighthouse would be restored. “The lighthouse will shine again before the winter storms arrive, whatever the cost,” Doe said.".into());
    long.extend((40..55).map(filler));
    // a quote taller than a small window
    long.push(
        "“The harbour wall was built by our grandparents with their own hands, stone by stone, through \
winters that broke the boats and summers that dried the wells, and every family in this town owes its living to that \
wall, so when the engineers tell us it cannot be saved we will find other engineers, and when the ministry tells us \
there is no money we will find the money ourselves, because a town that lets the sea take its harbour has decided \
that it no longer wants to be a town at all, and we have decided no such thing, not this year and not in any \
year that our children or their children will live to see, whatever the storms of the coming winters may bring to \
our doors, whatever the insurers and the auditors write in their reports, and whatever the newspapers in the capital \
choose to say about a small place that most of them could not find on a map,” Doe said."
            .into(),
    );
    long.extend((55..70).map(filler));
    lines.push(json!({"id": "long", "text": long.join("\n\n"), "date": "2024-03-20", "source": "Gazette",
        "title": "The lighthouse survey"}));
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(input.join("ui-news.jsonl"), body).unwrap();
    input
}

/// `YYYY-MM-DD` of the `day`-th day of 2024 (January to April).
fn date_2024(day: u32) -> String {
    let months = [31, 29, 31, 30];
    let (mut m, mut d) = (0, day);
    while d > months[m] {
        d -= months[m];
        m += 1;
    }
    format!("2024-{:02}-{d:02}", m + 1)
}

/// Days since 1970-01-01 of a timeline date: `YYYY-MM-DD`; `YYYY-MM` and `YYYY` on their first day;
/// `YYYY-Www` on the Monday of that ISO week (where the charts draw them).
fn day_number(date: &str) -> i64 {
    let num = |s: &str| s.parse::<i64>().unwrap_or_else(|_| panic!("bad date {date:?}"));
    let days = |y: i64, m: i64, d: i64| {
        // days from civil (Howard Hinnant's algorithm)
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468
    };
    let p: Vec<&str> = date.split('-').collect();
    match p.as_slice() {
        [y, w] if w.starts_with('W') => {
            let jan4 = days(num(y), 1, 4);
            jan4 - (jan4 + 3).rem_euclid(7) + (num(&w[1..]) - 1) * 7
        }
        [y] => days(num(y), 1, 1),
        [y, m] => days(num(y), num(m), 1),
        [y, m, d] => days(num(y), num(m), num(d)),
        _ => panic!("bad date {date:?}"),
    }
}

/// A served knowledge base and a browser, or `None` (skip) when the browser tools are missing.
struct Ui {
    srv: Served,
    base: String,
    d: Driver,
    _tmp: tempfile::TempDir,
}

fn ui(test: &str, width: u32, height: u32) -> Option<Ui> {
    ui_with(test, width, height, |dir| {
        let input = write_ui_fixtures(dir);
        let db = dir.join("db");
        let out = run(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
        // the shared fixtures hold three bad inputs (reported, so the exit status is not 0); ours must all go in
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("ui-news.jsonl") && db.exists(), "ingest: {err}");
        db
    })
}

/// [`ui`] over the knowledge base `build` makes in the given folder (returning its path).
fn ui_with(test: &str, width: u32, height: u32, build: impl FnOnce(&Path) -> std::path::PathBuf) -> Option<Ui> {
    let (browser, driver) = match webdriver::find_tools() {
        Ok(t) => t,
        Err(why) if in_ci() => panic!("{why} under CI=true"),
        Err(why) => {
            eprintln!("skipping {test}: {why}");
            return None;
        }
    };
    let tmp = tempfile::tempdir().unwrap();
    let db = build(tmp.path());
    let srv = serve(&db, &["--read-only"]);
    let base = format!("http://{}/", srv.addr);
    let d = Driver::start(&browser, &driver, &tmp.path().join("profile"), width, height);
    Some(Ui { srv, base, d, _tmp: tmp })
}

impl Ui {
    /// GET an API path, asserting 200 (kb_util's `get_json` does not read chunked answers).
    fn api(&self, path: &str) -> Value {
        let (code, body) = webdriver::http(&self.srv.addr, "GET", path, None).unwrap_or_else(|e| panic!("{e}"));
        let body = String::from_utf8_lossy(&body);
        assert_eq!(code, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }

    /// No script errors, failed loads or Content-Security-Policy violations in the console.
    fn assert_console_clean(&self) {
        let bad: Vec<_> = self.d.console().into_iter().filter(|(level, _)| level == "SEVERE").collect();
        assert!(bad.is_empty(), "browser console errors: {bad:#?}");
    }

    /// Types a query into the header's search box and presses Enter.
    fn search(&self, q: &str) {
        let input = self.d.wait("#search-input");
        self.d.clear(&input);
        self.d.type_into(&input, &format!("{q}{ENTER}"));
        let want = format!("#/search?q={}", q.replace(' ', "+"));
        self.d.wait_for(&format!("location.hash === {:?}", want));
        self.d.wait_ready();
    }

    /// The rows of the visible (not zoomed-out) timeline table.
    fn visible_rows(&self) -> Vec<String> {
        let v = self.d.exec(
            "return Array.from(document.querySelectorAll('table.timeline tr[data-date]')).filter(r => !r.hidden).map(r => r.dataset.date)",
            vec![],
        );
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    }

    /// Hovers across a chart from left to right until its tooltip's text satisfies `want`; returns the
    /// fraction of the width where it did and the tooltip's text.
    fn hover_until(&self, chart_css: &str, want: impl Fn(&str) -> bool) -> (f64, String) {
        let over = self.d.wait(&format!("{chart_css} .u-over"));
        let tip = self.d.wait(&format!("{chart_css} .chart-tip"));
        let mut seen = Vec::new();
        for k in 1..40 {
            let fx = k as f64 / 40.0;
            self.d.hover(&over, fx, 0.7);
            let text = if self.d.displayed(&tip) { self.d.text(&tip) } else { String::new() };
            if want(&text) {
                return (fx, text);
            }
            seen.push(text);
        }
        panic!("no tooltip as wanted over {chart_css}; saw {seen:#?}");
    }
}

/// The y coordinates a box must stay within to be seen: below the sticky header, above the window's end.
fn assert_in_view(u: &Ui, what: &str, css_first: &str, css_last: &str) {
    let head = u.d.wait("header.top");
    let (_, htop, _, hh) = u.d.viewport_rect(&head);
    let first = u.d.wait(css_first);
    let last = u.d.find_all(css_last).pop().unwrap();
    let (_, top, _, _) = u.d.viewport_rect(&first);
    let (_, ltop, _, lh) = u.d.viewport_rect(&last);
    let inner = u.d.exec("return window.innerHeight", vec![]).as_f64().unwrap();
    assert!(top >= htop + hh - 1.0, "{what} starts at y={top}, under the header that ends at y={}", htop + hh);
    assert!(ltop + lh <= inner + 1.0, "{what} ends at y={} below the window's bottom {inner}", ltop + lh);
}

#[test]
fn search_open_a_quote_click_its_spans_and_follow_the_speaker() {
    let Some(u) = ui("search_open_a_quote_click_its_spans_and_follow_the_speaker", 1280, 800) else { return };
    let d = &u.d;
    d.goto(&u.base);
    d.wait_ready();
    assert!(d.body_text().contains("Knowledge base"), "{}", d.body_text());

    // 1. search for a speaker by typing in the header's box and pressing Enter
    u.search("Doe");
    let cards = d.find_all(".quote-card");
    assert!(!cards.is_empty(), "no quote cards for Doe: {}", d.body_text());
    let whos: Vec<String> = d.find_all(".quote-card .who").iter().map(|w| d.text(w)).collect();
    let api = u.api("/api/search?q=Doe&limit=30");
    assert_eq!(cards.len(), api["quotes"].as_array().unwrap().len(), "cards vs API quotes");
    assert!(whos.iter().any(|w| w.contains("Doe")), "no card by Doe: {whos:?}");
    d.shot("1-search");

    // 2. a second search, for words of the long article's quote; open the quote from its card
    u.search("lighthouse shine");
    let card = d.wait(".quote-card");
    assert!(d.text(&card).contains("lighthouse will shine"), "{}", d.text(&card));
    let qid = d.attr(&card, "data-quote").unwrap();
    d.click(&d.wait(".quote-card .open-quote"));
    d.wait_for(&format!("location.hash === '#/quote/{qid}'"));
    d.wait_ready();
    let hl = d.wait("#article-text .hl-target");
    let quote = u.api(&format!("/api/quotes/{qid}"));
    let marked = d
        .exec(
            "return Array.from(document.querySelectorAll('#article-text .hl-target')).map(m => m.textContent).join('')",
            vec![],
        )
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        marked.contains(quote["content"].as_str().unwrap().trim_matches(|c| c == '“' || c == '”' || c == ',')),
        "highlight {marked:?} is not the quote {}",
        quote["content"]
    );
    // the quote is far down the article: the page scrolled to it, and it is not under the sticky header
    let y = d.exec("return window.scrollY", vec![]).as_f64().unwrap();
    assert!(y > 200.0, "the page did not scroll to the quote (scrollY {y})");
    assert_in_view(&u, "the highlighted quote", "#article-text .hl-target", "#article-text .hl-target");
    d.shot("2-quote");

    // 3. click the highlighted span: its record appears in the side panel, with the speaker
    d.click(&hl);
    let side = d.wait(".side .d-quote");
    let record = d.text(&side);
    assert!(record.contains(&format!("Quote {}", quote["local_id"].as_str().unwrap())), "{record}");
    assert!(record.contains("Speaker: Jane Doe"), "{record}");
    assert!(record.contains("lighthouse will shine"), "{record}");
    assert_in_view(&u, "the side panel", ".side", ".side");
    // a span that is only an entity shows the entity's record instead
    let ent = d.wait("#article-text mark[data-kinds=entity]");
    let name = d.text(&ent);
    d.click(&ent);
    d.wait_for("!document.querySelector('.side .d-quote')");
    let record = d.text(&d.wait(".side"));
    assert!(record.contains(": ") && d.find(".side .d-item").is_some(), "entity record: {record:?} for {name:?}");
    d.shot("3-spans");

    // 4. back on the quote's span, follow the speaker to the entity page and its chart of quotes per week
    d.click(&d.wait("#article-text .hl-target"));
    d.click(&d.wait(".side .speaker-link"));
    d.wait_for("location.hash.startsWith('#/entity/')");
    d.wait_ready();
    assert_eq!(d.text(&d.wait(".entity-name")), "Jane Doe");
    let eid: i64 = d.url().rsplit('/').next().unwrap().parse().unwrap();
    let e = u.api(&format!("/api/entities/{eid}"));
    d.wait("#entity-chart canvas");
    let theirs = u.api(&format!("/api/quotes?speaker={}&limit=1000", "Jane+Doe"));
    let mine: Vec<&Value> = theirs.as_array().unwrap().iter().filter(|q| q["speaker_entity"] == eid).collect();
    assert_eq!(mine.len() as i64, e["quote_count"].as_i64().unwrap());
    let dated = mine.iter().filter(|q| q["date"].is_string()).count();
    let note = d.text(&d.wait(".chart-note"));
    assert!(note.starts_with(&format!("{dated} dated quotes")), "{note} vs {dated} of {}", mine.len());
    if dated < mine.len() {
        assert!(note.contains(&format!("; {} without a date are left out", mine.len() - dated)), "{note}");
    }
    assert_eq!(d.find_all("#entity-chart .u-axis").len(), 2, "x and y axes");
    // hover over the weeks until one with quotes shows in the tooltip, then click it to list them
    let (fx, tip) = u.hover_until("#entity-chart", |t| t.starts_with("Week of") && !t.contains(": 0 quotes"));
    let n: usize = tip.split(": ").nth(1).and_then(|s| s.split(' ').next()).and_then(|s| s.parse().ok()).unwrap();
    d.shot("4-entity");
    d.click_at(&d.wait("#entity-chart .u-over"), fx, 0.7);
    d.wait(".week-quotes h2");
    let week = d.text(&d.wait(".week-quotes h2"));
    assert!(week.starts_with(tip.split(':').next().unwrap()) && week.ends_with(&format!("({n})")), "{week} vs {tip}");
    assert_eq!(d.find_all(".week-quotes .quote-card").len(), n);
    u.assert_console_clean();
}

#[test]
fn timeline_filter_tooltip_zoom_and_claims_chart() {
    let Some(u) = ui("timeline_filter_tooltip_zoom_and_claims_chart", 1280, 900) else { return };
    let d = &u.d;
    d.goto(&u.base);
    d.wait_ready();

    // 1. the timeline from the header's link: a chart with axes and a table with every item
    d.click(&d.wait("header nav a[href='#/timeline']"));
    d.wait_for("location.hash === '#/timeline'");
    d.wait_ready();
    d.wait("#timeline-chart canvas");
    assert_eq!(d.find_all("#timeline-chart .u-axis").len(), 2, "x and y axes");
    let all = u.api("/api/timeline?limit=500");
    let n_all = all.as_array().unwrap().len();
    assert!(n_all >= 48, "{n_all} timeline items");
    assert_eq!(u.visible_rows().len(), n_all);
    let days: std::collections::BTreeSet<i64> =
        all.as_array().unwrap().iter().map(|i| day_number(i["date"].as_str().unwrap())).collect();
    let points = d.attr(&d.wait("#timeline-chart"), "data-points").unwrap();
    assert_eq!(points, days.len().to_string(), "one bar per day: {days:?}");

    // 2. the tooltip names the day under the cursor and what happened on it
    let (at, tip) = u.hover_until("#timeline-chart", |t| t.contains("quote") && t.lines().count() >= 3);
    let day = &tip[..10];
    let same_day = |i: &&Value| day_number(i["date"].as_str().unwrap()) == day_number(day);
    let on_day = all.as_array().unwrap().iter().filter(same_day).count();
    let quotes_on_day = all.as_array().unwrap().iter().filter(same_day).filter(|i| i["kind"] == "quote").count();
    assert!(
        tip.starts_with(&format!("{day}: {quotes_on_day} quote")),
        "tooltip {tip:?}, API has {quotes_on_day} quotes of {on_day} items on {day}"
    );
    d.shot("5-timeline-tooltip");

    // 3. dragging across the chart zooms in; the table keeps only the days in view; Reset zooms out
    // find where February and March 2024 are by their tooltips, then drag from one to the other
    let (feb, _) = u.hover_until("#timeline-chart", |t| t.starts_with("2024-02"));
    let (mar, _) = u.hover_until("#timeline-chart", |t| t.starts_with("2024-03"));
    let over = d.wait("#timeline-chart .u-over");
    d.drag(&over, (feb, 0.5), (mar, 0.5));
    d.wait_for("document.getElementById('timeline-chart').dataset.zoomed === '1'");
    let range = d.text(&d.wait("#timeline-chart .chart-range"));
    let shown = u.visible_rows();
    assert!(!shown.is_empty() && shown.len() < n_all, "{} of {n_all} rows after zooming", shown.len());
    let (from, to) = (&range["Showing ".len()..][..10], &range[range.len() - 10..]);
    let (lo, hi) = (day_number(from), day_number(to));
    assert!(shown.iter().all(|s| (lo..=hi).contains(&day_number(s))), "{range}: {shown:?}");
    let inside =
        all.as_array().unwrap().iter().filter(|i| (lo..=hi).contains(&day_number(i["date"].as_str().unwrap())));
    assert_eq!(shown.len(), inside.count(), "every item of {range} is shown");
    let count = d.text(&d.wait(".timeline-count"));
    assert_eq!(count, format!("Showing {} of {n_all} items (zoomed)", shown.len()));
    d.shot("6-timeline-zoomed");
    let reset = d.wait("#timeline-chart .chart-reset");
    assert!(d.displayed(&reset));
    d.click(&reset);
    d.wait_for("document.getElementById('timeline-chart').dataset.zoomed === '0'");
    assert_eq!(u.visible_rows().len(), n_all);
    assert!(!d.displayed(&reset));
    // a click on that day's bar marks its rows in the table
    d.click_at(&d.wait("#timeline-chart .u-over"), at, 0.7);
    d.wait("table.timeline tr.picked");
    let picked = d.exec(
        "return Array.from(document.querySelectorAll('table.timeline tr.picked')).map(r => r.dataset.date)",
        vec![],
    );
    let picked: Vec<&str> = picked.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(picked.len(), on_day, "picked rows {picked:?} for {day}");
    assert!(picked.iter().all(|p| day_number(p) == day_number(day)), "{picked:?} vs {day}");

    // 4. filter by entity with the form: the URL, the table and the chart follow
    let field = d.wait("form.filter input[name=entity]");
    d.type_into(&field, &format!("Mary Major{ENTER}"));
    d.wait_for("location.hash === '#/timeline?entity=Mary+Major'");
    d.wait_ready();
    let some = u.api("/api/timeline?entity=Mary+Major&limit=500");
    let some = some.as_array().unwrap();
    assert!(!some.is_empty() && some.len() < n_all, "{} of {n_all}", some.len());
    assert_eq!(u.visible_rows().len(), some.len());
    let speakers = d.exec(
        "return Array.from(document.querySelectorAll('table.timeline tr[data-kind=quote] td:nth-child(3)')).map(t => t.textContent)",
        vec![],
    );
    let speakers: Vec<&str> = speakers.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert!(!speakers.is_empty() && speakers.iter().all(|s| *s == "Mary Major"), "{speakers:?}");
    d.wait("#timeline-chart canvas");

    // 5. the claims ledger from the header: a chart per counted quantity with a legend of sources
    d.click(&d.wait("header nav a[href='#/claims']"));
    d.wait_for("location.hash === '#/claims'");
    d.wait_ready();
    let groups = u.api("/api/claims");
    let groups = groups.as_array().unwrap();
    assert!(!groups.is_empty(), "no claims in the fixtures");
    let charts = d.find_all(".claims-chart-box");
    let dated =
        groups.iter().filter(|g| g["entries"].as_array().unwrap().iter().any(|e| e["date"].is_string())).count();
    assert_eq!(charts.len(), dated, "one chart per dated claim group");
    let g = &groups[0];
    let sources: std::collections::BTreeSet<&str> = g["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().or(e["outlet"].as_str()).unwrap_or("unknown"))
        .collect();
    let legend = d.text(&d.wait(".claims-chart-box .u-legend"));
    for s in &sources {
        assert!(legend.contains(&s.chars().take(20).collect::<String>()), "legend {legend:?} lacks {s}");
    }
    let (_, tip) = u.hover_until(".claim-group:first-of-type .claims-chart-box", |t| t.contains(" — "));
    let counted = g["counted"].as_str().unwrap();
    assert!(tip.lines().next().unwrap().ends_with(counted), "{tip:?} vs {counted}");
    d.shot("7-claims");
    u.assert_console_clean();
}

/// The tooltip lines the weekly events chart should show for the week starting on day `monday`, from the
/// API's events: the count, then each quad class present.
fn week_tip(events: &[Value], monday: i64) -> Vec<String> {
    let here: Vec<&Value> = events
        .iter()
        .filter(|e| e["date"].as_str().is_some_and(|d| d.len() == 10 && (monday..monday + 7).contains(&day_number(d))))
        .collect();
    let n = here.len();
    let mut lines = vec![format!("{}: {n} event{}", dated_week(monday), if n == 1 { "" } else { "s" })];
    for (q, label) in [
        ("material_cooperation", "material cooperation"),
        ("verbal_cooperation", "verbal cooperation"),
        ("verbal_conflict", "verbal conflict"),
        ("material_conflict", "material conflict"),
    ] {
        let k = here.iter().filter(|e| e["quad"] == q).count();
        if k > 0 {
            lines.push(format!("{label}: {k}"));
        }
    }
    lines
}

/// `Week of YYYY-MM-DD` for the day number of a Monday.
fn dated_week(monday: i64) -> String {
    // civil from days (Howard Hinnant's algorithm)
    let z = monday + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("Week of {y:04}-{m:02}-{d:02}")
}

#[test]
fn events_page_event_reports_entity_events_and_timeline() {
    let Some(u) = ui_with("events_page_event_reports_entity_events_and_timeline", 1280, 900, ingest_event_fixtures)
    else {
        return;
    };
    let d = &u.d;
    d.goto(&u.base);
    d.wait_ready();

    // 1. the events page from the header: every event in the table, the talks reported twice
    d.click(&d.wait("header nav a[href='#/events']"));
    d.wait_for("location.hash === '#/events'");
    d.wait_ready();
    let all = u.api("/api/events?limit=1000");
    let all = all.as_array().unwrap();
    assert_eq!(d.find_all("table.events tr[data-event]").len(), all.len());
    let talks = all.iter().find(|e| e["type"] == "CONSULT").expect("the talks");
    let row = d.wait(&format!("table.events tr[data-event='{}']", talks["id"]));
    let text = d.text(&row);
    assert!(text.contains("CONSULT") && text.contains("United States") && text.contains("Hamas"), "{text}");
    assert_eq!(d.text(&d.wait(&format!("tr[data-event='{}'] td.reports", talks["id"]))), talks["reports"].to_string());
    assert_eq!(talks["reports"], 2);

    // 2. the chart: one bar per week from the first event to the last, a tooltip per week by quad class
    d.wait("#events-chart canvas");
    assert_eq!(d.find_all("#events-chart .u-axis").len(), 2, "x and y axes");
    let days: Vec<i64> = all.iter().map(|e| day_number(e["date"].as_str().unwrap())).collect();
    let monday = |d: i64| d - (d + 3).rem_euclid(7);
    let (first, last) = (monday(*days.iter().min().unwrap()), monday(*days.iter().max().unwrap()));
    let points = d.attr(&d.wait("#events-chart"), "data-points").unwrap();
    assert_eq!(points, ((last - first) / 7 + 1).to_string(), "one bar per week");
    let legend = d.text(&d.wait(".quad-legend"));
    assert!(legend.contains("verbal cooperation") && legend.contains("material conflict"), "{legend}");
    let (fx, tip) = u.hover_until("#events-chart", |t| t.starts_with("Week of") && !t.contains(": 0 events"));
    let week = day_number(&tip["Week of ".len()..][..10]);
    let lines: Vec<&str> = tip.lines().collect();
    let want = week_tip(all, week);
    assert_eq!(lines[..want.len()], want.iter().map(String::as_str).collect::<Vec<_>>()[..], "{tip}");
    d.shot("11-events");
    // a click lists that week's events
    d.click_at(&d.wait("#events-chart .u-over"), fx, 0.7);
    let h = d.text(&d.wait(".week-events h2"));
    let n: usize = want[0].rsplit(": ").next().unwrap().split(' ').next().unwrap().parse().unwrap();
    assert_eq!(h, format!("{} ({n})", &want[0][..want[0].find(':').unwrap()]));
    assert_eq!(d.find_all(".week-events tr[data-event]").len(), n);

    // 3. open the talks: both reports, each with its sentence and trigger, linked to its article
    d.click(&d.wait(&format!("table.events tr[data-event='{}'] a.event-link", talks["id"])));
    d.wait_for(&format!("location.hash === '#/event/{}'", talks["id"]));
    d.wait_ready();
    let title = d.text(&d.wait(".event-title"));
    assert!(title.starts_with("CONSULT: United States") && title.contains("→ Hamas"), "{title}");
    let cards = d.find_all(".event-report");
    assert_eq!(cards.len(), 2);
    let evidence = talks["evidence"].as_array().unwrap();
    for (c, r) in cards.iter().zip(evidence) {
        assert!(d.text(c).contains(r["sentence"].as_str().unwrap()), "{}", d.text(c));
    }
    let triggers: Vec<String> = d.find_all(".event-report .trigger").iter().map(|t| d.text(t)).collect();
    assert_eq!(triggers, ["talks", "met"]);
    assert!(d.text(&d.wait(".event-facts")).contains("in Doha (QAT)"));
    d.shot("12-event");
    // a report opens its article at the trigger; the trigger's record leads back to the event
    d.click(&d.find_all(".event-report a.report-article")[1]);
    d.wait_for(&format!("location.hash === '#/article/{}?v=v1'", evidence[1]["article"]));
    d.wait_ready();
    assert_eq!(d.text(&d.wait("#article-text .hl-target")), "met");
    d.click(&d.wait("#article-text .hl-target"));
    let record = d.text(&d.wait(".side .d-event"));
    assert!(record.starts_with("Event v1: CONSULT") && record.contains("United States [USA GOV] → Hamas"), "{record}");
    d.shot("12b-event-in-article");
    d.click(&d.wait(".side .event-record-link"));
    d.wait_for(&format!("location.hash === '#/event/{}'", talks["id"]));
    d.wait_ready();

    // 4. follow the target to Hamas's entity page: its events and their chart (the event view may render
    // after the hash changes and the previous view reports ready)
    d.wait(".event-side a.actor-link");
    let sides = d.find_all(".event-side a.actor-link");
    assert_eq!(sides.len(), 2, "source and target link to their entities");
    d.click(&sides[1]);
    d.wait_for("location.hash.startsWith('#/entity/')");
    d.wait_ready();
    let who = d.text(&d.wait(".entity-name"));
    assert_eq!(who, "Hamas");
    let eid: i64 = d.url().rsplit('/').next().unwrap().parse().unwrap();
    let mine = u.api(&format!("/api/events?entity={eid}&limit=1000"));
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty());
    assert_eq!(d.text(&d.wait(".entity-events h2")), format!("Events ({})", mine.len()), "{who}");
    assert_eq!(d.find_all(".entity-events table.events tr[data-event]").len(), mine.len());
    d.wait("#entity-events-chart canvas");
    let note = d.text(&d.wait(".events-note"));
    assert!(note.starts_with(&format!("{} event", mine.len())), "{note}");
    let (fx, tip) = u.hover_until("#entity-events-chart", |t| t.starts_with("Week of") && !t.contains(": 0 events"));
    let week = day_number(&tip["Week of ".len()..][..10]);
    let want = week_tip(mine, week);
    assert_eq!(tip.lines().take(want.len()).collect::<Vec<_>>(), want.iter().map(String::as_str).collect::<Vec<_>>());
    d.click_at(&d.wait("#entity-events-chart .u-over"), fx, 0.7);
    d.wait(".week-events h2");
    d.shot("13-entity-events");

    // 5. the events page's filter form: only the attacks
    d.click(&d.wait("header nav a[href='#/events']"));
    d.wait_for("location.hash === '#/events'");
    d.wait_ready();
    d.type_into(&d.wait("form.filter input[name=type]"), &format!("assault{ENTER}"));
    d.wait_for("location.hash === '#/events?type=assault'");
    d.wait_ready();
    let some = u.api("/api/events?type=assault");
    assert_eq!(d.find_all("table.events tr[data-event]").len(), some.as_array().unwrap().len());
    assert!(d.find_all("table.events tr[data-event]").iter().all(|r| d.text(r).contains("ASSAULT")));

    // 6. the timeline lists the events among the dated items; one opens its event
    d.click(&d.wait("header nav a[href='#/timeline']"));
    d.wait_for("location.hash === '#/timeline'");
    d.wait_ready();
    let tl = u.api("/api/timeline?limit=500");
    let evs: Vec<&Value> = tl.as_array().unwrap().iter().filter(|i| i["kind"] == "event").collect();
    assert_eq!(evs.len(), all.len());
    assert_eq!(d.find_all("table.timeline tr[data-kind=event]").len(), evs.len());
    d.click(&d.wait("table.timeline tr[data-kind=event] a.event-link"));
    d.wait_for("location.hash.startsWith('#/event/')");
    d.wait_ready();
    assert_eq!(d.text(&d.wait(".event-title")).split(':').next().unwrap(), evs[0]["event_type"].as_str().unwrap());
    u.assert_console_clean();
}

#[test]
fn stored_markup_is_shown_not_run() {
    let Some(u) = ui("stored_markup_is_shown_not_run", 1280, 800) else { return };
    let d = &u.d;
    d.goto(&u.base);
    d.wait_ready();
    u.search("harmless");
    d.click(&d.wait("ul.articles a"));
    d.wait_for("location.hash.startsWith('#/article/')");
    d.wait_ready();
    let text = d.text(&d.wait("#article-text"));
    assert!(text.contains("<script>document.documentElement.setAttribute('data-pwned','1')</script>"), "{text}");
    assert!(text.contains("<img src=x onerror="), "{text}");
    let pwned = d.exec("return document.documentElement.getAttribute('data-pwned')", vec![]);
    assert!(pwned.is_null(), "injected markup ran: data-pwned={pwned}");
    assert_eq!(d.find_all("#article-text script, #article-text img").len(), 0);
    u.assert_console_clean();
}

#[test]
fn narrow_window_keeps_the_quote_and_its_record_in_view() {
    // a phone-sized window: the header wraps onto two rows and the article is one column
    let Some(u) = ui("narrow_window_keeps_the_quote_and_its_record_in_view", 400, 760) else { return };
    let d = &u.d;
    d.goto(&u.base);
    d.wait_ready();
    u.search("lighthouse shine");
    d.click(&d.wait(".quote-card .open-quote"));
    d.wait_for("location.hash.startsWith('#/quote/')");
    d.wait_ready();
    let y = d.exec("return window.scrollY", vec![]).as_f64().unwrap();
    assert!(y > 200.0, "the page did not scroll to the quote (scrollY {y})");
    assert_in_view(&u, "the highlighted quote", "#article-text .hl-target", "#article-text .hl-target");
    d.shot("8-narrow-quote");
    // the record of a clicked span shows on screen, not below the whole article
    d.click(&d.wait("#article-text .hl-target"));
    let side = d.wait(".side .d-quote");
    assert!(d.text(&side).contains("Speaker: Jane Doe"));
    assert_in_view(&u, "the side panel", ".side", ".side");
    d.shot("9-narrow-record");
    // and it can be closed again
    d.click(&d.wait(".side .side-close"));
    d.wait_for("!document.querySelector('.side').classList.contains('open')");
    // a phone held sideways: so little height that the header scrolls away with the page instead of
    // covering a third of it; a quote taller than the window starts at the window's top
    d.set_window(760, 440);
    u.search("harbour grandparents");
    d.click(&d.wait(".quote-card .open-quote"));
    d.wait_for("location.hash.startsWith('#/quote/')");
    d.wait_ready();
    d.wait_for("window.scrollY > 200");
    let head = d.viewport_rect(&d.wait("header.top"));
    assert!(head.1 + head.3 <= 0.0, "the header {head:?} still covers the page in a short window");
    let (_, top, _, _) = d.viewport_rect(&d.wait("#article-text .hl-target"));
    let inner = d.exec("return window.innerHeight", vec![]).as_f64().unwrap();
    let marks = d.find_all("#article-text .hl-target");
    let (_, ltop, _, lh) = d.viewport_rect(marks.last().unwrap());
    assert!(ltop + lh - top > inner, "the quote ({top}..{}) should be taller than the window ({inner})", ltop + lh);
    assert!((0.0..=40.0).contains(&top), "a tall quote starts at y={top}, want its first line at the top");
    d.shot("10-landscape-tall-quote");
    u.assert_console_clean();
}

/// Fictional demo articles for the documentation's screenshots: a storm, its missing people as counted
/// by different outlets over five weeks, and the governor's and the mayor's words.
fn write_demo(dir: &Path) -> std::path::PathBuf {
    let d = dir.join("demo");
    std::fs::create_dir_all(&d).unwrap();
    let stories: [(&str, &str, &str, &str); 14] = [
        ("2024-04-29", "Valley Herald", "Storm warning for the valley", "Governor Ana Lopez said on Monday that the storm would reach the river towns by nightfall. “Stay off the roads tonight,” Lopez said. Forecasters said 200 millimetres of rain could fall."),
        ("2024-05-01", "Valley Herald", "Storm floods river towns", "Governor Ana Lopez said on Wednesday that 12 people were missing after the storm flooded three river towns.\n\n“We will not stop searching until everyone is home,” Lopez said at a briefing in Riverton. Emergency officials said about 400 homes were damaged."),
        ("2024-05-01", "River Post", "Fifteen missing after floods", "Emergency officials said 15 people were missing in the river towns on Wednesday. Mayor Tom Reyes of Riverton said the shelters were full. “We need boats, not speeches,” Reyes said."),
        ("2024-05-02", "Valley Wire", "Search teams reach Riverton", "Mia Chen, a spokeswoman for the Red Cross, said 11 people were still missing. “Our volunteers have worked through the night,” Chen said. The army sent 60 soldiers to the valley."),
        ("2024-05-03", "Valley Herald", "Governor visits shelters", "Governor Ana Lopez said the state would pay for temporary housing. “No family will sleep in a car,” Lopez said. Officials said 9 people were missing on Friday."),
        ("2024-05-06", "River Post", "Mayor asks for more boats", "Mayor Tom Reyes said on Monday that Riverton needed 20 more boats. “The water is still rising in the east,” Reyes said. Emergency officials said 7 people were missing."),
        ("2024-05-08", "Valley Wire", "Bridge closed after flood", "The transport ministry said the old bridge would stay closed for a month. Governor Ana Lopez said repairs would start next week. “Safety comes first,” Lopez said."),
        ("2024-05-13", "Valley Herald", "Schools reopen", "Schools in two of the three towns reopened on Monday. Mayor Tom Reyes said 300 pupils were back in class. “Children need their routine,” Reyes said."),
        ("2024-05-15", "River Post", "Search scaled back", "Emergency officials said 4 people were missing as the search was scaled back. Mia Chen of the Red Cross said volunteers would stay. “We are not going anywhere,” Chen said."),
        ("2024-05-20", "Valley Wire", "Flood aid approved", "Lawmakers approved 50 million dollars in flood aid on Monday. Governor Ana Lopez said the money would reach families within weeks. “This is a promise we will keep,” Lopez said."),
        ("2024-05-22", "Valley Herald", "Two more found", "Officials said 2 people were missing after two men were found alive on Wednesday. “It is a miracle,” Mayor Tom Reyes said."),
        ("2024-05-29", "River Post", "Riverton counts the cost", "Mayor Tom Reyes said about 450 homes had been damaged in Riverton alone. “We will rebuild every street,” Reyes said. Insurers said claims could reach 30 million dollars."),
        ("2024-06-03", "Valley Wire", "Bridge reopens early", "The old bridge reopened on Monday, a week early. Governor Ana Lopez thanked the engineers. “They worked day and night,” Lopez said."),
        ("2024-06-05", "Valley Herald", "Search ends", "The search for the last missing man ended on Wednesday, officials said, and 1 person remained missing. “We will never forget him,” Governor Ana Lopez said."),
    ];
    let body: String = stories
        .iter()
        .enumerate()
        .map(|(i, (date, outlet, title, text))| {
            format!(
                "{}\n",
                json!({"id": format!("demo{i}"), "date": date, "source": outlet, "title": title, "text": text})
            )
        })
        .collect();
    std::fs::write(d.join("demo.jsonl"), body).unwrap();
    d
}

/// Screenshots for docs/: `ACCORD_UI_SCREENSHOTS=docs cargo test -p accord-cli --test kb_ui -- --ignored
/// docs_screenshots` writes screenshot.png (a quote in its article, its record open), screenshot-timeline.png
/// and screenshot-claims.png from fictional demo articles, and screenshot-events.png (the events page) from
/// the events tests' hand-written analysed articles.
#[test]
#[ignore = "writes the documentation's screenshots"]
fn docs_screenshots() {
    let Ok((browser, driver)) = webdriver::find_tools() else { panic!("needs chromium and chromedriver") };
    assert!(std::env::var_os("ACCORD_UI_SCREENSHOTS").is_some(), "set ACCORD_UI_SCREENSHOTS=DIR");
    let tmp = tempfile::tempdir().unwrap();
    let input = write_demo(tmp.path());
    let db = tmp.path().join("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let srv = serve(&db, &["--read-only"]);
    let base = format!("http://{}/", srv.addr);
    let d = Driver::start(&browser, &driver, &tmp.path().join("profile"), 1200, 760);
    d.goto(&format!("{base}#/search?q=searching"));
    d.wait_ready();
    d.click(&d.wait(".quote-card .open-quote"));
    d.wait_for("location.hash.startsWith('#/quote/')");
    d.wait_ready();
    d.click(&d.wait("#article-text .hl-target"));
    d.wait(".side .d-quote");
    d.exec("window.scrollTo(0, 0)", vec![]);
    d.shot("screenshot");
    d.goto(&format!("{base}#/timeline"));
    d.wait_ready();
    let over = d.wait("#timeline-chart .u-over");
    for k in 1..40 {
        d.hover(&over, k as f64 / 40.0, 0.6);
        let tip = d.wait("#timeline-chart .chart-tip");
        if d.displayed(&tip) && d.text(&tip).starts_with("2024-05-01") {
            break;
        }
    }
    d.shot("screenshot-timeline");
    d.goto(&format!("{base}#/claims"));
    d.wait_ready();
    let over = d.wait(".claims-chart-box .u-over");
    for k in 1..40 {
        d.hover(&over, k as f64 / 40.0, 0.5);
        let tip = d.wait(".claims-chart-box .chart-tip");
        if d.displayed(&tip) && d.text(&tip).starts_with("2024-05-01") {
            break;
        }
    }
    d.shot("screenshot-claims");
    // events: the hand-written analysed articles of the events tests
    let db = ingest_event_fixtures(tmp.path());
    let srv = serve(&db, &["--read-only"]);
    d.goto(&format!("http://{}/#/events", srv.addr));
    d.wait_ready();
    let over = d.wait("#events-chart .u-over");
    for k in 1..40 {
        d.hover(&over, k as f64 / 40.0, 0.6);
        let tip = d.wait("#events-chart .chart-tip");
        if d.displayed(&tip) && d.text(&tip).starts_with("Week of 2025-03-17") {
            break;
        }
    }
    d.shot("screenshot-events");
}

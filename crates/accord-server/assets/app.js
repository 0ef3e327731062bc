// accord web UI: a hash-routed single page over the JSON API. Every piece of article text goes into the
// page through textContent / createTextNode, never innerHTML, so stored text is shown, not run.
"use strict";

const app = document.getElementById("app");
const SVGNS = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "style") for (const [p, pv] of Object.entries(v)) e.style.setProperty(p, pv);
    else e.setAttribute(k, v);
  }
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    e.appendChild(typeof k === "string" || typeof k === "number" ? document.createTextNode(String(k)) : k);
  }
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.appendChild(typeof k === "string" ? document.createTextNode(k) : k);
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
  return body;
}

function colorFor(name) {
  let h = 0;
  for (const c of String(name || "?")) h = (h * 31 + c.codePointAt(0)) >>> 0;
  return "hsl(" + (h % 360) + ", 62%, 45%)";
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) u.set(k, v);
  const s = u.toString();
  return s ? "?" + s : "";
}

// Work to do once the next view is in the page (charts need their box laid out to know its width).
const pending = [];
function later(f) { pending.push(f); }

function show(...nodes) {
  destroyCharts();
  app.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
  for (const f of pending.splice(0)) {
    try { f(); } catch (err) { console.error(err); }
  }
  app.dataset.state = "ready";
}

function fmtValue(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

function bare(t) {
  return String(t).trim().replace(/^["“”'‘’]+/, "").replace(/["“”'‘’,]+$/, "").trim();
}

function quoteCard(q) {
  const who = q.speaker || "[" + q.source_kind + "]";
  return el("article", { class: "card quote-card", "data-quote": q.id, style: { "--c": colorFor(who) } },
    el("div", {},
      q.speaker_entity ? el("a", { class: "who", href: "#/entity/" + q.speaker_entity, text: who }) : el("span", { class: "who", text: who }),
      q.speaker_title ? el("span", { class: "title", text: " · " + q.speaker_title }) : null),
    el("blockquote", { text: q.type === "indirect" ? q.content : "“" + bare(q.content) + "”" }),
    el("div", { class: "meta" },
      el("a", { class: "open-quote", href: "#/quote/" + q.id, text: "open in article" }),
      " · ", [q.outlet, q.date].filter(Boolean).join(", "),
      q.article_title ? el("span", { text: " · " + q.article_title }) : null));
}

// ---------- views ----------

async function home() {
  const [st, arts] = await Promise.all([api("/api/stats"), api("/api/articles?limit=20")]);
  show(
    el("h1", { text: "Knowledge base" }),
    el("p", { class: "stats muted" },
      el("span", { text: st.articles + " articles" }), el("span", { text: st.near_duplicates + " wire copies linked" }),
      el("span", { text: st.quotes + " quotes" }), el("span", { text: st.entities + " entities" }),
      el("span", { text: st.quantities + " quantities" }), el("span", { text: st.events + " events" })),
    el("h2", { text: "Recent articles" }),
    articleList(arts));
}

function articleList(arts) {
  if (!arts.length) return el("p", { class: "muted", text: "No articles." });
  return el("ul", { class: "articles" }, arts.map(a => el("li", {},
    el("a", { href: "#/article/" + a.id, text: a.title || ("Article " + a.id) }),
    el("span", { class: "muted", text: " — " + [a.outlet, a.date].filter(Boolean).join(", ") }),
    a.snippet ? el("div", { class: "muted", text: a.snippet }) : null)));
}

async function search(params) {
  const q = params.get("q") || "";
  document.getElementById("search-input").value = q;
  if (!q) return home();
  const r = await api("/api/search" + qs({ q, limit: 30 }));
  show(
    el("h1", { text: "Results for “" + q + "”" }),
    r.entities.length ? el("div", { class: "entities" }, el("h2", { text: "Entities" }),
      r.entities.map(e => el("a", { class: "pill entity-link", href: "#/entity/" + e.id, text: e.name + " · " + e.type }))) : null,
    el("h2", { text: "Quotes (" + r.quotes.length + ")" }),
    r.quotes.length ? el("div", { class: "grid quotes" }, r.quotes.map(quoteCard)) : el("p", { class: "muted", text: "No quotes." }),
    el("h2", { text: "Articles (" + r.articles.length + ")" }),
    articleList(r.articles));
}

async function quoteView(id) {
  const q = await api("/api/quotes/" + encodeURIComponent(id));
  const rec = await api("/api/articles/" + q.article);
  show(
    el("h1", { text: "Quote" }),
    quoteCard(q),
    el("h2", { text: "In its article" }),
    articleBody(rec, { focusQuote: q.local_id }));
  revealQuote();
}

// The height the sticky header covers (0 when it scrolls away, in short windows), kept in --head-h for
// the CSS (scroll-padding, the sticky side panel).
function headerHeight() {
  const h = document.getElementById("top");
  if (!h || !/sticky|fixed/.test(getComputedStyle(h).position)) return 0;
  return h.getBoundingClientRect().height;
}
function syncHeader() { document.documentElement.style.setProperty("--head-h", Math.ceil(headerHeight()) + "px"); }
window.addEventListener("resize", syncHeader);
syncHeader();

// Scrolls the highlighted quote into the part of the window the header does not cover: centred there
// when it fits, else its first line just below the header.
function revealQuote() {
  const marks = app.querySelectorAll(".hl-target");
  if (!marks.length) return;
  const top = marks[0].getBoundingClientRect().top + window.scrollY;
  const bottom = marks[marks.length - 1].getBoundingClientRect().bottom + window.scrollY;
  const head = headerHeight() + 12;
  const room = window.innerHeight - head - 12;
  const y = bottom - top <= room ? top - head - (room - (bottom - top)) / 2 : top - head;
  window.scrollTo(0, Math.max(0, Math.round(y)));
}

async function articleView(id, params) {
  const rec = await api("/api/articles/" + encodeURIComponent(id));
  show(articleBody(rec, { focusQuote: params.get("q"), focusEvent: params.get("v") }));
  if (params.get("v")) revealQuote();
}

function articleBody(rec, opts) {
  const doc = rec.document || {};
  const chars = Array.from(doc.text || "");
  const spans = [];
  const ents = {};
  (doc.entities || []).forEach(e => {
    ents[e.id] = e;
    (e.mentions || []).forEach(m => spans.push({ s: m.start, e: m.end, cls: "ent", kind: "entity", data: e }));
  });
  (doc.attributions || []).forEach(a => {
    const who = (a.speaker_entity && ents[a.speaker_entity] && ents[a.speaker_entity].name) || (a.source && a.source.name) || (a.speaker && a.speaker.text) || "unknown";
    const c = colorFor(who);
    const target = opts.focusQuote && opts.focusQuote === a.id;
    spans.push({ s: a.content.start, e: a.content.end, cls: "quote" + (target ? " hl-target" : ""), kind: "quote", data: a, who, c });
    if (a.cue) spans.push({ s: a.cue.start, e: a.cue.end, cls: "cue", kind: "cue", data: a, who, c });
    if (a.speaker) spans.push({ s: a.speaker.start, e: a.speaker.end, cls: "speaker", kind: "speaker", data: a, who, c });
  });
  (doc.quantities || []).forEach(q => spans.push({ s: q.span.start, e: q.span.end, cls: "qty", kind: "quantity", data: q }));
  (doc.dates || []).forEach(d => spans.push({ s: d.span.start, e: d.span.end, cls: "date", kind: "date", data: d }));
  (doc.events || []).forEach(v => {
    const target = opts.focusEvent && opts.focusEvent === v.id;
    spans.push({ s: v.trigger.start, e: v.trigger.end, cls: "evt" + (target ? " hl-target" : ""), kind: "event", data: v });
  });
  const valid = spans.filter(x => x.s >= 0 && x.e <= chars.length && x.s < x.e);
  const cuts = new Set([0, chars.length]);
  valid.forEach(x => { cuts.add(x.s); cuts.add(x.e); });
  const bounds = Array.from(cuts).sort((a, b) => a - b);
  const side = el("aside", { class: "card side detail" }, el("p", { class: "muted", text: "Click a highlighted span to see what was extracted." }));
  const body = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const text = chars.slice(a, b).join("");
    const cover = valid.filter(x => x.s <= a && x.e >= b);
    if (!cover.length) { body.appendChild(document.createTextNode(text)); continue; }
    const cls = new Set(["seg"]);
    cover.forEach(x => x.cls.split(" ").forEach(c => cls.add(c)));
    const quote = cover.filter(x => x.kind === "quote" || x.kind === "cue" || x.kind === "speaker").sort((p, q) => (p.e - p.s) - (q.e - q.s))[0];
    const node = el("mark", { class: Array.from(cls).join(" "), "data-kinds": cover.map(x => x.kind).join(" ") }, text);
    if (quote) { node.style.setProperty("--c", quote.c); node.dataset.speaker = quote.who; }
    node.addEventListener("click", () => {
      body.querySelectorAll(".selected").forEach(m => m.classList.remove("selected"));
      node.classList.add("selected");
      detail(side, cover.sort((p, q) => (p.e - p.s) - (q.e - q.s)), rec);
    });
    body.appendChild(node);
  }
  const copies = (rec.copies || []).length
    ? el("p", { class: "muted" }, "Also carried (near-duplicate wire copies): ",
        rec.copies.map(([cid, outlet]) => el("a", { class: "pill", href: "#/article/" + cid, text: outlet || ("#" + cid) })))
    : null;
  const orig = rec.dup_of ? el("p", { class: "muted" }, "Wire copy of ", el("a", { href: "#/article/" + rec.dup_of, text: "article " + rec.dup_of }), " (not counted again).") : null;
  return el("section", { class: "article" },
    el("h1", { class: "article-title", text: rec.title || doc.title || rec.doc_id }),
    el("p", { class: "muted", text: [rec.outlet, rec.author && ("by " + rec.author), rec.date, rec.url].filter(Boolean).join(" · ") }),
    orig, copies,
    el("p", { class: "legend" },
      el("span", {}, el("i", { class: "k", style: { background: "#cfd8ea" } }), "quote (coloured by speaker)"),
      el("span", {}, el("b", { text: "cue" })), el("span", {}, el("u", { text: "speaker" })),
      el("span", {}, el("i", { class: "k", style: { background: "#fff3c4" } }), "quantity"),
      el("span", {}, el("i", { class: "k", style: { background: "#dff3e4" } }), "date"),
      el("span", {}, el("i", { class: "k k-evt" }), "event trigger"),
      el("span", { text: "dotted: entity" })),
    el("div", { class: "article-layout" }, body, side));

  function detail(box, cover, rec) {
    const seen = new Set();
    const rows = cover.map(x => {
      const d = x.data;
      if (x.kind === "quote" || x.kind === "cue" || x.kind === "speaker") {
        // a quote's content, cue and speaker spans overlap: one record per quote
        if (seen.has(d.id)) return null;
        seen.add(d.id);
        const gid = d.speaker_entity && rec.entity_ids && rec.entity_ids[d.speaker_entity];
        return el("div", { class: "d-quote" }, el("b", { text: "Quote " + d.id + " (" + d.type + ")" }),
          el("div", {}, "Speaker: ", gid ? el("a", { class: "speaker-link", href: "#/entity/" + gid, text: x.who }) : x.who,
            d.source && d.source.affiliation ? " · " + d.source.affiliation : ""),
          d.cue ? el("div", { text: "Cue: " + d.cue.text }) : null,
          el("div", { class: "muted", text: d.type === "indirect" ? d.content.text : "“" + bare(d.content.text) + "”" }));
      }
      if (x.kind === "entity") {
        const gid = rec.entity_ids && rec.entity_ids[d.id];
        return el("div", {}, el("b", { text: d.type + ": " }),
          gid ? el("a", { href: "#/entity/" + gid, text: d.name }) : el("span", { text: d.name }),
          d.titles && d.titles.length ? el("div", { class: "muted", text: d.titles.join("; ") }) : null);
      }
      if (x.kind === "quantity") return el("div", {}, el("b", { text: "Quantity: " }), (d.qualifier !== "exact" ? d.qualifier + " " : "") + fmtValue(d.value) + (d.counted ? " " + d.counted : ""),
        d.counted ? el("div", {}, el("a", { href: "#/claims" + qs({ about: d.counted }), text: "claims ledger →" })) : null);
      if (x.kind === "date") return el("div", {}, el("b", { text: "Date: " }), d.value + (d.relative ? " (relative)" : ""));
      if (x.kind === "event") {
        const gid = rec.event_ids && rec.event_ids[d.id];
        const who = a => (a ? a.span.text + (a.code ? " [" + a.code + "]" : "") : "—");
        return el("div", { class: "d-event" }, el("b", { text: "Event " + d.id + ": " + d.type }),
          el("div", { text: who(d.source) + " → " + who(d.target) }),
          el("div", { class: "muted", text: [d.factuality, d.background ? "background" : null, d.location ? "in " + d.location.span.text : null,
            d.date ? d.date.value : null].filter(Boolean).join(" · ") }),
          gid ? el("a", { class: "event-record-link", href: "#/event/" + gid, text: "this event across articles →" }) : null);
      }
      return null;
    });
    const close = el("button", { type: "button", class: "side-close", "aria-label": "Close", text: "×", onclick: () => {
      box.classList.remove("open");
      body.querySelectorAll(".selected").forEach(m => m.classList.remove("selected"));
    } });
    box.replaceChildren(close, ...rows.filter(Boolean).map(r => el("div", { class: "d-item" }, r)));
    box.classList.add("open");
  }
}

// Monday of the ISO week of day number d (1970-01-01, day 0, was a Thursday).
function weekOf(d) { return d - ((d + 3) % 7); }

function entityChart(e, quotes) {
  const dated = quotes.map(q => dayNum(q.date)).filter(d => d !== null);
  const box = el("div", { class: "chart", id: "entity-chart" });
  if (!dated.length) return el("p", { class: "muted", text: "No dated quotes to chart." });
  const counts = new Map();
  dated.forEach(d => counts.set(weekOf(d), (counts.get(weekOf(d)) || 0) + 1));
  let weeks = Array.from(counts.keys()).sort((a, b) => a - b);
  if ((weeks[weeks.length - 1] - weeks[0]) / 7 < 1500) {
    // every week between the first and the last, so quiet weeks show as gaps at zero
    const all = [];
    for (let w = weeks[0]; w <= weeks[weeks.length - 1]; w += 7) all.push(w);
    weeks = all;
  }
  const ys = weeks.map(w => counts.get(w) || 0);
  const note = el("p", { class: "muted chart-note", text: dated.length + " dated quotes" +
    (quotes.length < e.quote_count ? " (the " + quotes.length + " most recent of " + e.quote_count + ")" : "") +
    (dated.length < quotes.length ? "; " + (quotes.length - dated.length) + " without a date are left out" : "") + "." });
  const list = el("div", { class: "week-quotes" });
  later(() => makeChart(box, {
    className: "entity-week-chart", height: 180, weekly: true, data: [weeks.map(w => w * DAY), ys],
    series: [{ label: "quotes", stroke: colorFor(e.name), fill: colorFor(e.name), paths: uPlot.paths.bars({ size: [0.8, 40, 3] }), points: { show: false } }],
    axes: [countAxis("quotes per week")],
    tip: i => ["Week of " + dateLabel(weeks[i]) + ": " + ys[i] + " quote" + (ys[i] === 1 ? "" : "s"), ys[i] ? "Click to list them" : ""].filter(Boolean),
    onPick: i => {
      const w = weeks[i];
      const here = quotes.filter(q => { const d = dayNum(q.date); return d !== null && weekOf(d) === w; });
      list.replaceChildren(
        el("h2", { text: "Week of " + dateLabel(w) + " (" + here.length + ")" }),
        here.length ? el("div", { class: "grid quotes" }, here.map(quoteCard)) : el("p", { class: "muted", text: "No quotes that week." }));
      list.scrollIntoView({ block: "start" });
    },
  }));
  return [el("h2", { text: "Quotes per week" }), box, note, list];
}

async function entityView(id) {
  const e = await api("/api/entities/" + encodeURIComponent(id));
  // the week chart counts this entity's own quotes (the speaker filter may match namesakes too)
  const all = e.quote_count ? await api("/api/quotes" + qs({ speaker: e.name, limit: 1000 })).catch(() => e.quotes) : [];
  const mine = all.filter(q => q.speaker_entity === e.id);
  const quotes = mine.length >= e.quotes.length ? mine : e.quotes;
  // every event it is party to, for the chart (the entity record carries the latest 20)
  const events = e.event_count > e.events.length ? await api("/api/events" + qs({ entity: e.id, limit: 1000 })).catch(() => e.events) : e.events;
  show(
    el("h1", { class: "entity-name", text: e.name }),
    el("p", { class: "muted", text: e.type + " · " + e.mentions + " mentions in " + e.articles + " articles · " + e.quote_count + " quotes" }),
    e.aliases.length ? el("p", {}, "Written as: ", e.aliases.map(a => el("span", { class: "pill", text: a }))) : null,
    e.affiliations.length ? el("p", {}, "Affiliations: ", e.affiliations.map(a => el("span", { class: "pill", text: a }))) : null,
    e.quote_count ? entityChart(e, quotes) : null,
    e.titles.length ? el("div", {}, el("h2", { text: "Titles" }), el("table", {},
      el("tr", {}, el("th", { text: "title" }), el("th", { text: "first seen" }), el("th", { text: "last seen" }), el("th", { text: "times" })),
      e.titles.map(t => el("tr", {}, el("td", { text: t.title }), el("td", { text: t.first_seen || "" }), el("td", { text: t.last_seen || "" }), el("td", { text: t.count }))))) : null,
    e.related.length ? el("div", {}, el("h2", { text: "Related" }), e.related.map(r => el("a", { class: "pill", href: "#/entity/" + r.id, text: r.name + " (" + r.count + ")" }))) : null,
    el("p", {}, el("a", { href: "#/timeline" + qs({ entity: e.name }), text: "Timeline for " + e.name + " →" })),
    el("h2", { text: "Latest quotes" }),
    e.quotes.length ? el("div", { class: "grid quotes" }, e.quotes.map(quoteCard)) : el("p", { class: "muted", text: "No quotes." }),
    el("section", { class: "entity-events" },
      el("h2", { text: "Events (" + e.event_count + ")" }),
      e.event_count ? [eventChart(events, "entity-events-chart", e.event_count),
        el("h3", { text: events.length < e.event_count ? "The latest " + events.length : "All of them" }), eventTable(events)]
        : el("p", { class: "muted", text: e.name + " is party to no events." })));
}

function filterForm(route, fields, params) {
  const inputs = fields.map(f => el("input", { name: f, placeholder: f, value: params.get(f) || "" }));
  return el("form", { class: "search filter" + (fields.length > 2 ? " wide" : ""), onsubmit: ev => {
    ev.preventDefault();
    const p = {};
    inputs.forEach(i => p[i.name] = i.value.trim());
    location.hash = "#/" + route + qs(p);
  } }, inputs, el("button", { type: "submit", text: "Filter" }));
}

// Days since 1970-01-01 of a date as the store writes it: YYYY-MM-DD, YYYY-MM and YYYY (their first
// day), YYYY-Www (the Monday of that ISO week); null for anything else.
function dayNum(d) {
  const w = /^(\d{4})-W(\d{2})$/.exec(d || "");
  if (w) {
    const jan4 = Date.UTC(+w[1], 0, 4) / 864e5;
    return weekOf(jan4) + (+w[2] - 1) * 7;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d || "");
  if (!m) return null;
  return Date.UTC(+m[1], (+(m[2] || 1)) - 1, +(m[3] || 1)) / 864e5;
}

function dateLabel(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }

// ---------- charts (uPlot, vendored under /vendor/, MIT) ----------
// x values are UTC seconds of whole days; every chart gets axes with dated ticks, a tooltip that lists
// what lies under the cursor, drag-to-zoom along x (double-click or "Reset zoom" to undo), and a click
// handler for the day or week under the cursor.

const DAY = 86400;
const charts = new Set();
const clip = (t, n) => (t.length > n ? t.slice(0, n - 1) + "…" : t);

function destroyCharts() {
  charts.forEach(c => c.destroy());
  charts.clear();
}

window.addEventListener("resize", () => charts.forEach(u => {
  const w = u.root.parentElement ? u.root.parentElement.clientWidth - 2 : 0;
  if (w > 100 && Math.abs(w - u.width) > 2) u.setSize({ width: w, height: u.height });
}));

// weekly: ticks on Mondays only, at least 70 px apart
function timeAxis(weekly) {
  return {
    splits: weekly ? (u, i, min, max) => {
      const pxPerWeek = (u.bbox.width / (devicePixelRatio || 1)) / Math.max(1, (max - min) / DAY / 7);
      const step = 7 * Math.max(1, Math.ceil(70 / pxPerWeek));
      let d = weekOf(Math.ceil(min / DAY));
      if (d * DAY < min) d += 7;
      const out = [];
      for (; d * DAY <= max; d += step) out.push(d * DAY);
      return out;
    } : undefined,
    space: weekly ? 70 : 50,
    stroke: "#4a5263", grid: { stroke: "#eef0f3" }, ticks: { stroke: "#c9ced8" },
    // tick incr, default format, year, month, day, hour, minute, second, mode
    values: [
      [DAY * 365, "{YYYY}", null, null, null, null, null, null, 1],
      [DAY * 28, "{MMM}", "\n{YYYY}", null, null, null, null, null, 1],
      [DAY, "{MMM} {D}", "\n{YYYY}", null, null, null, null, null, 1],
      [1, "{HH}:{mm}", "\n{YYYY}-{MM}-{DD}", null, "\n{MMM} {D}", null, null, null, 1],
    ],
  };
}

function countAxis(label) {
  return {
    stroke: "#4a5263", grid: { stroke: "#eef0f3" }, ticks: { stroke: "#c9ced8" }, label, labelSize: 18, size: 44,
    incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
    values: (u, vals) => vals.map(v => (Number.isInteger(v) ? String(v) : "")),
  };
}

// A uPlot chart in `box`: data is [xs, ...ys]; tip(idx) returns the tooltip's lines for a data index;
// onPick(idx) runs on a click that is not a drag; onZoom(min, max, full) after every x-scale change.
// draw(u) may paint over the plot after each redraw.
function makeChart(box, { className, height, series, axes, data, tip, onPick, onZoom, yRange, legend, draw, weekly }) {
  if (typeof uPlot !== "function") {
    box.appendChild(el("p", { class: "muted", text: "Chart unavailable: the charting library did not load." }));
    return null;
  }
  const tipBox = el("div", { class: "chart-tip", hidden: "hidden", role: "tooltip" });
  const xs = data[0];
  const full = [xs[0], xs[xs.length - 1]];
  let zoomed = false;
  const reset = el("button", { type: "button", class: "chart-reset", hidden: "hidden", text: "Reset zoom",
    onclick: () => u.setScale("x", { min: full[0] - pad, max: full[1] + pad }) });
  const caption = el("span", { class: "chart-range muted" });
  const bar = el("div", { class: "chart-bar" }, caption, reset,
    el("span", { class: "muted chart-help", text: "Drag across the chart to zoom, double-click to reset." }));
  const holder = el("div", { class: "chart-plot " + className });
  box.append(holder, bar);
  const width = Math.max(320, (box.clientWidth || 900) - 2);
  const pad = xs.length > 1 ? Math.max(DAY / 2, (full[1] - full[0]) * 0.02) : DAY * 3;
  const opts = {
    width, height,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
    scales: {
      x: { time: true, range: (u, min, max) => (min === full[0] && max === full[1] ? [min - pad, max + pad] : [min, max]) },
      y: { range: yRange || ((u, min, max) => [0, Math.max(2, Math.ceil(max * 1.15))]) },
    },
    series: [{ label: "date", value: (u, v) => (v == null ? "—" : dateLabel(v / DAY)) }, ...series],
    axes: [timeAxis(weekly), ...axes],
    legend: { show: !!legend },
    cursor: { y: false, drag: { x: true, y: false, setScale: true }, points: { size: 8 } },
    hooks: {
      draw: draw ? [draw] : [],
      setCursor: [u => {
        const i = u.cursor.idx;
        if (i == null || u.cursor.left < 0) { tipBox.hidden = true; return; }
        tipBox.replaceChildren(...tip(i).map((line, k) => el("div", { class: k ? "" : "tip-head", text: line })));
        tipBox.hidden = false;
        const x = u.valToPos(u.data[0][i], "x");
        const right = x > u.over.clientWidth / 2;
        tipBox.style.left = right ? "auto" : (x + 12) + "px";
        tipBox.style.right = right ? (u.over.clientWidth - x + 12) + "px" : "auto";
        // above the cursor in the lower half, below it in the upper half
        const low = u.cursor.top > u.over.clientHeight / 2;
        tipBox.style.top = low ? "auto" : (u.cursor.top + 12) + "px";
        tipBox.style.bottom = low ? (u.over.clientHeight - u.cursor.top + 12) + "px" : "auto";
      }],
      setScale: [(u, key) => {
        if (key !== "x") return;
        const min = u.scales.x.min, max = u.scales.x.max;
        zoomed = min > full[0] - pad + 1 || max < full[1] + pad - 1;
        reset.hidden = !zoomed;
        const lo = Math.max(min, full[0]), hi = Math.min(max, full[1]);
        caption.textContent = zoomed ? "Showing " + dateLabel(Math.ceil(lo / DAY)) + " to " + dateLabel(Math.floor(hi / DAY)) : "";
        box.dataset.zoomed = zoomed ? "1" : "0";
        if (onZoom) onZoom(min, max, !zoomed);
      }],
    },
  };
  const u = new uPlot(opts, data, holder);
  u.over.appendChild(tipBox);
  u.over.addEventListener("mouseleave", () => { tipBox.hidden = true; });
  let down = null;
  u.over.addEventListener("mousedown", ev => { down = [ev.clientX, ev.clientY]; });
  u.over.addEventListener("click", ev => {
    const still = down && Math.abs(ev.clientX - down[0]) < 4 && Math.abs(ev.clientY - down[1]) < 4;
    if (still && onPick && u.cursor.idx != null) onPick(u.cursor.idx);
  });
  charts.add(u);
  box.dataset.points = String(xs.length);
  return u;
}

function countsByDay(items) {
  const days = new Map();
  items.forEach((it, k) => {
    const d = dayNum(it.date);
    if (d === null) return;
    if (!days.has(d)) days.set(d, []);
    days.get(d).push(k);
  });
  return Array.from(days.keys()).sort((a, b) => a - b).map(d => [d, days.get(d)]);
}

function timelineChart(items, rows) {
  const days = countsByDay(items);
  if (!days.length) return null;
  const box = el("div", { class: "chart", id: "timeline-chart" });
  const xs = days.map(([d]) => d * DAY);
  const total = days.map(([, ks]) => ks.length);
  const quotes = days.map(([, ks]) => ks.filter(k => items[k].kind === "quote").length);
  const shown = el("p", { class: "muted timeline-count" });
  const count = () => {
    const n = rows.filter(r => !r.hidden).length;
    shown.textContent = n === rows.length ? rows.length + " items" : "Showing " + n + " of " + rows.length + " items (zoomed)";
  };
  count();
  later(() => makeChart(box, {
    className: "timeline-chart", height: 200, data: [xs, total, quotes],
    series: [
      { label: "all items", stroke: "#8d97aa", fill: "#c5cbd6", paths: uPlot.paths.bars({ size: [0.8, 40, 3] }), points: { show: false } },
      { label: "quotes", stroke: "#2456c7", fill: "#6f93e0", paths: uPlot.paths.bars({ size: [0.8, 40, 3] }), points: { show: false } },
    ],
    axes: [countAxis("items per day")],
    tip: i => {
      const ks = days[i][1];
      const evs = ks.filter(k => items[k].kind === "event").length;
      const facts = total[i] - quotes[i] - evs;
      const head = dateLabel(days[i][0]) + ": " + plural(quotes[i], "quote") + ", " + plural(facts, "fact") + ", " + plural(evs, "event");
      // a month or a year ("2024-03", "2023") is drawn on its first day: say so
      const lines = ks.slice(0, 5).map(k => clip((items[k].date.length < 10 ? "[" + items[k].date + "] " : "") +
        (items[k].kind === "quote" ? (items[k].speaker || "?") + ": “" + bare(items[k].text) + "”"
          : items[k].kind === "event" ? items[k].event_type + (items[k].actors ? " " + items[k].actors : "") + ": " + items[k].text : items[k].text), 90));
      if (ks.length > 5) lines.push("… and " + (ks.length - 5) + " more (click to list them)");
      return [head, ...lines];
    },
    onPick: i => {
      const ks = new Set(days[i][1]);
      rows.forEach((r, k) => r.classList.toggle("picked", ks.has(k)));
      const first = rows[days[i][1][0]];
      if (first && !first.hidden) first.scrollIntoView({ block: "start", behavior: "auto" });
    },
    onZoom: (min, max, all) => {
      rows.forEach((r, k) => {
        const d = dayNum(items[k].date);
        r.hidden = !all && (d === null || d * DAY < min || d * DAY > max);
      });
      count();
    },
  }));
  return [box, shown];
}

async function timelineView(params) {
  const items = await api("/api/timeline" + qs({ entity: params.get("entity"), about: params.get("about"), limit: 500 }));
  const rows = items.map(i => el("tr", { "data-date": i.date, "data-kind": i.kind, class: i.quad ? "quad-" + i.quad : null },
    el("td", { text: i.date }), el("td", { text: i.kind }),
    el("td", { text: i.kind === "event" ? i.event_type + (i.actors ? ": " + i.actors : "") : (i.speaker || i.expression || "") }),
    el("td", {}, i.quote ? el("a", { href: "#/quote/" + i.quote, text: "“" + bare(i.text) + "”" })
      : i.event ? el("a", { class: "event-link", href: "#/event/" + i.event, text: i.text }) : el("span", { text: i.text })),
    el("td", {}, el("a", { href: "#/article/" + i.article, text: i.article_title || ("#" + i.article) }))));
  show(
    el("h1", { text: "Timeline" }),
    filterForm("timeline", ["entity", "about"], params),
    timelineChart(items, rows),
    items.length ? el("table", { class: "timeline" },
      el("tr", {}, el("th", { text: "date" }), el("th", { text: "kind" }), el("th", { text: "who / expression" }), el("th", { text: "text" }), el("th", { text: "article" })),
      rows)
      : el("p", { class: "muted", text: "No dated quotes, facts or events." }));
}

// ---------- events (PLOVER) ----------

// PLOVER's quad classes, bottom to top in the charts; which type is in which comes from the server
// (accord-lexicon's data/events/quads.tsv), as each event's `quad`.
const QUADS = [
  ["material_cooperation", "material cooperation", "#1e7b4a"],
  ["verbal_cooperation", "verbal cooperation", "#74c08d"],
  ["verbal_conflict", "verbal conflict", "#f0a35e"],
  ["material_conflict", "material conflict", "#c0392b"],
];

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

function actorLabel(a) {
  if (!a) return "—";
  return a.code && a.name.indexOf(a.code) < 0 ? a.name + " [" + a.code + "]" : a.name;
}

function actorCell(a) {
  if (!a) return el("span", { class: "muted", text: "—" });
  return a.entity ? el("a", { class: "actor-link", href: "#/entity/" + a.entity, text: actorLabel(a) }) : el("span", { text: actorLabel(a) });
}

function quadLabel(q) {
  const k = QUADS.find(x => x[0] === q);
  return k ? k[1] : "unclassed";
}

function eventTitle(ev) {
  return ev.type + ": " + actorLabel(ev.source) + " → " + actorLabel(ev.target);
}

function eventTable(events) {
  if (!events.length) return el("p", { class: "muted", text: "No events." });
  return el("table", { class: "events" },
    el("tr", {}, ["date", "source", "type", "target", "where", "reports", "sentence"].map(h => el("th", { text: h }))),
    events.map(ev => el("tr", { "data-event": ev.id, "data-date": ev.date || "", class: "quad-" + (ev.quad || "none") },
      el("td", { text: ev.date || "" }),
      el("td", {}, actorCell(ev.source)),
      el("td", {}, el("a", { class: "event-link", href: "#/event/" + ev.id, text: ev.type }),
        ev.factuality === "asserted" || ev.factuality === "reported" ? null : el("span", { class: "muted", text: " (" + ev.factuality + ")" }),
        el("div", { class: "muted quad-name", text: quadLabel(ev.quad) })),
      el("td", {}, actorCell(ev.target)),
      el("td", { text: ev.location ? ev.location.name : "" }),
      el("td", { class: "reports", text: ev.reports }),
      el("td", { text: ev.evidence.length ? ev.evidence[0].sentence : "" }))));
}

// Events per week, stacked by quad class (cooperation below, conflict above); a click lists the week's
// events under the chart. Events dated only by month or year are left out (and counted in the note).
function eventChart(events, id, total) {
  const dated = events.map(ev => ({ ev, d: ev.date && ev.date.length === 10 ? dayNum(ev.date) : null })).filter(x => x.d !== null);
  const note = el("p", { class: "muted chart-note events-note", text: plural(dated.length, "event") + " dated to the day" +
    (events.length < total ? " (the " + events.length + " most recent of " + total + ")" : "") +
    (dated.length < events.length ? "; " + (events.length - dated.length) + " dated by month or year only, or undated, are left out" : "") + "." });
  if (!dated.length) return [note];
  const byWeek = new Map();
  dated.forEach(x => {
    const w = weekOf(x.d);
    if (!byWeek.has(w)) byWeek.set(w, []);
    byWeek.get(w).push(x.ev);
  });
  let weeks = Array.from(byWeek.keys()).sort((a, b) => a - b);
  if ((weeks[weeks.length - 1] - weeks[0]) / 7 < 1500) {
    const all = [];
    for (let w = weeks[0]; w <= weeks[weeks.length - 1]; w += 7) all.push(w);
    weeks = all;
  }
  const count = (w, q) => (byWeek.get(w) || []).filter(ev => ev.quad === q).length;
  const per = weeks.map(w => QUADS.map(([q]) => count(w, q)));
  const unclassed = weeks.map(w => (byWeek.get(w) || []).filter(ev => !QUADS.some(([q]) => q === ev.quad)).length);
  // cumulative heights, drawn from the tallest (all events) down, so each class shows as its own band
  const ys = QUADS.map((_, k) => per.map((c, i) => c.slice(0, k + 1).reduce((a, b) => a + b, 0) + (k === QUADS.length - 1 ? unclassed[i] : 0))).reverse();
  const box = el("div", { class: "chart events-chart", id });
  const legend = el("p", { class: "legend quad-legend" }, QUADS.map(([, label, c]) => el("span", {}, el("i", { class: "k", style: { background: c } }), label)));
  const list = el("div", { class: "week-events" });
  later(() => makeChart(box, {
    className: "event-week-chart", height: 200, weekly: true, data: [weeks.map(w => w * DAY), ...ys],
    series: QUADS.slice().reverse().map(([, label, c]) => ({ label, stroke: c, fill: c, paths: uPlot.paths.bars({ size: [0.8, 40, 3] }), points: { show: false } })),
    axes: [countAxis("events per week")],
    tip: i => {
      const n = (byWeek.get(weeks[i]) || []).length;
      const lines = ["Week of " + dateLabel(weeks[i]) + ": " + plural(n, "event")];
      QUADS.forEach(([, label], k) => { if (per[i][k]) lines.push(label + ": " + per[i][k]); });
      if (unclassed[i]) lines.push("unclassed: " + unclassed[i]);
      if (n) lines.push("Click to list them");
      return lines;
    },
    onPick: i => {
      const here = byWeek.get(weeks[i]) || [];
      list.replaceChildren(el("h2", { text: "Week of " + dateLabel(weeks[i]) + " (" + here.length + ")" }), eventTable(here));
      list.scrollIntoView({ block: "start" });
    },
  }));
  return [legend, box, note, list];
}

async function eventsView(params) {
  const f = {};
  ["actor", "type", "country", "from", "to"].forEach(k => { f[k] = params.get(k); });
  const events = await api("/api/events" + qs({ ...f, limit: 1000 }));
  show(
    el("h1", { text: "Events" }),
    el("p", { class: "muted", text: "Political events (PLOVER): who did what to whom, where and when. Reports of the same event by several articles are one event." }),
    filterForm("events", ["actor", "type", "country", "from", "to"], params),
    events.length ? [el("h2", { text: "Events per week" }), eventChart(events, "events-chart", events.length)] : null,
    el("h2", { text: plural(events.length, "event") + (events.length === 1000 ? " (the first 1000)" : "") }),
    eventTable(events));
}

async function eventView(id) {
  const ev = await api("/api/events/" + encodeURIComponent(id));
  const facts = [ev.date, quadLabel(ev.quad), ev.factuality + (ev.background ? ", background" : ""),
    ev.location ? "in " + ev.location.name + (ev.location.country ? " (" + ev.location.country + ")" : "") : null,
    ev.mode ? "mode " + ev.mode : null, ev.cameo ? "CAMEO " + ev.cameo : null].filter(Boolean);
  const side = (label, a) => el("p", { class: "event-side" }, label + ": ",
    !a ? el("span", { class: "muted", text: "—" }) : a.entity ? el("a", { class: "actor-link", href: "#/entity/" + a.entity, text: a.name }) : el("span", { text: a.name }),
    a && (a.code || a.country || a.sector) ? el("span", { class: "muted", text: " · " + (a.code || [a.country, a.sector].filter(Boolean).join(" ")) }) : null);
  show(
    el("h1", { class: "event-title", text: eventTitle(ev) }),
    el("p", { class: "muted event-facts", text: facts.join(" · ") }),
    side("Source", ev.source), side("Target", ev.target),
    el("h2", { text: "Reported by " + plural(ev.reports, "article") }),
    el("div", { class: "grid" }, ev.evidence.map(r => {
      // the trigger inside its sentence (code-point offsets in the article text)
      const chars = Array.from(r.sentence);
      const a = Math.max(0, r.trigger_start - r.start), b = Math.min(chars.length, r.trigger_end - r.start);
      return el("article", { class: "card event-report quad-" + (ev.quad || "none"), "data-article": r.article },
        el("blockquote", {}, chars.slice(0, a).join(""), el("b", { class: "trigger", text: chars.slice(a, b).join("") }), chars.slice(b).join("")),
        el("div", { class: "meta muted" }, el("a", { class: "report-article", href: "#/article/" + r.article + qs({ v: r.local_id }), text: r.article_title || ("#" + r.article) }),
          " · " + [r.outlet, r.published, r.factuality].filter(Boolean).join(", "),
          r.quote ? [" · ", el("a", { href: "#/quote/" + r.quote, text: "in a quote" })] : null));
    })));
}

function claimsChart(g, rows) {
  const pts = g.entries.map((e, k) => ({ e, k, x: dayNum(e.date), src: e.source || e.outlet || "unknown" })).filter(p => p.x !== null);
  if (!pts.length) return null;
  const box = el("div", { class: "chart claims-chart-box" });
  const days = Array.from(new Set(pts.map(p => p.x))).sort((a, b) => a - b);
  const col = new Map(days.map((d, i) => [d, i]));
  const srcs = Array.from(new Set(pts.map(p => p.src)));
  const ys = srcs.map(s => {
    const y = days.map(() => null);
    pts.filter(p => p.src === s).forEach(p => { y[col.get(p.x)] = p.e.value; });
    return y;
  });
  const vs = pts.map(p => p.e.value);
  const v0 = Math.min(0, ...vs), v1 = Math.max(...vs);
  later(() => makeChart(box, {
    className: "claims-chart", height: 240, legend: true, data: [days.map(d => d * DAY), ...ys],
    yRange: () => [v0, v1 > v0 ? v1 + (v1 - v0) * 0.12 : v0 + 1],
    series: srcs.map(s => ({ label: clip(s, 28), stroke: colorFor(s), width: 2, spanGaps: true,
      points: { show: true, size: 9, fill: colorFor(s) }, value: (u, v) => (v == null ? "—" : fmtValue(v)) })),
    axes: [{ stroke: "#4a5263", grid: { stroke: "#eef0f3" }, ticks: { stroke: "#c9ced8" }, size: 56, label: g.counted, labelSize: 18,
      values: (u, vals) => vals.map(fmtValue) }],
    tip: i => {
      const here = pts.filter(p => p.x === days[i]);
      return [dateLabel(days[i]) + " — " + g.counted,
        ...here.map(p => p.src + ": " + (p.e.qualifier === "exact" ? "" : p.e.qualifier + " ") + fmtValue(p.e.value) + (p.e.disputed ? " ≠ disputed" : ""))];
    },
    // disputed reports ringed in red
    draw: u => {
      const ctx = u.ctx, r = devicePixelRatio || 1, b = u.bbox;
      ctx.save();
      ctx.beginPath();
      ctx.rect(b.left, b.top, b.width, b.height);
      ctx.clip();
      ctx.strokeStyle = "#b3261e";
      ctx.lineWidth = 2 * r;
      pts.filter(p => p.e.disputed).forEach(p => {
        ctx.beginPath();
        ctx.arc(u.valToPos(p.x * DAY, "x", true), u.valToPos(p.e.value, "y", true), 8 * r, 0, 2 * Math.PI);
        ctx.stroke();
      });
      ctx.restore();
    },
    onPick: i => {
      const ks = new Set(pts.filter(p => p.x === days[i]).map(p => p.k));
      rows.forEach((r, k) => r.classList.toggle("picked", ks.has(k)));
    },
    onZoom: (min, max, all) => rows.forEach((r, k) => {
      const d = dayNum(g.entries[k].date);
      r.hidden = !all && (d === null || d * DAY < min || d * DAY > max);
    }),
  }));
  return box;
}

function claimRow(e) {
  return el("tr", { class: e.disputed ? "disputed" : "" },
    el("td", { text: e.date || "" }),
    el("td", { text: (e.qualifier === "exact" ? "" : e.qualifier + " ") + fmtValue(e.value) + (e.disputed ? " ≠" : "") }),
    el("td", { text: e.source || e.outlet || "" }),
    el("td", { text: e.text + (e.hedge ? " (" + e.hedge + ")" : "") }),
    el("td", {}, el("a", { href: "#/article/" + e.article, text: e.article_title || ("#" + e.article) })));
}

function claimGroup(g) {
  const head = g.counted + " — " + g.entries.length + " reports" + (g.disagreements.length ? " · " + g.disagreements.length + " disagreement(s)" : "");
  const flags = g.disagreements.map(d => el("p", { class: "flag disagreement",
    text: "⚠ " + d.date + ": " + d.reports.map(r => (r[0] || "?") + " says " + (r[1] === "exact" ? "" : r[1] + " ") + fmtValue(r[2])).join("; ") }));
  const rows = g.entries.map(claimRow);
  const table = el("table", { class: "claims" },
    el("tr", {}, el("th", { text: "date" }), el("th", { text: "value" }), el("th", { text: "source" }), el("th", { text: "phrase" }), el("th", { text: "article" })),
    rows);
  return el("section", { class: "claim-group" }, el("h2", { text: head }), claimsChart(g, rows), flags, table);
}

async function claimsView(params) {
  const groups = await api("/api/claims" + qs({ about: params.get("about"), limit: 20 }));
  show(
    el("h1", { text: "Claims ledger" }),
    el("p", { class: "muted", text: "The same counted quantity as reported by different sources over time; incompatible values on the same day are flagged." }),
    filterForm("claims", ["about"], params),
    groups.length ? groups.map(claimGroup) : el("p", { class: "muted", text: "No counted quantities." }));
}

// ---------- router ----------

async function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean);
  app.dataset.state = "loading";
  // the route being shown: a test waits for the view of the current hash, not the one before it
  app.dataset.route = h;
  pending.length = 0;
  try {
    if (parts[0] === "search") await search(params);
    else if (parts[0] === "quote" && parts[1]) await quoteView(parts[1]);
    else if (parts[0] === "article" && parts[1]) await articleView(parts[1], params);
    else if (parts[0] === "entity" && parts[1]) await entityView(parts[1]);
    else if (parts[0] === "timeline") await timelineView(params);
    else if (parts[0] === "events") await eventsView(params);
    else if (parts[0] === "event" && parts[1]) await eventView(parts[1]);
    else if (parts[0] === "claims") await claimsView(params);
    else await home();
  } catch (err) {
    show(el("p", { class: "error", text: "Error: " + err.message }));
  }
  window.scrollTo && !app.querySelector(".hl-target") && window.scrollTo(0, 0);
}

document.getElementById("search-form").addEventListener("submit", ev => {
  ev.preventDefault();
  location.hash = "#/search" + qs({ q: document.getElementById("search-input").value.trim() });
});
window.addEventListener("hashchange", route);
route();

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
  for (const k of kids.flat()) {
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

function show(...nodes) {
  app.replaceChildren(...nodes.flat().filter(Boolean));
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
      el("span", { text: st.quantities + " quantities" })),
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
  const t = app.querySelector(".hl-target");
  if (t && t.scrollIntoView) t.scrollIntoView({ block: "center" });
}

async function articleView(id, params) {
  const rec = await api("/api/articles/" + encodeURIComponent(id));
  show(articleBody(rec, { focusQuote: params.get("q") }));
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
    node.addEventListener("click", () => detail(side, cover.sort((p, q) => (p.e - p.s) - (q.e - q.s)), rec));
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
      el("span", { text: "dotted: entity" })),
    el("div", { class: "article-layout" }, body, side));

  function detail(box, cover, rec) {
    const rows = cover.map(x => {
      const d = x.data;
      if (x.kind === "quote" || x.kind === "cue" || x.kind === "speaker") {
        return el("div", { class: "d-quote" }, el("b", { text: "Quote " + d.id + " (" + d.type + ")" }),
          el("div", { text: "Speaker: " + x.who + (d.source && d.source.affiliation ? " · " + d.source.affiliation : "") }),
          d.cue ? el("div", { text: "Cue: " + d.cue.text }) : null,
          el("div", { class: "muted", text: "“" + d.content.text + "”" }));
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
      return null;
    });
    box.replaceChildren(...rows.filter(Boolean));
  }
}

async function entityView(id) {
  const e = await api("/api/entities/" + encodeURIComponent(id));
  show(
    el("h1", { class: "entity-name", text: e.name }),
    el("p", { class: "muted", text: e.type + " · " + e.mentions + " mentions in " + e.articles + " articles · " + e.quote_count + " quotes" }),
    e.aliases.length ? el("p", {}, "Written as: ", e.aliases.map(a => el("span", { class: "pill", text: a }))) : null,
    e.affiliations.length ? el("p", {}, "Affiliations: ", e.affiliations.map(a => el("span", { class: "pill", text: a }))) : null,
    e.titles.length ? el("div", {}, el("h2", { text: "Titles" }), el("table", {},
      el("tr", {}, el("th", { text: "title" }), el("th", { text: "first seen" }), el("th", { text: "last seen" }), el("th", { text: "times" })),
      e.titles.map(t => el("tr", {}, el("td", { text: t.title }), el("td", { text: t.first_seen || "" }), el("td", { text: t.last_seen || "" }), el("td", { text: t.count }))))) : null,
    e.related.length ? el("div", {}, el("h2", { text: "Related" }), e.related.map(r => el("a", { class: "pill", href: "#/entity/" + r.id, text: r.name + " (" + r.count + ")" }))) : null,
    el("p", {}, el("a", { href: "#/timeline" + qs({ entity: e.name }), text: "Timeline for " + e.name + " →" })),
    el("h2", { text: "Quotes" }),
    e.quotes.length ? el("div", { class: "grid quotes" }, e.quotes.map(quoteCard)) : el("p", { class: "muted", text: "No quotes." }));
}

function filterForm(route, fields, params) {
  const inputs = fields.map(f => el("input", { name: f, placeholder: f, value: params.get(f) || "" }));
  return el("form", { class: "search filter", onsubmit: ev => {
    ev.preventDefault();
    const p = {};
    inputs.forEach(i => p[i.name] = i.value.trim());
    location.hash = "#/" + route + qs(p);
  } }, inputs, el("button", { type: "submit", text: "Filter" }));
}

function dayNum(d) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || "");
  if (!m) return null;
  return Date.UTC(+m[1], (+(m[2] || 1)) - 1, +(m[3] || 1)) / 864e5;
}

function dateLabel(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }

async function timelineView(params) {
  const items = await api("/api/timeline" + qs({ entity: params.get("entity"), about: params.get("about"), limit: 500 }));
  const pts = items.map(i => ({ i, x: dayNum(i.date) })).filter(p => p.x !== null);
  let chart = null;
  if (pts.length) {
    const W = 900, H = 140, L = 40, R = 20;
    const x0 = Math.min(...pts.map(p => p.x)), x1 = Math.max(...pts.map(p => p.x)) || x0 + 1;
    const sx = x => L + (x1 === x0 ? (W - L - R) / 2 : (x - x0) / (x1 - x0) * (W - L - R));
    const stack = {};
    chart = el("div", { class: "chart" }, svg("svg", { class: "timeline-chart", width: W, height: H, viewBox: "0 0 " + W + " " + H },
      svg("line", { class: "axis", x1: L, y1: H - 30, x2: W - R, y2: H - 30 }),
      svg("text", { x: L, y: H - 12 }, dateLabel(x0)), svg("text", { x: W - R - 70, y: H - 12 }, dateLabel(x1)),
      pts.map(p => {
        const k = Math.round(sx(p.x));
        stack[k] = (stack[k] || 0) + 1;
        const y = H - 30 - stack[k] * 9;
        const fill = p.i.kind === "quote" ? colorFor(p.i.speaker) : "#7a8599";
        const link = svg("a", { href: p.i.quote ? "#/quote/" + p.i.quote : "#/article/" + p.i.article },
          svg("circle", { cx: k, cy: Math.max(6, y), r: 4, fill }, svg("title", {}, p.i.date + " — " + (p.i.speaker ? p.i.speaker + ": " : "") + p.i.text)));
        return link;
      })));
  }
  show(
    el("h1", { text: "Timeline" }),
    filterForm("timeline", ["entity", "about"], params),
    chart,
    items.length ? el("table", { class: "timeline" },
      el("tr", {}, el("th", { text: "date" }), el("th", { text: "kind" }), el("th", { text: "who / expression" }), el("th", { text: "text" }), el("th", { text: "article" })),
      items.map(i => el("tr", {}, el("td", { text: i.date }), el("td", { text: i.kind }), el("td", { text: i.speaker || i.expression || "" }),
        el("td", {}, i.quote ? el("a", { href: "#/quote/" + i.quote, text: "“" + i.text + "”" }) : el("span", { text: i.text })),
        el("td", {}, el("a", { href: "#/article/" + i.article, text: i.article_title || ("#" + i.article) })))))
      : el("p", { class: "muted", text: "No dated quotes or facts." }));
}

function claimsChart(g) {
  const pts = g.entries.map(e => ({ e, x: dayNum(e.date), src: e.source || e.outlet || "unknown" })).filter(p => p.x !== null);
  if (!pts.length) return null;
  const W = 900, H = 220, L = 50, R = 160, T = 12, B = 30;
  const xs = pts.map(p => p.x), vs = pts.map(p => p.e.value);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), v0 = Math.min(0, ...vs), v1 = Math.max(...vs) || 1;
  const sx = x => L + (x1 === x0 ? (W - L - R) / 2 : (x - x0) / (x1 - x0) * (W - L - R));
  const sy = v => T + (1 - (v - v0) / (v1 - v0 || 1)) * (H - T - B);
  const bySrc = {};
  pts.forEach(p => (bySrc[p.src] = bySrc[p.src] || []).push(p));
  const srcs = Object.keys(bySrc);
  return el("div", { class: "chart" }, svg("svg", { class: "claims-chart", width: W, height: H, viewBox: "0 0 " + W + " " + H },
    svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }),
    svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }),
    svg("text", { x: 4, y: sy(v1) + 4 }, fmtValue(v1)), svg("text", { x: 4, y: sy(v0) }, fmtValue(v0)),
    svg("text", { x: L, y: H - 10 }, dateLabel(x0)), svg("text", { x: W - R - 70, y: H - 10 }, dateLabel(x1)),
    srcs.map((s, k) => {
      const ps = bySrc[s].sort((a, b) => a.x - b.x), c = colorFor(s);
      return svg("g", { class: "series", "data-source": s },
        ps.length > 1 ? svg("polyline", { fill: "none", stroke: c, "stroke-width": 2, points: ps.map(p => sx(p.x) + "," + sy(p.e.value)).join(" ") }) : null,
        ps.map(p => svg("a", { href: "#/article/" + p.e.article },
          svg("circle", { cx: sx(p.x), cy: sy(p.e.value), r: p.e.disputed ? 6 : 4, fill: c, stroke: p.e.disputed ? "#b3261e" : "none", "stroke-width": 2 },
            svg("title", {}, s + ", " + p.e.date + ": " + p.e.qualifier + " " + fmtValue(p.e.value))))),
        svg("rect", { x: W - R + 10, y: T + k * 16, width: 10, height: 10, fill: c }),
        svg("text", { x: W - R + 26, y: T + k * 16 + 9 }, s.length > 22 ? s.slice(0, 21) + "…" : s));
    })));
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
  const table = el("table", { class: "claims" },
    el("tr", {}, el("th", { text: "date" }), el("th", { text: "value" }), el("th", { text: "source" }), el("th", { text: "phrase" }), el("th", { text: "article" })),
    g.entries.map(claimRow));
  return el("section", { class: "claim-group" }, el("h2", { text: head }), claimsChart(g), flags, table);
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
  try {
    if (parts[0] === "search") await search(params);
    else if (parts[0] === "quote" && parts[1]) await quoteView(parts[1]);
    else if (parts[0] === "article" && parts[1]) await articleView(parts[1], params);
    else if (parts[0] === "entity" && parts[1]) await entityView(parts[1]);
    else if (parts[0] === "timeline") await timelineView(params);
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

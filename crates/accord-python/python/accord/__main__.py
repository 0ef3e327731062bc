"""``python -m accord``: the ``accord`` command's extract and knowledge-base commands from Python.

Same flags and the same JSON as the binary: ``extract`` (byte-identical accord/1 JSON Lines), ``ingest``
(plus ``--analysed`` for accord/1 JSON Lines such as the Spark job's ``documents`` layer), ``quotes``,
``entity``, ``events``, ``timeline``, ``claims``. Exit codes: 0 ok, 1 when an input failed, 2 for a usage error.
``eval``, ``parse``, ``train``, ``bench`` and ``serve`` are run by the ``accord`` binary when it is on PATH.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

import accord


def _db(a) -> str:
    return a.db or os.environ.get("ACCORD_DB") or "accord-data"


def _extract(a) -> int:
    pipe = accord.Pipeline(date=a.date)
    records, errors = accord.read_files(a.inputs)
    out = sys.stdout
    docs = pipe.extract_many(records, errors="skip", tokens=not a.no_tokens)
    for i in range(len(docs)):
        out.write(docs.json(i))
        out.write("\n")
    out.flush()
    for e in errors + [m for _, _, m in docs.errors]:
        print(f"accord: {e}", file=sys.stderr)
    return 1 if errors or docs.errors else 0


def _ingest(a) -> int:
    kb = accord.KnowledgeBase(_db(a))
    r = kb.ingest(a.paths, date=a.date, analysed=a.analysed)
    stats = kb.stats()
    if a.json:
        print(json.dumps({"db": _db(a), **r, "total": stats}, indent=2))
    else:
        print(f"ingested {r['ingested']} articles ({r['new']} new, {r['near_duplicates']} near-duplicates linked), "
              f"{r['already_present']} already present, {r['failed']} failed")
        print(f"knowledge base {_db(a)}: {stats['articles']} articles, {stats['quotes']} quotes, "
              f"{stats['entities']} entities, {stats['quantities']} quantities, {stats['events']} events")
        if r["failures"]:
            print("failed:")
            for f in r["failures"]:
                print(f"  {f}")
    return 1 if r["failures"] else 0


def _open(a):
    db = _db(a)
    if not os.path.exists(os.path.join(db, "accord.sqlite")):
        print(f"accord: error: no knowledge base in {db} (run `accord ingest --db {db} FILES...` first)",
              file=sys.stderr)
        raise SystemExit(2)
    return accord.KnowledgeBase(db)


def _print_rows(t, cols) -> None:
    for row in t.to_pylist():
        print("  ".join(str(row.get(c) if row.get(c) is not None else "-") for c in cols))


def _quotes(a) -> int:
    t = _open(a).quotes(speaker=a.speaker, about=a.about, since=getattr(a, "from"), until=a.to, limit=a.limit)
    if a.json:
        print(json.dumps(t.to_pylist(), indent=2, ensure_ascii=False))
    else:
        _print_rows(t, ["date", "speaker", "type", "content"])
    return 0


def _entity(a) -> int:
    e = _open(a).entity(a.name)
    if e is None:
        print(f"accord: no entity matches {a.name!r}", file=sys.stderr)
        return 1
    print(json.dumps(e, indent=2, ensure_ascii=False) if a.json else
          f"{e['name']} ({e['type']}): {e['articles']} articles, {e['quote_count']} quotes")
    return 0


def _events(a) -> int:
    kb = _open(a)
    args = dict(actor=a.actor, type=a.type, country=a.country, since=getattr(a, "from"), until=a.to, limit=a.limit)
    if a.json:
        print(json.dumps(kb.events_json(**args), indent=2, ensure_ascii=False))
    else:
        _print_rows(kb.events(**args), ["date", "source", "type", "target", "location", "reports", "sentence"])
    return 0


def _timeline(a) -> int:
    t = _open(a).timeline(entity=a.entity, about=a.about, limit=a.limit)
    if a.json:
        print(json.dumps(t.to_pylist(), indent=2, ensure_ascii=False))
    else:
        _print_rows(t, ["date", "kind", "speaker", "text"])
    return 0


def _claims(a) -> int:
    kb = _open(a)
    if a.json:
        print(json.dumps(kb.claims_json(about=a.about, limit=a.limit), indent=2, ensure_ascii=False))
    else:
        _print_rows(kb.claims(about=a.about, limit=a.limit), ["counted", "date", "source", "qualifier", "value"])
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m accord",
                                description="Structured, sourced facts from news text: who said what, according to whom")
    p.add_argument("--version", action="version", version=f"accord {accord.__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("extract", help="accord/1 JSON for .txt/.jsonl/html/feed/WARC inputs")
    s.add_argument("inputs", nargs="+")
    s.add_argument("--date")
    s.add_argument("--format", choices=["json"], default="json")
    s.add_argument("--no-tokens", action="store_true")
    s.set_defaults(run=_extract)
    s = sub.add_parser("ingest", help="add articles to the knowledge base")
    s.add_argument("paths", nargs="+")
    s.add_argument("--db")
    s.add_argument("--date")
    s.add_argument("--batch", type=int, default=16)
    s.add_argument("--json", action="store_true")
    s.add_argument("--analysed", action="store_true",
                   help="inputs are accord/1 JSON Lines (accord extract output, the Spark job's documents layer)")
    s.set_defaults(run=_ingest)
    s = sub.add_parser("quotes", help="list quotes in the knowledge base")
    s.add_argument("--speaker")
    s.add_argument("--about")
    s.add_argument("--from")
    s.add_argument("--to")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--json", action="store_true")
    s.add_argument("--db")
    s.set_defaults(run=_quotes)
    s = sub.add_parser("entity", help="one entity of the knowledge base")
    s.add_argument("name")
    s.add_argument("--json", action="store_true")
    s.add_argument("--db")
    s.set_defaults(run=_entity)
    s = sub.add_parser("events", help="political events (PLOVER) with the articles reporting them")
    s.add_argument("--actor")
    s.add_argument("--type")
    s.add_argument("--country")
    s.add_argument("--from")
    s.add_argument("--to")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--json", action="store_true")
    s.add_argument("--db")
    s.set_defaults(run=_events)
    s = sub.add_parser("timeline", help="dated facts, quotes and events in order")
    s.add_argument("--entity")
    s.add_argument("--about")
    s.add_argument("--limit", type=int, default=200)
    s.add_argument("--json", action="store_true")
    s.add_argument("--db")
    s.set_defaults(run=_timeline)
    s = sub.add_parser("claims", help="the claims ledger")
    s.add_argument("--about")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--json", action="store_true")
    s.add_argument("--db")
    s.set_defaults(run=_claims)
    return p


BINARY_ONLY = ("eval", "parse", "train", "bench", "serve")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in BINARY_ONLY:
        exe = shutil.which("accord")
        if exe is None:
            print(f"accord: `{argv[0]}` needs the accord binary on PATH (cargo install --path crates/accord-cli)",
                  file=sys.stderr)
            return 2
        os.execv(exe, [exe] + argv)
    a = parser().parse_args(argv)
    try:
        return a.run(a)
    except accord.AccordError as e:
        print(f"accord: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

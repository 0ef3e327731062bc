"""accord: structured, sourced facts from news text — who said what, according to whom.

Quick start::

    import accord
    docs = accord.Pipeline().extract_many(["“We will not back down,” the minister said on Tuesday."])
    accord.quotes(docs).to_pandas()

* :func:`extract` analyses one text and returns its ``accord/1`` document as a dict.
* :class:`Pipeline` loads the models once; :meth:`Pipeline.extract_many` analyses many texts or records
  (dicts with ``id``/``text``/``date``/``title``/``source``/``url``) in batches on every core, with the GIL
  released, and returns :class:`Documents`.
* :func:`quotes`, :func:`entities`, :func:`quantities`, :func:`dates`, :func:`events` turn documents into
  ``pyarrow.Table`` objects built on the Rust side (``.to_pandas()`` for a DataFrame).
* :class:`KnowledgeBase` is the knowledge base of ``accord ingest``/``quotes``/``entity``/``timeline``/
  ``claims``.
* ``python -m accord`` mirrors the ``accord`` command's extract and knowledge-base commands;
  :mod:`accord.spark` runs the pipeline on Apache Spark.

Errors are :class:`AccordError` (a ``ValueError``) naming the record, file and position.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any, Iterable, Optional, Union

from . import _accord
from ._accord import AccordError

__all__ = [
    "AccordError",
    "Documents",
    "KnowledgeBase",
    "Pipeline",
    "STAGES",
    "LAYERS",
    "dates",
    "documents",
    "entities",
    "events",
    "extract",
    "quantities",
    "quotes",
    "read_documents",
    "read_files",
]

__version__ = _accord.__version__
STAGES: tuple = tuple(_accord.stages())
LAYERS: tuple = ("quotes", "entities", "quantities", "dates", "events", "documents")
MAX_BYTES: int = _accord.MAX_BYTES


def _strip_position(i: int, id_: str, msg: str) -> str:
    """The reason alone, without the ``record N (id X): `` prefix the batch call puts first."""
    for p in (f"record {i} (id {id_}): ", f"record {i}: "):
        if msg.startswith(p):
            return msg[len(p):]
    return msg


class Documents(Sequence):
    """Analysed ``accord/1`` documents, held on the Rust side.

    A sequence of dicts (``docs[0]["attributions"]``); ``errors`` lists ``(index, id, message)`` for the
    records that could not be read or analysed; the layer tables (``docs.quotes()``…) are built without a
    Python loop per row.
    """

    __slots__ = ("_rust",)

    def __init__(self, rust: "_accord.Documents"):
        self._rust = rust

    def __len__(self) -> int:
        return len(self._rust)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("document index out of range")
        return json.loads(self._rust.json(i))

    def __repr__(self) -> str:
        return f"<accord.Documents: {len(self)} documents, {len(self.errors)} failed>"

    @property
    def errors(self) -> list:
        """``(input index, id, message)`` for each record that failed."""
        return self._rust.errors

    @property
    def ids(self) -> list:
        """Document ids, in input order."""
        return self._rust.ids()

    @property
    def input_index(self) -> list:
        """Input position of each document (records that failed leave gaps)."""
        return self._rust.input_index()

    def json(self, i: int) -> str:
        """The ``accord/1`` JSON text of document ``i`` (byte for byte what ``accord extract`` prints)."""
        return self._rust.json(i)

    def table(self, layer: str):
        """The ``pyarrow.Table`` of one layer: quotes, entities, quantities, dates, events or
        documents."""
        from ._arrow import table

        return table(self._rust, layer)

    def quotes(self):
        return self.table("quotes")

    def entities(self):
        return self.table("entities")

    def quantities(self):
        return self.table("quantities")

    def dates(self):
        return self.table("dates")

    def events(self):
        return self.table("events")


def _as_documents(docs) -> Documents:
    if isinstance(docs, Documents):
        return docs
    if isinstance(docs, dict):
        docs = [docs]
    items = [d if isinstance(d, (str, bytes)) else json.dumps(d, ensure_ascii=False) for d in docs]
    rust = _accord.Documents.from_json(items)
    if rust.errors:
        raise AccordError(rust.errors[0][2])
    return Documents(rust)


def quotes(docs):
    """One row per quote: article ``id`` and ``date``, ``quote_id``, ``type``, ``content``, ``cue``,
    ``speaker`` (the words) each with ``_start``/``_end`` (code points) and ``_byte_start``/``_byte_end``,
    ``speaker_entity``, ``speaker_name`` (resolved), ``speaker_titles``, ``affiliation``, ``source_kind``,
    ``source_name``. ``docs``: :class:`Documents`, a document dict or a list of them."""
    return _as_documents(docs).table("quotes")


def entities(docs):
    """One row per entity: ``id``, ``date``, ``entity_id``, ``type``, ``name``, ``titles``,
    ``affiliation``, ``mentions`` (count) and the offsets of the first mention."""
    return _as_documents(docs).table("entities")


def quantities(docs):
    """One row per quantity: ``id``, ``date``, ``value``, ``qualifier``, ``counted``, ``text`` and its
    offsets, ``quote_id`` (the attribution holding it), ``source``, ``hedge``."""
    return _as_documents(docs).table("quantities")


def dates(docs):
    """One row per date expression: ``id``, ``date``, ``text`` and offsets, ``value``, ``relative``."""
    return _as_documents(docs).table("dates")


def events(docs):
    """One row per PLOVER event: ``id``, ``date``, ``event_id``, ``type``, ``mode``, ``cameo``,
    ``confidence``, ``trigger`` and its offsets, ``sentence`` with ``sentence_start``/``sentence_end``;
    for ``source`` and ``target`` the phrase, ``_entity``, ``_code``, ``_country`` (ISO 3166 alpha-3),
    ``_sector`` of the head actor and ``_actors`` (every actor's phrase when the slot names several);
    ``location``, ``location_entity``, ``location_country``; ``event_date``, ``event_date_relative``;
    ``attribution`` (the quote it is reported in), ``factuality``, ``background``."""
    return _as_documents(docs).table("events")


def documents(docs):
    """One row per document: ``id``, ``date``, ``title``, ``url``, ``sources``, counts and ``json``."""
    return _as_documents(docs).table("documents")


class Pipeline:
    """accord's pipeline, loaded once (models, lexicons, the attribution scorer).

    ``disable``: stage names to switch off (see :data:`STAGES`); ``date``: publication date
    (``YYYY-MM-DD``) for texts that carry none; ``any_language``: analyse texts that read as another
    language than English too (by default their documents, ``language`` set, hold only paragraphs,
    sentences and tokens).
    """

    def __init__(self, disable: Iterable[str] = (), *, date: Optional[str] = None, any_language: bool = False):
        self._rust = _accord.Pipeline(list(disable), date, any_language)

    @property
    def disabled(self) -> list:
        return self._rust.disabled

    def extract(self, text: Union[str, bytes], *, date: Optional[str] = None, id: Optional[str] = None,
                tokens: bool = True) -> dict:
        """Analyses one text; returns the ``accord/1`` document as a dict."""
        return json.loads(self._rust.extract_json(text, date, id, tokens))

    def extract_many(self, texts_or_records: Iterable[Any], *, batch_size: int = _accord.BATCH_DOCS,
                     threads: Optional[int] = None, tokens: bool = True, errors: str = "raise",
                     max_bytes: int = MAX_BYTES) -> Documents:
        """Analyses many texts (``str``/``bytes``) or records (dicts with ``text`` and optional ``id``,
        ``date``, ``title``, ``source``, ``url``) in batches of ``batch_size`` on ``threads`` threads (every
        core by default) with the GIL released, in input order.

        ``errors="raise"`` raises :class:`AccordError` for the first record that cannot be read (no text,
        not a string, invalid UTF-8, over ``max_bytes``) after the others were analysed;
        ``errors="skip"`` leaves it out and lists it in :attr:`Documents.errors`.
        """
        if errors not in ("raise", "skip"):
            raise ValueError("errors must be 'raise' or 'skip'")
        if isinstance(texts_or_records, (str, bytes, dict)):
            texts_or_records = [texts_or_records]
        rust = self._rust.analyse(texts_or_records, batch_size, threads, tokens, max_bytes)
        if errors == "raise" and rust.errors:
            i, _id, msg = rust.errors[0]
            more = len(rust.errors) - 1
            raise AccordError(msg + (f" (and {more} more failed records)" if more else ""))
        return Documents(rust)


_default: Optional[Pipeline] = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: Union[str, bytes], *, date: Optional[str] = None, id: Optional[str] = None) -> dict:
    """Analyses one text with the default pipeline; returns its ``accord/1`` document as a dict."""
    return _pipeline().extract(text, date=date, id=id)


def read_files(paths) -> tuple:
    """Reads articles from files or folders (``.txt``, ``.jsonl``, HTML, RSS/Atom, WARC) the way
    ``accord extract`` does, without analysing them: ``(records, errors)``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _accord.read_files([os.fspath(p) for p in paths])


def read_documents(paths) -> tuple:
    """Reads analysed ``accord/1`` JSON Lines (``accord extract`` output, the Spark job's ``documents``
    layer): ``(Documents, errors)``; Spark's ``_SUCCESS`` and ``.crc`` files are skipped."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    rust, errs = _accord.read_documents([os.fspath(p) for p in paths])
    return Documents(rust), errs


def _table(rows: list, fields: list):
    import pyarrow as pa

    schema = pa.schema(fields)
    return pa.Table.from_pylist(rows, schema=schema)


def _pa():
    import pyarrow as pa

    return pa


class KnowledgeBase:
    """The knowledge base in folder ``path`` (SQLite + full-text index), created when missing — the one
    ``accord ingest --db PATH`` writes and ``accord serve`` serves."""

    def __init__(self, path):
        self._rust = _accord.KnowledgeBase(os.fspath(path))

    @property
    def path(self) -> str:
        return str(self._rust.path)

    def ingest(self, items, *, date: Optional[str] = None, pipeline: Optional[Pipeline] = None,
               analysed: bool = False) -> dict:
        """Adds articles: paths (files or folders, read as ``accord ingest`` reads them), texts or records,
        or already analysed :class:`Documents` / ``accord/1`` dicts (stored without analysing again).
        ``analysed=True`` reads the paths as ``accord/1`` JSON Lines (the Spark job's ``documents``).
        Returns the counts and the failures."""
        failures: list = []
        if isinstance(items, (str, os.PathLike)):
            items = [items]
        if isinstance(items, Documents):
            docs = items
        else:
            items = list(items)
            for p in items:
                # a path that is not there is an error, not a text to analyse (texts contain spaces)
                if isinstance(p, os.PathLike) or (isinstance(p, str) and p and not any(c.isspace() for c in p)):
                    if not os.path.exists(os.fspath(p)):
                        raise AccordError(f"{os.fspath(p)}: no such file or directory")
            if items and all(isinstance(p, (str, os.PathLike)) for p in items) and all(
                    os.path.exists(os.fspath(p)) for p in items):
                if analysed:
                    docs, failures = read_documents(items)
                else:
                    records, failures = read_files(items)
                    records = [r for r in records if r["text"].strip() or failures.append(f"{r['id']}: empty text")]
                    docs = (pipeline or Pipeline(date=date)).extract_many(records, errors="skip")
                    failures += [m for _, _, m in docs.errors]
            elif items and all(isinstance(d, dict) and d.get("schema") == "accord/1" for d in items):
                docs = _as_documents(items)
            else:
                docs = (pipeline or Pipeline(date=date)).extract_many(items, errors="skip")
                failures += [m for _, _, m in docs.errors]
        added, near, present = self._rust.add_documents(docs._rust, None)
        return {"ingested": added + near, "new": added, "near_duplicates": near, "already_present": present,
                "failed": len(failures), "failures": list(failures)}

    def quotes(self, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, limit: int = 50):
        """Quotes (``accord quotes``) as a ``pyarrow.Table``: one row per quote with its speaker and article."""
        pa = _pa()
        rows = json.loads(self._rust.quotes_json(speaker, about, since, until, None, limit))
        return _table(rows, [
            ("id", pa.int64()), ("local_id", pa.string()), ("type", pa.string()), ("content", pa.string()),
            ("start", pa.int64()), ("end", pa.int64()), ("speaker", pa.string()), ("speaker_entity", pa.int64()),
            ("speaker_title", pa.string()), ("source_kind", pa.string()), ("article", pa.int64()),
            ("article_title", pa.string()), ("outlet", pa.string()), ("date", pa.string())])

    def entity(self, name: str) -> Optional[dict]:
        """Everything known about one entity (``accord entity NAME``), or None."""
        return json.loads(self._rust.entity_json(name))

    def timeline(self, entity: Optional[str] = None, about: Optional[str] = None, limit: int = 200):
        """Dated quotes, facts and events in date order (``accord timeline``) as a ``pyarrow.Table``."""
        pa = _pa()
        rows = json.loads(self._rust.timeline_json(entity, about, limit))
        return _table(rows, [
            ("date", pa.string()), ("kind", pa.string()), ("text", pa.string()), ("speaker", pa.string()),
            ("expression", pa.string()), ("article", pa.int64()), ("article_title", pa.string()),
            ("quote", pa.int64()), ("event", pa.int64()), ("event_type", pa.string()), ("actors", pa.string()),
            ("quad", pa.string()), ("start", pa.int64()), ("end", pa.int64())])

    def events(self, actor: Optional[str] = None, type: Optional[str] = None, country: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, limit: int = 50):
        """Political events (``accord events``) as a ``pyarrow.Table``: one flat row per event, the columns
        of ``accord events --format csv`` (``articles``: the reporting article ids, ``sentence``: the first
        report's)."""
        pa = _pa()
        rows = []
        for e in self.events_json(actor, type, country, since, until, limit):
            src, tgt, loc = e["source"] or {}, e["target"] or {}, e["location"] or {}
            rows.append({
                "id": e["id"], "date": e["date"], "source": src.get("name"), "source_country": src.get("country"),
                "source_sector": src.get("sector"), "type": e["type"], "mode": e["mode"], "quad": e["quad"],
                "target": tgt.get("name"), "target_country": tgt.get("country"), "target_sector": tgt.get("sector"),
                "location": loc.get("name"), "location_country": loc.get("country"), "factuality": e["factuality"],
                "background": e["background"], "reports": e["reports"], "articles": e["articles"],
                "sentence": e["evidence"][0]["sentence"] if e["evidence"] else None})
        return _table(rows, [
            ("id", pa.int64()), ("date", pa.string()), ("source", pa.string()), ("source_country", pa.string()),
            ("source_sector", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("quad", pa.string()),
            ("target", pa.string()), ("target_country", pa.string()), ("target_sector", pa.string()),
            ("location", pa.string()), ("location_country", pa.string()), ("factuality", pa.string()),
            ("background", pa.bool_()), ("reports", pa.int64()), ("articles", pa.list_(pa.int64())),
            ("sentence", pa.string())])

    def events_json(self, actor: Optional[str] = None, type: Optional[str] = None, country: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None, limit: int = 50) -> list:
        """Events as ``accord events --json`` gives them: each with its actors, place and every report."""
        return json.loads(self._rust.events_json(actor, type, country, since, until, limit))

    def claims(self, about: Optional[str] = None, limit: int = 50):
        """The claims ledger (``accord claims``) as a ``pyarrow.Table``: one row per report, with the
        quantity it counts (``counted``, ``key``)."""
        pa = _pa()
        rows = []
        for g in json.loads(self._rust.claims_json(about, limit)):
            for e in g["entries"]:
                rows.append({"counted": g["counted"], "key": g["key"], **e})
        return _table(rows, [
            ("counted", pa.string()), ("key", pa.string()), ("value", pa.float64()), ("qualifier", pa.string()),
            ("source", pa.string()), ("outlet", pa.string()), ("article", pa.int64()),
            ("article_title", pa.string()), ("date", pa.string()), ("text", pa.string()), ("start", pa.int64()),
            ("end", pa.int64()), ("hedge", pa.string()), ("disputed", pa.bool_())])

    def claims_json(self, about: Optional[str] = None, limit: int = 50) -> list:
        """The claims ledger as ``accord claims --json`` gives it (groups with their disagreements)."""
        return json.loads(self._rust.claims_json(about, limit))

    def stats(self) -> dict:
        """Counts of articles, quotes, entities, quantities, events."""
        return json.loads(self._rust.stats_json())

"""accord on Apache Spark: ``analyse(df)`` turns a DataFrame of articles into one DataFrame per layer.

Each Python worker loads the pipeline once and analyses Arrow batches (``mapInArrow``), one article per
input row; the per-article result is kept (persisted) so that every layer is read from one analysis.
Bad rows (no text, not a string, invalid UTF-8, over ``max_bytes``, a bad date) never stop a task: they
come out in the ``failed`` DataFrame with the reason.

Layer schemas (all columns nullable; offsets count Unicode code points, ``*_byte_*`` UTF-8 bytes; see
:func:`schema`)::

    quotes      id, date, quote_id, type, content, content_start, content_end, content_byte_start,
                content_byte_end, cue (+ the same four offsets), speaker (+ offsets), speaker_entity,
                speaker_name, speaker_titles array<string>, affiliation, source_kind, source_name
    entities    id, date, entity_id, type, name, titles array<string>, affiliation, mentions bigint,
                first_start, first_end, first_byte_start, first_byte_end
    quantities  id, date, value double, qualifier, counted, text, start, end, byte_start, byte_end,
                quote_id, source, hedge
    dates       id, date, text, start, end, byte_start, byte_end, value, relative boolean
    events      id, date, event_id, type, mode, cameo, confidence double, trigger (+ offsets), sentence,
                sentence_start, sentence_end, source, source_entity, source_code, source_country,
                source_sector, source_actors array<string>, target (+ the same five), location,
                location_entity, location_country, event_date, event_date_relative boolean,
                attribution, factuality, background boolean
    documents   id, date, title, url, sources array<string>, quotes, entities, quantities, json (accord/1)
    failed      id, error
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Optional

LAYERS = ("quotes", "entities", "quantities", "dates", "events", "documents")
DEFAULT_LAYERS = ("quotes", "entities", "quantities")
ERROR_COLUMN = "_accord_error"


def _spark_type(kind: str):
    from pyspark.sql import types as T

    return {
        "str": T.StringType(),
        "i64": T.LongType(),
        "f64": T.DoubleType(),
        "bool": T.BooleanType(),
        "list_str": T.ArrayType(T.StringType()),
    }[kind]


def _kinds(layer: str) -> list:
    from accord import _accord

    return [(n, k) for n, k in _accord.layer_schema(layer) if n != "_doc"]


def schema(layer: str):
    """The Spark ``StructType`` of one layer's DataFrame."""
    from pyspark.sql import types as T

    if layer == "failed":
        return T.StructType([T.StructField("id", T.StringType()), T.StructField("error", T.StringType())])
    return T.StructType([T.StructField(n, _spark_type(k)) for n, k in _kinds(layer)])


def _articles_schema(layers):
    from pyspark.sql import types as T

    return T.StructType(
        [T.StructField("id", T.StringType()), T.StructField("date", T.StringType()),
         T.StructField("error", T.StringType())]
        + [T.StructField(layer, T.ArrayType(schema(layer))) for layer in layers])


_PIPELINES: dict = {}


def _pipeline(disable, date):
    import accord

    key = (tuple(disable), date)
    if key not in _PIPELINES:
        _PIPELINES[key] = accord.Pipeline(disable, date=date)
    return _PIPELINES[key]


def _reason(i: int, id_: str, msg: str) -> str:
    from accord import _strip_position

    return _strip_position(i, id_, msg)


def _texts(col):
    """Python values of a text column; strings travel as bytes so that invalid UTF-8 reaches the Rust
    side, which names the byte offset instead of failing the whole batch."""
    import pyarrow as pa

    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        col = col.cast(pa.large_binary())
    return col.to_pylist()


def _strings(col, n):
    import pyarrow as pa

    if col is None:
        return [None] * n
    try:
        return col.cast(pa.string()).to_pylist()
    except Exception:
        return [None if v is None else str(v) for v in col.to_pylist()]


def _records_columns(b, text, id_col, date_col):
    n = b.num_rows
    names = b.schema.names
    texts = _texts(b.column(names.index(text)))
    ids = _strings(b.column(names.index(id_col)), n)
    dates = _strings(b.column(names.index(date_col)) if date_col else None, n)
    pre = _strings(b.column(names.index(ERROR_COLUMN)), n) if ERROR_COLUMN in names else [None] * n
    recs = [{"id": ids[i], "text": texts[i], "date": dates[i]} for i in range(n)]
    return recs, ids, dates, pre


def _records_jsonl(b, id_col):
    """Rows of raw JSON Lines (``value``, ``_file``): each parsed here, so a bad line is one failed row."""
    n = b.num_rows
    names = b.schema.names
    values = b.column(names.index("value")).cast(__import__("pyarrow").large_binary()).to_pylist()
    ids = _strings(b.column(names.index(id_col)), n)
    recs, dates, pre = [], [], []
    for i, v in enumerate(values):
        err, rec = None, None
        try:
            rec = json.loads(v)
            if not isinstance(rec, dict):
                err, rec = f"line is JSON {type(rec).__name__}, not an object", None
        except (ValueError, UnicodeDecodeError) as e:
            err = f"not JSON: {e}"
        if rec is None:
            recs.append({"id": ids[i], "text": None})
            dates.append(None)
        else:
            if rec.get("id") is not None:
                ids[i] = rec["id"] if isinstance(rec["id"], str) else json.dumps(rec["id"])
            rec["id"] = ids[i]
            recs.append(rec)
            d = rec.get("date")
            dates.append(d if isinstance(d, str) else None)
        pre.append(err)
    return recs, ids, dates, pre


def _nested(rust_docs, layer, n_rows, doc_rows):
    import numpy as np
    import pyarrow as pa

    from accord._arrow import column

    cols = rust_docs.columns(layer)
    arrays, names = [], []
    doc = None
    for name, kind, n, validity, b1, b2, b3 in cols:
        a = column(kind, n, validity, b1, b2, b3)
        if name == "_doc":
            doc = a.to_numpy(zero_copy_only=False)
            continue
        if kind == "str":
            a = a.cast(pa.string())
        elif kind == "list_str":
            a = a.cast(pa.list_(pa.string()))
        arrays.append(a)
        names.append(name)
    rows = doc_rows[doc] if len(doc) else np.zeros(0, dtype=np.int64)
    counts = np.bincount(rows, minlength=n_rows) if n_rows else np.zeros(0, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    struct = pa.StructArray.from_arrays(arrays, names=names)
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), struct)


def _process(b, mode, text, id_col, date_col, layers, pipe, batch_size, max_bytes):
    import numpy as np
    import pyarrow as pa

    if mode == "jsonl":
        recs, ids, dates, pre = _records_jsonl(b, id_col)
    else:
        recs, ids, dates, pre = _records_columns(b, text, id_col, date_col)
    n = len(recs)
    errors = list(pre)
    todo = [i for i in range(n) if errors[i] is None]
    docs = pipe._rust.analyse([recs[i] for i in todo], batch_size, 1, False, max_bytes)
    for j, id_, msg in docs.errors:
        errors[todo[j]] = _reason(j, id_, msg)
    doc_rows = np.array([todo[j] for j in docs.input_index()], dtype=np.int64)
    arrays = [pa.array(ids, pa.string()), pa.array(dates, pa.string()), pa.array(errors, pa.string())]
    arrays += [_nested(docs, layer, n, doc_rows) for layer in layers]
    return pa.RecordBatch.from_arrays(arrays, names=["id", "date", "error", *layers])


def _worker(mode, text, id_col, date_col, layers, disable, default_date, batch_size, max_bytes, chunk):
    def run(batches):
        pipe = _pipeline(disable, default_date)
        for b in batches:
            for start in range(0, b.num_rows, chunk):
                yield _process(b.slice(start, chunk), mode, text, id_col, date_col, layers, pipe, batch_size,
                               max_bytes)

    return run


class Analysis(dict):
    """Layer name → DataFrame, plus ``failed`` (id, error); ``articles`` is the per-article DataFrame
    (id, date, error and one array column per layer) every layer is read from."""

    articles = None


def analyse(df, text: str = "text", id: Optional[str] = "id", date: Optional[str] = None,
            layers: Iterable[str] = DEFAULT_LAYERS, *, disable: Iterable[str] = (),
            default_date: Optional[str] = None, batch_size: int = 32, max_bytes: Optional[int] = None,
            rows_per_chunk: int = 256, persist: bool = True, _mode: str = "columns") -> Analysis:
    """Runs accord over a DataFrame of articles.

    ``text``: the column with the article text (string or binary); ``id``: the article id column (a
    missing or null id gets a generated one); ``date``: an optional publication-date column
    (``YYYY-MM-DD``, a date or a timestamp); ``layers``: any of quotes, entities, quantities, dates,
    events, documents. Returns an :class:`Analysis`: a dict from layer name to DataFrame (each with the article's
    ``id`` and ``date`` first; schemas in :func:`schema`) plus ``failed``.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    import accord

    layers = tuple(layers)
    for layer in layers:
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r} (layers: {', '.join(LAYERS)})")
    disable = tuple(disable)
    accord.Pipeline(disable, date=default_date)  # checks stage names and the date on the driver
    max_bytes = accord.MAX_BYTES if max_bytes is None else max_bytes
    gen = F.concat(F.lit("row-"), F.monotonically_increasing_id().cast("string"))
    if id is None or id not in df.columns:
        id_col = "_accord_id"
        df = df.withColumn(id_col, gen)
    else:
        id_col = id
        df = df.withColumn(id_col, F.coalesce(F.col(id).cast("string"), gen))
    if _mode == "columns" and text not in df.columns:
        raise ValueError(f"no column {text!r} in the DataFrame (columns: {', '.join(df.columns)})")
    keep = [c for c in dict.fromkeys([text if _mode == "columns" else "value", id_col, date, ERROR_COLUMN])
            if c and c in df.columns]
    articles = df.select(*keep).mapInArrow(
        _worker(_mode, text, id_col, date, layers, disable, default_date, batch_size, max_bytes, rows_per_chunk),
        _articles_schema(layers))
    if persist:
        articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    out = Analysis()
    out.articles = articles
    for layer in layers:
        out[layer] = articles.select(F.explode(layer).alias("_r")).select("_r.*")
    out["failed"] = articles.where(F.col("error").isNotNull()).select("id", "error")
    return out


def summarise(analysis: Analysis) -> dict:
    """Rows in, rows out, rows failed with the reasons (counted by kind, numbers replaced by N)."""
    from pyspark.sql import functions as F

    a = analysis.articles
    counts = a.agg(F.count(F.lit(1)).alias("n"), F.count("error").alias("failed")).collect()[0]
    failed = analysis["failed"]
    kinds = (failed.select(F.regexp_replace("error", r"[0-9]+", "N").alias("reason")).groupBy("reason").count()
             .orderBy(F.desc("count")).collect())
    examples = [r.asDict() for r in failed.limit(20).collect()]
    return {"rows_in": counts["n"], "rows_out": counts["n"] - counts["failed"], "rows_failed": counts["failed"],
            "reasons": {r["reason"]: r["count"] for r in kinds}, "failed_examples": examples}

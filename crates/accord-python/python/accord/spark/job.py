"""The corpus job: ``python -m accord.spark.job --input PATH --output DIR`` (or through ``spark-submit``).

Reads Parquet, JSON Lines, a folder of text files or WARC archives, runs accord on every article and
writes one Parquet folder per layer under DIR (``quotes/``, ``entities/``, ``quantities/``, ``dates/``,
``events/``, ``documents/``), the failed rows (``failed/``: id, error), the accord/1 documents as JSON Lines
(``documents.jsonl/``, which ``accord ingest --analysed`` loads into the knowledge base without analysing
again) and ``summary.json``: rows in, rows out, rows failed with the reasons, rows per layer, seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from accord.spark import ERROR_COLUMN, LAYERS, analyse, summarise


def _format(path: str) -> str:
    p = path.rstrip("/").lower()
    if p.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz")):
        return "jsonl"
    if p.endswith((".warc", ".warc.gz")):
        return "warc"
    if p.endswith(".parquet"):
        return "parquet"
    if os.path.isdir(path):
        names = [n for _, _, fs in os.walk(path) for n in fs if not n.startswith((".", "_"))]
        if names and all(n.endswith(".parquet") for n in names):
            return "parquet"
        if names and all(n.lower().endswith((".warc", ".warc.gz")) for n in names):
            return "warc"
        if names and all(n.lower().endswith((".jsonl", ".ndjson", ".json")) for n in names):
            return "jsonl"
    return "text"


def _warc_worker(batches):
    import pyarrow as pa

    from accord import _accord

    for b in batches:
        paths = b.column(b.schema.names.index("path")).to_pylist()
        contents = b.column(b.schema.names.index("content")).to_pylist()
        rows = {"id": [], "text": [], "date": [], ERROR_COLUMN: []}
        for path, content in zip(paths, contents):
            try:
                recs, errs = _accord.read_warc(content, path)
            except Exception as e:  # never let one archive stop the task
                recs, errs = [], [f"{path}: {e}"]
            for r in recs:
                rows["id"].append(r["id"])
                rows["text"].append(r["text"])
                rows["date"].append(r["date"])
                rows[ERROR_COLUMN].append(None)
            for e in errs:
                rows["id"].append(path)
                rows["text"].append(None)
                rows["date"].append(None)
                rows[ERROR_COLUMN].append(e)
        yield pa.RecordBatch.from_arrays([pa.array(rows[k], pa.string()) for k in rows], names=list(rows))


def read_input(spark, path: str, fmt: str, text: str, id_col: str, date_col):
    """The input as a DataFrame, and how `analyse` should read it: (df, mode, text, id, date)."""
    from pyspark.sql import functions as F

    if fmt == "parquet":
        return spark.read.parquet(path), "columns", text, id_col, date_col
    if fmt == "jsonl":
        df = spark.read.text(path).withColumn("_file", F.input_file_name())
        df = df.where(F.length(F.trim("value")) > 0).withColumn("id", F.lit(None).cast("string"))
        return df, "jsonl", "value", "id", None
    files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").option("pathGlobFilter", "*")
             .load(path))
    files = files.where(~F.element_at(F.split("path", "/"), -1).rlike(r"^[._]"))
    if fmt == "warc":
        from pyspark.sql import types as T

        schema = T.StructType([T.StructField(c, T.StringType()) for c in ("id", "text", "date", ERROR_COLUMN)])
        return files.select("path", "content").mapInArrow(_warc_worker, schema), "columns", "text", "id", "date"
    # a folder of text files: one article per file, its id the file name (as `accord extract` names it)
    df = files.select(F.element_at(F.split("path", "/"), -1).alias("id"), F.col("content").alias("text"))
    return df, "columns", "text", "id", None


def run(argv=None, spark=None) -> dict:
    """Runs the job with `argv` (on `spark` when given, else a session it creates); returns the summary."""
    p = argparse.ArgumentParser(prog="python -m accord.spark.job", description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="Parquet, JSON Lines, a folder of .txt files, or WARC")
    p.add_argument("--output", required=True, help="folder for one Parquet folder per layer and summary.json")
    p.add_argument("--format", choices=["auto", "parquet", "jsonl", "text", "warc"], default="auto")
    p.add_argument("--text-col", default="text")
    p.add_argument("--id-col", default="id")
    p.add_argument("--date-col", default=None, help="publication-date column (Parquet input)")
    p.add_argument("--date", default=None, help="publication date (YYYY-MM-DD) for articles without one")
    p.add_argument("--layers", default=",".join(LAYERS))
    p.add_argument("--master", default=None, help="Spark master when not run through spark-submit (local[2])")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input into N partitions")
    p.add_argument("--max-bytes", type=int, default=None, help="longest article text (bytes); longer rows fail")
    a = p.parse_args(argv)

    if spark is None:
        from pyspark.sql import SparkSession

        b = SparkSession.builder.appName("accord")
        if a.master:
            b = b.master(a.master)
        spark = b.getOrCreate()
    t0 = time.time()
    fmt = _format(a.input) if a.format == "auto" else a.format
    if fmt == "text":
        # articles are small files: Spark's default (a file "costs" 4 MiB) makes one task per ~30 articles,
        # and a task's fixed cost then outweighs its work; count a file as 64 KiB instead
        spark.conf.set("spark.sql.files.openCostInBytes", str(64 << 10))
    df, mode, text, id_col, date_col = read_input(spark, a.input, fmt, a.text_col, a.id_col, a.date_col)
    if a.partitions:
        df = df.repartition(a.partitions)
    layers = [x for x in a.layers.split(",") if x]
    result = analyse(df, text=text, id=id_col, date=date_col, layers=layers, default_date=a.date,
                     max_bytes=a.max_bytes, _mode=mode)
    out = a.output.rstrip("/")
    rows = {}
    for layer in layers:
        result[layer].write.mode("overwrite").parquet(f"{out}/{layer}")
        rows[layer] = spark.read.parquet(f"{out}/{layer}").count()
    if "documents" in layers:
        result["documents"].select("json").write.mode("overwrite").text(f"{out}/documents.jsonl")
    result["failed"].write.mode("overwrite").parquet(f"{out}/failed")
    summary = summarise(result)
    summary.update({"input": a.input, "format": fmt, "layers": rows, "seconds": round(time.time() - t0, 2)})
    text_summary = json.dumps(summary, indent=2, ensure_ascii=False)
    if "://" not in out:
        with open(os.path.join(out, "summary.json"), "w") as f:
            f.write(text_summary + "\n")
    print(text_summary)
    return summary


def main(argv=None) -> int:
    summary = run(argv)
    from pyspark.sql import SparkSession

    s = SparkSession.getActiveSession()
    if s is not None:
        s.stop()
    return 1 if summary["rows_out"] == 0 and summary["rows_in"] > 0 else 0


if __name__ == "__main__":
    sys.exit(main())

"""accord.spark in a real local[2] Spark: the quotes equal `accord extract`'s row for row, bad rows are
counted with their reasons, every input format of the job is read, and `accord ingest --analysed` loads
the job's documents without analysing again."""
import gzip
import json
import shutil
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import accord
from conftest import cli_extract

pytest.importorskip("pyspark")
from accord.spark import analyse, job, schema, summarise  # noqa: E402

DATE = "2025-03-06"
GOOD = "“We will not back down,” Prime Minister Jane Doe said on Tuesday. About 300 people left, she said."


def sorted_rows(t: pa.Table, keys=("id", "quote_id")):
    rows = t.to_pylist()
    return sorted(rows, key=lambda r: tuple(r[k] for k in keys))


def corpus(shared, tmp_path):
    """The seed and the PolNeAR dev texts, in one folder."""
    d = tmp_path / "in"
    d.mkdir()
    files = [shared / "seed/us-hamas-talks.txt"] + sorted((shared / "data/polnear/data/dev/text").glob("*.txt"))
    assert len(files) == 85
    for f in files:
        shutil.copy(f, d / f.name)
    return d, files


def test_job_quotes_equal_accord_extract_row_for_row(spark, shared, accord_bin, tmp_path):
    src, files = corpus(shared, tmp_path)
    want_lines = cli_extract(accord_bin, files, date=DATE)
    want = accord.quotes(want_lines)
    assert want.num_rows > 1000
    out = tmp_path / "out"
    summary = job.run(["--input", str(src), "--output", str(out), "--date", DATE, "--partitions", "3"], spark)
    assert (summary["rows_in"], summary["rows_out"], summary["rows_failed"]) == (85, 85, 0)
    got = pq.read_table(out / "quotes")
    assert got.schema.names == want.schema.names
    g, w = sorted_rows(got), sorted_rows(want)
    assert len(g) == len(w) == summary["layers"]["quotes"]
    assert g == w
    ents = pq.read_table(out / "entities")
    assert ents.num_rows == accord.entities(want_lines).num_rows
    assert sorted_rows(pq.read_table(out / "quantities"), ("id", "start", "end")) == sorted_rows(
        accord.quantities(want_lines), ("id", "start", "end"))
    want_events = sorted_rows(accord.events(want_lines), ("id", "event_id"))
    assert len(want_events) > 20 and sorted_rows(pq.read_table(out / "events"), ("id", "event_id")) == want_events
    # the documents layer is what `accord extract --no-tokens` prints
    docs = {json.loads(x)["id"]: x for x in pq.read_table(out / "documents").column("json").to_pylist()}
    no_tokens = [json.loads(x) for x in want_lines]
    for d in no_tokens:
        d["tokens"] = []
    assert {d["id"]: json.loads(docs[d["id"]]) for d in no_tokens} == {d["id"]: d for d in no_tokens}
    # the knowledge base loads the job's documents without analysing them again: from Python and the CLI
    kb = accord.KnowledgeBase(tmp_path / "kb")
    r = kb.ingest(out / "documents.jsonl", analysed=True)
    assert r["new"] == 85 and r["failed"] == 0 and kb.stats()["quotes"] == len(w)
    res = subprocess.run([accord_bin, "ingest", "--analysed", "--json", "--db", str(tmp_path / "kb2"),
                          str(out / "documents.jsonl")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["total"]["quotes"] == len(w)


def test_analyse_bad_rows_never_stop_the_job(spark, pipe):
    from pyspark.sql import types as T

    big = b"word " * (10 << 20)  # 50 MiB
    rows = [("good", GOOD.encode(), "2024-06-11"), ("none", None, None), ("utf8", b"ab\xffcd", None),
            ("big", big, None), ("baddate", b"Fine.", "June 3"), (None, b"\xe2\x80\x9cYes,\xe2\x80\x9d he said.", None)]
    df = spark.createDataFrame(rows, T.StructType([T.StructField("id", T.StringType()),
                                                   T.StructField("text", T.BinaryType()),
                                                   T.StructField("date", T.StringType())]))
    res = analyse(df, date="date", layers=("quotes", "documents"))
    failed = {r["id"]: r["error"] for r in res["failed"].collect()}
    assert set(failed) == {"none", "utf8", "big", "baddate"}
    assert failed["none"] == "no text (None)" and failed["utf8"] == "invalid UTF-8 at byte 2"
    assert "over the limit" in failed["big"] and "not YYYY-MM-DD" in failed["baddate"]
    q = res["quotes"].toPandas()
    want = accord.quotes(pipe.extract_many([{"id": "good", "text": GOOD, "date": "2024-06-11"}], tokens=False))
    assert sorted_rows(pa.Table.from_pandas(q[q["id"] == "good"], preserve_index=False)) == sorted_rows(want)
    assert (q["id"].str.startswith("row-").sum()) == 1  # the row without an id got one
    s = summarise(res)
    assert (s["rows_in"], s["rows_out"], s["rows_failed"]) == (6, 2, 4)
    assert s["reasons"]["invalid UTF-N at byte N"] == 1
    assert res["quotes"].schema == schema("quotes")


def test_job_reads_jsonl_parquet_and_warc(spark, tmp_path):
    lines = [json.dumps({"id": "a", "text": GOOD, "date": "2024-06-11"}), json.dumps({"id": "b", "text": 42}),
             "{not json", "", json.dumps({"id": "c"}), json.dumps(["x"])]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    s = job.run(["--input", str(tmp_path / "in.jsonl"), "--output", str(tmp_path / "o1")], spark)
    assert (s["rows_in"], s["rows_out"], s["rows_failed"]) == (5, 1, 4), s
    errs = sorted(r["error"] for r in pq.read_table(tmp_path / "o1/failed").to_pylist())
    assert any("int, not str" in e for e in errs) and any(e.startswith("not JSON") for e in errs)
    assert any("no text" in e for e in errs) and any("not an object" in e for e in errs)
    a = pq.read_table(tmp_path / "o1/quotes").to_pylist()
    assert {r["id"] for r in a} == {"a"} and all(r["date"] == "2024-06-11" for r in a)

    pq.write_table(pa.table({"doc": ["p1", "p2"], "body": [GOOD, None]}), tmp_path / "in.parquet")
    s = job.run(["--input", str(tmp_path / "in.parquet"), "--output", str(tmp_path / "o2"), "--text-col", "body",
                 "--id-col", "doc", "--layers", "quotes"], spark)
    assert (s["rows_in"], s["rows_out"], s["rows_failed"]) == (2, 1, 1) and s["layers"]["quotes"] == len(a)

    def record(kind, uri, payload):
        return (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-02-03T04:05:06Z\r\n"
                f"Content-Length: {len(payload.encode())}\r\n\r\n{payload}\r\n\r\n")
    page = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{GOOD}</p></body></html>"
    warc = record("warcinfo", "", "software: test") + record("response", "http://a/1", page) + record(
        "response", "http://a/2", page)
    (tmp_path / "w").mkdir()
    (tmp_path / "w/a.warc.gz").write_bytes(gzip.compress(warc.encode()))
    s = job.run(["--input", str(tmp_path / "w"), "--output", str(tmp_path / "o3"), "--layers", "quotes"], spark)
    assert (s["rows_in"], s["rows_failed"]) == (2, 0), s
    w = pq.read_table(tmp_path / "o3/quotes").to_pylist()
    assert {r["id"] for r in w} == {"http://a/1", "http://a/2"} and w[0]["date"] == "2024-02-03"

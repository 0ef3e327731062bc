"""The Python API: extract, extract_many, tables, errors, the knowledge base, python -m accord."""
import json
import subprocess
import sys

import pytest

import accord
from conftest import cli_extract

SEED = "seed/us-hamas-talks.txt"
TEXT = ("“We will not back down,” Prime Minister Jane Doe said on Tuesday. She added that about 300 people "
        "had been evacuated, according to the Red Cross.")


def test_extract_gives_an_accord_document():
    d = accord.extract(TEXT, date="2024-06-11", id="a1")
    assert d["schema"] == "accord/1" and d["id"] == "a1" and d["date"] == "2024-06-11"
    assert d["text"] == TEXT
    q = d["attributions"][0]
    assert q["type"] == "direct" and q["cue"]["text"] == "said"
    assert TEXT[q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]


def test_extract_equals_the_cli_on_the_seed(shared, accord_bin):
    path = shared / SEED
    want = cli_extract(accord_bin, [path], date="2025-03-06")
    got = accord.Pipeline(date="2025-03-06").extract_many([{"id": path.name, "text": path.read_text()}])
    assert [got.json(0)] == want
    assert accord.extract(path.read_text(), date="2025-03-06", id=path.name) == json.loads(want[0])


def test_a_text_in_another_language_is_only_segmented_unless_asked():
    de = ("Der Rat hat am Montag gesagt, dass er im Mai über den Plan abstimmen wird und dass der Haushalt "
          "ausgeglichen ist. Die Bürgermeisterin ist dagegen, aber sie hat keine Mehrheit im Rat, und auch die "
          "Presse ist mit dem Plan nicht einverstanden.")
    d = accord.extract(de)
    assert d["language"] == "de" and d["sentences"] and not d["entities"]
    en = ("The council said on Monday that it would vote on the plan in May, and that the budget was balanced. "
          "The mayor is against it, but she has no majority, and the press is not convinced by the plan either.")
    assert accord.extract(en)["language"] == "en"
    assert accord.extract(TEXT)["language"] is None  # too short to tell: analysed as English
    assert accord.extract(TEXT)["attributions"]
    d = accord.Pipeline(any_language=True).extract(de)
    assert d["language"] == "de" and d["entities"]


def test_extract_many_keeps_order_and_matches_one_by_one(pipe):
    texts = [f"“Item {i} is ready,” the spokesman for the ministry said on Monday." for i in range(40)]
    texts[7] = TEXT
    many = pipe.extract_many(texts, batch_size=4, threads=2)
    one = pipe.extract_many(texts, batch_size=32, threads=1)
    assert len(many) == 40 and many.ids == [str(i) for i in range(40)]
    assert [many.json(i) for i in range(40)] == [one.json(i) for i in range(40)]
    assert many[7] == pipe.extract(TEXT, id="7")


def test_records_carry_id_date_and_metadata(pipe):
    docs = pipe.extract_many([{"id": 17, "text": TEXT, "date": "2024-06-11T10:00:00Z", "title": "T",
                               "url": "https://example.org/a"}])
    d = docs[0]
    assert (d["id"], d["date"], d["title"], d["url"]) == ("17", "2024-06-11", "T", "https://example.org/a")
    assert any(x["value"] == "2024-06-11" for x in d["dates"]), d["dates"]


def test_tables_have_a_row_per_fact_and_true_offsets(shared, pipe):
    text = (shared / SEED).read_text()
    docs = accord.Pipeline(date="2025-03-06").extract_many([{"id": "seed", "text": text}, TEXT])
    q = accord.quotes(docs)
    n = sum(len(d["attributions"]) for d in docs)
    assert q.num_rows == n and n > 10
    df = q.to_pandas()
    assert set(df["id"]) == {"seed", "1"} and (df.loc[df["id"] == "seed", "date"] == "2025-03-06").all()
    texts = {"seed": text, "1": TEXT}
    for r in df.itertuples():
        t = texts[r.id]
        assert t[r.content_start:r.content_end] == r.content
        assert t.encode()[r.content_byte_start:r.content_byte_end].decode() == r.content
        if r.cue is not None:
            assert t[r.cue_start:r.cue_end] == r.cue
        if r.speaker is not None:
            assert t[r.speaker_start:r.speaker_end] == r.speaker
    # the resolved speaker of a pronoun is a name, with the entity's titles
    she = df[(df["id"] == "1") & (df["speaker"] == "She")]
    assert list(she["speaker_name"]) == ["Jane Doe"], df[["speaker", "speaker_name"]]
    e = accord.entities(docs).to_pandas()
    assert e.shape[0] == sum(len(d["entities"]) for d in docs)
    jane = e[e["name"] == "Jane Doe"].iloc[0]
    assert "Prime Minister" in list(jane["titles"]) and jane["mentions"] >= 2
    qt = accord.quantities(docs).to_pandas()
    assert qt.shape[0] == sum(len(d["quantities"]) for d in docs)
    three = qt[qt["id"] == "1"].iloc[0]
    assert three["value"] == 300 and three["qualifier"] == "approximately"
    # dicts (e.g. from extract) give the same table as Documents
    assert accord.quotes(list(docs)).equals(q)
    assert accord.dates(docs).num_rows == sum(len(d["dates"]) for d in docs)
    # events: a row per event, the trigger where its offsets say, the head actors' codes as in the JSON
    ev = accord.events(docs).to_pandas()
    want = [(d["id"], e) for d in docs for e in d["events"]]
    assert ev.shape[0] == len(want) > 0
    for r, (id_, e) in zip(ev.itertuples(), want):
        t = texts[r.id]
        assert r.id == id_ and r.type == e["type"] and t[r.trigger_start:r.trigger_end] == r.trigger
        assert r.sentence == e["sentence"]["text"] and r.factuality == e["factuality"]
        assert r.source_code == ((e.get("source") or {}).get("code"))
        assert r.target_country == ((e.get("target") or {}).get("country"))
    talks = ev[(ev["id"] == "seed") & (ev["type"] == "CONSULT")]
    pairs = set(zip(talks["source_country"], talks["target_code"]))
    assert ("USA", "PSE REB Hamas") in pairs, pairs


def test_empty_input_gives_empty_tables(pipe):
    docs = pipe.extract_many([])
    assert len(docs) == 0 and accord.quotes(docs).num_rows == 0
    assert "speaker_titles" in accord.quotes(docs).column_names


def test_bad_records_are_errors_with_positions(pipe):
    bad = [TEXT, None, 42, b"ok \xff\xfe", {"id": "x"}, {"id": "y", "text": ["a"]}, "a\ud800b",
           {"id": "z", "text": "fine", "date": "June 3"}, "x" * (accord.MAX_BYTES + 1)]
    docs = pipe.extract_many(bad, errors="skip")
    assert len(docs) == 1 and docs.ids == ["0"]
    errs = {i: m for i, _, m in docs.errors}
    assert sorted(errs) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "no text" in errs[1] and "int, not str" in errs[2]
    assert "invalid UTF-8 at byte 3" in errs[3] and "record 4 (id x): no text" == errs[4]
    assert "list, not str" in errs[5] and "surrogate" in errs[6]
    assert "not YYYY-MM-DD" in errs[7] and "over the limit" in errs[8]
    with pytest.raises(accord.AccordError, match="record 1: no text"):
        pipe.extract_many(bad)
    with pytest.raises(accord.AccordError, match="invalid UTF-8 at byte 1"):
        pipe.extract(b"a\xc3(")
    with pytest.raises(ValueError, match="unknown stage"):
        accord.Pipeline(disable=["nope"])
    with pytest.raises(accord.AccordError, match="not YYYY-MM-DD"):
        accord.Pipeline(date="yesterday")


def test_stages_can_be_disabled():
    p = accord.Pipeline(disable=["quantities"])
    assert p.extract(TEXT)["quantities"] == [] and accord.extract(TEXT)["quantities"]


def test_knowledge_base_ingests_and_answers(tmp_path, shared):
    kb = accord.KnowledgeBase(tmp_path / "kb")
    r = kb.ingest([shared / SEED], date="2025-03-06")
    assert r["new"] == 1 and r["failed"] == 0
    assert kb.ingest([shared / SEED])["already_present"] == 1
    with pytest.raises(accord.AccordError, match="nowhere.txt: no such file"):
        kb.ingest(str(tmp_path / "nowhere.txt"))
    q = kb.quotes(limit=500)
    assert q.num_rows == kb.stats()["quotes"] > 10
    top = q.to_pandas()["speaker"].value_counts().index[0]
    e = kb.entity(top)
    assert e is not None and e["quote_count"] > 0
    assert kb.timeline(limit=50).num_rows > 0
    # events: the seed article's talks between the US and Hamas, as accord events gives them
    ev = kb.events(actor="Hamas", type="consult", limit=100)
    assert ev.num_rows > 0 and set(ev.column("type").to_pylist()) == {"CONSULT"}
    assert set(ev.column("quad").to_pylist()) == {"verbal_cooperation"}
    js = kb.events_json(actor="Hamas", type="CONSULT", limit=100)
    assert [e["id"] for e in js] == ev.column("id").to_pylist() and all(e["evidence"] for e in js)
    assert any(e["source"] and e["source"]["country"] == "USA" for e in js), js
    assert kb.stats()["events"] >= len(kb.events(limit=1000))
    with pytest.raises(accord.AccordError, match="not a PLOVER type"):
        kb.events(type="talks")
    assert "event" in kb.timeline(entity="Hamas", limit=500).column("kind").to_pylist()
    assert kb.claims().num_rows >= 0 and isinstance(kb.claims_json(), list)
    # analysed documents are stored without a second analysis, with the same quotes
    docs = accord.Pipeline(date="2025-03-06").extract_many([{"id": "x", "text": TEXT}])
    kb2 = accord.KnowledgeBase(tmp_path / "kb2")
    assert kb2.ingest(docs)["new"] == 1 and kb2.stats()["quotes"] == len(docs[0]["attributions"])


def test_module_cli_mirrors_the_binary(shared, accord_bin, tmp_path):
    path = shared / SEED
    py = subprocess.run([sys.executable, "-m", "accord", "extract", str(path), "--date", "2025-03-06"],
                        capture_output=True, text=True, check=True).stdout
    assert py.splitlines() == cli_extract(accord_bin, [path], date="2025-03-06")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine text\n\xff")
    r = subprocess.run([sys.executable, "-m", "accord", "extract", str(bad)], capture_output=True, text=True)
    assert r.returncode == 1 and "invalid UTF-8 at byte 10" in r.stderr
    db = tmp_path / "db"
    run = lambda *a: subprocess.run([sys.executable, "-m", "accord", *a, "--db", str(db)], capture_output=True,
                                    text=True)
    assert run("quotes").returncode == 2
    assert run("ingest", str(path), "--date", "2025-03-06").returncode == 0
    out = json.loads(run("quotes", "--json", "--limit", "3").stdout)
    assert len(out) == 3 and out[0]["content"]
    out = json.loads(run("events", "--json", "--actor", "Hamas", "--limit", "5").stdout)
    assert 0 < len(out) <= 5 and out[0]["evidence"]

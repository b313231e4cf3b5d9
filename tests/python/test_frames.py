from __future__ import annotations

import pytest

import presslens
from presslens import samples

pandas = pytest.importorskip("pandas")


def test_document_layers_as_frames() -> None:
    doc = presslens.analyze(samples.read())
    sentences = doc.to_pandas("sentences")
    assert len(sentences) == len(doc.sentences)
    row = sentences.iloc[0]
    assert doc.text[row["start"] : row["end"]] == row["text"]
    assert set(doc.to_pandas("quotes")["kind"]) >= {"direct", "title"}
    assert doc.to_pandas("claims")["score"].between(0, 1).all()
    assert list(doc.to_pandas("keywords").columns)[:3] == ["key", "text", "count"]
    assert len(doc.to_pandas("tokens")) == len(doc.tokens)
    with pytest.raises(ValueError):
        doc.to_pandas("nope")


def test_analyze_frame_gives_tidy_tables_with_ids() -> None:
    frame = pandas.DataFrame(
        {"id": ["a", "b"], "text": [samples.read(), 'The minister said that taxes would rise. "No," she said.']}
    )
    tables = presslens.analyze_frame(frame, id_col="id", threads=2)
    assert list(tables["documents"]["doc_id"]) == ["a", "b"]
    assert set(tables["sentences"]["doc_id"]) == {"a", "b"}
    assert str(tables["quotes"]["kind"].dtype) in {"string", "str"}
    second = tables["quotes"][tables["quotes"]["doc_id"] == "b"]
    assert "indirect" in set(second["kind"])
    by_index = presslens.analyze_frame(frame.set_index("id"), layers=["claims"])
    assert set(by_index) == {"documents", "claims"}


def test_sentences_frame_without_claims() -> None:
    doc = presslens.Analyzer(claims=False).analyze("One sentence. Another one.")
    assert doc.to_pandas("sentences")["claim_score"].isna().all()


def test_frames_in_each_rows_language_with_fixed_dtypes() -> None:
    articles = pandas.DataFrame(samples.collection())
    tables = presslens.analyze_frame(
        articles, "text", "id", lang_col="lang", keywords_top=5, threads=2
    )
    documents = tables["documents"]
    assert list(documents["doc_id"]) == list(articles["id"])  # the frame's order, every language
    assert list(documents["lang"]) == list(articles["lang"])
    assert str(documents["date"].dtype).startswith("datetime64")
    assert documents["date"].notna().all()
    assert tables["keywords"].groupby("doc_id").size().max() == 5
    # Offsets slice each row's own text, in every script.
    text_of = dict(zip(articles["id"], articles["text"]))
    for row in tables["quotes"].itertuples():
        assert text_of[row.doc_id][row.start : row.end] == row.text
    # An empty table has the dtypes of a full one.
    empty = presslens.analyze_frame(pandas.DataFrame({"text": [""]}), layers=["quotes"])["quotes"]
    assert empty.empty
    assert dict(empty.dtypes.drop("doc_id")) == dict(tables["quotes"].dtypes.drop("doc_id"))


def test_every_language_of_a_frame_gets_the_given_analyzers_options() -> None:
    articles = pandas.DataFrame(samples.collection())
    analyzer = presslens.Analyzer("en", claims=False)
    assert analyzer.for_language("en") is analyzer
    assert repr(analyzer.for_language("ja")) == "Analyzer(lang='ja', errors='strict', claims=False)"
    tables = presslens.analyze_frame(articles, "text", "id", lang_col="lang", analyzer=analyzer)
    assert len(tables["sentences"]) > 0
    assert tables["sentences"]["claim_score"].isna().all()  # claims off, in every language
    assert tables["claims"].empty


def test_claims_table_types() -> None:
    text = 'Prices will probably rise by 5% next year. "Taxes caused it," Ana Ruiz said.'
    claims = presslens.analyze(text).to_pandas("claims")
    assert list(claims.columns) == list(presslens.frames.SCHEMAS["claims"])
    assert all(isinstance(kinds, list) for kinds in claims["kinds"])
    assert claims["certainty"].dtype == "int64" and claims["speaker_key"].dtype == "string"
    assert pandas.api.types.is_integer_dtype(claims["certainty"])
    quoted = claims[claims["speaker"].notna()]
    assert not quoted.empty and (quoted["speaker_key"] == "ruiz").all()
    empty = presslens.analyze("").to_pandas("claims")
    assert dict(empty.dtypes.astype(str)) == dict(claims.dtypes.astype(str))


def test_speakers_table_adds_up_across_documents() -> None:
    frame = pandas.DataFrame({"text": [
        'Prime Minister Fumio Kishida visited Osaka. "We will act," Kishida said. "Soon," he added.',
        '"The budget is ready," Fumio Kishida told reporters. "It is chaos," a resident said.',
    ]})
    tables = presslens.analyze_frame(frame, lang="en", layers=["quotes", "speakers"])
    speakers = tables["speakers"]
    assert list(speakers.columns) == ["doc_id", *presslens.frames.SCHEMAS["speakers"]]
    assert list(speakers["quotes"]) == [2, 1]  # a resident is named by no one
    total = speakers.groupby("key").agg(name=("name", "first"), quotes=("quotes", "sum"))
    assert total.loc["kishida"].to_dict() == {"name": "Fumio Kishida", "quotes": 3}
    quotes = tables["quotes"]
    assert set(quotes["speaker_name"].dropna()) == {"Fumio Kishida"}
    assert set(quotes["resolution"].dropna()) == {"name", "pronoun"}
    empty = presslens.analyze_frame(pandas.DataFrame({"text": [""]}), layers=["speakers"])["speakers"]
    assert empty.empty and dict(empty.dtypes.drop("doc_id")) == dict(speakers.dtypes.drop("doc_id"))


# The tables as they were built before they moved to C++: one row (a dict) per object of the
# Python API. The C++ columns must equal them, value for value and dtype for dtype.
def _span_text(span):
    return None if span is None else span.text


def _reference_rows(doc, layer, doc_id, keywords_top):
    if layer == "documents":
        structure, metadata, date = doc.structure, doc.metadata, doc.structure.date
        offset = date.utcoffset() if date else None
        minutes = None if offset is None else int(offset.total_seconds()) // 60
        return [{
            "doc_id": doc_id, "lang": doc.lang,
            "lang_confidence": float("nan") if doc.lang_confidence is None else doc.lang_confidence,
            "source_format": doc.source_format,
            "site": (metadata.get("site_name") or None) if metadata else None,
            "url": (metadata.get("url") or None) if metadata else None,
            "title": _span_text(structure.title), "title_source": structure.title_source,
            "date": date.replace(tzinfo=None) if date else None, "date_source": structure.date_source,
            "utc_offset": None if minutes is None else
            f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}",
            "authors": ", ".join(a.text for a in structure.authors), "author_source": structure.author_source,
            "sentences": len(doc.sentences), "quotes": len(doc.quotes), "claims": len(doc.claims),
        }]
    if layer == "sentences":
        scores = {c.sentence: c.claim_score for c in doc.sentence_claims}
        rows = [{"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end,
                 "text": s.text, "claim_score": scores.get(s.index), "quoted_share": s.quoted_share}
                for s in doc.sentences]
    elif layer == "paragraphs":
        reasons = {b.paragraph: b.reason for b in doc.structure.boilerplate}
        scores = doc.structure.body_scores
        rows = [{"index": p.index, "role": p.role, "start": p.start, "end": p.end, "text": p.text,
                 "chrome_reason": reasons.get(p.index), "body_score": scores[p.index] if scores else None}
                for p in doc.paragraphs]
    elif layer == "tokens":
        rows = [{"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "sentence": t.sentence,
                 "pos": t.pos, "lemma": t.lemma, "morph": t.morph, "head": t.head, "dep": t.dep}
                for t in doc.tokens]
    elif layer == "quotes":
        rows = [{"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                 "speaker": _span_text(q.speaker), "speaker_name": q.speaker_name,
                 "speaker_type": q.speaker_type, "resolution": q.resolution,
                 "speaker_key": q.speaker_key or None, "cue": _span_text(q.cue), "sentence": q.sentence,
                 "parts": len(q.parts), "source": q.source, "confidence": q.confidence}
                for q in doc.quotes]
    elif layer == "speakers":
        by_key = {}
        for q in doc.quotes:
            if q.kind in ("direct", "partial", "indirect") and q.speaker_name and q.speaker_key:
                row = by_key.setdefault(q.speaker_key, {"key": q.speaker_key, "name": q.speaker_name,
                                                        "type": q.speaker_type, "quotes": 0})
                row["quotes"] += 1
        rows = list(by_key.values())
    elif layer == "claims":
        rows = [{"sentence": c.sentence, "start": c.start, "end": c.end, "text": c.text,
                 "score": c.score, "check_worthy": c.check_worthy, "claim_score": c.claim_score,
                 "is_claim": c.is_claim, "rule": c.rule or None, "kinds": sorted(c.kinds),
                 "certainty": c.certainty, "speaker": _span_text(c.speaker),
                 "speaker_key": c.speaker_key or None}
                for c in doc.sentence_claims]
    else:
        rows = [{"key": k.key, "text": k.text, "count": k.count, "words": k.words, "start": k.start,
                 "end": k.end} for k in doc.keywords(keywords_top)]
    return [{"doc_id": doc_id, **row} for row in rows]


def _reference_tables(frame, layers, keywords_top):
    schemas = {"documents": presslens.frames.SCHEMAS["documents"], **presslens.frames.SCHEMAS}
    tables = {}
    docs = [presslens.Analyzer(lang).analyze(text) for lang, text in zip(frame["lang"], frame["text"])]
    for table in ["documents", *layers]:
        rows = [row for doc_id, doc in zip(frame["id"], docs)
                for row in _reference_rows(doc, table, doc_id, keywords_top)]
        schema = {"doc_id": "string", **schemas[table]}
        tables[table] = pandas.DataFrame(rows, columns=list(schema)).astype(schema)
    return tables


@pytest.mark.parametrize("keywords_top", [3, None])
def test_column_tables_equal_the_row_by_row_tables(keywords_top) -> None:
    articles = pandas.DataFrame(samples.collection())
    articles = pandas.concat([articles, pandas.DataFrame(
        {"id": ["empty", "page"], "lang": ["en", "en"],
         "text": ["", "<html><head><meta property='og:url' content='https://example.org/a'>"
                  "<meta property='article:published_time' content='2024-05-24T11:10:00+02:00'>"
                  "</head><body><h1>Flood defences hold</h1><p>\"They held,\" Mayor Ana Ruiz said "
                  "on Monday.</p></body></html>"]})], ignore_index=True)
    layers = list(presslens.frames.LAYERS)
    expected = _reference_tables(articles, layers, keywords_top)
    # Batches of three, on two threads: rows still come out in the frame's order.
    tables = presslens.analyze_frame(articles, "text", "id", lang_col="lang", layers=layers,
                                     keywords_top=keywords_top, threads=2, batch_size=3)
    assert set(tables) == {"documents", *layers}
    for name, table in tables.items():
        pandas.testing.assert_frame_equal(table, expected[name], obj=name)
    assert tables["documents"]["url"].iloc[-1] == "https://example.org/a"
    assert tables["documents"]["utc_offset"].iloc[-1] == "+02:00"


def test_tables_without_pyarrow_strings_hold_the_same_values(monkeypatch) -> None:
    articles = pandas.DataFrame(samples.collection())
    arrow = presslens.analyze_frame(articles, "text", "id", lang_col="lang", layers=["quotes", "claims"])
    monkeypatch.setattr(presslens.frames, "_arrow_strings", lambda: False)
    plain = presslens.analyze_frame(articles, "text", "id", lang_col="lang", layers=["quotes", "claims"])
    for name in arrow:
        assert list(plain[name].dtypes.astype(str)) == list(arrow[name].dtypes.astype(str))
        pandas.testing.assert_frame_equal(plain[name], arrow[name], check_dtype=False, obj=name)


def test_bad_batches_are_refused() -> None:
    frame = pandas.DataFrame({"text": ["One.", b"\xff broken"]})
    with pytest.raises(presslens.InvalidTextError):
        presslens.analyze_frame(frame)
    with pytest.raises(presslens.errors.InvalidArgumentError):
        presslens.analyze_frame(frame, batch_size=0)
    with pytest.raises(ValueError):
        presslens.analyze_frame(frame, layers=["nope"])


def test_pipe_yields_the_tables_of_each_batch() -> None:
    analyzer = presslens.Analyzer("en")
    texts = ['"We will rebuild," Ana Ruiz said.', b"\xff broken", "Prices rose.", "lone \ud83d"]
    failed = []
    batches = list(analyzer.pipe(texts, tables=True, batch_size=2, layers=["quotes"],
                                 on_error=lambda context, error: failed.append(context)))
    assert failed == [1, 3]  # invalid UTF-8, a lone surrogate: reported, the others kept
    assert [list(b["documents"]["doc_id"]) for b in batches] == [[0], [2]]
    assert list(batches[0]["quotes"]["speaker_key"]) == ["ruiz"]
    assert set(batches[1]) == {"documents", "quotes"} and batches[1]["quotes"].empty
    named = next(analyzer.pipe([("Prices rose.", "a-1")], as_tuples=True, tables=True))
    assert list(named["documents"]["doc_id"]) == ["a-1"]


def test_a_document_built_by_hand_has_no_tables() -> None:
    with pytest.raises(ValueError, match="built by hand"):
        presslens.Document("Typed by hand.", "en").to_pandas("sentences")

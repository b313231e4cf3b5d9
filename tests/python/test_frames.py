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

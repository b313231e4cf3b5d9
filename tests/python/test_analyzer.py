from __future__ import annotations

import pickle
import re

import pytest

import presslens
from presslens import Analyzer, InvalidArgumentError, InvalidTextError

from conftest import MULTILINGUAL


def assert_spans_valid(doc: presslens.Document) -> None:
    for layer in (doc.paragraphs, doc.sentences):
        for span in layer:
            assert 0 <= span.start < span.end <= len(doc.text)
            assert doc.text[span.start : span.end] == span.text
            assert span.text == span.text.strip()


def test_offsets_round_trip_in_every_script(multilingual_text: str) -> None:
    doc = presslens.analyze(multilingual_text)
    assert doc.text == multilingual_text
    assert_spans_valid(doc)
    for sentence in doc.sentences:
        paragraph = doc.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


def test_sentences_and_paragraphs() -> None:
    doc = presslens.analyze("Headline\n\nThe minister spoke. Nobody listened.\nA new line.")
    assert [(p.text, p.role) for p in doc.paragraphs] == [
        ("Headline", "title"),
        ("The minister spoke. Nobody listened.", "body"),
        ("A new line.", "body"),
    ]
    # Sentences are the body's: the headline is the structure's title.
    assert [(s.text, s.paragraph) for s in doc.sentences] == [
        ("The minister spoke.", 1),
        ("Nobody listened.", 1),
        ("A new line.", 2),
    ]
    assert doc.structure.title is not None and doc.structure.title.text == "Headline"
    everything = presslens.analyze(doc.text, detect_structure=False)
    assert [s.text for s in everything.sentences][0] == "Headline"


def test_code_point_offsets_after_astral_characters() -> None:
    text = "😀😀 First one. Second 中文 one."
    doc = presslens.analyze(text)
    assert [s.text for s in doc.sentences] == ["😀😀 First one.", "Second 中文 one."]
    assert doc.sentences[1].start == text.index("Second")


def test_bytes_input_gives_the_same_document_as_str(multilingual_text: str) -> None:
    assert presslens.analyze(multilingual_text.encode("utf-8")) == presslens.analyze(
        multilingual_text
    )


def test_empty_text() -> None:
    doc = presslens.analyze("")
    assert doc.text == "" and doc.paragraphs == [] and doc.sentences == []
    assert presslens.analyze(b"").sentences == []


def test_lone_surrogate_is_rejected_with_its_index() -> None:
    text = "abc😀\ud800 rest"
    with pytest.raises(InvalidTextError) as raised:
        presslens.analyze(text)
    assert raised.value.index == 4
    assert raised.value.byte_offset == 7
    assert isinstance(raised.value, ValueError)
    assert "U+D800" in str(raised.value)


@pytest.mark.parametrize(
    ("data", "byte_offset", "fault"),
    [
        (b"Fine. Then \xc3( broken.", 11, "truncated multi-byte sequence"),
        (b"\xed\xa0\x80 surrogate", 0, "encoded UTF-16 surrogate"),
        (b"ok \xff", 3, "byte that never occurs in UTF-8"),
    ],
)
def test_invalid_utf8_strict(data: bytes, byte_offset: int, fault: str) -> None:
    with pytest.raises(InvalidTextError) as raised:
        presslens.analyze(data)
    assert raised.value.byte_offset == byte_offset
    assert raised.value.index == byte_offset
    assert raised.value.fault == fault


@pytest.mark.parametrize(
    "data",
    [
        b"Caf\xe9 closed. \xff\xfeGone.",
        b"\xe0\x80\xaf overlong. \xf0\x9f\x98 truncated emoji.",
        b"\xed\xa0\x80\xed\xb0\x80 surrogate pair encoded.",
        b"\xf4\x90\x80\x80 too large. \xc0\xaf slash.",
    ],
)
def test_invalid_utf8_replace_matches_python_decoding(data: bytes) -> None:
    doc = presslens.analyze(data, errors="replace")
    expected = data.decode("utf-8", "replace")
    assert doc.text == expected
    assert doc.replacements == expected.count("\ufffd")
    assert_spans_valid(doc)


def test_pipe_equals_sequential_on_several_threads() -> None:
    analyzer = Analyzer()
    texts = [f"{text} #{copy}" for copy in range(30) for text in MULTILINGUAL]
    sequential = [analyzer.analyze(text) for text in texts]
    for threads in (1, 2, 4):
        assert list(analyzer.pipe(texts, threads=threads, batch_size=7)) == sequential
    assert list(analyzer.pipe(iter([]), threads=2)) == []


def test_pipe_accepts_bytes_and_generators() -> None:
    docs = list(Analyzer().pipe((t.encode() for t in ["One. Two.", "Three."]), threads=2))
    assert [len(d.sentences) for d in docs] == [2, 1]


def test_pipe_rejects_bad_arguments() -> None:
    with pytest.raises(InvalidArgumentError):
        list(Analyzer().pipe(["x"], threads=-1))
    with pytest.raises(InvalidArgumentError):
        list(Analyzer().pipe(["x"], batch_size=0))
    with pytest.raises(TypeError):
        Analyzer().analyze(42)  # type: ignore[arg-type]


def test_pipe_reports_invalid_input() -> None:
    with pytest.raises(InvalidTextError):
        list(Analyzer().pipe([b"fine", b"bad \xff"], threads=2))


def test_pipe_as_tuples_carries_contexts_and_skips_failures_on_request() -> None:
    analyzer = Analyzer()
    texts = [(b"One. Two.", "a"), (b"bad \xff", "b"), ("Three.", "c"), ("x\ud800", "d")]
    failures: list = []
    pairs = list(
        analyzer.pipe(texts, threads=2, batch_size=3, as_tuples=True, on_error=lambda c, e: failures.append((c, e)))
    )
    assert [(len(d.sentences), context) for d, context in pairs] == [(2, "a"), (1, "c")]
    assert [(c, type(e)) for c, e in failures] == [("b", InvalidTextError), ("d", InvalidTextError)]
    assert failures[0][1].byte_offset == 4
    # Without as_tuples the context is the input's index.
    skipped: list = []
    docs = list(analyzer.pipe([b"\xff", "Fine."], on_error=lambda c, e: skipped.append(c)))
    assert skipped == [0] and [d.text for d in docs] == ["Fine."]


def test_pipe_progress_bar_counts_documents(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The plain fallback, as used when tqdm is not installed.
    import presslens.progress

    monkeypatch.setattr(presslens.analyzer, "progress_bar", presslens.progress.ProgressBar)
    docs = list(Analyzer().pipe(["One.", "Two.", "Three."], batch_size=2, progress=True))
    assert len(docs) == 3
    last_line = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert re.fullmatch(r"presslens: 3/3 documents, [\d,]+/s", last_line)


def test_analyzer_options_and_pickling() -> None:
    analyzer = Analyzer("fr", errors="replace")
    assert analyzer.lang == "fr" and analyzer.errors == "replace" and analyzer.has_builtin_data
    assert repr(analyzer) == "Analyzer(lang='fr', errors='replace')"
    restored = pickle.loads(pickle.dumps(analyzer))
    assert restored.lang == "fr" and restored.errors == "replace"
    assert restored.analyze(b"Bonjour \xff.") == analyzer.analyze(b"Bonjour \xff.")
    # Unpickled copies share one analyzer per process (one per Dask or Spark worker).
    assert pickle.loads(pickle.dumps(analyzer)) is restored


def test_bad_options_raise() -> None:
    with pytest.raises(InvalidArgumentError):
        Analyzer("../etc")
    with pytest.raises(InvalidArgumentError):
        Analyzer(errors="ignore")
    with pytest.warns(presslens.UnsupportedLanguageWarning, match="no language pack for 'it'"):
        assert not Analyzer("it").has_builtin_data  # no pack: ICU rules, empty lists


def test_user_pack_dir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "abbreviations.txt").write_text("# mine\nAbbr.\n", encoding="utf-8")
    analyzer = Analyzer("en", pack_dir=tmp_path)
    assert "pack_dir" in repr(analyzer)
    assert pickle.loads(pickle.dumps(analyzer)).analyze("One. Two.").sentences
    with pytest.raises(presslens.LanguagePackError):
        Analyzer("en", pack_dir=tmp_path / "missing")


def test_builtin_languages() -> None:
    assert {"en", "fr", "de", "es"} <= set(presslens.builtin_languages())


def test_version() -> None:
    assert presslens.__version__.count(".") == 2


def test_later_stages_can_be_switched_off() -> None:
    text = 'The minister said "taxes will rise." Prices rose 4% because of energy.'
    lean = Analyzer(tokens=False)
    doc = lean.analyze(text)
    assert len(doc.sentences) == 2 and doc.tokens == [] and doc.quotes == [] and doc.claims == []
    assert "tokens=False" in repr(lean)
    assert pickle.loads(pickle.dumps(lean)).analyze(text).tokens == []
    no_quotes = Analyzer(quotes=False).analyze(text)
    assert no_quotes.tokens and no_quotes.quotes == [] and no_quotes.sentence_claims


def test_pickles_travel_without_the_pack_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A worker that unpickles a document need not have the analyzer's pack folder: the pack
    # travels with it, and the layers computed on demand still read it.
    import shutil

    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "title_abbreviations.txt").write_text("Cllr.\n", encoding="utf-8")
    text = "We met Cllr. Dana Obi today. She left."
    doc = Analyzer("en", pack_dir=folder).analyze(text)
    assert [s.text for s in doc.sentences] == ["We met Cllr. Dana Obi today.", "She left."]
    data = pickle.dumps(doc)
    shutil.rmtree(folder)
    copy = pickle.loads(data)
    assert copy.sentences == doc.sentences and copy.tokens == doc.tokens
    assert [s.text for s in copy._analyzer.analyze(text).sentences] == [s.text for s in doc.sentences]

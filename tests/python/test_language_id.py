from __future__ import annotations

import pickle
import subprocess
import sys
import warnings

import pytest

import presslens
from presslens.errors import InvalidArgumentError, UnsupportedLanguageWarning

from invariants import assert_document_invariants

TEXTS = {
    "en": "The council said on Tuesday that the harbour wall would be rebuilt over the summer.",
    "fr": "Le conseil municipal a annoncé mardi que la digue serait reconstruite cet été.",
    "de": "Der Gemeinderat sagte am Dienstag, die Hafenmauer werde im Sommer wieder aufgebaut.",
    "es": "El ayuntamiento dijo el martes que el muro del puerto será reconstruido en verano.",
    "zh": "市议会周二表示，港口的防波堤将在夏季重建。“我们不能再等了，”市长说。",
    "ja": "市議会は火曜日、港の防波堤を夏に再建すると発表した。市長は「もう待てない」と述べた。",
}


def test_identify_and_rank_languages() -> None:
    for lang, text in TEXTS.items():
        guess, confidence = presslens.identify_language(text)
        assert guess == lang and confidence > 0.9, (lang, guess, confidence)
    ranked = presslens.rank_languages(TEXTS["de"].encode("utf-8"))
    assert len(ranked) == 42 and ranked[0][0] == "de"
    assert abs(sum(p for _, p in ranked) - 1.0) < 1e-9
    assert presslens.identify_language("12345 !!!") == ("", 0.0)
    assert presslens.identify_language("Il consiglio comunale ha detto martedì che il porto riapre.")[0] == "it"


def test_auto_reads_each_text_with_its_pack() -> None:
    analyzer = presslens.Analyzer("auto")
    for lang, text in TEXTS.items():
        doc = analyzer.analyze(text)
        assert doc.lang == lang and doc.lang_supported
        assert doc.lang_confidence is not None and doc.lang_confidence > 0.9
        assert doc.has_syntax
        assert doc.keyphrases(3)
        assert_document_invariants(doc)
    assert presslens.analyze(TEXTS["en"]).lang_confidence is None  # given, not identified
    direct = [q for q in analyzer.analyze(TEXTS["zh"]).quotes if q.kind == "direct"]
    assert direct and direct[0].speaker is not None and direct[0].speaker.text == "市长"


def test_a_language_without_a_pack_warns_once() -> None:
    analyzer = presslens.Analyzer("auto")
    italian = "Il consiglio comunale ha detto martedì che il muro del porto sarà ricostruito."
    with pytest.warns(UnsupportedLanguageWarning, match="'it'"):
        doc = analyzer.analyze(italian)
    assert doc.lang == "it" and not doc.lang_supported and not doc.has_syntax
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analyzer.analyze(italian)  # once per language
        assert analyzer.analyze("12345").lang == "und"  # no letters: nothing to warn of
    with pytest.raises(InvalidArgumentError):
        presslens.Analyzer("auto", pack_dir="/tmp")


def test_auto_documents_pickle_and_frames_identify_by_default() -> None:
    pandas = pytest.importorskip("pandas")
    analyzer = presslens.Analyzer("auto")
    doc = analyzer.analyze(TEXTS["es"])
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy.lang == "es"
    assert copy.lang_confidence == pytest.approx(doc.lang_confidence)
    frame = pandas.DataFrame({"text": list(TEXTS.values())})
    documents = presslens.analyze_frame(frame, layers=[])["documents"]
    assert list(documents["lang"]) == list(TEXTS)
    assert (documents["lang_confidence"] > 0.9).all()
    given = presslens.analyze_frame(frame, lang="en", layers=[])["documents"]
    assert given["lang_confidence"].isna().all()


def test_cli_identifies_by_default(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["fr"], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", str(tmp_path / "a.txt")],
        capture_output=True, text=True, check=True,
    )
    assert "language fr (identified, " in result.stdout
    given = subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", "--lang", "fr", str(tmp_path / "a.txt")],
        capture_output=True, text=True, check=True,
    )
    assert "language fr ·" in given.stdout

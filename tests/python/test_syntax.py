from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import presslens
from presslens import _presslens

from invariants import assert_document_invariants


def test_tokens_carry_part_of_speech_lemma_morphology_and_dependencies() -> None:
    doc = presslens.analyze("The minister said the new report was wrong.", detect_structure=False)
    assert doc.has_syntax
    said = doc.tokens[2]
    assert (said.text, said.pos, said.lemma, said.dep, said.head) == ("said", "VERB", "say", "root", None)
    assert "Tense=Past" in said.morph
    minister = doc.tokens[1]
    assert (minister.pos, minister.dep, doc.tokens[minister.head].text) == ("NOUN", "nsubj", "said")
    assert doc.sentences[0].root is not None and doc.sentences[0].root.form == "said"
    assert doc.words[2].feature("Tense") == "Past"
    assert doc.words[1].feature("Tense") is None
    assert_document_invariants(doc)


def test_contractions_are_words_with_exact_code_point_offsets() -> None:
    text = "Zoë 😀 doesn't think the mayor’s plan works."
    doc = presslens.analyze(text, detect_structure=False)
    forms = [w.form for w in doc.words]
    assert forms[:5] == ["Zoë", "😀", "does", "n't", "think"]
    assert "’s" in forms
    for word in doc.words:
        assert text[word.start : word.end] == word.text
    french = presslens.analyze("Le président du conseil parle de l'Europe.", lang="fr", detect_structure=False)
    du = [w for w in french.words if w.text == "du"]
    assert [w.form for w in du] == ["de", "le"]
    assert french.tokens[du[0].token].text == "du"
    assert_document_invariants(french)


def test_noun_chunks_and_names() -> None:
    doc = presslens.analyze(
        "The city's own climate report warned Hannah Ruiz of higher sea levels.",
        detect_structure=False,
    )
    assert [n.text for n in doc.names] == ["Hannah Ruiz"]
    assert [c.text for c in doc.noun_chunks] == ["The city's own climate report", "Hannah Ruiz", "higher sea levels"]
    for chunk in doc.noun_chunks:
        assert doc.words[chunk.root].pos in {"NOUN", "PROPN", "PRON"}


@pytest.mark.parametrize(
    "lang, text",
    [
        ("de", "Die Regierung hat am Montag einen neuen Plan vorgestellt."),
        ("es", "El alcalde dijo que la ciudad no está preparada."),
        ("fr", "Le maire a déclaré que la ville n'était pas prête."),
        ("zh", "市长说，这座城市还没有准备好。"),
        ("ja", "市長は、この街はまだ準備ができていないと述べた。"),
    ],
)
def test_six_languages_have_syntax(lang: str, text: str) -> None:
    doc = presslens.analyze(text, lang=lang, detect_structure=False)
    assert doc.has_syntax
    assert len(doc.words) >= len(doc.tokens)
    assert_document_invariants(doc)


def test_documents_keep_their_invariants_in_every_script(multilingual_text: str) -> None:
    assert_document_invariants(presslens.analyze(multilingual_text))


def test_languages_without_a_model_and_the_switch() -> None:
    with pytest.warns(presslens.UnsupportedLanguageWarning):
        russian = presslens.Analyzer("ru")
    assert not russian.has_syntax
    doc = russian.analyze("Мэр заявил, что город не готов.")
    assert not doc.has_syntax and doc.words == [] and doc.noun_chunks == []
    assert all(t.pos is None for t in doc.tokens)
    with pytest.raises(presslens.InvalidArgumentError):
        russian.parse_words([["Мэр", "заявил"]])
    off = presslens.Analyzer("en", syntax=False)
    assert not off.has_syntax and "syntax=False" in repr(off)
    assert not off.analyze("The minister spoke.").has_syntax


def test_parse_words_scores_treebank_tokenisation() -> None:
    analyzer = presslens.Analyzer("en")
    parsed = analyzer.parse_words([["She", "did", "n't", "go", "."], ["Dogs", "bark"], []])
    assert [len(s) for s in parsed] == [5, 2, 0]
    she = parsed[0]
    assert sum(w.head == 0 for w in she) == 1
    assert all(0 <= w.head <= len(she) for w in she)
    assert she[3].lemma == "go" and she[2].upos == "PART"
    assert isinstance(she[0], presslens.ParsedWord)
    with pytest.raises(presslens.InvalidArgumentError):
        analyzer.parse_words([["a", ""]])


def test_documents_with_syntax_pickle_and_compare() -> None:
    doc = presslens.analyze("Officials said the storm would pass.\n\nIt did.")
    words = doc.words
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert copy.words == words
    assert copy.tokens[1].pos == doc.tokens[1].pos


def test_tokens_table_has_syntax_columns() -> None:
    pandas = pytest.importorskip("pandas")
    frame = presslens.analyze("The minister resigned.", detect_structure=False).to_pandas("tokens")
    assert list(frame.columns[-5:]) == ["pos", "lemma", "morph", "head", "dep"]
    assert frame["pos"].tolist() == ["DET", "NOUN", "VERB", "PUNCT"]
    assert isinstance(frame, pandas.DataFrame)


def test_conllu_output() -> None:
    doc = presslens.analyze("Glacier melt speeds up\n\nThe glaciers don't wait. Nobody does.")
    conllu = doc.to_conllu(source="t")
    blocks = [b for b in conllu.split("\n\n") if b.strip()]
    assert [b.splitlines()[0] for b in blocks] == ["# sent_id = t-title", "# sent_id = t-1", "# sent_id = t-2"]
    lines = [l for l in blocks[1].splitlines() if not l.startswith("#")]
    assert lines[2].startswith("3-4\tdon't\t")
    columns = [l.split("\t") for l in lines if "-" not in l.split("\t")[0]]
    assert all(len(c) == 10 for c in columns)
    assert sum(c[6] == "0" for c in columns) == 1


def test_a_trained_model_replaces_the_built_in_one(tmp_path: Path) -> None:
    sentence = (
        "# text = Dogs bark.\n"
        "1\tDogs\tdog\tNOUN\t_\tNumber=Plur\t2\tnsubj\t_\t_\n"
        "2\tbark\tbark\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
    )
    model = _presslens.train_syntax_model((sentence * 20).encode(), jackknife_folds=2, min_updates=0)
    assert model == _presslens.train_syntax_model((sentence * 20).encode(), jackknife_folds=2, min_updates=0)
    (tmp_path / "syntax.model").write_bytes(model)
    analyzer = presslens.Analyzer("en", pack_dir=tmp_path)
    assert analyzer.parse_words([["Dogs", "bark", "."]])[0][0] == ("NOUN", "dog", "Number=Plur", 2, "nsubj")
    # A language without a built-in model gets the layer from a pack_dir model.
    assert presslens.Analyzer("ru", pack_dir=tmp_path).has_syntax
    (tmp_path / "syntax.model").write_bytes(model[: len(model) // 2])
    with pytest.raises(presslens.LanguagePackError):
        presslens.Analyzer("en", pack_dir=tmp_path)

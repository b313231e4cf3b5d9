from __future__ import annotations

import pickle

import presslens


def test_tokens_have_code_point_offsets_in_every_script() -> None:
    text = "Zoë’s 😀 report: Japan-China ties at https://example.org. 两国外长同意恢复对话。"
    doc = presslens.analyze(text, lang="zh", detect_structure=False)
    assert doc.tokens, "tokens expected"
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["Zoë’s"] == "word"
    assert kinds["😀"] == "symbol"
    assert kinds["Japan-China"] == "word"
    assert kinds["https://example.org"] == "url"
    assert "两国" in kinds


def test_title_tokens_have_no_sentence() -> None:
    doc = presslens.analyze("Glacier melt speeds up\n\nThe glaciers melt. Fast.")
    assert doc.tokens[0].text == "Glacier" and doc.tokens[0].sentence is None
    assert doc.tokens[-1].sentence == 1


def test_keys_fold_and_normalise() -> None:
    analyzer = presslens.Analyzer()
    assert analyzer.key("China’s") == "china"
    assert analyzer.key("ﬁnance") == "finance"
    assert analyzer.key("ＧＤＰ") == "gdp"
    assert presslens.Analyzer("fr").key("l’Europe") == "europe"
    assert presslens.Analyzer("de").key("Straße") == "strasse"


def test_normalised_keywords_report_original_spans() -> None:
    text = "The ﬁnance minister spoke. Finance ministers met. FINANCE rules."
    doc = presslens.analyze(text)
    finance = next(k for k in doc.keywords(None) if k.key == "financ")
    assert finance.count == 3
    assert text[finance.start : finance.end] == "ﬁnance" == finance.text


def test_tokens_cost_no_parse_until_a_tag_is_read() -> None:
    doc = presslens.analyze("The minister resigned. She said nothing.")
    tokens = doc.tokens
    assert [t.kind for t in tokens][:3] == ["word", "word", "word"]
    assert doc._words is None  # tokens and their kinds, but no parse yet
    assert tokens[1].pos == "NOUN" and tokens[1].lemma == "minister"
    assert doc._words is not None  # the first tag read parsed the document, once for all tokens
    assert all(t._document is None for t in tokens) and tokens[0].head == 1
    restored = pickle.loads(pickle.dumps(tokens[1]))
    assert restored == tokens[1] and restored.pos == "NOUN"
    assert presslens.Analyzer(syntax=False).analyze("The minister resigned.").tokens[1].pos is None
    # A token made by hand keeps the tags it was given.
    assert presslens.Token(0, 3, "The", "word", 0, pos="DET", head=1).pos == "DET"

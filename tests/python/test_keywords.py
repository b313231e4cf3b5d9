from __future__ import annotations

import pickle

import pytest

import presslens
from presslens import _presslens, samples


def test_keywords_count_terms_once_however_written() -> None:
    doc = presslens.analyze(
        "Japan-China relations improved. The relation between Japan and China's leaders matters."
    )
    counts = {k.key: k.count for k in doc.keywords(None)}
    assert counts["relat"] == 2
    assert counts["china"] == 2
    assert counts["japan-china"] == 1
    assert "the" not in counts
    unstemmed = {k.key for k in doc.keywords(None, stem=False)}
    assert {"relations", "relation"} <= unstemmed
    bigrams = doc.keywords(None, ngrams=(2, 2))
    assert bigrams and all(k.words == 2 for k in bigrams)
    with pytest.raises(ValueError):
        doc.keywords(ngrams=(3, 1))


def test_keyphrases_on_the_sample() -> None:
    doc = presslens.analyze(samples.read())
    phrases = doc.keyphrases(10)
    assert len(phrases) == 10
    assert [p.score for p in phrases] == sorted((p.score for p in phrases), reverse=True)
    assert all(0 < p.score < 1 and p.ranked_by == "model" for p in phrases)  # probabilities
    assert all(k.ranked_by is None for k in doc.keywords(5))  # counts are not ranked
    texts = [p.text.lower() for p in phrases]
    assert {"heatwaves", "planting", "emergency"} <= set(texts)  # what the article is about
    tags = {t.start: t.pos for t in doc.tokens}
    assert all(tags[p.start] in ("NOUN", "PROPN", "ADJ") for p in phrases)  # noun phrases
    assert not any("rights reserved" in t or "subscribe" in t for t in texts)  # no chrome
    top_terms = [k.text for k in doc.keywords(20)]
    assert "Copyright" not in top_terms


def test_keywords_survive_pickling() -> None:
    doc = presslens.analyze(samples.read())
    restored = pickle.loads(pickle.dumps(doc))
    assert [k.key for k in restored.keywords(10)] == [k.key for k in doc.keywords(10)]
    assert restored.tokens == doc.tokens


def test_chinese_and_japanese_keywords() -> None:
    zh = presslens.analyze("两国外长同意恢复对话。对话将在北京举行。", lang="zh")
    assert {k.text: k.count for k in zh.keywords(None)}["对话"] == 2
    ja = presslens.analyze("東京都は晴れです。東京都の気温は高い。", lang="ja")
    assert any(k.text.startswith("東京") for k in ja.keywords(5))


def test_quoted_matter_can_be_left_out_or_isolated() -> None:
    doc = presslens.analyze(
        'The council debated housing. "Rents are crushing families," the mayor said.',
        detect_structure=False,
    )
    everything = {k.key for k in doc.keywords(None)}
    writer = {k.key for k in doc.keywords(None, quoted="exclude")}
    quoted = {k.key for k in doc.keywords(None, quoted="only")}
    assert {"rent", "famili"} <= quoted and not {"rent", "famili"} & writer
    assert {"council", "hous", "mayor"} <= writer and not {"council", "mayor"} & quoted
    assert writer | quoted <= everything
    with pytest.raises(presslens.InvalidArgumentError):
        doc.keywords(quoted="sometimes")


def test_keyphrases_show_names_whole_and_words_as_written() -> None:
    doc = presslens.analyze(
        "Harbour City's trees\n\nHarbour City's council planted trees. The city's budget for "
        "trees in Harbour City grew. In July, Harbour City planted more trees.",
        lang="en",
    )
    texts = [p.text for p in doc.keyphrases(10)]
    assert "Harbour City" in texts  # the name, without the possessive, stands for "city"
    assert not any(t.lower() in ("city", "harbour", "july") for t in texts)
    for phrase in doc.keyphrases(10):
        assert doc.text[phrase.start : phrase.end] == phrase.text
    french = presslens.analyze("L'aéroport ferme. L'aéroport de Lyon rouvrira.", lang="fr")
    assert "aéroport" in [k.text for k in french.keywords(5)]


def test_keyphrases_are_noun_phrases_when_tagged() -> None:
    text = (
        "Harbour council quietly approves flood wall\n\n"
        "The harbour council quietly approved the flood wall on Tuesday. Councillors approved the "
        "budget quickly, and the mayor approved the tender.\n\n"
        "Residents had repeatedly asked for the flood wall after the winter storms. Engineers "
        "quietly surveyed the seafront twice.\n\n"
        "The wall will cost 4 million euros, and the council approved a loan for it."
    )
    doc = presslens.analyze(text)
    keys = [k.key for k in doc.keyphrases(10)]
    assert "flood wall" in keys
    assert not {"approv", "quiet", "quiet approv", "approv flood"} & set(keys)
    tags = {t.text: t.pos for t in doc.tokens}
    for phrase in doc.keyphrases(10):
        assert doc.text[phrase.start : phrase.end] == phrase.text
    assert tags["approves"] == "VERB"
    # Without the syntax layer, the word-list ranking of before: the verb is back.
    untagged = presslens.Analyzer("en", syntax=False).analyze(text)
    assert "approv" in [k.key for k in untagged.keyphrases(10)]


def test_phrase_keys_and_the_keyphrase_trainer() -> None:
    analyzer = presslens.Analyzer("en")
    assert analyzer.phrase_key("Oil spills") == "oil spill"
    assert analyzer.phrase_key("China’s leaders") == "china leader"
    doc = analyzer.analyze(samples.read())
    assert analyzer.phrase_key("heatwave") in {k.key for k in doc.keywords(None)}
    stories = [
        (samples.read(), "en", ["heatwaves", "tree planting", "emergency"]),
        ("Ferry operator orders electric vessels\n\nThe island ferry operator ordered two "
         "electric vessels. The vessels will charge at the pier.", "en", ["electric vessels", "ferry"]),
    ]
    trained = _presslens.train_keyphrase_model(stories, folds=2)
    assert trained == _presslens.train_keyphrase_model(stories, folds=2)  # deterministic
    assert trained["documents"] == 2 and 0 < trained["positives"] < trained["candidates"]
    assert isinstance(trained["model"], bytes) and 0 <= trained["cv_precision_at_10"] <= 1
    with pytest.raises(ValueError):
        _presslens.train_keyphrase_model([("A story about ferries.", "en", ["zeppelin"])], folds=2)


def test_fewer_keyphrases_are_the_first_of_more() -> None:
    # On every article of the bundled collection (six languages): keyphrases(n) is the first n of
    # keyphrases(m), so a top 10 never shows "Associated" where the top 15 shows "Associated Press".
    for article in samples.collection():
        doc = presslens.analyze(article["text"], lang=article["lang"])
        longest = [k.key for k in doc.keyphrases(30)]
        assert len(longest) >= 10, article["id"]
        for n in (1, 3, 5, 10, 20):
            assert [k.key for k in doc.keyphrases(n)] == longest[:n], (article["id"], n)


def test_a_language_without_a_pack_warns_and_keeps_stopwords_out() -> None:
    text = (
        "Правительство России в среду утвердило новый бюджет на следующий год. По словам министра "
        "финансов, расходы на образование вырастут. Это решение вызвало споры в парламенте, где "
        "оппозиция назвала бюджет нереалистичным. Министр заявил, что дефицит бюджета не превысит "
        "двух процентов. Эксперты считают, что рост цен на нефть поможет выполнить план."
    )
    with pytest.warns(presslens.UnsupportedLanguageWarning, match="'ru'"):
        analyzer = presslens.Analyzer("ru")
    ranked = analyzer.analyze(text).keyphrases(10)
    assert {k.ranked_by for k in ranked} == {"rules"}  # no background frequencies, no ranker
    phrases = [k.text for k in ranked]
    assert phrases[0] == "бюджет"
    assert not {"в", "на", "и", "не", "что", "по"} & set(phrases)

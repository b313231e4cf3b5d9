from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import presslens

ARTICLES = [
    "Flood defences failed in the river town. The flood damaged homes.",
    "The council approved new flood defences. Homes will be protected.",
    "A new bridge opened in the river town. Traffic eased.",
    "Energy prices rose again. The council warned of higher bills.",
]
GROUPS = ["2024-05", "2024-05", "2024-06", "2024-06"]


def test_corpus_statistics_and_groups() -> None:
    corpus = presslens.Corpus().add_many(ARTICLES, groups=GROUPS, threads=2)
    assert corpus.documents == 4
    top = corpus.top(1)[0]
    assert (top.key, top.count, top.documents, top.text) == ("flood", 3, 2, "Flood")
    assert corpus.document_frequency("council") == 2
    assert corpus.groups() == ["2024-05", "2024-06"]
    by = corpus.by(2)
    assert by["2024-05"][0].key == "flood"
    ranked = corpus.tfidf("A bridge and a flood.", top=3)
    assert ranked and ranked[0].score > 0
    assert "Corpus(lang='en', documents=4" in repr(corpus)


def test_merge_equals_building_at_once_and_threads_agree() -> None:
    whole = presslens.Corpus().add_many(ARTICLES, groups=GROUPS, threads=1)
    first = presslens.Corpus().add_many(ARTICLES[:2], groups=GROUPS[:2])
    second = presslens.Corpus().add_many(ARTICLES[2:], groups=GROUPS[2:])
    assert first.merge(second)._core.dumps() == whole._core.dumps()
    one_by_one = presslens.Corpus()
    for text, group in zip(ARTICLES, GROUPS):
        one_by_one.add(text, group=group)
    assert one_by_one._core.dumps() == whole._core.dumps()
    with pytest.raises(ValueError):
        whole.merge(presslens.Corpus(stem=False))


def test_save_load_and_pickle(tmp_path: Path) -> None:
    corpus = presslens.Corpus().add_many(ARTICLES, groups=GROUPS)
    path = tmp_path / "corpus.tsv"
    corpus.save(path)
    assert path.read_text(encoding="utf-8").startswith("presslens-corpus 3\n")
    loaded = presslens.Corpus.load(path)
    assert loaded.top(5) == corpus.top(5) and loaded.by(3) == corpus.by(3)
    assert loaded._core.speakers(5) == corpus._core.speakers(5)
    assert pickle.loads(pickle.dumps(corpus)).top(5) == corpus.top(5)
    (tmp_path / "bad.tsv").write_text("not a corpus\n", encoding="utf-8")
    with pytest.raises(presslens.InvalidArgumentError):
        presslens.Corpus.load(tmp_path / "bad.tsv")


def test_to_pandas_when_installed() -> None:
    pandas = pytest.importorskip("pandas")
    frame = presslens.Corpus().add_many(ARTICLES).to_pandas(3)
    assert isinstance(frame, pandas.DataFrame) and list(frame.columns) == ["key", "text", "count", "documents"]


def test_threads_share_one_corpus() -> None:
    # Several Python threads adding to one corpus at once (the GIL is released while they count):
    # the result equals the same documents added one after another, whatever the interleaving.
    import threading

    texts = ARTICLES * 60
    groups = GROUPS * 60
    shared = presslens.Corpus()
    other = presslens.Corpus().add_many(ARTICLES, groups=GROUPS)
    left, right = presslens.Corpus().add_many(ARTICLES[:2]), presslens.Corpus().add_many(ARTICLES[2:])

    def work(k: int) -> None:
        shared.add_many(texts, groups=groups, threads=2)
        for text, group in zip(ARTICLES, GROUPS):
            shared.add(text, group=group)
        shared.merge(other)
        # Merges both ways at once must not deadlock.
        (left.merge(right) if k % 2 else right.merge(left))
        shared.top(5)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert shared.documents == 4 * (len(texts) + 2 * len(ARTICLES))
    expected = presslens.Corpus()
    for _ in range(4):
        expected.add_many(texts, groups=groups)
        expected.add_many(ARTICLES * 2, groups=GROUPS * 2)
    assert shared._core.dumps() == expected._core.dumps()


def test_keyness_and_trend_tables() -> None:
    pandas = pytest.importorskip("pandas")
    spring = "The flood hit the town. Flood water rose. Council staff worked."
    autumn = "The strike closed the port. Strike talks failed. Council staff worked."
    corpus = presslens.Corpus(ngrams=(1, 1)).add_many([spring, autumn] * 5, groups=["spring", "autumn"] * 5)
    table = corpus.keyness(n=3)
    assert list(table.columns) == ["group", "key", "text", "count", "documents", "score"]
    firsts = table.groupby("group", sort=True).head(1).set_index("group")
    assert firsts.loc["spring", "key"] == "flood" and firsts.loc["autumn", "key"] == "strike"
    assert firsts.loc["spring", "text"] == "flood" and firsts.loc["spring", "score"] > 2
    assert corpus.keyness("winter").empty and corpus.keyness("winter").dtypes["score"] == "float64"
    trend = corpus.trend(["flood", "strike", "council"])
    assert list(trend.columns) == ["group", "key", "count", "share"]
    shares = trend.pivot(index="group", columns="key", values="share")
    assert shares.loc["spring", "strike"] == 0 and shares.loc["autumn", "strike"] > 0
    assert shares.loc["spring", "council"] == pytest.approx(shares.loc["autumn", "council"])
    assert isinstance(trend, pandas.DataFrame)


def test_labels_are_the_most_frequent_spelling_in_any_order() -> None:
    texts = ["Publication of the report was delayed.", "Publications rose. Publications fell. Publications grew."]
    forward = presslens.Corpus().add_many(texts)
    backward = presslens.Corpus().add_many(texts[::-1])
    assert forward._core.dumps() == backward._core.dumps()
    label = {t.key: t.text for t in forward.top(20)}
    assert label["public"] == "Publications"


def test_speakers_across_articles() -> None:
    pandas = pytest.importorskip("pandas")
    texts = [
        'Prime Minister Fumio Kishida visited Osaka. "We will act," Kishida said. "Soon," he added.',
        '"The budget is ready," Fumio Kishida told reporters.',
        '"Prices will fall," said Ana Ruiz. Police said two men were held.',
    ]
    corpus = presslens.Corpus().add_many(texts, groups=["a", "b", "a"])
    table = corpus.speakers()
    assert isinstance(table, pandas.DataFrame)
    assert list(table.columns) == ["key", "name", "type", "quotes", "documents"]
    assert table.iloc[0].to_dict() == {"key": "kishida", "name": "Fumio Kishida", "type": "person",
                                        "quotes": 3, "documents": 2}
    assert list(corpus.speakers(group="b")["quotes"]) == [1]
    by_group = corpus.speakers_by_group(5)
    assert list(by_group.columns) == ["group", "key", "name", "type", "quotes", "documents"]
    assert set(by_group["group"]) == {"a", "b"}
    empty = presslens.Corpus().speakers()
    assert len(empty) == 0 and dict(empty.dtypes) == dict(table.dtypes)
    assert len(presslens.Corpus().speakers_by_group()) == 0


def test_keywords_only_counts_the_same_terms_without_speakers() -> None:
    texts = ARTICLES + ['"Prices will fall," said Ana Ruiz, who runs the council. The "flood tax" stays.']
    groups = GROUPS + ["2024-06"]
    full = presslens.Corpus().add_many(texts, groups=groups)
    counting = presslens.Corpus(keywords_only=True).add_many(texts, groups=groups)
    assert counting.top(50) == full.top(50) and counting.by(10) == full.by(10)
    assert len(full.speakers()) == 1 and len(counting.speakers()) == 0
    # Same terms, so the two kinds of corpus merge exactly.
    half = presslens.Corpus(keywords_only=True).add_many(texts[:2], groups=groups[:2])
    half.merge(presslens.Corpus().add_many(texts[2:], groups=groups[2:]))
    assert half.top(50) == full.top(50) and half.by(10) == full.by(10)
    assert pickle.loads(pickle.dumps(counting)).analyzer._stages["quotes"] is False
    with pytest.raises(ValueError, match="keywords_only"):
        presslens.Corpus(presslens.Analyzer("en"), keywords_only=True)

"""Corpus statistics: keyword counts, document frequencies, TF-IDF and trends by group."""

from __future__ import annotations

import os
from itertools import islice
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _presslens
from .analyzer import Analyzer, TextLike, _to_utf8
from .document import Document

__all__ = ["Corpus", "TermStats"]

PathLike = Union[str, "os.PathLike[str]"]


class TermStats:
    """A term over a corpus: its ``key``, how it was first written (``text``), its ``count`` of
    occurrences, the number of ``documents`` it occurs in, and a ``score`` where one applies."""

    __slots__ = ("key", "text", "count", "documents", "score")

    def __init__(self, key: str, text: str, count: int, documents: int, score: float = 0.0) -> None:
        self.key = key
        self.text = text
        self.count = count
        self.documents = documents
        self.score = score

    def to_dict(self) -> Dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TermStats) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        score = f", score={self.score:.2f}" if self.score else ""
        return f"TermStats({self.text!r}, key={self.key!r}, count={self.count}, documents={self.documents}{score})"

    def __getstate__(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)


def _terms(raw: Sequence[Tuple[str, str, int, int, float]]) -> List[TermStats]:
    return [TermStats(*row) for row in raw]


class Corpus:
    """Keyword statistics over many articles.

    Terms are counted as :meth:`Document.keywords` counts them (``ngrams`` and ``stem`` fixed
    here). Memory grows with the vocabulary, not with the text. Corpora built apart (on other
    threads, processes or machines) combine exactly with :meth:`merge`; :meth:`save` and
    :meth:`load` use a documented text format (docs/keywords.md). Python threads may share one
    corpus: each adds its documents' counts under a lock, after analysing them without it.
    ``keywords_only=True`` counts terms alone (no quotes, so :meth:`speakers` stays empty), which
    skips the grammar and quote stages.
    """

    def __init__(
        self,
        analyzer: Optional[Analyzer] = None,
        *,
        lang: str = "en",
        ngrams: Tuple[int, int] = (1, 3),
        stem: bool = True,
        keywords_only: bool = False,
    ) -> None:
        low, high = ngrams
        if not 1 <= low <= high:
            raise ValueError(f"ngrams must be (low, high) with 1 <= low <= high, not {ngrams}")
        if keywords_only and analyzer is not None:
            raise ValueError(
                "keywords_only makes the corpus's own analyzer: give lang, not an analyzer"
            )
        # A corpus counts terms and quotes by speaker, never claims: its own analyzer skips them.
        # keywords_only: terms alone, from structure, sentences and tokens (no syntax, no quotes,
        # so no speakers): 1.6 times as fast on the sample news (docs/keywords.md).
        if analyzer is None:
            analyzer = (
                Analyzer(lang, syntax=False, quotes=False, claims=False)
                if keywords_only
                else Analyzer(lang, claims=False)
            )
        self.analyzer = analyzer
        self.ngrams = (low, high)
        self.stem = stem
        self._core = _presslens.Corpus()

    @property
    def documents(self) -> int:
        """How many documents were added."""
        return int(self._core.documents)

    def add(self, document: Union[Document, TextLike], group: Optional[str] = None) -> "Corpus":
        """Adds one article (a Document, or text to analyse) under an optional ``group`` key
        (a month, an outlet)."""
        if not isinstance(document, Document):
            document = self.analyzer.analyze(document)
        self._core.add(
            self.analyzer._core, document._compiled(), group or "", *self.ngrams, self.stem
        )
        return self

    def add_many(
        self,
        texts: Iterable[TextLike],
        groups: Optional[Iterable[Optional[str]]] = None,
        *,
        threads: int = 0,
        batch_size: int = 1000,
    ) -> "Corpus":
        """Analyses and adds many articles on ``threads`` threads (0: one per core), with the
        GIL released; ``groups`` gives each text's group key."""
        text_iterator = iter(texts)
        group_iterator = iter(groups) if groups is not None else None
        while True:
            batch = list(islice(text_iterator, batch_size))
            if not batch:
                return self
            batch_groups = (
                [g or "" for g in islice(group_iterator, len(batch))] if group_iterator else []
            )
            if group_iterator and len(batch_groups) != len(batch):
                raise ValueError("groups ran out before texts")
            data = [_to_utf8(text)[0] for text in batch]
            self._core.add_texts(self.analyzer._core, data, batch_groups, threads, *self.ngrams, self.stem)

    def merge(self, other: "Corpus") -> "Corpus":
        """Adds another corpus's statistics to this one (in place) and returns this one."""
        if (other.ngrams, other.stem, other.analyzer.lang) != (self.ngrams, self.stem, self.analyzer.lang):
            raise ValueError("only corpora with the same language, ngrams and stem settings merge")
        self._core.merge(other._core)
        return self

    def top(self, n: int = 20, group: Optional[str] = None) -> List[TermStats]:
        """The ``n`` most frequent terms, over everything or in one ``group``."""
        return _terms(self._core.top(n, group))

    def groups(self) -> List[str]:
        """The group keys seen, sorted."""
        return list(self._core.groups())

    def by(self, n: int = 10) -> Dict[str, List[TermStats]]:
        """The ``n`` most frequent terms of every group: ``{group: [TermStats, ...]}``."""
        return {group: self.top(n, group) for group in self.groups()}

    def keyness(self, group: Optional[str] = None, n: int = 20) -> Any:
        """The ``n`` terms that most distinguish each group (or one ``group``) from the rest of the
        corpus, as a pandas DataFrame (group, key, text, count, documents, score), most distinctive
        first within each group. ``score`` is the z-score of the log-odds ratio with an
        informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): positive where the group
        uses the term more than the rest does; ``count`` is the term's count in the group and
        ``text`` its most frequent spelling over the corpus."""
        import pandas

        groups = [group] if group is not None else self.groups()
        rows = [
            {"group": name, **stats.to_dict()}
            for name in groups
            for stats in _terms(self._core.keyness(name, n))
        ]
        columns = ["group", "key", "text", "count", "documents", "score"]
        dtypes = {"group": "string", "key": "string", "text": "string", "count": "int64",
                  "documents": "int64", "score": "float64"}
        return pandas.DataFrame(rows, columns=columns).astype(dtypes)

    def speakers(self, n: Optional[int] = 20, group: Optional[str] = None) -> Any:
        """Who is quoted, and how often: the ``n`` speakers with most quotes (None: all), over the
        corpus or in one ``group``, as a pandas DataFrame (key, name, type, quotes, documents).
        Quotes count when they are speech (direct, partial, indirect) and their speaker resolved
        to a name (``Quote.speaker_name``); one speaker's mentions across articles ("Kishida",
        "Fumio Kishida", "Prime Minister Fumio Kishida") share the key (the surname), ``name`` is
        the fullest name most often written, ``type`` what most of its quotes' speakers were."""
        import pandas

        rows = [
            {"key": key, "name": name, "type": kind, "quotes": quotes, "documents": documents}
            for key, name, kind, quotes, documents in self._core.speakers(n if n is not None else 2**62, group)
        ]
        columns = ["key", "name", "type", "quotes", "documents"]
        dtypes = {"key": "string", "name": "string", "type": "string", "quotes": "int64", "documents": "int64"}
        return pandas.DataFrame(rows, columns=columns).astype(dtypes)

    def speakers_by_group(self, n: Optional[int] = 10) -> Any:
        """The ``n`` most quoted speakers of every group, as one tidy pandas DataFrame (group, key,
        name, type, quotes, documents): quotes counted in the group, the rest over the corpus."""
        import pandas

        frames = [self.speakers(n, group).assign(group=group) for group in self.groups()]
        columns = ["group", "key", "name", "type", "quotes", "documents"]
        if not frames:
            return self.speakers(0).assign(group=pandas.Series(dtype="string"))[columns]
        return pandas.concat(frames, ignore_index=True).astype({"group": "string"})[columns]

    def trend(self, keys: Sequence[str], per: int = 1000) -> Any:
        """How often each term (by ``key``, as :meth:`top` and :meth:`keyness` show them) occurs
        in each group, as a tidy pandas DataFrame (group, key, count, share): ``share`` is the
        count per ``per`` terms the group counts, so groups of different sizes compare. Ready to
        plot: ``corpus.trend(keys).pivot(index="group", columns="key", values="share")``."""
        import pandas

        rows = []
        for name in self.groups():
            total = self._core.group_terms(name)
            for key in keys:
                count = self._core.count(key, name)
                rows.append({"group": name, "key": key, "count": count,
                             "share": per * count / total if total else 0.0})
        dtypes = {"group": "string", "key": "string", "count": "int64", "share": "float64"}
        return pandas.DataFrame(rows, columns=list(dtypes)).astype(dtypes)

    def document_frequency(self, key: str) -> int:
        """In how many documents the term with this ``key`` occurs."""
        return int(self._core.document_frequency(key))

    def tfidf(self, document: Union[Document, TextLike], top: int = 10) -> List[TermStats]:
        """A document's terms ranked by TF-IDF against this corpus."""
        if not isinstance(document, Document):
            document = self.analyzer.analyze(document)
        return _terms(
            self._core.tfidf(self.analyzer._core, document._compiled(), top, *self.ngrams, self.stem)
        )

    def to_pandas(self, n: Optional[int] = None) -> Any:
        """The terms as a pandas DataFrame (key, text, count, documents); pandas is imported
        only here."""
        import pandas

        rows = [t.to_dict() for t in self.top(n if n is not None else 2**62)]
        return pandas.DataFrame(rows, columns=["key", "text", "count", "documents"])

    def save(self, path: PathLike) -> None:
        with open(path, "wb") as handle:
            handle.write(self._core.dumps())

    @classmethod
    def load(cls, path: PathLike, analyzer: Optional[Analyzer] = None, **options: Any) -> "Corpus":
        """Reads a corpus saved by :meth:`save`; give the analyzer and options it was built with."""
        corpus = cls(analyzer, **options)
        with open(path, "rb") as handle:
            corpus._core = _presslens.Corpus.loads(handle.read())
        return corpus

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore_corpus, (self._core.dumps(), self.analyzer, self.ngrams, self.stem))

    def __repr__(self) -> str:
        return (
            f"Corpus(lang={self.analyzer.lang!r}, documents={self.documents}, "
            f"groups={len(self.groups())}, ngrams={self.ngrams}, stem={self.stem})"
        )


def _restore_corpus(data: bytes, analyzer: Analyzer, ngrams: Tuple[int, int], stem: bool) -> Corpus:
    corpus = Corpus(analyzer, ngrams=ngrams, stem=stem)
    corpus._core = _presslens.Corpus.loads(data)
    return corpus

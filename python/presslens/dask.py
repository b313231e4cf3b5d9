"""Dask integration: the same analysis over collections larger than one machine.

Each function builds a lazy Dask collection; nothing runs until ``.compute()``. The Analyzer
travels with every task as its options only, and each worker process rebuilds it once (unpickled
analyzers are shared within a process), so a cluster loads each language pack once per worker.
Dask is an optional extra: ``pip install presslens[dask]``.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable, List, Optional, Tuple

import dask.bag
import dask.dataframe

from .analyzer import Analyzer
from .corpus import Corpus
from .document import Document
from .frames import LAYERS, _id_dtype, analyze_frame, empty_tables

__all__ = ["analyze_bag", "analyze_dataframe", "keyword_corpus"]


def _analyze_partition(texts: Iterable[Any], analyzer: Analyzer, threads: int) -> List[Document]:
    return list(analyzer.pipe(texts, threads=threads))


def analyze_bag(
    bag: dask.bag.Bag, analyzer: Optional[Analyzer] = None, *, lang: str = "auto", threads: int = 1
) -> dask.bag.Bag:
    """A bag of :class:`Document` from a bag of texts (``str`` or UTF-8 ``bytes``; each text's
    language identified unless ``lang`` or ``analyzer`` says it). Map over it
    on the workers; documents that travel back to the client pickle as their text and are
    re-analysed there, so bring back what you need (``.map(lambda d: d.to_dict())``), not the
    documents themselves. ``threads`` per partition: 1 when Dask already runs a task per core."""
    return bag.map_partitions(_analyze_partition, analyzer or Analyzer(lang), threads)


def _layer_partition(
    frame: Any, text_col: str, id_col: Optional[str], layer: str, analyzer: Analyzer, threads: int
) -> Any:
    layers = [] if layer == "documents" else [layer]
    return analyze_frame(frame, text_col, id_col, layers=layers, analyzer=analyzer, threads=threads)[
        layer
    ]


def analyze_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    layer: str = "sentences",
    analyzer: Optional[Analyzer] = None,
    lang: str = "auto",
    threads: int = 1,
) -> dask.dataframe.DataFrame:
    """One tidy table (``layer``: ``"documents"`` or one of :data:`presslens.frames.LAYERS`) of
    every text in a Dask DataFrame column, as :func:`presslens.analyze_frame` makes it: one row
    per sentence, quote, claim... with the document id (``id_col``, or the index) and code-point
    offsets. Call it once per table you need."""
    if layer != "documents" and layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; layers: documents, {', '.join(LAYERS)}")
    ids = ddf[id_col] if id_col else ddf.index
    meta = empty_tables([] if layer == "documents" else [layer], _id_dtype(ids))[layer]
    return ddf.map_partitions(
        _layer_partition,
        text_col,
        id_col,
        layer,
        analyzer or Analyzer(lang),
        threads,
        meta=meta,
        align_dataframes=False,
    )


def _partition_corpus(
    items: Iterable[Any], analyzer: Analyzer, ngrams: Tuple[int, int], stem: bool
) -> Corpus:
    corpus = Corpus(analyzer, ngrams=ngrams, stem=stem)
    texts: List[Any] = []
    groups: List[Optional[str]] = []
    for item in items:
        text, group = item if isinstance(item, tuple) else (item, None)
        texts.append(text)
        groups.append(None if group is None else str(group))
    return corpus.add_many(texts, groups, threads=1)


def _merge_corpora(corpora: Iterable[Corpus]) -> Corpus:
    corpora = list(corpora)
    merged = corpora[0]
    for corpus in corpora[1:]:
        merged.merge(corpus)
    return merged


def keyword_corpus(
    bag: dask.bag.Bag,
    analyzer: Optional[Analyzer] = None,
    *,
    lang: str = "en",
    ngrams: Tuple[int, int] = (1, 3),
    stem: bool = True,
) -> Any:
    """Keyword statistics of a bag of texts, or of ``(text, group)`` pairs (a month, an outlet;
    ``ddf[["text", "month"]].to_bag()`` makes them from a DataFrame): each partition builds a
    :class:`Corpus` and the partials are combined with :meth:`Corpus.merge`, which is exact.
    Returns a lazy Dask object: ``.compute()`` gives the Corpus."""
    build = functools.partial(
        _partition_corpus, analyzer=analyzer or Analyzer(lang), ngrams=ngrams, stem=stem
    )
    return bag.reduction(build, _merge_corpora)

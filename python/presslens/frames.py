"""pandas tables of presslens results. pandas is imported here only, when a table is asked for:
the rest of presslens works without it (pip install presslens[pandas])."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from . import _presslens
from .analyzer import Analyzer, _shared_analyzer, _to_utf8
from .document import Document
from .errors import InvalidArgumentError
from .progress import progress_bar

__all__ = ["LAYERS", "SCHEMAS", "analyze_frame", "empty_tables", "to_pandas"]

LAYERS = ("sentences", "paragraphs", "tokens", "quotes", "speakers", "claims", "keywords")


# Column dtypes of each layer's table: nullable (Int64, Float64, string) where a value can be
# missing, so tables of no rows have the same dtypes as full ones (Dask needs that for its meta).
# A claim's kinds are a list of names per row ("object": pandas has no list dtype of its own).
SCHEMAS: Dict[str, Dict[str, str]] = {
    "documents": {"lang": "string", "lang_confidence": "float64", "source_format": "string",
                  "site": "string", "url": "string", "title": "string", "title_source": "string",
                  "date": "datetime64[ns]", "date_source": "string",
                  "utc_offset": "string",
                  "authors": "string", "author_source": "string", "sentences": "int64",
                  "quotes": "int64", "claims": "int64"},
    "sentences": {"index": "int64", "paragraph": "int64", "start": "int64", "end": "int64",
                  "text": "string", "claim_score": "Float64", "quoted_share": "float64"},
    "paragraphs": {"index": "int64", "role": "string", "start": "int64", "end": "int64",
                   "text": "string", "chrome_reason": "string", "body_score": "Float64"},
    "tokens": {"start": "int64", "end": "int64", "text": "string", "kind": "string",
               "sentence": "Int64", "pos": "string", "lemma": "string", "morph": "string",
               "head": "Int64", "dep": "string"},
    "quotes": {"start": "int64", "end": "int64", "text": "string", "kind": "string",
               "speaker": "string", "speaker_name": "string", "speaker_type": "string",
               "resolution": "string", "speaker_key": "string", "cue": "string", "sentence": "Int64",
               "parts": "int64", "source": "string", "confidence": "Float64"},
    "claims": {"sentence": "int64", "start": "int64", "end": "int64", "text": "string",
               "score": "float64", "check_worthy": "bool", "claim_score": "float64",
               "is_claim": "bool", "rule": "string", "kinds": "object", "certainty": "int64",
               "speaker": "string", "speaker_key": "string"},
    "speakers": {"key": "string", "name": "string", "type": "string", "quotes": "int64"},
    "keywords": {"key": "string", "text": "string", "count": "int64", "words": "int64",
                 "start": "int64", "end": "int64"},
}


def _arrow_strings() -> bool:
    """Whether pandas keeps "string" columns in pyarrow (pandas 3 with pyarrow installed): then
    the C++ string buffers are wrapped as they are; else every string becomes a str (one copy)."""
    import pandas

    return bool(pandas.StringDtype().storage == "pyarrow")


def _column(raw: Tuple[Any, ...], dtype: str) -> Any:
    """A pandas array of ``dtype`` over one column the C++ table builder made, without copying
    its numbers or (with pyarrow) its strings."""
    import numpy
    import pandas

    kind = raw[0]
    if kind == "str":
        if not isinstance(raw[1], tuple):
            strings = pandas.array(raw[1], dtype="string")
        else:
            import pyarrow

            data, offsets, mask = raw[1]
            validity = None if mask is None else pyarrow.py_buffer(numpy.packbits(~mask, bitorder="little"))
            strings = pandas.arrays.ArrowStringArray(
                pyarrow.LargeStringArray.from_buffers(
                    len(offsets) - 1, pyarrow.py_buffer(offsets), pyarrow.py_buffer(data), validity
                )
            )
        if dtype == "datetime64[ns]":  # an ISO 8601 date, its time zone in another column
            dates = pandas.to_datetime(pandas.Series(strings, dtype=object), format="ISO8601", errors="coerce")
            return dates.astype(dtype).array
        return strings
    if kind == "list":
        lists = numpy.empty(len(raw[1]), dtype=object)
        for row, items in enumerate(raw[1]):  # one by one: lists of one length would broadcast
            lists[row] = items
        return lists
    values = raw[1]
    mask = raw[2] if kind != "bool" else None
    if dtype == "Int64":
        return pandas.arrays.IntegerArray(values, numpy.zeros(len(values), bool) if mask is None else mask)
    if dtype == "Float64":
        return pandas.arrays.FloatingArray(values, numpy.zeros(len(values), bool) if mask is None else mask)
    if mask is not None:  # a float64 column writes a missing value as NaN
        values = values.copy()
        values[mask] = numpy.nan
    return values


def _table(raw: Dict[str, Tuple[Any, ...]], table: str, ids: Any = None, id_dtype: Optional[str] = None) -> Any:
    """One table the C++ builder made as a DataFrame with the table's schema; with ``ids`` (a
    Series), a ``doc_id`` column first, each row's id taken at its document's position."""
    import pandas

    schema = SCHEMAS[table]
    columns: Dict[str, Any] = {}
    if ids is not None:
        positions = raw["document"][1]
        columns["doc_id"] = ids.take(positions).astype(id_dtype).array
    for name, dtype in schema.items():
        columns[name] = _column(raw[name], dtype)
    frame = pandas.DataFrame(columns, copy=False)
    if ids is not None:
        schema = {"doc_id": id_dtype, **schema}
    mismatched = {name: dtype for name, dtype in schema.items() if str(frame[name].dtype) != dtype}
    return frame.astype(mismatched) if mismatched else frame


def _id_dtype(ids: Any) -> str:
    """The dtype for a table's doc_id column: the ids' own, with Python objects as strings."""
    dtype = str(getattr(ids, "dtype", "object"))
    return "string" if dtype in ("object", "str") or dtype.startswith("string") else dtype


def _layers(layers: Iterable[str]) -> List[str]:
    chosen = list(layers)
    for layer in chosen:
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    return chosen


def _frames(builder: Any, layers: Sequence[str], ids: Any = None, id_dtype: Optional[str] = None) -> Dict[str, Any]:
    """The builder's tables as DataFrames: "documents", then ``layers``."""
    raw = builder.take(arrow=_arrow_strings())
    return {table: _table(raw[table], table, ids, id_dtype) for table in ["documents", *layers]}


def empty_tables(layers: Iterable[str], id_dtype: Optional[str] = None) -> Dict[str, Any]:
    """Tables of no rows with the dtypes of full ones (Dask's meta)."""
    chosen = _layers(layers)
    ids = None if id_dtype is None else _pandas_series([], id_dtype)
    return _frames(_presslens.TableBuilder(chosen, None), chosen, ids, id_dtype)


def _pandas_series(values: Any, dtype: Optional[str] = None) -> Any:
    import pandas

    return pandas.Series(values, dtype=dtype)


def to_pandas(doc: Document, layer: str = "sentences") -> Any:
    """One layer of one document as a DataFrame."""
    chosen = _layers([layer])
    builder = _presslens.TableBuilder(chosen, None)
    compiled = doc._compiled()  # a ValueError for a Document built by hand
    builder.add_document(doc._analyzer._core, compiled, 0)
    return _frames(builder, chosen)[layer]


def analyze_frame(
    frame: Any,
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    lang: str = "auto",
    lang_col: Optional[str] = None,
    threads: int = 0,
    layers: Iterable[str] = ("sentences", "quotes", "claims", "keywords"),
    analyzer: Optional[Analyzer] = None,
    progress: bool = False,
    keywords_top: Optional[int] = 50,
    batch_size: int = 512,
) -> Dict[str, Any]:
    """Analyses every text of a DataFrame column (on ``threads`` threads) and returns tidy
    DataFrames: ``"documents"`` (one row per text: language, the format it was read from, an HTML
    page's site name and URL, title, date, authors, counts) and
    one per layer, each row carrying the document id (``id_col``, or the frame's index) and
    code-point offsets. Every text is read as ``lang`` (by default ``"auto"``: each text's language
    is identified, and ``lang_confidence`` says how sure that is), or, with ``lang_col``, as the
    language that column gives it (one analyzer per language, with ``analyzer``'s options when one is
    given). The keywords table holds each document's ``keywords_top`` most frequent terms (None:
    every term; a :class:`~presslens.Corpus` counts a whole collection more leanly).
    ``progress=True`` shows a progress bar. The tables are built in C++ as columns, ``batch_size``
    texts at a time, and handed to pandas without copying (docs/tables.md)."""
    import pandas

    chosen = _layers(layers)
    if batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be at least 1, not {batch_size}")
    ids = pandas.Series(frame[id_col] if id_col else frame.index)
    texts = list(frame[text_col])
    # Texts by language, each language through its own analyzer; rows come out in frame order.
    positions: Dict[str, List[int]] = {}
    langs = frame[lang_col] if lang_col else [analyzer.lang if analyzer else lang] * len(texts)
    for position, text_lang in enumerate(langs):
        positions.setdefault(str(text_lang), []).append(position)
    builder = _presslens.TableBuilder(chosen, keywords_top)
    bar = progress_bar(len(texts)) if progress else None
    readers = []
    for text_lang, chosen_positions in positions.items():
        reader = (analyzer or _shared_analyzer(lang, "strict", True)).for_language(text_lang)
        readers.append(reader)
        for begin in range(0, len(chosen_positions), batch_size):
            batch = chosen_positions[begin : begin + batch_size]
            builder.add(reader._core, [_to_utf8(texts[p])[0] for p in batch], batch, threads)
            if bar is not None:
                bar.update(len(batch))
    if bar is not None:
        bar.close()
    tables = _frames(builder, chosen, ids, _id_dtype(ids))
    for reader in readers:
        reader._note_languages(_identified_languages(tables["documents"]))
    return tables


def _identified_languages(documents: Any) -> List[str]:
    """The languages the identifier found (``lang="auto"``) in a documents table."""
    return list(documents.loc[documents["lang_confidence"].notna(), "lang"].unique())

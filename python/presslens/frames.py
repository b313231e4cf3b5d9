"""pandas tables of presslens results. pandas is imported here only, when a table is asked for:
the rest of presslens works without it (pip install presslens[pandas])."""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterable, List, Optional, Sequence

from .analyzer import Analyzer, _shared_analyzer
from .document import Document
from .progress import progress_bar

__all__ = ["LAYERS", "SCHEMAS", "analyze_frame", "document_rows", "to_pandas"]

LAYERS = ("sentences", "paragraphs", "tokens", "quotes", "speakers", "claims", "keywords")
_SPEECH = ("direct", "partial", "indirect")


def _utc_offset(date: Optional[datetime.datetime]) -> Optional[str]:
    """"+02:00" for a date with a time zone, None for one without."""
    offset = date.utcoffset() if date else None
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _span_text(span: Any) -> Optional[str]:
    return None if span is None else span.text


def document_rows(
    doc: Document, layer: str, doc_id: Any = None, keywords_top: Optional[int] = None
) -> List[Dict[str, Any]]:
    """Plain rows (dicts) of one layer of one document, with code-point offsets; the keywords
    layer holds the ``keywords_top`` most frequent terms (all with None)."""
    rows: List[Dict[str, Any]]
    if layer == "sentences":
        scores = {c.sentence: c.score for c in doc.sentence_claims}  # none when claims are off
        rows = [
            {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end,
             "text": s.text, "claim_score": scores.get(s.index), "quoted_share": s.quoted_share}
            for s in doc.sentences
        ]
    elif layer == "paragraphs":
        structure = doc.structure
        reasons = {b.paragraph: b.reason for b in structure.boilerplate}
        scores = structure.body_scores
        rows = [{"index": p.index, "role": p.role, "start": p.start, "end": p.end, "text": p.text,
                 "chrome_reason": reasons.get(p.index),
                 "body_score": scores[p.index] if scores else None}
                for p in doc.paragraphs]
    elif layer == "tokens":
        rows = [{"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "sentence": t.sentence,
                 "pos": t.pos, "lemma": t.lemma, "morph": t.morph, "head": t.head, "dep": t.dep}
                for t in doc.tokens]
    elif layer == "quotes":
        rows = [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
             "speaker": _span_text(q.speaker), "speaker_name": q.speaker_name,
             "speaker_type": q.speaker_type, "resolution": q.resolution,
             "speaker_key": q.speaker_key or None,
             "cue": _span_text(q.cue), "sentence": q.sentence, "parts": len(q.parts),
             "source": q.source, "confidence": q.confidence}
            for q in doc.quotes
        ]
    elif layer == "speakers":
        # One row per speaker of the document whose quotes (speech) resolved to a name: add the
        # tables of many documents up by "key" to count who is quoted across them.
        by_key: Dict[str, Dict[str, Any]] = {}
        for q in doc.quotes:
            if q.kind not in _SPEECH or not q.speaker_name or not q.speaker_key:
                continue
            row = by_key.setdefault(q.speaker_key, {"key": q.speaker_key, "name": q.speaker_name,
                                                   "type": q.speaker_type, "quotes": 0})
            row["quotes"] += 1
        rows = list(by_key.values())
    elif layer == "claims":
        rows = [
            {"sentence": c.sentence, "start": c.start, "end": c.end, "text": c.text, "score": c.score,
             "is_claim": c.is_claim, "kinds": sorted(c.kinds), "certainty": c.certainty,
             "speaker": _span_text(c.speaker), "speaker_key": c.speaker_key or None}
            for c in doc.sentence_claims
        ]
    elif layer == "keywords":
        rows = [{"key": k.key, "text": k.text, "count": k.count, "words": k.words, "start": k.start,
                 "end": k.end} for k in doc.keywords(keywords_top)]
    else:
        raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    if doc_id is not None:
        for row in rows:
            row["doc_id"] = doc_id
    return rows


# Column dtypes of each layer's table: nullable (Int64, Float64, string) where a value can be
# missing, so tables of no rows have the same dtypes as full ones (Dask needs that for its meta).
# A claim's kinds are a list of names per row ("object": pandas has no list dtype of its own).
SCHEMAS: Dict[str, Dict[str, str]] = {
    "documents": {"lang": "string", "lang_confidence": "float64", "source_format": "string",
                  "site": "string", "url": "string", "title": "string", "title_source": "string",
                  "date": "datetime64[ns]",
                  "utc_offset": "string",
                  "authors": "string", "sentences": "int64",
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
               "score": "float64", "is_claim": "bool", "kinds": "object", "certainty": "int64",
               "speaker": "string", "speaker_key": "string"},
    "speakers": {"key": "string", "name": "string", "type": "string", "quotes": "int64"},
    "keywords": {"key": "string", "text": "string", "count": "int64", "words": "int64",
                 "start": "int64", "end": "int64"},
}


def _frame(rows: List[Dict[str, Any]], table: str, id_dtype: Optional[str] = None) -> Any:
    """The rows as a DataFrame with the table's schema (and a ``doc_id`` column first when
    ``id_dtype`` is given)."""
    import pandas

    schema = dict(SCHEMAS[table])
    if id_dtype is not None:
        schema = {"doc_id": id_dtype, **schema}
    return pandas.DataFrame(rows, columns=list(schema)).astype(schema)


def _id_dtype(ids: Any) -> str:
    """The dtype for a table's doc_id column: the ids' own, with Python objects as strings."""
    dtype = str(getattr(ids, "dtype", "object"))
    return "string" if dtype in ("object", "str") or dtype.startswith("string") else dtype


def to_pandas(doc: Document, layer: str = "sentences") -> Any:
    """One layer of one document as a DataFrame."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    return _frame(document_rows(doc, layer), layer)


def _document_row(doc: Document, doc_id: Any) -> Dict[str, Any]:
    structure = doc.structure
    metadata = doc.metadata
    return {
        "doc_id": doc_id,
        "lang": doc.lang,
        "lang_confidence": float("nan") if doc.lang_confidence is None else doc.lang_confidence,
        "source_format": doc.source_format,
        # What an HTML page says of itself (None for plain text): its outlet and address.
        "site": (metadata.get("site_name") or None) if metadata else None,
        "url": (metadata.get("url") or None) if metadata else None,
        "title": _span_text(structure.title),
        "title_source": structure.title_source,
        # The date as written, local time; its time zone, where the page gives one, beside it.
        "date": structure.date.replace(tzinfo=None) if structure.date else None,
        "utc_offset": _utc_offset(structure.date),
        "authors": ", ".join(a.text for a in structure.authors),
        "sentences": len(doc.sentences),
        "quotes": len(doc.quotes),
        "claims": len(doc.claims),
    }


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
    ``progress=True`` shows a progress bar."""
    ids = list(frame[id_col] if id_col else frame.index)
    layers = list(layers)
    for layer in layers:
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    texts = list(frame[text_col])
    # Rows by language, each language through its own analyzer; tables keep the frame's order.
    positions: Dict[str, List[int]] = {}
    langs = frame[lang_col] if lang_col else [analyzer.lang if analyzer else lang] * len(texts)
    for position, text_lang in enumerate(langs):
        positions.setdefault(str(text_lang), []).append(position)
    per_document: List[Dict[str, List[Dict[str, Any]]]] = [{} for _ in texts]
    bar = progress_bar(len(texts)) if progress else None
    for text_lang, chosen in positions.items():
        reader = (analyzer or _shared_analyzer(lang, "strict", True)).for_language(text_lang)
        pairs = ((texts[p], p) for p in chosen)
        for doc, position in reader.pipe(pairs, threads=threads, as_tuples=True):
            doc_id = ids[position]
            rows = per_document[position]
            rows["documents"] = [_document_row(doc, doc_id)]
            for layer in layers:
                rows[layer] = document_rows(doc, layer, doc_id, keywords_top)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    id_dtype = _id_dtype(frame[id_col] if id_col else frame.index)
    return {
        table: _frame([row for rows in per_document for row in rows.get(table, [])], table, id_dtype)
        for table in ["documents", *layers]
    }

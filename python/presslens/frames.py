"""pandas tables of presslens results. pandas is imported here only, when a table is asked for:
the rest of presslens works without it (pip install presslens[pandas])."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence

from .analyzer import Analyzer
from .document import Document

__all__ = ["LAYERS", "analyze_frame", "document_rows", "to_pandas"]

LAYERS = ("sentences", "paragraphs", "tokens", "quotes", "claims", "keywords")


def _span_text(span: Any) -> Optional[str]:
    return None if span is None else span.text


def document_rows(doc: Document, layer: str, doc_id: Any = None) -> List[Dict[str, Any]]:
    """Plain rows (dicts) of one layer of one document, with code-point offsets."""
    rows: List[Dict[str, Any]]
    if layer == "sentences":
        scores = {c.sentence: c.score for c in doc.sentence_claims}  # none when claims are off
        rows = [
            {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end,
             "text": s.text, "claim_score": scores.get(s.index)}
            for s in doc.sentences
        ]
    elif layer == "paragraphs":
        rows = [{"index": p.index, "role": p.role, "start": p.start, "end": p.end, "text": p.text}
                for p in doc.paragraphs]
    elif layer == "tokens":
        rows = [{"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "sentence": t.sentence}
                for t in doc.tokens]
    elif layer == "quotes":
        rows = [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
             "speaker": _span_text(q.speaker), "speaker_key": q.speaker_key or None,
             "cue": _span_text(q.cue), "sentence": q.sentence}
            for q in doc.quotes
        ]
    elif layer == "claims":
        rows = [
            {"sentence": c.sentence, "start": c.start, "end": c.end, "text": c.text, "score": c.score,
             "is_claim": c.is_claim, "kinds": ",".join(sorted(c.kinds)), "certainty": c.certainty,
             "speaker": _span_text(c.speaker)}
            for c in doc.sentence_claims
        ]
    elif layer == "keywords":
        rows = [{"key": k.key, "text": k.text, "count": k.count, "words": k.words, "start": k.start,
                 "end": k.end} for k in doc.keywords(None)]
    else:
        raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    if doc_id is not None:
        for row in rows:
            row["doc_id"] = doc_id
    return rows


def _frame(rows: List[Dict[str, Any]], columns: Sequence[str]) -> Any:
    import pandas

    frame = pandas.DataFrame(rows, columns=list(columns))
    # Arrow-friendly dtypes: strings as pandas' string dtype.
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].astype("string")
    return frame


def _columns(layer: str, with_id: bool) -> List[str]:
    columns = {
        "sentences": ["index", "paragraph", "start", "end", "text", "claim_score"],
        "paragraphs": ["index", "role", "start", "end", "text"],
        "tokens": ["start", "end", "text", "kind", "sentence"],
        "quotes": ["start", "end", "text", "kind", "speaker", "speaker_key", "cue", "sentence"],
        "claims": ["sentence", "start", "end", "text", "score", "is_claim", "kinds", "certainty", "speaker"],
        "keywords": ["key", "text", "count", "words", "start", "end"],
    }[layer]
    return (["doc_id"] if with_id else []) + columns


def to_pandas(doc: Document, layer: str = "sentences") -> Any:
    """One layer of one document as a DataFrame."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; layers: {', '.join(LAYERS)}")
    return _frame(document_rows(doc, layer), _columns(layer, False))


def analyze_frame(
    frame: Any,
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    lang: str = "en",
    threads: int = 0,
    layers: Iterable[str] = ("sentences", "quotes", "claims", "keywords"),
    analyzer: Optional[Analyzer] = None,
) -> Dict[str, Any]:
    """Analyses every text of a DataFrame column (on ``threads`` threads) and returns tidy
    DataFrames: ``"documents"`` (one row per text: title, date, counts) and one per layer, each
    row carrying the document id (``id_col``, or the frame's index) and code-point offsets."""
    analyzer = analyzer or Analyzer(lang)
    ids = list(frame[id_col]) if id_col else list(frame.index)
    layers = list(layers)
    rows: Dict[str, List[Dict[str, Any]]] = {layer: [] for layer in layers}
    documents: List[Dict[str, Any]] = []
    for doc_id, doc in zip(ids, analyzer.pipe(frame[text_col], threads=threads)):
        structure = doc.structure
        documents.append({
            "doc_id": doc_id,
            "title": _span_text(structure.title),
            "date": structure.date,
            "authors": ", ".join(a.text for a in structure.authors),
            "sentences": len(doc.sentences),
            "quotes": len(doc.quotes),
            "claims": len(doc.claims),
        })
        for layer in layers:
            rows[layer].extend(document_rows(doc, layer, doc_id))
    tables = {"documents": _frame(documents, ["doc_id", "title", "date", "authors", "sentences",
                                              "quotes", "claims"])}
    for layer in layers:
        tables[layer] = _frame(rows[layer], _columns(layer, True))
    return tables

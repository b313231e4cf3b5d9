"""Highlighted HTML of an analysed article, for Jupyter and for files.

The page is self-contained (inline CSS, no scripts, no external assets) and every piece of the
article's text is HTML-escaped, so article content cannot inject markup."""

from __future__ import annotations

import html
from typing import Dict, List, Set, Tuple

from .document import Document

__all__ = ["render"]

_STYLE = """
.pl-doc{font-family:Georgia,serif;line-height:1.55;max-width:52em}
.pl-head{font-family:system-ui,sans-serif;font-size:.85em;color:#444;border-bottom:1px solid #ddd;margin-bottom:.8em;padding-bottom:.4em}
.pl-title{font-size:1.35em;font-weight:bold;margin:.2em 0}
.pl-chrome{color:#aaa;font-size:.8em;font-family:system-ui,sans-serif}
.pl-byline,.pl-bio{color:#666;font-style:italic}
.pl-sentence{border-right:1px dotted #ccc;padding-right:2px}
.pl-claim{background:#fff3c4}
.pl-q-direct{background:#d7ecff}.pl-q-partial{background:#e6f4ea}.pl-q-indirect{background:#f0e6ff}
.pl-q-scare{background:#ffe0e0}.pl-q-title{font-style:italic;background:#eee}
.pl-speaker{text-decoration:underline;text-decoration-thickness:2px;text-decoration-color:#3366cc}
.pl-legend span{margin-right:.8em;padding:0 .3em}
"""


def _classes_at(
    start: int, end: int, intervals: List[Tuple[int, int, str, str]]
) -> Tuple[List[str], List[str]]:
    classes, titles = [], []
    for s, e, css, title in intervals:
        if s <= start and end <= e:
            classes.append(css)
            if title:
                titles.append(title)
    return classes, titles


def _paragraph_html(doc: Document, start: int, end: int, intervals: List[Tuple[int, int, str, str]]) -> str:
    """The paragraph's text cut at every annotation boundary; each piece wrapped in the classes
    of the annotations covering it (so overlapping quotes and sentences need no nesting)."""
    inside = [iv for iv in intervals if iv[0] < end and iv[1] > start]
    cuts: Set[int] = {start, end}
    for s, e, _, _ in inside:
        cuts.update(c for c in (s, e) if start < c < end)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        text = html.escape(doc.text[a:b])
        classes, titles = _classes_at(a, b, inside)
        if classes:
            title = f' title="{html.escape(" | ".join(titles))}"' if titles else ""
            out.append(f'<span class="{" ".join(classes)}"{title}>{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def render(doc: Document) -> str:
    """The article as HTML: a summary header, page chrome greyed out, body sentences separated,
    quotes highlighted by kind, speakers underlined, claims marked with their kinds, score and
    cues in a tooltip."""
    structure = doc.structure
    intervals: List[Tuple[int, int, str, str]] = []
    for sentence in doc.sentences:
        intervals.append((sentence.start, sentence.end, "pl-sentence", ""))
    for claim in doc.claims:
        kinds = ", ".join(sorted(claim.kinds)) or "claim"
        cues = ", ".join(c.text for c in claim.cues)
        whose = f"; claim of {claim.speaker.text}" if claim.speaker else ""
        intervals.append((claim.start, claim.end, "pl-claim", f"claim: {kinds}; score {claim.score:.2f}; cues: {cues}{whose}"))
    speakers: Dict[str, int] = {}
    for quote in doc.quotes:
        if quote.speaker_key:
            speakers[quote.speaker_key] = speakers.get(quote.speaker_key, 0) + 1
    for quote in doc.quotes:
        region = quote.marks or quote
        who = f" by {quote.speaker.text}" if quote.speaker else ""
        intervals.append((region.start, region.end, f"pl-q-{quote.kind}", f"{quote.kind} quote{who}"))
        if quote.speaker is not None:
            count = speakers.get(quote.speaker_key, 1)
            intervals.append((quote.speaker.start, quote.speaker.end, "pl-speaker", f"speaker of {count} quote(s)"))

    head = []
    if structure.title is not None:
        head.append(f'<div class="pl-title">{html.escape(structure.title.text)}</div>')
    facts = [
        ", ".join(html.escape(a.text) for a in structure.authors) or "author unknown",
        html.escape(structure.date_iso or "date unknown"),
        f"{len(doc.sentences)} sentences",
        f"{len(doc.quotes)} quotes",
        f"{len(doc.claims)} claims",
        f"{len(structure.boilerplate)} chrome lines",
    ]
    head.append("<div>" + " · ".join(facts) + "</div>")
    legend = "".join(
        f'<span class="pl-q-{kind}">{kind}</span>' for kind in ("direct", "partial", "indirect", "scare", "title")
    )
    head.append(f'<div class="pl-legend">quotes: {legend}<span class="pl-claim">claim</span></div>')

    body = []
    for paragraph in doc.paragraphs:
        if paragraph.role == "title":
            continue
        if paragraph.role == "boilerplate":
            body.append(f'<div class="pl-chrome">{html.escape(paragraph.text)}</div>')
            continue
        css = {"byline": "pl-byline", "bio": "pl-bio"}.get(paragraph.role, "pl-body")
        inner = _paragraph_html(doc, paragraph.start, paragraph.end, intervals)
        body.append(f'<p class="{css}">{inner}</p>')
    return (
        f"<style>{_STYLE}</style><div class=\"pl-doc\"><div class=\"pl-head\">{''.join(head)}</div>"
        + "\n".join(body)
        + "</div>"
    )

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
.pl-q-stance{background:#f7f0d9}.pl-q-scare{background:#ffe0e0}.pl-q-title{font-style:italic;background:#eee}
.pl-speaker{text-decoration:underline;text-decoration-thickness:2px;text-decoration-color:#3366cc}
.pl-legend span{margin-right:.8em;padding:0 .3em}
"""


Interval = Tuple[int, int, str, str]  # start, end, CSS class, tooltip


def _paragraph_html(doc: Document, start: int, end: int, inside: List[Interval]) -> str:
    """The paragraph's text cut at every annotation boundary; each piece wrapped in the classes
    of the annotations covering it (so overlapping quotes and sentences need no nesting).
    `inside` holds the annotations that overlap the paragraph, sorted by start; one sweep keeps
    the ones covering the current piece."""
    cuts: Set[int] = {start, end}
    for s, e, _, _ in inside:
        cuts.update(c for c in (s, e) if start < c < end)
    points = sorted(cuts)
    out = []
    active: List[Interval] = []
    next_interval = 0
    for a, b in zip(points, points[1:]):
        while next_interval < len(inside) and inside[next_interval][0] <= a:
            active.append(inside[next_interval])
            next_interval += 1
        active = [iv for iv in active if iv[1] > a]
        covering = [iv for iv in active if iv[1] >= b]
        text = html.escape(doc.text[a:b])
        if covering:
            # A speaker of several quotes is one annotation per quote: each class and tooltip once.
            titles = dict.fromkeys(iv[3] for iv in covering if iv[3])
            classes = " ".join(dict.fromkeys(iv[2] for iv in covering))
            title = f' title="{html.escape(" | ".join(titles))}"' if titles else ""
            out.append(f'<span class="{classes}"{title}>{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def render(doc: Document) -> str:
    """The article as HTML: a summary header, page chrome greyed out, body sentences separated,
    quotes highlighted by kind, speakers underlined, claims marked with their kinds, score and
    cues in a tooltip."""
    structure = doc.structure
    intervals: List[Interval] = []
    for sentence in doc.sentences:
        intervals.append((sentence.start, sentence.end, "pl-sentence", ""))
    for claim in doc.claims:
        kinds = ", ".join(sorted(claim.kinds)) or "claim"
        cues = ", ".join(c.text for c in claim.cues)
        whose = f"; claim of {claim.speaker.text}" if claim.speaker else ""
        checked = "check-worthy" if claim.check_worthy else "check-worthiness"
        title = f"claim ({claim.claim_score:.2f}): {kinds}; {checked} {claim.score:.2f}; cues: {cues}{whose}"
        intervals.append((claim.start, claim.end, "pl-claim", title))
    speakers: Dict[str, int] = {}
    for quote in doc.quotes:
        if quote.speaker_key:
            speakers[quote.speaker_key] = speakers.get(quote.speaker_key, 0) + 1
    for quote in doc.quotes:
        who = f" by {quote.speaker.text}" if quote.speaker else ""
        # A quote its attribution interrupts is highlighted part by part, not over "he said".
        regions = quote.parts if len(quote.parts) > 1 else [quote.marks or quote]
        for region in regions:
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
        f'<span class="pl-q-{kind}">{kind}</span>' for kind in ("direct", "partial", "indirect", "stance", "scare", "title")
    )
    head.append(f'<div class="pl-legend">quotes: {legend}<span class="pl-claim">claim</span></div>')

    # Paragraphs and annotations both in text order: each paragraph takes the annotations that
    # reach into it from a carried list, so rendering stays linear in the document.
    intervals.sort(key=lambda iv: iv[0])
    carried: List[Interval] = []
    next_interval = 0
    body = []
    for paragraph in doc.paragraphs:
        carried = [iv for iv in carried if iv[1] > paragraph.start]
        while next_interval < len(intervals) and intervals[next_interval][0] < paragraph.end:
            carried.append(intervals[next_interval])
            next_interval += 1
        if paragraph.role == "title":
            continue
        if paragraph.role == "boilerplate":
            body.append(f'<div class="pl-chrome">{html.escape(paragraph.text)}</div>')
            continue
        css = {"byline": "pl-byline", "bio": "pl-bio"}.get(paragraph.role, "pl-body")
        inside = [iv for iv in carried if iv[0] < paragraph.end and iv[1] > paragraph.start]
        inner = _paragraph_html(doc, paragraph.start, paragraph.end, inside)
        body.append(f'<p class="{css}">{inner}</p>')
    return (
        f"<style>{_STYLE}</style><div class=\"pl-doc\"><div class=\"pl-head\">{''.join(head)}</div>"
        + "\n".join(body)
        + "</div>"
    )

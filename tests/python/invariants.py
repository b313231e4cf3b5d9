"""The offset contract every document keeps, checked layer by layer: every span slices the text
to its own ``text``; paragraphs, sentences and tokens are ordered and disjoint; the sentences of
each body paragraph cover it exactly, but for white space and invisible format characters such as
a stray byte order mark (no text is ever lost)."""

from __future__ import annotations

import unicodedata
from typing import Dict, Iterable, List, Optional

import presslens
from presslens import Sentence, Span


def _check_span(text: str, span: Optional[Span]) -> None:
    if span is None:
        return
    assert 0 <= span.start <= span.end <= len(text), span
    assert text[span.start : span.end] == span.text, span


def _blank(text: str) -> bool:
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _check_ordered(spans: Iterable[Span]) -> None:
    previous = 0
    for span in spans:
        assert span.start < span.end, span
        assert previous <= span.start, span
        previous = span.end


def assert_document_invariants(doc: presslens.Document) -> None:
    text = doc.text
    for layer in (doc.paragraphs, doc.sentences, doc.tokens):
        _check_ordered(layer)
        for span in layer:
            _check_span(text, span)
    by_paragraph: Dict[int, List[Sentence]] = {}
    for sentence in doc.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in doc.paragraphs:
        inside = by_paragraph.pop(paragraph.index, [])
        if paragraph.role != "body":
            assert not inside, paragraph
            continue
        covered = paragraph.start
        for sentence in inside:
            assert _blank(text[covered : sentence.start]), (paragraph, sentence)
            covered = sentence.end
        assert _blank(text[covered : paragraph.end]), paragraph
    assert not by_paragraph  # every sentence lies in a paragraph
    structure = doc.structure
    for span in [structure.title, structure.date_text, *structure.authors, *structure.boilerplate]:
        _check_span(text, span)
    for quote in doc.quotes:
        for span in (quote, quote.marks, quote.speaker, quote.cue, quote.kind_cue):
            _check_span(text, span)
        assert quote.marks is None or quote.marks.start <= quote.start <= quote.end <= quote.marks.end
    for claim in doc.sentence_claims:
        _check_span(text, claim)
        assert doc.sentences[claim.sentence].start == claim.start
        assert 0.0 <= claim.score <= 1.0
        for span in [*claim.kinds.values(), *claim.hedges, *claim.boosters, *claim.cues, claim.speaker]:
            _check_span(text, span)
    _check_keyphrases(doc)
    _check_syntax(doc)


def _check_keyphrases(doc: presslens.Document) -> None:
    """Keyphrases slice the text, come best first, the first five are the first five of ten, and
    a learned score is a probability."""
    phrases = doc.keyphrases(10)
    for phrase in phrases:
        _check_span(doc.text, phrase)
        assert phrase.count >= 1 and phrase.ranked_by in ("model", "rules"), phrase
        if phrase.ranked_by == "model":
            assert 0.0 < phrase.score < 1.0, phrase
    assert [p.score for p in phrases] == sorted((p.score for p in phrases), reverse=True)
    assert [p.key for p in doc.keyphrases(5)] == [p.key for p in phrases[:5]]


def _check_syntax(doc: presslens.Document) -> None:
    """Words slice the text, lie inside their tokens, in order; heads stay in their sentence, one
    root per sentence, no cycles; phrases are runs of words."""
    text, words, tokens = doc.text, doc.words, doc.tokens
    if not doc.has_syntax:
        assert not words and all(t.pos is None for t in tokens)
        return
    previous = 0
    for word in words:
        _check_span(text, word)
        token = tokens[word.token]
        assert token.start <= word.start < word.end <= token.end, (word, token)
        assert previous <= word.start, word
        previous = word.start
        assert word.pos and word.lemma and word.dep, word
        if word.head is None:
            assert word.dep == "root", word
            continue
        assert words[word.head].sentence == word.sentence, word
        seen = set()
        at: Optional[int] = word.index
        while at is not None:
            assert at not in seen, f"cycle through {word}"
            seen.add(at)
            at = words[at].head
    for token in tokens:
        assert token.pos is not None, token
    for sentence in doc.sentences:
        assert sentence.root is None or sentence.root.head is None
    for phrase in [*doc.noun_chunks, *doc.names]:
        _check_span(text, phrase)
        assert words[phrase.words[0]].start == phrase.start and words[phrase.words[-1]].end == phrase.end
        assert phrase.root in phrase.words

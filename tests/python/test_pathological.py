"""Inputs built to break a text analyser. Each must finish (linear time is shown by the scaling
benchmarks, not asserted here), keep every offset valid and lose no text."""

from __future__ import annotations

import sys
import unicodedata
from typing import Dict, List

import pytest

import presslens
from invariants import assert_document_invariants


def _one_per_general_category() -> str:
    """One code point of every general category a str can hold (all but Cs), between words."""
    found: Dict[str, str] = {}
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category != "Cs" and category not in found:
            found[category] = chr(code)
    assert len(found) == 29  # every category but the surrogates
    return " ".join(f"word{c}{ch}x." for c, ch in sorted(found.items()))


PATHOLOGICAL: Dict[str, str] = {
    "1,000,000 periods": "." * 1_000_000,
    "1,000,000 straight quotes": '"' * 1_000_000,
    "1,000,000 curly quotes": "“" * 500_000 + "”" * 500_000,
    "alternating opening quotes": "«“„‘‹「『" * 100_000,
    # 2 MB: every layer of it becomes Python objects twice (str and bytes input); the C++ suite
    # runs the same sentence at 10 MB and a text without punctuation at 100 MB.
    "one 2 MB sentence": "word " * 400_000 + "end.",
    "deeply nested brackets": "(" * 200_000 + "x" + ")" * 200_000,
    "deeply nested quotes": "“‘" * 50_000 + "said" + "’”" * 50_000,
    "every general category": _one_per_general_category(),
    "mixed scripts": "Tokyo東京とうきょうトウキョウ서울Москваمصرभारत🇯🇵 said “はい”. Next one." * 2_000,
    "NUL bytes": "The minister\x00 spoke.\x00\x00 Nobody \x00listened." * 1_000,
    "CRLF and lone CR": "One line.\r\nTwo lines.\rThree.\r\n\r\nNew paragraph.\r" * 2_000,
    "BOM": "\ufeffHeadline\n\n\ufeffThe minister spoke. \ufeffNobody listened.",
    "zero-width joiners": "👩\u200d👩\u200d👧 family. A\u200db\u200cc\u200b. " * 5_000,
    "unbalanced marks in prose": 'He said "yes. She said «no. They said „maybe. ' * 20_000,
    "only white space": " \t\n\u3000\u00a0\u2028" * 100_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_keeps_every_offset_and_all_text(name: str) -> None:
    text = PATHOLOGICAL[name]
    doc = presslens.analyze(text)
    assert doc.text == text
    assert_document_invariants(doc)
    assert presslens.analyze(text.encode("utf-8")) == doc  # bytes give the same document


def test_one_hundred_megabytes_without_punctuation() -> None:
    text = "word " * 20_000_000
    doc = presslens.Analyzer(detect_structure=False).analyze(text)
    assert len(doc.text) == len(text)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, len(text) - 1)]
    assert doc.quotes == [] and len(doc.structure.body) == 1


def test_threads_give_the_same_documents() -> None:
    texts: List[str] = [text[:200_000] for text in PATHOLOGICAL.values()]
    analyzer = presslens.Analyzer()
    assert list(analyzer.pipe(texts, threads=2, batch_size=3)) == [analyzer.analyze(t) for t in texts]


def test_a_surrogate_is_an_error_not_a_crash() -> None:
    with pytest.raises(presslens.InvalidTextError) as error:
        presslens.analyze("ok \ud83d broken")
    assert error.value.index == 3

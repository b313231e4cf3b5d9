"""Accuracy floors on the development sets we wrote (tests/data/): a change that makes presslens
worse on them fails here. The evaluation itself is benchmarks/eval_*.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_sentences  # noqa: E402

SENTENCE_SETS = sorted((ROOT / "tests" / "data" / "sentences").glob("*.jsonl"))


@pytest.mark.parametrize("path", SENTENCE_SETS, ids=lambda p: p.stem)
def test_sentence_sets(path: Path) -> None:
    lang = eval_sentences.language_of(str(path), "en")
    split = eval_sentences.presslens_splitter(lang)
    cases = eval_sentences.load_cases(str(path))
    failures: List[str] = [
        case["text"] for case in cases if not eval_sentences.passes(split, case)[0]
    ]
    assert len(cases) >= 100
    assert len(failures) <= 0.03 * len(cases), failures[:5]


def test_structure_pages() -> None:
    import presslens

    pages = [
        json.loads(line)
        for line in (ROOT / "tests" / "data" / "structure" / "pages.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(pages) >= 30
    right = total = 0
    for page in pages:
        doc = presslens.Analyzer(page["lang"]).analyze(page["text"])
        cursor = 0
        for line in page["lines"]:
            at = doc.text.find(line["text"], cursor)
            cursor = at + len(line["text"])
            role = next((p.role for p in doc.paragraphs if p.start <= at < p.end), "boilerplate")
            right += role == line["role"]
            total += 1
    assert right / total >= 0.93

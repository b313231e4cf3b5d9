"""The speaker-resolution sets (tests/data/speakers/: ours, and blind/ by another hand, whose
errors are never studied): no quote whose speaker is the right person today may regress. The
ids that fail today are committed (failing.txt in each folder, written by
``benchmarks/eval_speakers.py --failing``); a fix shortens the list, a regression fails here.
Every resolved name must slice the text exactly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "data" / "speakers"


def evaluation() -> Any:
    # The script imports its sibling eval_quotes.py (the shared matching rule).
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("eval_speakers", ROOT / "benchmarks" / "eval_speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", [SETS, SETS / "blind"], ids=["ours", "blind"])
def test_no_speaker_regresses(folder: Path) -> None:
    paths = sorted(str(p) for p in folder.glob("*.jsonl"))
    assert len(paths) == 6
    module = evaluation()
    for case, _, _, best in module.scored(paths):
        if best is not None and best.speaker_name_span is not None:
            span = best.speaker_name_span
            assert case["text"][span.start : span.end] == best.speaker_name
    allowed = set((folder / "failing.txt").read_text(encoding="utf-8").split())
    regressed = sorted(set(module.failing(paths)) - allowed)
    assert not regressed, f"speakers no longer resolved right: {regressed}"

"""The op-ed and news claim sets (tests/data/claims/: ours, heldout/, and blind/ by another hand,
whose errors are never studied): no sentence read right today may regress, in its is_claim
decision or its kinds. The ids read wrong today are committed (failing.txt in each folder, written
by ``benchmarks/eval_claims.py --failing``); a fix shortens the list, a regression fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "data" / "claims"


def evaluation() -> Any:
    spec = importlib.util.spec_from_file_location("eval_claims", ROOT / "benchmarks" / "eval_claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", [SETS, SETS / "heldout", SETS / "blind"], ids=["ours", "heldout", "blind"])
def test_no_claim_reading_regresses(folder: Path) -> None:
    paths = sorted(str(p) for p in folder.glob("*.jsonl"))
    assert len(paths) == 6
    allowed = set((folder / "failing.txt").read_text(encoding="utf-8").split())
    regressed = sorted(set(evaluation().failing(paths)) - allowed)
    assert not regressed, f"claims no longer read right: {regressed}"

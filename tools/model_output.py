"""What every trainer in tools/ does with the model it made: write it where presslens ships it, or
(--check) compare it byte for byte with the shipped file, saying its size, digest and the time
taken."""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path
from typing import Optional, Tuple


def write_or_check(model: bytes, out: Path, check: bool, started: float, what: str = "") -> int:
    """Writes `model` to `out` (or compares, with `check`) and prints one line; the exit status:
    1 when a checked model differs. `started`: time.perf_counter() when training began; `what`:
    an account of the model for the line ("42 languages")."""
    seconds = time.perf_counter() - started
    digest = hashlib.sha256(model).hexdigest()[:16]
    account = f"{what}, " if what else ""
    if check:
        same = out.exists() and out.read_bytes() == model
        print(f"{'same as' if same else 'DIFFERS from'} {out} ({account}{len(model):,} bytes, sha256 {digest}, {seconds:.0f} s)")
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(model)
    print(f"wrote {out}: {account}{len(model):,} bytes, sha256 {digest}, {seconds:.0f} s")
    return 0


def add_output_arguments(parser: argparse.ArgumentParser, out: Path, folds_of: str = "") -> None:
    """--out (default `out`) and --check; with `folds_of` (what the data is made of: "pages"),
    also --leave-out k/n, for cross-validation with the matching benchmarks/eval_*.py --fold k/n."""
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing")
    if folds_of:
        parser.add_argument("--leave-out", help=f"k/n: train without the development {folds_of} of fold k of n, "
                                                "for cross-validation with the evaluation's --fold k/n")


def fold(text: Optional[str]) -> Optional[Tuple[int, int]]:
    """"k/n" as (k, n); None for None."""
    if not text:
        return None
    k, n = (int(x) for x in text.split("/"))
    return k, n

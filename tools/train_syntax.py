#!/usr/bin/env python3
"""Trains the syntax models that presslens ships (cpp/data/<lang>/syntax.model) from Universal
Dependencies treebanks.

    python tools/train_syntax.py --ud ../shared/data/ud            # all six languages
    python tools/train_syntax.py --ud ../shared/data/ud --lang de  # one

The treebanks (not in the repository; credits and licence, CC BY-SA 4.0, in docs/syntax.md):
UD_English-EWT (train split), and the dev splits of UD_French-GSD, UD_German-GSD,
UD_Spanish-GSD, UD_Chinese-GSDSimp and UD_Japanese-GSD. Training is presslens's own C++ trainer
(presslens._presslens.train_syntax_model: averaged perceptrons, see docs/syntax.md), so the
features it learns from are exactly the ones the analyzer computes. It is deterministic: the same
treebank and options give the same bytes, which tests can check against the shipped model
(--check). Accuracy is measured separately by benchmarks/eval_syntax.py.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import sys
import time
from pathlib import Path

from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
TREEBANKS = {
    "en": "en_ewt-ud-train.conllu.xz",
    "fr": "fr_gsd-ud-dev.conllu.xz",
    "de": "de_gsd-ud-dev.conllu.xz",
    "es": "es_gsd-ud-dev.conllu.xz",
    "zh": "zh_gsdsimp-ud-dev.conllu.xz",
    "ja": "ja_gsd-ud-dev.conllu.xz",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ud", required=True, type=Path, help="the folder of the UD treebanks")
    parser.add_argument("--lang", action="append", choices=sorted(TREEBANKS), help="default: all")
    parser.add_argument("--out", type=Path, default=ROOT / "cpp" / "data", help="default: cpp/data")
    parser.add_argument("--check", action="store_true", help="train, and compare with the files in --out instead of writing")
    parser.add_argument("--verbose", action="store_true", help="print the trainer's progress")
    args = parser.parse_args()

    differ = 0
    for lang in args.lang or sorted(TREEBANKS):
        conllu = lzma.decompress((args.ud / TREEBANKS[lang]).read_bytes())
        started = time.perf_counter()
        model = _presslens.train_syntax_model(conllu, verbose=args.verbose)
        seconds = time.perf_counter() - started
        target = args.out / lang / "syntax.model"
        digest = hashlib.sha256(model).hexdigest()[:16]
        if args.check:
            same = target.exists() and target.read_bytes() == model
            differ += not same
            print(f"{lang}: {'same as' if same else 'DIFFERS from'} {target} ({len(model):,} bytes, sha256 {digest}, {seconds:.0f} s)")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(model)
            print(f"{lang}: wrote {target} ({len(model):,} bytes, sha256 {digest}, {seconds:.0f} s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

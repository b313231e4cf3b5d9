#!/usr/bin/env python3
"""Trains the is_claim model that presslens ships (cpp/data/mul/claims.model).

    python tools/train_claim_model.py                  # writes the model, prints its CV figures
    python tools/train_claim_model.py --check          # compares with the shipped model
    python tools/train_claim_model.py --families shape,cues --out /tmp/m.model   # an ablation

Data: the op-ed and news sentences the project wrote, in six languages, each marked a claim
(it asserts something arguable or checkable) or not (questions, exhortations, wishes, greetings,
proverbs, scene-setting narration): tests/data/claims/<lang>.jsonl and tests/data/claims/heldout/.
The third set, tests/data/claims/blind/, never enters training: benchmarks/eval_claims.py
measures the shipped model on it, the headline figure (docs/claims.md). Folds: crc32(id) % 5.

presslens's own C++ trainer (presslens._presslens.train_claim_model) reads each sentence as the
claims stage does (the same features), trains an averaged perceptron, calibrates its margins on the
folds each model did not see (Platt scaling) and picks the threshold that maximised F1 on them.
Deterministic: the same data and options give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path
from typing import List, Tuple

from model_output import add_output_arguments, write_or_check
from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "claims"
FAMILIES = {"shape": 1, "cues": 2, "tags": 4, "words": 8, "check": 16, "language": 32}
DEFAULT_FAMILIES = "shape,cues"  # the best by cross-validation (docs/claims.md)


def training_sentences(folds: int) -> List[Tuple[str, str, bool, int]]:
    """(text, lang, is_claim, fold) of the development and second sets, never the blind set."""
    sentences = []
    for path in sorted(DATA.glob("*.jsonl")) + sorted((DATA / "heldout").glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    case = json.loads(line)
                    fold = zlib.crc32(case["id"].encode()) % folds
                    sentences.append((case["text"], case["lang"], case["label"] == "claim", fold))
    return sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", default=DEFAULT_FAMILIES, help=f"comma-separated, of {', '.join(FAMILIES)}")
    add_output_arguments(parser, ROOT / "cpp" / "data" / "mul" / "claims.model")
    args = parser.parse_args()

    families = sum(FAMILIES[name] for name in args.families.split(","))
    started = time.perf_counter()
    sentences = training_sentences(args.folds)
    result = _presslens.train_claim_model(sentences, args.epochs, args.seed, families)
    print(f"sentences: {result['examples']}, {result['positives']} of them claims; families {args.families}")
    print(f"{args.folds}-fold cross-validated: P {result['cv_precision']:.3f} R {result['cv_recall']:.3f} "
          f"F1 {result['cv_f1']:.3f} at threshold {result['threshold']:.3f}; log loss {result['cv_log_loss']:.3f}, "
          f"expected calibration error {result['cv_calibration_error']:.3f}")
    by_lang = {}
    for (_, lang, gold, _), p in zip(sentences, result["cv_probabilities"]):
        counts = by_lang.setdefault(lang, [0, 0, 0])  # true positives, false positives, false negatives
        predicted = p >= result["threshold"]
        counts[0] += predicted and gold
        counts[1] += predicted and not gold
        counts[2] += gold and not predicted
    print("cross-validated F1 by language: " + ", ".join(
        f"{lang} {2 * tp / max(1, 2 * tp + fp + fn):.3f}" for lang, (tp, fp, fn) in sorted(by_lang.items())))
    return write_or_check(result["model"], args.out, args.check, started, f"{result['examples']} sentences")


if __name__ == "__main__":
    sys.exit(main())

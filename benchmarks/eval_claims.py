#!/usr/bin/env python3
"""Claim accuracy, for either decision: precision, recall and F1 of the claim class, average
precision, the calibration of the probabilities (expected calibration error over ten bins, and with
--reliability the table), and with a "group" field, the mean over groups of average precision
(CLEF CheckThat! style).

Input: JSONL {"id", "text", "label": "claim" | "no_claim"} (optional "group", "source", "lang",
and "kinds": with it, also kind accuracy: the share of claim sentences whose predicted kinds equal
the gold kinds exactly, and per-kind precision and recall; and "hedged": whether any hedge is found).
Each text is analysed as clean text; its probability is its best sentence's, and it is a claim
when that sentence is. --decision: check_worthy (Claim.score, the debates' sense) or is_claim
(Claim.claim_score, the op-eds' sense); by default is_claim for files with "kinds" (our op-ed
sentences), check_worthy for the others.

    python tools/train_claims.py --claimbuster ... --clef ...   # writes build/claims_heldout.jsonl
    python benchmarks/eval_claims.py build/claims_heldout.jsonl
    python benchmarks/eval_claims.py tests/data/claims/blind/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import Dict, List, NamedTuple, Optional, Set, Tuple

import presslens


def average_precision(pairs: List[Tuple[float, bool]]) -> float:
    ranked = sorted(pairs, key=lambda p: -p[0])
    hits = 0
    total = 0.0
    for rank, (_, positive) in enumerate(ranked, 1):
        if positive:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def calibration(pairs: List[Tuple[float, bool]], bins: int = 10) -> Tuple[float, List[Tuple[str, int, float, float]]]:
    """Expected calibration error over `bins` equal-width bins, and each non-empty bin's
    (range, count, mean probability, share positive)."""
    table = []
    error = 0.0
    for b in range(bins):
        inside = [(p, y) for p, y in pairs if min(bins - 1, int(p * bins)) == b]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        rate = sum(y for _, y in inside) / len(inside)
        error += len(inside) * abs(mean - rate)
        table.append((f"{b / bins:.1f}-{(b + 1) / bins:.1f}", len(inside), mean, rate))
    return error / max(1, len(pairs)), table


class Reading(NamedTuple):
    score: float  # the text's best sentence's probability
    predicted: bool
    kinds: Set[str]
    hedged: bool


def read(analyzers: Dict[str, presslens.Analyzer], row: dict, lang: str, decision: str) -> Reading:
    """How presslens reads one case for `decision` ("is_claim" or "check_worthy")."""
    lang = row.get("lang", lang)
    if lang not in analyzers:
        analyzers[lang] = presslens.Analyzer(lang, detect_structure=False)
    claims = analyzers[lang].analyze(row["text"]).sentence_claims
    probability = "claim_score" if decision == "is_claim" else "score"
    return Reading(
        max((getattr(c, probability) for c in claims), default=0.0),
        any(getattr(c, decision) for c in claims),
        set().union(*(c.kinds for c in claims)) if claims else set(),
        any(c.hedges for c in claims),
    )


def decision_for(rows: List[dict], asked: str) -> str:
    if asked != "auto":
        return asked
    return "is_claim" if any("kinds" in row for row in rows) else "check_worthy"


def load(path: str) -> List[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def failing(paths: List[str], lang: str = "en", decision: str = "auto") -> List[str]:
    """The ids of the cases read wrong: "<id>" when the decision is wrong, "<id>#kinds" when a
    claim's kinds are not exactly the gold ones."""
    analyzers: Dict[str, presslens.Analyzer] = {}
    wrong = []
    for path in paths:
        rows = load(path)
        chosen = decision_for(rows, decision)
        for row in rows:
            reading = read(analyzers, row, lang, chosen)
            gold = row["label"] == "claim"
            if reading.predicted != gold:
                wrong.append(row["id"])
            if "kinds" in row and gold and reading.kinds != set(row["kinds"]):
                wrong.append(f"{row['id']}#kinds")
    return wrong


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--decision", choices=("auto", "check_worthy", "is_claim"), default="auto")
    parser.add_argument("--reliability", action="store_true", help="print the reliability table")
    parser.add_argument("--failing", action="store_true",
                        help="print only the ids read wrong (the ratchet of tests/python/test_claim_sets.py)")
    args = parser.parse_args(argv)
    if args.failing:
        print("\n".join(failing(args.inputs, args.lang, args.decision)))
        return 0
    analyzers: Dict[str, presslens.Analyzer] = {}
    for source in args.inputs:
        rows = load(source)
        by_source: Dict[str, List[dict]] = defaultdict(list)
        for row in rows:
            by_source[row.get("source", "all")].append(row)
        decision = decision_for(rows, args.decision)
        print(f"\n{source} ({decision})")
        for name, part in sorted(by_source.items()):
            pairs: List[Tuple[float, bool]] = []
            groups: Dict[str, List[Tuple[float, bool]]] = defaultdict(list)
            tp = fp = fn = 0
            kind_exact = kind_total = 0
            kind_counts: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
            hedged_right = hedged_total = 0
            for row in part:
                score, predicted, predicted_kinds, hedged = read(analyzers, row, args.lang, decision)
                gold = row["label"] == "claim"
                tp += predicted and gold
                fp += predicted and not gold
                fn += gold and not predicted
                pairs.append((score, gold))
                if "kinds" in row and gold:
                    gold_kinds = set(row["kinds"])
                    kind_total += 1
                    kind_exact += predicted_kinds == gold_kinds
                    for kind in predicted_kinds | gold_kinds:
                        counts = kind_counts[kind]
                        counts[0] += kind in predicted_kinds and kind in gold_kinds
                        counts[1] += kind in predicted_kinds and kind not in gold_kinds
                        counts[2] += kind not in predicted_kinds and kind in gold_kinds
                if "hedged" in row:
                    hedged_total += 1
                    hedged_right += hedged == row["hedged"]
                if "group" in row:
                    groups[row["group"]].append((score, gold))
            precision = tp / max(1, tp + fp)
            recall = tp / max(1, tp + fn)
            f1 = 2 * precision * recall / max(1e-9, precision + recall)
            line = (f"  {name:<12} {len(part):>6} sentences  P {precision:.3f}  R {recall:.3f}  "
                    f"F1 {f1:.3f}  AP {average_precision(pairs):.3f}")
            if groups:
                line += f"  MAP over {len(groups)} groups {sum(average_precision(g) for g in groups.values()) / len(groups):.3f}"
            print(line)
            error, table = calibration(pairs)
            print(f"    expected calibration error {error:.3f}")
            if args.reliability:
                for bounds, count, mean, rate in table:
                    print(f"      {bounds}  {count:>5} sentences  mean probability {mean:.3f}  claims {rate:.3f}")
            if hedged_total:
                print(f"    hedged or not right on {hedged_right}/{hedged_total} sentences = "
                      f"{hedged_right / hedged_total:.3f}")
            if kind_total:
                print(f"    kinds exactly right on {kind_exact}/{kind_total} claim sentences = {kind_exact / kind_total:.3f}")
                ktp, kfp, kfn = (sum(c[i] for c in kind_counts.values()) for i in range(3))
                print(f"    kinds micro-averaged P {ktp / max(1, ktp + kfp):.3f}  R {ktp / max(1, ktp + kfn):.3f}  "
                      f"F1 {2 * ktp / max(1, 2 * ktp + kfp + kfn):.3f}")
                for kind, (ktp, kfp, kfn) in sorted(kind_counts.items()):
                    print(f"    {kind:<14} P {ktp / max(1, ktp + kfp):.2f}  R {ktp / max(1, ktp + kfn):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check-worthiness accuracy: precision, recall and F1 of the claim class, average precision,
and with a "group" field, the mean over groups of average precision (CLEF CheckThat! style).

Input: JSONL {"id", "text", "label": "claim" | "no_claim"} (optional "group", "source", "lang",
and "kinds": with it, also kind accuracy: the share of claim sentences whose predicted kinds equal
the gold kinds exactly, and per-kind precision and recall; and "hedged": whether any hedge is found).
Each text is analysed as clean text; its score is its best sentence's, and it is a claim when that
sentence is (score at the model's threshold, not a question or wish).

    python tools/train_claims.py --claimbuster ... --clef ...   # writes build/claims_heldout.jsonl
    python benchmarks/eval_claims.py build/claims_heldout.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    analyzers: Dict[str, presslens.Analyzer] = {}
    for source in args.inputs:
        with open(source, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        by_source: Dict[str, List[dict]] = defaultdict(list)
        for row in rows:
            by_source[row.get("source", "all")].append(row)
        print(f"\n{source}")
        for name, part in sorted(by_source.items()):
            pairs: List[Tuple[float, bool]] = []
            groups: Dict[str, List[Tuple[float, bool]]] = defaultdict(list)
            tp = fp = fn = 0
            kind_exact = kind_total = 0
            kind_counts: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
            hedged_right = hedged_total = 0
            for row in part:
                lang = row.get("lang", args.lang)
                if lang not in analyzers:
                    analyzers[lang] = presslens.Analyzer(lang, detect_structure=False)
                doc = analyzers[lang].analyze(row["text"])
                claims = doc.sentence_claims
                score = max((c.score for c in claims), default=0.0)
                predicted = any(c.is_claim for c in claims)
                gold = row["label"] == "claim"
                tp += predicted and gold
                fp += predicted and not gold
                fn += gold and not predicted
                pairs.append((score, gold))
                if "kinds" in row and gold:
                    predicted_kinds = set().union(*(c.kinds for c in claims)) if claims else set()
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
                    hedged_right += any(c.hedges for c in claims) == row["hedged"]
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
            if hedged_total:
                print(f"    hedged or not right on {hedged_right}/{hedged_total} sentences = "
                      f"{hedged_right / hedged_total:.3f}")
            if kind_total:
                print(f"    kinds exactly right on {kind_exact}/{kind_total} claim sentences = {kind_exact / kind_total:.3f}")
                for kind, (ktp, kfp, kfn) in sorted(kind_counts.items()):
                    print(f"    {kind:<14} P {ktp / max(1, ktp + kfp):.2f}  R {ktp / max(1, ktp + kfn):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Trains the check-worthiness models that presslens ships, from the claim training data.

    pip install scikit-learn
    python tools/train_claims.py --claimbuster PATH/claimbuster_train.jsonl --clef PATH/clef2019_train.jsonl

Data (not in the repository; credit in docs/claims.md): ClaimBuster's crowd-labelled debate
sentences (Arslan et al., ICWSM 2020, CC BY 4.0) and the CLEF-2019 CheckThat! Task 1 debates
(Elsayed et al., 2019). Features are computed by presslens itself (Analyzer.claim_features), so
training and inference see the same hashed words, word pairs and cue features.

A held-back split is kept out of training (20% of the ClaimBuster sentences at random, the last four
CLEF debates) and written to --heldout for benchmarks/eval_claims.py. The script prints 5-fold
cross-validated scores on the training part, then writes
  cpp/data/en/claim_model.txt          words, word pairs and cues (English)
  cpp/data/en/claim_model_generic.txt  language-independent cues only (every other language)
with a calibration and a threshold, both from ClaimBuster's cross-validated predictions: the
logistic curve over the model's logits that best predicts ClaimBuster's labels (Platt scaling; the
CLEF sentences, judged by another standard and 3% positive, pull the model's own probabilities
down), and the calibrated probability that maximises F1.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import List, Tuple

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve
from sklearn.model_selection import StratifiedKFold

import presslens

BUCKETS = 1 << 18
DATA = Path(__file__).resolve().parent.parent / "cpp" / "data" / "en"


def load(path: str) -> List[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def matrix(rows: List[dict], words: bool) -> csr_matrix:
    analyzer = presslens.Analyzer("en", detect_structure=False)
    indptr, indices = [0], []
    for row in rows:
        core = analyzer._core.analyze(row["text"].encode("utf-8"))
        indices.extend(analyzer._core.claim_features(core, words))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), BUCKETS))


def split(claimbuster: List[dict], clef: List[dict]) -> Tuple[List[dict], List[dict]]:
    rng = random.Random(0)
    shuffled = claimbuster[:]
    rng.shuffle(shuffled)
    cut = len(shuffled) // 5
    groups = sorted({row["group"] for row in clef})
    held_groups = set(groups[-4:])
    held = [dict(r, source="claimbuster") for r in shuffled[:cut]]
    held += [dict(r, source="clef") for r in clef if r["group"] in held_groups]
    train = shuffled[cut:] + [r for r in clef if r["group"] not in held_groups]
    return train, held


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision * recall / np.maximum(1e-9, precision + recall)
    return float(thresholds[int(np.argmax(f1[:-1]))])


def platt(logits: np.ndarray, labels: np.ndarray) -> Tuple[float, float]:
    """The slope and intercept of the logistic curve over `logits` that best predicts `labels`."""
    curve = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    curve.fit(logits.reshape(-1, 1), labels)
    return float(curve.coef_[0][0]), float(curve.intercept_[0])


def calibration_error(labels: np.ndarray, probabilities: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over `bins` equal-width bins."""
    which = np.minimum(bins - 1, (probabilities * bins).astype(int))
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.sum() * abs(probabilities[inside].mean() - labels[inside].mean())
    return error / len(labels)


def write_model(path: Path, model: LogisticRegression, calibration: Tuple[float, float], threshold: float,
                description: str) -> None:
    weights = model.coef_[0]
    lines = [
        f"# presslens check-worthiness model: {description}.",
        "# Trained by tools/train_claims.py on ClaimBuster (Arslan et al., ICWSM 2020, CC BY 4.0)",
        "# and CLEF-2019 CheckThat! Task 1 (Elsayed et al., 2019) training sentences.",
        f"features {BUCKETS}",
        f"bias {model.intercept_[0]:.6f}",
        f"calibration {calibration[0]:.6f} {calibration[1]:.6f}",
        f"threshold {threshold:.4f}",
    ]
    header = len(lines)
    lines += [f"{i} {w:.4f}" for i, w in enumerate(weights) if abs(w) >= 1e-3]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines) - header} weights, calibration {calibration[0]:.3f} "
          f"{calibration[1]:.3f}, threshold {threshold:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claimbuster", required=True)
    parser.add_argument("--clef", required=True)
    parser.add_argument("--heldout", default="build/claims_heldout.jsonl")
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument(
        "--clef-weight", type=float, default=0.1,
        help="sample weight of CLEF sentences: they are many, 3%% positive, and judged by another "
        "standard; 0.1 keeps ClaimBuster's F1 while lifting CLEF's ranking",
    )
    args = parser.parse_args()

    train, held = split(load(args.claimbuster), load(args.clef))
    Path(args.heldout).parent.mkdir(parents=True, exist_ok=True)
    with open(args.heldout, "w", encoding="utf-8") as handle:
        for row in held:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"training on {len(train)} sentences; {len(held)} held back in {args.heldout}")

    labels = np.array([r["label"] == "claim" for r in train], dtype=int)
    is_claimbuster = np.array([r["id"].startswith("cb-") for r in train])
    weights = np.where(is_claimbuster, 1.0, args.clef_weight)
    for words, name, description in [
        (True, "claim_model.txt", "English words, word pairs and cues"),
        (False, "claim_model_generic.txt", "language-independent cues for languages without a model"),
    ]:
        features = matrix(train, words)
        logits = np.zeros(len(labels))
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        for fit, predict in folds.split(features, labels):
            model = LogisticRegression(C=args.C, max_iter=2000, solver="liblinear")
            model.fit(features[fit], labels[fit], sample_weight=weights[fit])
            logits[predict] = model.decision_function(features[predict])
        cb_labels = labels[is_claimbuster]
        slope, intercept = platt(logits[is_claimbuster], cb_labels)
        scores = 1 / (1 + np.exp(-(slope * logits + intercept)))
        threshold = best_threshold(cb_labels, scores[is_claimbuster])
        cb_f1 = f1_score(cb_labels, scores[is_claimbuster] >= threshold)
        uncalibrated = 1 / (1 + np.exp(-logits[is_claimbuster]))
        print(f"{name}: 5-fold CV on the training part: ClaimBuster F1 {cb_f1:.3f}, "
              f"AP {average_precision_score(cb_labels, scores[is_claimbuster]):.3f}, expected calibration "
              f"error {calibration_error(cb_labels, scores[is_claimbuster]):.3f} "
              f"(uncalibrated {calibration_error(cb_labels, uncalibrated):.3f}); "
              f"CLEF AP {average_precision_score(labels[~is_claimbuster], scores[~is_claimbuster]):.3f}")
        model = LogisticRegression(C=args.C, max_iter=2000, solver="liblinear")
        model.fit(features, labels, sample_weight=weights)
        write_model(DATA / name, model, (slope, intercept), threshold, description)


if __name__ == "__main__":
    main()

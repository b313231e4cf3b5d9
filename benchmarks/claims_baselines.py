#!/usr/bin/env python3
"""Bag-of-words baselines for check-worthiness on ClaimBuster, on the same held-back split as
tools/train_claims.py (20% of the sentences, random seed 0), to put presslens's F1 in context.

    pip install scikit-learn
    python benchmarks/claims_baselines.py PATH/claimbuster_train.jsonl

For each baseline: F1 of the claim class from 5-fold cross-validation on the training part (at the
threshold that maximises it), and F1 on the held-back part at that threshold.
"""

from __future__ import annotations

import argparse
import json
import random

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_curve
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC


def best_threshold(labels, scores):
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision * recall / np.maximum(1e-9, precision + recall)
    best = int(np.argmax(f1[:-1]))
    return thresholds[best], f1[best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("claimbuster")
    args = parser.parse_args()
    with open(args.claimbuster, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    random.Random(0).shuffle(rows)  # the split of tools/train_claims.py
    cut = len(rows) // 5
    held, train = rows[:cut], rows[cut:]
    texts, held_texts = [r["text"] for r in train], [r["text"] for r in held]
    labels = np.array([r["label"] == "claim" for r in train])
    held_labels = np.array([r["label"] == "claim" for r in held])
    baselines = [
        ("naive Bayes, word 1-2-grams", [CountVectorizer(ngram_range=(1, 2))], MultinomialNB()),
        ("logistic regression, binary word 1-2-grams",
         [CountVectorizer(ngram_range=(1, 2), binary=True)], LogisticRegression(max_iter=3000)),
        ("linear SVM, tf-idf word 1-2-grams + char 2-5-grams",
         [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
          TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)],
         LinearSVC(C=0.5)),
    ]
    for name, vectorizers, model in baselines:
        features = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
        held_features = hstack([v.transform(held_texts) for v in vectorizers]).tocsr()
        method = "decision_function" if hasattr(model, "decision_function") else "predict_proba"
        scores = cross_val_predict(model, features, labels, method=method,
                                   cv=StratifiedKFold(5, shuffle=True, random_state=0))
        scores = scores[:, 1] if scores.ndim == 2 else scores
        threshold, cv_f1 = best_threshold(labels, scores)
        model.fit(features, labels)
        held_scores = getattr(model, method)(held_features)
        held_scores = held_scores[:, 1] if held_scores.ndim == 2 else held_scores
        print(f"{name:<52} CV F1 {cv_f1:.3f}  held-back F1 {f1_score(held_labels, held_scores >= threshold):.3f}")


if __name__ == "__main__":
    main()

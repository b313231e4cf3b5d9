#!/usr/bin/env python3
"""Keyword-counting speed, side by side in one run: presslens (analysis + unigram counts, and
analysis + 1-3-gram counts), collections.Counter over re.findall(r"\\w+"), scikit-learn's
CountVectorizer (unigrams + bigrams) and YAKE, on the bundled sample articles repeated to
--megabytes of news text, article by article.

    python benchmarks/bench_keywords_peers.py            # pip install scikit-learn yake

Peers that are not installed are skipped. YAKE, being slow, runs on --slow-kilobytes of it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from typing import Callable, Dict, List, Optional

import presslens
from presslens import samples
from timing import print_table, throughput


def articles(megabytes: float) -> List[str]:
    pieces = [samples.read(name) for name in samples.names()]
    out: List[str] = []
    size = 0
    while size < megabytes * 1e6:
        for piece in pieces:
            out.append(piece)
            size += len(piece.encode("utf-8"))
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--slow-kilobytes", type=float, default=300.0)
    args = parser.parse_args(argv)
    texts = articles(args.megabytes)
    slow: List[str] = []
    for text in texts:
        if sum(len(t) for t in slow) > args.slow_kilobytes * 1000:
            break
        slow.append(text)
    # What counting needs: structure, sentences and tokens, not quotes or claims.
    analyzer = presslens.Analyzer("en", quotes=False, claims=False)
    rows: Dict[str, float] = {}
    rows["presslens unigram counts"] = throughput(
        lambda ts: [analyzer.analyze(t).keywords(None, (1, 1), names=False) for t in ts], texts
    )
    rows["presslens 1-3-gram counts"] = throughput(
        lambda ts: [analyzer.analyze(t).keywords(None) for t in ts], texts
    )
    rows["presslens keyphrases"] = throughput(
        lambda ts: [analyzer.analyze(t).keyphrases(10) for t in ts], texts
    )
    word = re.compile(r"\w+")
    rows["Counter(re.findall)"] = throughput(
        lambda ts: [Counter(w.lower() for w in word.findall(t)) for t in ts], texts
    )
    try:
        from sklearn.feature_extraction.text import CountVectorizer

        vectorizer = CountVectorizer(ngram_range=(1, 2))
        rows["CountVectorizer (1-2-grams)"] = throughput(vectorizer.fit_transform, texts)
    except ImportError:
        pass
    try:
        import yake

        extractor = yake.KeywordExtractor(lan="en", top=10)
        rows["YAKE"] = throughput(lambda ts: [extractor.extract_keywords(t) for t in ts], slow, 1)
    except ImportError:
        pass
    print(f"{sum(len(t.encode('utf-8')) for t in texts) / 1e6:.1f} MB in {len(texts)} articles")
    print_table(rows, reference="presslens unigram counts")
    return 0


if __name__ == "__main__":
    sys.exit(main())

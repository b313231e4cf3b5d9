#!/usr/bin/env python3
"""Keyword-counting speed, side by side in one run: presslens (analysis + unigram counts, and
analysis + 1-3-gram counts), collections.Counter over re.findall(r"\\w+"), scikit-learn's
CountVectorizer (unigrams + bigrams) and YAKE, on the bundled English sample articles repeated to
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
from timing import Tool, installed, leading, news_articles, print_table, throughput

Run = Callable[[List[str]], object]


def presslens_runs() -> Dict[str, Run]:
    """The presslens measures, by row name: each takes the list of articles."""
    # What counting needs: structure, sentences and tokens, not quotes or claims.
    analyzer = presslens.Analyzer("en", quotes=False, claims=False)
    return {
        "presslens unigram counts per document": (
            lambda ts: [analyzer.analyze(t).keywords(None, (1, 1), names=False) for t in ts]
        ),
        "presslens 1-3-gram counts per document": (
            lambda ts: [analyzer.analyze(t).keywords(None) for t in ts]
        ),
        # Counts over a collection, as Counter and CountVectorizer give them: a Corpus counts in
        # C++, with no Python object per document or term (keywords_only: no quotes, no speakers).
        "presslens Corpus unigrams": (
            lambda ts: presslens.Corpus(keywords_only=True, ngrams=(1, 1)).add_many(ts, threads=1)
        ),
        "presslens Corpus unigrams, 2 threads": (
            lambda ts: presslens.Corpus(keywords_only=True, ngrams=(1, 1)).add_many(ts, threads=2)
        ),
        "presslens Corpus 1-3-grams": (
            lambda ts: presslens.Corpus(keywords_only=True).add_many(ts, threads=1)
        ),
        "presslens Corpus 1-3-grams, 2 threads": (
            lambda ts: presslens.Corpus(keywords_only=True).add_many(ts, threads=2)
        ),
        "presslens keyphrases": lambda ts: [analyzer.analyze(t).keyphrases(10) for t in ts],
    }


def regex_counter() -> Run:
    word = re.compile(r"\w+")
    return lambda ts: [Counter(w.lower() for w in word.findall(t)) for t in ts]


def count_vectorizer() -> Run:
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(ngram_range=(1, 2)).fit_transform


def yake_keyphrases() -> Run:
    import yake

    extractor = yake.KeywordExtractor(lan="en", top=10)
    return lambda ts: [extractor.extract_keywords(t) for t in ts]


COUNTING_PEERS = [
    Tool("Counter(re.findall)", regex_counter),
    Tool("CountVectorizer (1-2-grams)", count_vectorizer, "scikit-learn"),
]
KEYPHRASE_PEERS = [Tool("YAKE", yake_keyphrases, "yake", slow=True)]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--slow-kilobytes", type=float, default=300.0)
    args = parser.parse_args(argv)
    texts = news_articles(args.megabytes)
    slow = leading(texts, args.slow_kilobytes)
    rows = {name: throughput(run, texts) for name, run in presslens_runs().items()}
    for tool, run in installed(COUNTING_PEERS + KEYPHRASE_PEERS):
        rows[tool.name] = throughput(run, slow, 1) if tool.slow else throughput(run, texts)
    print(f"{sum(len(t.encode('utf-8')) for t in texts) / 1e6:.1f} MB in {len(texts)} articles")
    print_table(rows, reference="presslens Corpus unigrams")
    return 0


if __name__ == "__main__":
    sys.exit(main())

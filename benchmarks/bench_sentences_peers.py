#!/usr/bin/env python3
"""Sentence-splitting speed, side by side in one run: presslens (Python API and C++), ICU's plain
sentence BreakIterator (C++, from presslens_bench), pySBD, syntok, NLTK Punkt, spaCy's rule-based
sentencizer and BlingFire.

    python benchmarks/bench_sentences_peers.py --cpp-bench build/dev/benchmarks/presslens_bench

The text is the bundled English sample articles repeated to --megabytes of news prose. Slow peers
run on a slice of it (--slow-kilobytes) so the run stays short; MB/s is comparable either way.
Peers that are not installed are skipped (pip install pysbd syntok nltk spacy blingfire).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from typing import Callable, Dict, List, Mapping, Optional

import presslens
from timing import Tool, installed, news_articles, print_table, throughput

Splitter = Callable[[str], object]

# presslens_bench's sentence benchmarks, by the names the tables give them.
CPP_SENTENCES = {
    "BM_SentenceSplitter": "presslens C++ (sentences)",
    "BM_ParagraphsAndSentences": "presslens C++ (paragraphs + sentences)",
    "BM_IcuSentenceIteratorUtf16": "ICU BreakIterator (UTF-16)",
    "BM_IcuSentenceIteratorUtf8": "ICU BreakIterator (UTF-8 UText)",
}


def news_text(megabytes: float) -> str:
    return "\n\n".join(news_articles(megabytes)) + "\n\n"


def presslens_splitter() -> Splitter:
    # Paragraphs and sentences only: the other stages are not what the peers do.
    analyzer = presslens.Analyzer("en", detect_structure=False, tokens=False)
    # Honest Python figure: the sentences' texts in hand, not just the analysis.
    return lambda text: [s.text for s in analyzer.analyze(text).sentences]


def pysbd_splitter() -> Splitter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False).segment


def syntok_splitter() -> Splitter:
    from syntok import segmenter

    return lambda text: [[list(s) for s in p] for p in segmenter.analyze(text)]


def punkt_splitter() -> Splitter:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    # Untrained parameters: NLTK's trained English model (punkt_tab) is a separate download that
    # this network does not reach, and the algorithm's own cost is what is timed.
    return PunktSentenceTokenizer().tokenize


def spacy_sentencizer() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**9  # its limit guards the parser's memory; a blank pipeline has none
    return lambda text: [s.text for s in nlp(text).sents]


def blingfire_splitter() -> Splitter:
    import blingfire  # raises OSError when its native library does not load

    return blingfire.text_to_sentences


PEERS = [
    Tool("pySBD", pysbd_splitter, "pysbd", slow=True),
    Tool("syntok", syntok_splitter, "syntok", slow=True),
    Tool("NLTK Punkt (untrained)", punkt_splitter, "nltk"),
    Tool("spaCy sentencizer (blank)", spacy_sentencizer, "spacy"),
    Tool("BlingFire", blingfire_splitter, "blingfire"),
]


def cpp_figures(bench: Optional[str], names: Mapping[str, str] = CPP_SENTENCES) -> Dict[str, float]:
    """MB/s of presslens_bench's benchmarks `names` (Google Benchmark name -> row name), when the
    binary is given."""
    if not bench:
        return {}
    only = "^(" + "|".join(re.escape(name) for name in names) + ")$"
    output = subprocess.run(
        [bench, f"--benchmark_filter={only}", "--benchmark_format=json"],
        check=True, capture_output=True, text=True,
    ).stdout
    return {names[b["name"]]: b["bytes_per_second"] / 1e6 for b in json.loads(output)["benchmarks"]}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--slow-kilobytes", type=float, default=200.0)
    parser.add_argument("--cpp-bench", help="path of presslens_bench, for the C++ and ICU figures")
    args = parser.parse_args(argv)

    text = news_text(args.megabytes)
    slice_ = text[: int(args.slow_kilobytes * 1000)]
    rows: Dict[str, float] = dict(cpp_figures(args.cpp_bench))
    rows["presslens Python"] = throughput(presslens_splitter(), text)
    for tool, split in installed(PEERS):
        rows[tool.name] = throughput(split, slice_ if tool.slow else text, repeat=1 if tool.slow else 3)

    print(f"{len(text.encode('utf-8')) / 1e6:.1f} MB of news text; slow peers on "
          f"{args.slow_kilobytes:.0f} KB")
    print_table(rows, reference="presslens Python")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Sentence-splitting speed, side by side in one run: presslens (Python API and C++), ICU's plain
sentence BreakIterator (C++, from presslens_bench), pySBD, syntok, NLTK Punkt and BlingFire.

    python benchmarks/bench_sentences_peers.py --cpp-bench build/dev/benchmarks/presslens_bench

The text is the bundled sample articles repeated to --megabytes of news prose. Slow peers run on a
slice of it (--slow-kilobytes) so the run stays short; MB/s is comparable either way. Peers that
are not installed are skipped (pip install pysbd syntok nltk blingfire).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Callable, Dict, List, Optional, Tuple

import presslens
from presslens import samples
from timing import print_table, throughput


def news_text(megabytes: float) -> str:
    article = "\n\n".join(samples.read(name) for name in samples.names()) + "\n\n"
    size = int(megabytes * 1_000_000)
    return (article * (size // len(article.encode("utf-8")) + 1))[:size]


def peers() -> Dict[str, Tuple[Callable[[str], object], bool]]:
    """name -> (split function, slow?) for the peers that are installed."""
    found: Dict[str, Tuple[Callable[[str], object], bool]] = {}
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pySBD"] = (segmenter.segment, True)
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        found["syntok"] = (
            lambda text: [[list(s) for s in p] for p in syntok_segmenter.analyze(text)],
            True,
        )
    except ImportError:
        pass
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer()  # untrained parameters: the algorithm's own cost
        found["NLTK Punkt"] = (punkt.tokenize, False)
    except ImportError:
        pass
    try:
        import blingfire

        found["BlingFire"] = (blingfire.text_to_sentences, False)
    except (ImportError, OSError):  # its wheel needs numpy
        pass
    return found


def cpp_figures(bench: Optional[str]) -> Dict[str, float]:
    """MB/s of the C++ benchmarks (presslens and ICU), when the binary is given."""
    if not bench:
        return {}
    output = subprocess.run(
        [bench, "--benchmark_filter=SentenceSplitter|ParagraphsAndSentences|IcuSentence",
         "--benchmark_format=json"],
        check=True, capture_output=True, text=True,
    ).stdout
    names = {
        "BM_SentenceSplitter": "presslens C++ (sentences)",
        "BM_ParagraphsAndSentences": "presslens C++ (paragraphs + sentences)",
        "BM_IcuSentenceIteratorUtf16": "ICU BreakIterator (UTF-16)",
        "BM_IcuSentenceIteratorUtf8": "ICU BreakIterator (UTF-8 UText)",
    }
    return {names[b["name"]]: b["bytes_per_second"] / 1e6 for b in json.loads(output)["benchmarks"]}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--slow-kilobytes", type=float, default=200.0)
    parser.add_argument("--cpp-bench", help="path of presslens_bench, for the C++ and ICU figures")
    args = parser.parse_args(argv)

    text = news_text(args.megabytes)
    slice_ = text[: int(args.slow_kilobytes * 1000)]
    # Paragraphs and sentences only: the other stages are not what the peers do.
    analyzer = presslens.Analyzer("en", detect_structure=False, tokens=False)
    rows: Dict[str, float] = dict(cpp_figures(args.cpp_bench))
    # Honest Python figure: the sentences' texts in hand, not just the analysis.
    rows["presslens Python"] = throughput(
        lambda t: [s.text for s in analyzer.analyze(t).sentences], text
    )
    for name, (split, slow) in peers().items():
        rows[name] = throughput(split, slice_ if slow else text, repeat=1 if slow else 3)

    print(f"{len(text.encode('utf-8')) / 1e6:.1f} MB of news text; slow peers on "
          f"{args.slow_kilobytes:.0f} KB")
    print_table(rows, reference="presslens Python")
    return 0


if __name__ == "__main__":
    sys.exit(main())

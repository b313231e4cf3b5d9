#!/usr/bin/env python3
"""Trains the language identifier that presslens ships (cpp/data/mul/languages.model) from the
word frequencies of the wordfreq project (Robyn Speer, https://github.com/rspeer/wordfreq).

    pip install wordfreq==3.1.1                 # training only: not a dependency of presslens
    python tools/train_langid.py                # writes cpp/data/mul/languages.model
    python tools/train_langid.py --check        # trains, and compares with the shipped model

For each of wordfreq's 42 languages with a "small" word list, its 20,000 most frequent words with
their frequencies; presslens's own C++ trainer (presslens._presslens.train_language_identifier)
counts their letter sequences and writes a naive Bayes model on the shared model runtime, so the
features are exactly the ones the identifier computes. Deterministic: the same wordfreq version
and options give the same bytes. wordfreq's data is CC BY-SA 4.0 (credits in
docs/language-id.md). Accuracy is measured separately, on text the model never saw, by
benchmarks/eval_langid.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from model_output import add_output_arguments, write_or_check
from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
WORDFREQ_VERSION = "3.1.1"


def word_lists(top: int):
    from importlib.metadata import version

    import wordfreq

    if version("wordfreq") != WORDFREQ_VERSION:
        print(f"warning: wordfreq {version('wordfreq')}, not {WORDFREQ_VERSION}: the model will differ", file=sys.stderr)
    languages = []
    for code in sorted(wordfreq.available_languages(wordlist="small")):
        frequencies = wordfreq.get_frequency_dict(code, wordlist="small")
        words = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))[:top]
        languages.append((code, words))
    return languages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=20000, help="words per language (default 20000)")
    parser.add_argument("--smoothing", type=float, default=1.0, help="naive Bayes' add-a (default 1)")
    add_output_arguments(parser, ROOT / "cpp" / "data" / "mul" / "languages.model")
    args = parser.parse_args()

    started = time.perf_counter()
    languages = word_lists(args.top)
    model = _presslens.train_language_identifier(languages, args.smoothing)
    names = " ".join(code for code, _ in languages)
    return write_or_check(model, args.out, args.check, started, f"{len(languages)} languages ({names})")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Keyphrase accuracy: P@10, R@10, F1@10 and F1@5 against gold keyphrases.

Input: JSONL {"text", "keyphrases": [...]} (e.g. ../shared/data/keywords/*.jsonl, passed by path).
Protocol (the usual one): each phrase is lower-cased, split on white space, each word stemmed with
Snowball (the snowballstemmer package: pip install snowballstemmer); a predicted phrase matches when
its stemmed word sequence equals a gold one's. P@k = matches in the top k / k, R@k = matches / gold
phrases (gold phrases absent from the text stay in), F1@k per document, averaged over documents.
Texts shorter than --min-chars are skipped (some stories are a title only).

    python benchmarks/eval_keywords.py ../shared/data/keywords/500n_kpcrowd_dev.jsonl --peers yake
    python benchmarks/eval_keywords.py ../shared/data/keywords/wikinews_fr_dev.jsonl --lang fr

--peers yake measures YAKE (pip install yake) with its defaults on the same documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import snowballstemmer

import presslens

STEMMERS = {"en": "english", "fr": "french", "de": "german", "es": "spanish"}
Extractor = Callable[[str], List[str]]


def normaliser(lang: str) -> Callable[[str], Tuple[str, ...]]:
    stemmer = snowballstemmer.stemmer(STEMMERS.get(lang, "english"))

    def normalise(phrase: str) -> Tuple[str, ...]:
        words = [w.strip(".,;:!?\"'()[]«»“”‘’") for w in phrase.lower().split()]
        return tuple(stemmer.stemWord(w) for w in words if w)

    return normalise


def presslens_extractor(lang: str, top: int, pack_dir: Optional[str] = None, syntax: bool = True) -> Extractor:
    analyzer = presslens.Analyzer(lang, pack_dir=pack_dir, syntax=syntax)
    return lambda text: [k.text for k in analyzer.analyze(text).keyphrases(top)]


def peer_extractor(name: str, lang: str, top: int) -> Extractor:
    if name == "yake":
        import yake

        extractor = yake.KeywordExtractor(lan=lang, top=top)
        return lambda text: [phrase for phrase, _ in extractor.extract_keywords(text)]
    raise SystemExit(f"unknown peer {name!r} (known: yake)")


def scores(predicted: Sequence[Tuple[str, ...]], gold: Sequence[Tuple[str, ...]], k: int) -> Tuple[float, float, float]:
    gold_set = set(gold)
    seen = set()
    matches = 0
    for phrase in predicted[:k]:
        if phrase in gold_set and phrase not in seen:
            matches += 1
        seen.add(phrase)
    precision = matches / k
    recall = matches / max(1, len(gold_set))
    f1 = 2 * precision * recall / (precision + recall) if matches else 0.0
    return precision, recall, f1


def evaluate(cases: Sequence[dict], extract: Extractor, normalise: Callable[[str], Tuple[str, ...]]) -> Dict[str, float]:
    totals = {"P@10": 0.0, "R@10": 0.0, "F1@10": 0.0, "F1@5": 0.0}
    for case in cases:
        gold = [normalise(p) for p in case["keyphrases"]]
        predicted: List[Tuple[str, ...]] = []
        for phrase in extract(case["text"]):
            stemmed = normalise(phrase)
            if stemmed and stemmed not in predicted:
                predicted.append(stemmed)
        p10, r10, f10 = scores(predicted, gold, 10)
        _, _, f5 = scores(predicted, gold, 5)
        totals["P@10"] += p10
        totals["R@10"] += r10
        totals["F1@10"] += f10
        totals["F1@5"] += f5
    return {name: value / max(1, len(cases)) for name, value in totals.items()}


def in_part(case: dict, part: str, fold: Optional[Tuple[int, int]] = None) -> bool:
    """The held-out quarter (crc32 of the id mod 4 == 0), the development rest, or all; `fold`
    (k, n) keeps the development documents of fold k of n ((crc32(id) // 4) % n == k), those that
    tools/train_keyphrases.py --leave-out k/n trained without."""
    crc = zlib.crc32(str(case.get("id", "")).encode())
    if fold is not None:
        return crc % 4 != 0 and crc // 4 % fold[1] == fold[0]
    if part == "all":
        return True
    return (crc % 4 == 0) == (part == "heldout")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--peers", nargs="*", default=[])
    parser.add_argument("--min-chars", type=int, default=200)
    parser.add_argument(
        "--part",
        choices=("heldout", "development", "all"),
        default="all",
        help="heldout: the documents whose crc32(id) %% 4 == 0 (a quarter, never tuned on); development: the rest",
    )
    parser.add_argument("--pack-dir", help="a language-pack folder the analyzer reads (e.g. a keyphrases.model)")
    parser.add_argument("--fold", help="k/n: only the development documents of fold k of n (cross-validation "
                                       "with tools/train_keyphrases.py --leave-out k/n)")
    parser.add_argument("--no-syntax", action="store_true", help="presslens with syntax=False: untagged candidates (the ranker still scores them)")
    args = parser.parse_args(argv)
    fold = tuple(int(x) for x in args.fold.split("/")) if args.fold else None
    normalise = normaliser(args.lang)
    for source in args.inputs:
        with open(source, encoding="utf-8") as handle:
            cases = [json.loads(line) for line in handle if line.strip()]
        cases = [c for c in cases if len(c["text"]) >= args.min_chars and in_part(c, args.part, fold)]
        systems = {"presslens": presslens_extractor(args.lang, 10, args.pack_dir, not args.no_syntax)}
        for peer in args.peers:
            systems[peer] = peer_extractor(peer, args.lang, 10)
        print(f"\n{source} ({len(cases)} documents, {args.part}, lang={args.lang})")
        print(f"  {'system':<12}" + "".join(f"{m:>8}" for m in ("P@10", "R@10", "F1@10", "F1@5")))
        for name, extract in systems.items():
            result = evaluate(cases, extract, normalise)
            print(f"  {name:<12}" + "".join(f"{result[m]:>8.3f}" for m in ("P@10", "R@10", "F1@10", "F1@5")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

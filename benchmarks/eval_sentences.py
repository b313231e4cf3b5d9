#!/usr/bin/env python3
"""Sentence-splitting accuracy: the share of cases whose sentence list is reproduced exactly.

Each input is a JSONL file of {"text": ..., "sentences": [...], "category": ...} cases (category
optional). A case passes when the predicted sentences, each stripped of white space, equal the
expected ones. The special input ``pysbd:golden-en`` reads the English "Golden Rules" (48 cases)
from the installed pySBD package (pip install pysbd), which ships them.

    python benchmarks/eval_sentences.py tests/data/sentences/*.jsonl
    python benchmarks/eval_sentences.py pysbd:golden-en --peers pysbd --failures 10

The language of a file is its stem when presslens knows it (``fr.jsonl`` -> fr), else --lang.
With --peers, each peer is measured on the same cases with the same rule.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Tuple

import presslens

Case = Dict[str, object]
Splitter = Callable[[str], List[str]]


def load_cases(source: str) -> List[Case]:
    if source == "pysbd:golden-en":
        import pysbd

        rules_file = Path(pysbd.__file__).parent.parent / "benchmarks" / "english_golden_rules.py"
        spec = importlib.util.spec_from_file_location("pysbd_golden_rules", rules_file)
        if spec is None or spec.loader is None:
            raise SystemExit(f"pySBD's golden rules are not at {rules_file}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return [
            {"text": text, "sentences": expected, "category": f"rule {number}"}
            for number, (text, expected) in enumerate(module.GOLDEN_EN_RULES, 1)
        ]
    with open(source, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def language_of(source: str, default: str) -> str:
    if source.startswith("pysbd:golden-"):
        return source.rsplit("-", 1)[1]
    stem = Path(source).stem.split("_")[0]
    return stem if stem in presslens.builtin_languages() else default


def presslens_splitter(lang: str) -> Splitter:
    # Cases are text, not pages: every paragraph is body.
    analyzer = presslens.Analyzer(lang, detect_structure=False)
    return lambda text: [s.text for s in analyzer.analyze(text).sentences]


def peer_splitter(name: str, lang: str) -> Splitter:
    if name == "pysbd":
        import pysbd

        segmenter = pysbd.Segmenter(language=lang, clean=False)
        return lambda text: list(segmenter.segment(text))
    raise SystemExit(f"unknown peer {name!r} (known: pysbd)")


def passes(split: Splitter, case: Case) -> Tuple[bool, List[str]]:
    try:
        predicted = [s.strip() for s in split(str(case["text"])) if s.strip()]
    except Exception as error:  # a peer that crashes on a case fails it
        predicted = [f"<error: {error}>"]
    expected = [str(s).strip() for s in case["sentences"]]  # type: ignore[union-attr]
    return predicted == expected, predicted


def evaluate(cases: Iterable[Case], systems: Dict[str, Splitter], failures: int) -> Dict[str, Dict[str, List[bool]]]:
    """system -> category -> pass flags."""
    results: Dict[str, Dict[str, List[bool]]] = {name: defaultdict(list) for name in systems}
    shown = 0
    for case in cases:
        category = str(case.get("category", "all"))
        for name, split in systems.items():
            ok, predicted = passes(split, case)
            results[name][category].append(ok)
            if not ok and name == "presslens" and shown < failures:
                shown += 1
                print(f"--- FAIL [{category}] {json.dumps(case['text'], ensure_ascii=False)}")
                print(f"    expected {json.dumps(case['sentences'], ensure_ascii=False)}")
                print(f"    got      {json.dumps(predicted, ensure_ascii=False)}")
    return results


def rate(flags: List[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} ({100.0 * sum(flags) / max(1, len(flags)):.1f}%)"


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="JSONL files, or pysbd:golden-en")
    parser.add_argument("--lang", default="en", help="language for files not named after one")
    parser.add_argument("--peers", nargs="*", default=[], help="peers to measure too: pysbd")
    parser.add_argument("--failures", type=int, default=0, help="print up to N presslens failures")
    parser.add_argument("--by-category", action="store_true", help="print a row per category")
    args = parser.parse_args(argv)

    for source in args.inputs:
        lang = language_of(source, args.lang)
        systems: Dict[str, Splitter] = {"presslens": presslens_splitter(lang)}
        for peer in args.peers:
            systems[peer] = peer_splitter(peer, lang)
        results = evaluate(load_cases(source), systems, args.failures)
        print(f"\n{source} (lang={lang})")
        header = f"  {'category':<22}" + "".join(f"{name:>22}" for name in systems)
        print(header)
        categories = sorted(next(iter(results.values()))) if args.by_category else []
        for category in categories:
            print(f"  {category:<22}" + "".join(f"{rate(results[n][category]):>22}" for n in systems))
        overall = {n: [ok for flags in results[n].values() for ok in flags] for n in systems}
        print(f"  {'all':<22}" + "".join(f"{rate(overall[n]):>22}" for n in systems))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Speaker resolution accuracy: is each quote's resolved speaker the right person?

Input: JSONL cases with "text", "lang" and gold "quotes", each with code-point "start"/"end" of
the quoted words, "speaker_name" (the name at its fullest in the text, titles left out, or null
when the text never names the speaker) and "speaker_type" ("person", "organisation",
"unknown"); optional "pattern" per case, e.g. tests/data/speakers/*.jsonl (our set) and
tests/data/speakers/blind/*.jsonl (held back: read its figures, never its errors).

Matching rule (fixed, as in eval_quotes.py): both spans trimmed of white space, quotation marks
and , . ; : ! ? — – -; a prediction matches a gold quote when their character Jaccard overlap is
at least 0.5 (the best one). Figures, over all gold quotes (a quote not found counts as wrong):
- found: a predicted quote matches;
- person: the speaker is the right one: both names null, or one name contains the other on
  word boundaries after case folding ("Kishida" for "Fumio Kishida" is the right person; for
  Chinese and Japanese, one contains the other);
- exact: the resolved name equals the gold name (its fullest form), or both are null;
- type: speaker_type equals the gold type.
Per language and per pattern.

With --failing, prints the ids of the gold quotes whose speaker is not the right person
("en-r008#1": case en-r008, its second quote), the ratchet tests/python/test_speaker_sets.py
keeps (tests/data/speakers/failing.txt, blind/failing.txt).

    python benchmarks/eval_speakers.py tests/data/speakers/*.jsonl
    python benchmarks/eval_speakers.py tests/data/speakers/blind/*.jsonl --headline
    python benchmarks/eval_speakers.py tests/data/speakers/*.jsonl --failing > tests/data/speakers/failing.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from typing import Dict, Iterator, List, Optional, Tuple

import presslens
from eval_quotes import jaccard, trimmed  # the same matching rule as the quote evaluation


def _words(name: str) -> str:
    return " " + " ".join(re.findall(r"[\w-]+", name)) + " "


def same_person(predicted: Optional[str], gold: Optional[str]) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = predicted.casefold(), gold.casefold()
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", p + g):
        return p in g or g in p  # unspaced scripts
    return _words(p) in _words(g) or _words(g) in _words(p)


def exact(predicted: Optional[str], gold: Optional[str]) -> bool:
    norm = lambda s: None if s is None else " ".join(s.casefold().split())  # noqa: E731
    return norm(predicted) == norm(gold)


def scored(paths: List[str]) -> Iterator[Tuple[dict, int, dict, Optional[presslens.Quote]]]:
    """(case, index, gold quote, the predicted quote matching it or None) over the files."""
    analyzers: Dict[str, presslens.Analyzer] = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                case = json.loads(line)
                lang = case["lang"]
                if lang not in analyzers:
                    analyzers[lang] = presslens.Analyzer(lang, detect_structure=False)
                text = case["text"]
                doc = analyzers[lang].analyze(text)
                for index, gold in enumerate(case["quotes"]):
                    g = trimmed(text, gold["start"], gold["end"])
                    best = max(doc.quotes, key=lambda q: jaccard(g, trimmed(text, q.start, q.end)), default=None)
                    if best is not None and jaccard(g, trimmed(text, best.start, best.end)) < 0.5:
                        best = None
                    yield case, index, gold, best


def failing(paths: List[str]) -> List[str]:
    """The ids ("en-r008#1") of the gold quotes whose speaker is not the right person."""
    return [
        f"{case['id']}#{index}"
        for case, index, gold, best in scored(paths)
        if best is None or not same_person(best.speaker_name, gold["speaker_name"])
    ]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--errors", action="store_true", help="print every wrong person (never on a blind set)")
    parser.add_argument("--headline", action="store_true", help="one line per language and the total")
    parser.add_argument("--failing", action="store_true", help="print the ids of the quotes whose person is wrong")
    args = parser.parse_args(argv)
    if args.failing:
        for quote_id in failing(args.inputs):
            print(quote_id)
        return 0

    totals: Dict[str, Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for case, _, gold, best in scored(args.inputs):
        lang = case["lang"]
        name = best.speaker_name if best is not None else None
        scores = {
            "quotes": 1,
            "found": best is not None,
            "person": best is not None and same_person(name, gold["speaker_name"]),
            "exact": best is not None and exact(name, gold["speaker_name"]),
            "type": best is not None and best.speaker_type == gold["speaker_type"],
        }
        for group in ("all", lang, f"{lang}/{case.get('pattern', '-')}", f"*/{case.get('pattern', '-')}"):
            for key, value in scores.items():
                totals[group][key] += int(value)
        if args.errors and not scores["person"]:
            said = best.speaker.text if best is not None and best.speaker else None
            print(f"{case['id']}: gold {gold['speaker_name']!r} ({gold['speaker']!r}), "
                  f"got {name!r} from {said!r} [{best.resolution if best else 'not found'}]",
                  file=sys.stderr)

    def row(group: str) -> str:
        t = totals[group]
        n = max(1, t["quotes"])
        return (f"{group:34} {t['quotes']:5d}  {t['found'] / n:.3f}  {t['person'] / n:.3f}  "
                f"{t['exact'] / n:.3f}  {t['type'] / n:.3f}")

    print(f"{'':34} {'quotes':>5}  found  person exact  type")
    langs = sorted(g for g in totals if "/" not in g and g != "all")
    for group in langs:
        print(row(group))
    if not args.headline:
        for group in sorted(g for g in totals if g.startswith("*/")):
            print(row(group))
        for group in sorted(g for g in totals if "/" in g and not g.startswith("*/")):
            print(row(group))
    print(row("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

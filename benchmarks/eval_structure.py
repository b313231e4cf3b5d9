#!/usr/bin/env python3
"""Article-structure accuracy on scraped pages.

Two kinds of JSONL input, told apart by their fields:

- pages with a role for every line (our development set, tests/data/structure/pages.jsonl):
  {"text", "lang", "lines": [{"text", "role"}], "title", "authors", "date"} -> the share of lines
  whose role (title, byline, body, bio, boilerplate) presslens gets right, per role, plus title,
  author and date accuracy;
- pages with must-have strings (trafilatura-style, e.g. ../shared/data/structure/):
  {"text", "body_must", "chrome_must", "title", "author", "date"} -> body recall (a body_must
  string counts when one occurrence lies inside the predicted body), chrome rejection (a
  chrome_must string counts when no occurrence overlaps the body), their harmonic mean, and
  title/author/date accuracy (case- and space-insensitive containment; date: same day).

    python benchmarks/eval_structure.py tests/data/structure/pages.jsonl
    python benchmarks/eval_structure.py ../shared/data/structure/trafilatura_dev.jsonl --failures 5

Pages without a "lang" field are analysed in the language guessed from common function words
(English, German, French, Spanish), or --lang.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

import presslens

FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "for"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich"},
    "fr": {"le", "la", "les", "et", "est", "des", "une", "dans"},
    "es": {"el", "los", "las", "y", "es", "una", "del", "por"},
}


def guess_language(text: str, default: str) -> str:
    words = Counter(re.findall(r"\w+", text.lower()))
    scores = {lang: sum(words[w] for w in vocabulary) for lang, vocabulary in FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default


def normalise(text: Optional[str]) -> str:
    return re.sub(r"\s+", "", (text or "").casefold())


def contains_either(predicted: Optional[str], gold: Optional[str]) -> bool:
    p, g = normalise(predicted), normalise(gold)
    return bool(p) and bool(g) and (g in p or p in g)


class Analyzers:
    def __init__(self) -> None:
        self._cache: Dict[str, presslens.Analyzer] = {}

    def __call__(self, lang: str) -> presslens.Analyzer:
        if lang not in self._cache:
            self._cache[lang] = presslens.Analyzer(lang)
        return self._cache[lang]


def metadata_scores(doc: presslens.Document, page: dict, totals: Dict[str, List[bool]]) -> None:
    structure = doc.structure
    if page.get("title"):
        totals["title"].append(contains_either(structure.title.text if structure.title else None, page["title"]))
    gold_authors = page.get("authors") or ([a.strip() for a in page["author"].split(";")] if page.get("author") else [])
    if gold_authors:
        predicted = " ".join(a.text for a in structure.authors)
        totals["author"].append(any(contains_either(predicted, a) for a in gold_authors))
    if page.get("date"):
        totals["date"].append(structure.date_iso[:10] == page["date"][:10])


def evaluate_lines(pages: Sequence[dict], analyzers: Analyzers, default_lang: str, failures: int) -> None:
    per_role: Dict[str, List[bool]] = defaultdict(list)
    totals: Dict[str, List[bool]] = defaultdict(list)
    confusion: Counter = Counter()
    shown = 0
    for page in pages:
        lang = page.get("lang") or guess_language(page["text"], default_lang)
        doc = analyzers(lang).analyze(page["text"])
        cursor = 0
        for line in page["lines"]:
            at = doc.text.find(line["text"], cursor)
            if at < 0:
                raise SystemExit(f"{page.get('id')}: line not found: {line['text'][:60]!r}")
            cursor = at + len(line["text"])
            predicted = next((p.role for p in doc.paragraphs if p.start <= at < p.end), "boilerplate")
            ok = predicted == line["role"]
            per_role[line["role"]].append(ok)
            confusion[(line["role"], predicted)] += 1
            if not ok and shown < failures:
                shown += 1
                print(f"--- {page.get('id')}: {line['role']} read as {predicted}: {line['text'][:90]!r}")
        metadata_scores(doc, page, totals)
    lines = [ok for flags in per_role.values() for ok in flags]
    print(f"lines classified right: {sum(lines)}/{len(lines)} = {sum(lines) / max(1, len(lines)):.3f}")
    for role, flags in sorted(per_role.items()):
        print(f"  {role:<12} {sum(flags)}/{len(flags)} = {sum(flags) / max(1, len(flags)):.3f}")
    for name, flags in totals.items():
        print(f"{name} accuracy: {sum(flags)}/{len(flags)} = {sum(flags) / max(1, len(flags)):.3f}")
    print("confusion (gold -> predicted): " + ", ".join(f"{g}->{p}: {n}" for (g, p), n in sorted(confusion.items()) if g != p))


def body_spans(doc: presslens.Document) -> List[Tuple[int, int]]:
    return [(p.start, p.end) for p in doc.structure.body]


def occurrences(text: str, needle: str) -> List[Tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def evaluate_must(pages: Sequence[dict], analyzers: Analyzers, default_lang: str, failures: int) -> None:
    found: List[bool] = []
    rejected: List[bool] = []
    totals: Dict[str, List[bool]] = defaultdict(list)
    shown = 0
    for page in pages:
        lang = page.get("lang") or guess_language(page["text"], default_lang)
        doc = analyzers(lang).analyze(page["text"])
        body = body_spans(doc)

        def inside(span: Tuple[int, int]) -> bool:
            covered = [ch.isspace() for ch in doc.text[span[0] : span[1]]]
            for start, end in body:
                for i in range(max(start, span[0]), min(end, span[1])):
                    covered[i - span[0]] = True
            return all(covered)

        def overlaps(span: Tuple[int, int]) -> bool:
            return any(start < span[1] and span[0] < end for start, end in body)

        for needle in page.get("body_must", []):
            ok = any(inside(o) for o in occurrences(doc.text, needle))
            found.append(ok)
            if not ok and shown < failures:
                shown += 1
                print(f"--- {page['id']}: body text missed: {needle[:80]!r}")
        for needle in page.get("chrome_must", []):
            ok = not any(overlaps(o) for o in occurrences(doc.text, needle))
            rejected.append(ok)
            if not ok and shown < failures:
                shown += 1
                print(f"--- {page['id']}: chrome kept in body: {needle[:80]!r}")
        metadata_scores(doc, page, totals)
    recall = sum(found) / max(1, len(found))
    rejection = sum(rejected) / max(1, len(rejected))
    mean = 2 * recall * rejection / max(1e-9, recall + rejection)
    print(f"pages: {len(pages)}")
    print(f"body recall: {sum(found)}/{len(found)} = {recall:.3f}")
    print(f"chrome rejection: {sum(rejected)}/{len(rejected)} = {rejection:.3f}")
    print(f"harmonic mean: {mean:.3f}")
    for name, flags in totals.items():
        print(f"{name} accuracy: {sum(flags)}/{len(flags)} = {sum(flags) / max(1, len(flags)):.3f}")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="en", help="language when a page has none and none is guessed")
    parser.add_argument("--failures", type=int, default=0, help="print up to N errors")
    args = parser.parse_args(argv)
    analyzers = Analyzers()
    for source in args.inputs:
        with open(source, encoding="utf-8") as handle:
            pages = [json.loads(line) for line in handle if line.strip()]
        print(f"\n{source}")
        if pages and "lines" in pages[0]:
            evaluate_lines(pages, analyzers, args.lang, args.failures)
        else:
            evaluate_must(pages, analyzers, args.lang, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
  title/author/date accuracy (case- and space-insensitive containment; date: same day), and
  "authorless accuracy": the pages without a gold author that are given none.

- HTML pages with must-have strings ({"html", "body_must", "chrome_must", ...}, e.g.
  ../shared/data/structure/trafilatura_dev_html.jsonl.xz) -> the same, with the page's HTML as
  presslens's input: body recall (a body_must string, whitespace-normalised, is a substring of
  the extracted body), chrome rejection (a chrome_must string is not), their harmonic mean, and
  title/author/date accuracy (an author is right when one predicted name and one gold name, split
  at ";", contain each other). `--system trafilatura` or `--system readability` scores those
  extractors on the same pages with the same code (both from PyPI).

Pages with an "id" split into a held-out part (crc32(id) % 4 == 0, a quarter, whose errors are
never looked at) and a development part: `--part heldout|development|all`. `--failures` prints
errors of the development part only. `--fold k/n` keeps the development pages of one fold and
`--pack-dir DIR` reads a language-pack folder (e.g. a structure.model that
tools/train_structure.py --leave-out k/n trained without that fold): page-level
cross-validation of the block model.

    python benchmarks/eval_structure.py tests/data/structure/pages.jsonl
    python benchmarks/eval_structure.py ../shared/data/structure/trafilatura_dev.jsonl --failures 5
    python benchmarks/eval_structure.py ../shared/data/structure/trafilatura_dev_html.jsonl.xz --part heldout
    python benchmarks/eval_structure.py ../shared/data/structure/trafilatura_dev_html.jsonl.xz --system trafilatura

Pages without a "lang" field are analysed with lang="auto" (presslens identifies each page's
language), or --lang guess (the script's own guess from common function words, as before), or
the --lang given.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from typing import Any, Dict, List, Optional, Sequence, Tuple

import presslens

FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "for"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich"},
    "fr": {"le", "la", "les", "et", "est", "des", "une", "dans"},
    "es": {"el", "los", "las", "y", "es", "una", "del", "por"},
}


def page_language(page: dict, text: str, default: str) -> str:
    """The page's own "lang", else: with --lang auto, "auto" (presslens identifies it); with
    --lang guess, the common-function-word guess this script used before presslens identified
    languages; else --lang."""
    if page.get("lang"):
        return str(page["lang"])
    if default == "guess":
        return guess_language(text, "en")
    return default


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
    """Analyzers by language; with a pack folder (e.g. a structure.model trained on some folds),
    every analyzer reads it, and "auto" identifies each page's language first, since an
    identifying analyzer cannot take a pack folder."""

    def __init__(self, pack_dir: Optional[str] = None) -> None:
        self._cache: Dict[str, Any] = {}
        self._pack_dir = pack_dir

    def __call__(self, lang: str) -> Any:
        if lang not in self._cache:
            if self._pack_dir is None:
                self._cache[lang] = presslens.Analyzer(lang)
            elif lang == "auto":
                self._cache[lang] = IdentifyingAnalyzer(self)
            else:
                self._cache[lang] = presslens.Analyzer(lang, pack_dir=self._pack_dir)
        return self._cache[lang]


class IdentifyingAnalyzer:
    def __init__(self, analyzers: Analyzers) -> None:
        self._identify = presslens.Analyzer("auto")
        self._analyzers = analyzers

    def analyze(self, source: str) -> presslens.Document:
        return self._analyzers(self._identify.analyze(source).lang).analyze(source)


def metadata_scores(doc: presslens.Document, page: dict, totals: Dict[str, List[bool]]) -> None:
    structure = doc.structure
    if page.get("title"):
        totals["title"].append(contains_either(structure.title.text if structure.title else None, page["title"]))
    gold_authors = page.get("authors") or ([a.strip() for a in page["author"].split(";")] if page.get("author") else [])
    if gold_authors:
        predicted = " ".join(a.text for a in structure.authors)
        totals["author"].append(any(contains_either(predicted, a) for a in gold_authors))
    elif "author" in page or "authors" in page:
        totals["authorless"].append(not structure.authors)
    if page.get("date"):
        totals["date"].append(structure.date_iso[:10] == page["date"][:10])


def evaluate_lines(pages: Sequence[dict], analyzers: Analyzers, default_lang: str, failures: int) -> None:
    per_role: Dict[str, List[bool]] = defaultdict(list)
    totals: Dict[str, List[bool]] = defaultdict(list)
    confusion: Counter = Counter()
    shown = 0
    for page in pages:
        lang = page_language(page, page["text"], default_lang)
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
        lang = page_language(page, page["text"], default_lang)
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
    print(f"pages: {len(pages)}")
    report_must(found, rejected, totals)


def report_must(found: List[bool], rejected: List[bool], totals: Dict[str, List[bool]]) -> None:
    recall = sum(found) / max(1, len(found))
    rejection = sum(rejected) / max(1, len(rejected))
    mean = 2 * recall * rejection / max(1e-9, recall + rejection)
    print(f"body recall: {sum(found)}/{len(found)} = {recall:.3f}")
    print(f"chrome rejection: {sum(rejected)}/{len(rejected)} = {rejection:.3f}")
    print(f"harmonic mean: {mean:.3f}")
    for name, flags in totals.items():
        print(f"{name} accuracy: {sum(flags)}/{len(flags)} = {sum(flags) / max(1, len(flags)):.3f}")


def squash(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_presslens(page: dict, analyzers: Analyzers, default_lang: str) -> Tuple[str, str, List[str], str]:
    """(body, title, authors, date) of an HTML page, by presslens."""
    html = page["html"]
    # The language from a first reading's text (the page's own lang attribute is often wrong).
    lang = page_language(page, analyzers("auto").analyze(html).text if default_lang == "guess" else "", default_lang)
    doc = analyzers(lang).analyze(html)
    metadata = doc.metadata or {}
    title = doc.structure.title.text if doc.structure.title else metadata.get("title", "")
    authors = [a.text for a in doc.structure.authors] + list(metadata.get("authors", []))
    body = "\n".join(p.text for p in doc.structure.body)
    return body, title, authors, doc.structure.date_iso


def read_trafilatura(page: dict) -> Tuple[str, str, List[str], str]:
    import trafilatura

    result = trafilatura.bare_extraction(page["html"], url=page.get("url"), with_metadata=True)
    if result is None:
        return "", "", [], ""
    data = result if isinstance(result, dict) else result.as_dict()
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return data.get("text") or "", data.get("title") or "", authors, data.get("date") or ""


def read_readability(page: dict) -> Tuple[str, str, List[str], str]:
    import lxml.html
    from readability import Document as ReadabilityDocument

    document = ReadabilityDocument(page["html"])
    summary = document.summary(html_partial=True)
    body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return body, document.short_title() or "", [], ""


def evaluate_html(pages: Sequence[dict], system: str, analyzers: Analyzers, default_lang: str, failures: int) -> None:
    found: List[bool] = []
    rejected: List[bool] = []
    totals: Dict[str, List[bool]] = defaultdict(list)
    shown = 0
    html_bytes = 0
    started = time.perf_counter()
    for page in pages:
        html_bytes += len(page["html"].encode("utf-8", "surrogatepass"))
        if system == "presslens":
            body, title, authors, date = read_presslens(page, analyzers, default_lang)
        elif system == "trafilatura":
            body, title, authors, date = read_trafilatura(page)
        else:
            body, title, authors, date = read_readability(page)
        body = squash(body)
        show = page.get("_development", True) and shown < failures
        for needle in page.get("body_must", []):
            ok = squash(needle) in body
            found.append(ok)
            if not ok and show:
                shown += 1
                print(f"--- {page['id']}: body text missed: {needle[:80]!r}")
        for needle in page.get("chrome_must", []):
            ok = squash(needle) not in body
            rejected.append(ok)
            if not ok and show:
                shown += 1
                print(f"--- {page['id']}: chrome kept in body: {needle[:80]!r}")
        if page.get("title"):
            totals["title"].append(contains_either(title, page["title"]))
        if page.get("author"):
            # Name by name: "Roland Brockmann" is right for "Von Roland Brockmann und Sebastian Drescher".
            gold = [a.strip() for a in page["author"].split(";")]
            totals["author"].append(any(contains_either(p, g) for p in authors for g in gold))
        elif "author" in page:
            totals["authorless"].append(not authors)
        if page.get("date"):
            totals["date"].append((date or "")[:10] == page["date"][:10])
    seconds = time.perf_counter() - started
    print(f"system: {system}; pages: {len(pages)}; {html_bytes / 1e6:.1f} MB of HTML in {seconds:.1f} s")
    report_must(found, rejected, totals)


def read_pages(source: str) -> List[dict]:
    opener = lzma.open if source.endswith(".xz") else open
    with opener(source, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle if line.strip()]


def select_part(pages: List[dict], part: str, fold: Optional[Tuple[int, int]] = None) -> List[dict]:
    """The held-out part (crc32(id) % 4 == 0), the development part, or all; `fold` (k, n) keeps
    the development pages of fold k of n ((crc32(id) // 4) % n == k), as tools/train_structure.py
    --leave-out k/n leaves them out of training."""
    for page in pages:
        page["_development"] = zlib.crc32(str(page.get("id", "")).encode()) % 4 != 0
    if fold is not None:
        k, n = fold
        return [p for p in pages if p["_development"] and zlib.crc32(str(p.get("id", "")).encode()) // 4 % n == k]
    if part == "all":
        return pages
    return [page for page in pages if page["_development"] == (part == "development")]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="auto",
                        help="language of pages without one: auto (presslens identifies it, the default), "
                             "guess (function words), or a code")
    parser.add_argument("--failures", type=int, default=0, help="print up to N errors (development part only)")
    parser.add_argument("--part", choices=("all", "development", "heldout"), default="all",
                        help="heldout: pages whose crc32(id) %% 4 == 0; development: the rest")
    parser.add_argument("--system", choices=("presslens", "trafilatura", "readability"), default="presslens",
                        help="who reads HTML pages (peers from PyPI)")
    parser.add_argument("--pack-dir", help="a language-pack folder every analyzer reads (e.g. a structure.model)")
    parser.add_argument("--fold", help="k/n: only the development pages of fold k of n (page-level cross-validation "
                                      "with tools/train_structure.py --leave-out k/n)")
    args = parser.parse_args(argv)
    analyzers = Analyzers(args.pack_dir)
    fold = tuple(int(x) for x in args.fold.split("/")) if args.fold else None
    for source in args.inputs:
        pages = select_part(read_pages(source), args.part, fold)  # type: ignore[arg-type]
        print(f"\n{source} ({args.part})")
        if pages and "html" in pages[0]:
            evaluate_html(pages, args.system, analyzers, args.lang, args.failures)
        elif pages and "lines" in pages[0]:
            evaluate_lines(pages, analyzers, args.lang, args.failures)
        else:
            evaluate_must(pages, analyzers, args.lang, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Trains the structure stage's block model that presslens ships (cpp/data/mul/structure.model).

    python tools/train_structure.py --shared ../shared/data/structure          # writes the model
    python tools/train_structure.py --shared ../shared/data/structure --check  # compares with it

Pages: the development part of the trafilatura evaluation pages (Barbaresi, ACL 2021), as scraped
text (trafilatura_dev.jsonl) and as HTML (trafilatura_dev_html.jsonl.xz), plus our own pages with
a role for every line (tests/data/structure/pages.jsonl). The held-out part (crc32(id) % 4 == 0,
the same split as benchmarks/eval_structure.py) never enters training, so the figures that script
reports on it are on pages the model never saw.

Each page is read as presslens reads it (lang="auto"); a paragraph is labelled body when a
`body_must` string lies in it (or the line's role is body) and chrome when a `chrome_must` string
does (or the role is boilerplate); paragraphs labelled both are left out.

The annotators' strings are few (about three of each per page) and not where errors are: body
strings come from inside the article, chrome strings from next to it, so a model trained on them
alone learns that the last paragraph before a "Most Read" box is a teaser. The other paragraphs
of the development pages are labelled by a teacher, trafilatura 2.3.1 (pip install
trafilatura==2.3.1; training only, not a dependency of presslens): a paragraph of 20 characters or
more is body when trafilatura's text of the page holds it, any paragraph is chrome when it does
not (short lines it holds are left unlabelled: "Home" is in every text). The teacher's labels
are trained on and never scored: the cross-validated figures count the annotators' labels only.
`--teacher none` trains on the annotators' labels alone.

The same file holds the title model for plain-text pages: for each scraped-text page, the lines
that hold its gold title (and not much more, or most of it) are the headline; the trainer learns
to pick one of them among the rules' candidates, and reads the pages again with its titles before
training the block model. It holds the date and author choosers too: on every page with chrome (text or HTML),
each short line that gives a date is a candidate, right when it gives the page's gold date, and
each short line that offers names (after a byline opener, as its first words, after a date),
right when one of them holds a gold author or is held by one (a page without gold authors
teaches the chooser to give none).

presslens's own C++ trainer (presslens._presslens.train_structure_model) computes each labelled
paragraph's features exactly as the structure stage does after its rules, trains an averaged
perceptron and calibrates its margins into probabilities on pages held out in turn (Platt
scaling). Deterministic: the same data, teacher and options give the same bytes. The trafilatura
pages belong to their publishers; only the trained weights ship (docs/structure.md).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
import time
import warnings
import zlib
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import presslens
from model_output import add_output_arguments, fold, write_or_check
from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
OWN_PAGES = ROOT / "tests" / "data" / "structure" / "pages.jsonl"
TRAFILATURA_VERSION = "2.3.1"
MIN_TEACHER_BODY_CHARS = 20


def held_out(page: dict) -> bool:
    """The split of benchmarks/eval_structure.py: a quarter of the pages, by id."""
    return zlib.crc32(str(page["id"]).encode("utf-8")) % 4 == 0


def in_fold(page: dict, fold: Optional[Tuple[int, int]]) -> bool:
    """Whether a development page is in fold k of n (eval_structure.py --fold k/n)."""
    if fold is None or "id" not in page:
        return False
    k, n = fold
    return zlib.crc32(str(page["id"]).encode("utf-8")) // 4 % n == k


def read_jsonl(path: Path) -> Iterator[dict]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def must_labels(doc: presslens.Document, page: dict) -> Dict[int, bool]:
    """Paragraph -> is body, from the page's body_must and chrome_must strings, found in the
    document's paragraphs joined by spaces with white space collapsed (the HTML file's strings are
    collapsed; a string may run over a line break)."""
    starts: List[int] = []
    parts: List[str] = []
    at = 0
    for paragraph in doc.paragraphs:
        starts.append(at)
        part = squeeze(paragraph.text)
        parts.append(part)
        at += len(part) + 1
    joined = " ".join(parts)
    labels: Dict[int, set] = {}

    def mark(needle: str, body: bool) -> None:
        needle = squeeze(needle)
        if not needle:
            return
        found = joined.find(needle)
        while found >= 0:
            first = max(i for i, s in enumerate(starts) if s <= found)
            last = max(i for i, s in enumerate(starts) if s < found + len(needle))
            for index in range(first, last + 1):
                labels.setdefault(index, set()).add(body)
            found = joined.find(needle, found + 1)

    for needle in page.get("body_must", []):
        mark(needle, True)
    for needle in page.get("chrome_must", []):
        mark(needle, False)
    return {index: next(iter(kinds)) for index, kinds in labels.items() if len(kinds) == 1}


def teacher_labels(doc: presslens.Document, extracted: str, labelled: Dict[int, bool]) -> Dict[int, bool]:
    """Paragraph -> is body, as the teacher's text of the page says, for paragraphs the annotators
    left unlabelled."""
    text = squeeze(extracted)
    labels: Dict[int, bool] = {}
    for index, paragraph in enumerate(doc.paragraphs):
        line = squeeze(paragraph.text)
        if index in labelled or not line:
            continue
        if line not in text:
            labels[index] = False
        elif len(line) >= MIN_TEACHER_BODY_CHARS:
            labels[index] = True
    return labels


def trafilatura_texts(shared: Path) -> Dict[str, str]:
    """The teacher's text of each development page, by id."""
    from importlib.metadata import version

    import trafilatura

    if version("trafilatura") != TRAFILATURA_VERSION:
        print(f"warning: trafilatura {version('trafilatura')}, not {TRAFILATURA_VERSION}: the model will differ", file=sys.stderr)
    texts: Dict[str, str] = {}
    for page in read_jsonl(shared / "trafilatura_dev_html.jsonl.xz"):
        if not held_out(page):
            texts[page["id"]] = trafilatura.extract(page["html"], url=page.get("url")) or ""
    return texts


def fold_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text.casefold())


def title_paragraphs(doc: presslens.Document, page: dict) -> List[int]:
    """The paragraphs that hold the page's headline: the title line of a page with roles; else a
    line that holds the gold title (and not much more) or most of it ("Headline | Outlet",
    "Headline" alone)."""
    if "lines" in page:
        titles = [fold_spaces(line["text"]) for line in page["lines"] if line["role"] == "title"]
        return [p.index for p in doc.paragraphs if fold_spaces(p.text) in titles]
    gold = fold_spaces(page.get("title") or "")
    if len(gold) < 3:
        return []
    found = []
    for paragraph in doc.paragraphs:
        line = fold_spaces(paragraph.text)
        if line and ((gold in line and len(line) <= 2 * len(gold) + 20) or (line in gold and len(line) >= 0.6 * len(gold))):
            found.append(paragraph.index)
    return found


def role_labels(doc: presslens.Document, page: dict) -> Dict[int, bool]:
    """Paragraph -> is body, from a page with a role for every line."""
    labels: Dict[int, bool] = {}
    cursor = 0
    for line in page["lines"]:
        at = doc.text.find(line["text"], cursor)
        if at < 0 or line["role"] not in ("body", "boilerplate"):
            continue
        cursor = at + len(line["text"])
        index = next((i for i, p in enumerate(doc.paragraphs) if p.start <= at < p.end), None)
        if index is not None:
            labels[index] = line["role"] == "body"
    return labels


def training_pages(shared: Path, teacher: Dict[str, str], leave_out: Optional[Tuple[int, int]]) -> Tuple[list, Dict[str, int]]:
    analyzers = {"text": presslens.Analyzer("auto", format="text"), "html": presslens.Analyzer("auto", format="html")}
    pages: list = []
    counts: Dict[str, int] = {}
    sources = [(shared / "trafilatura_dev.jsonl", "text", "text"), (shared / "trafilatura_dev_html.jsonl.xz", "html", "html"), (OWN_PAGES, "text", "text")]
    for path, field, form in sources:
        used = 0
        for page in read_jsonl(path):
            if "id" in page and (held_out(page) or in_fold(page, leave_out)):
                continue
            source = page[field]
            lang = page.get("lang") or "auto"
            doc = (analyzers[form] if lang == "auto" else presslens.Analyzer(lang, format=form)).analyze(source)
            labels = role_labels(doc, page) if "lines" in page else must_labels(doc, page)
            taught = teacher_labels(doc, teacher[page["id"]], labels) if page.get("id") in teacher else {}
            titles = title_paragraphs(doc, page) if form == "text" else []
            date = (page.get("date") or "")[:10]
            authors = page["authors"] if "authors" in page else [a.strip() for a in (page.get("author") or "").split(";") if a.strip()]
            if labels or titles or date or authors:
                group = page.get("id", "")  # a page as text and as HTML share a fold
                pages.append((source, form, doc.lang, sorted(labels.items()), sorted(taught.items()), titles, date, authors, group))
                used += 1
        counts[path.name] = used
    return pages, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, required=True, help="folder with trafilatura_dev.jsonl and trafilatura_dev_html.jsonl.xz")
    parser.add_argument("--teacher", choices=["trafilatura", "none"], default="trafilatura")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--gold-weight", type=int, default=5, help="an annotator's label counts as this many of the teacher's (default 5, chosen by page-level cross-validation)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    add_output_arguments(parser, ROOT / "cpp" / "data" / "mul" / "structure.model", "pages")
    args = parser.parse_args()

    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", presslens.UnsupportedLanguageWarning)
        teacher = trafilatura_texts(args.shared) if args.teacher == "trafilatura" else {}
        pages, counts = training_pages(args.shared, teacher, fold(args.leave_out))
    result = _presslens.train_structure_model(pages, args.epochs, args.folds, args.seed, args.gold_weight)
    print("pages: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    print(f"titles: {result['title_pages']} plain-text pages with the headline among the candidates; cross-validated "
          f"share chosen right: title model {result['cv_title_accuracy']:.3f}, rules alone {result['cv_rule_title_accuracy']:.3f}")
    print(f"dates: {result['date_pages']} pages with chrome whose date is among their dated lines; cross-validated "
          f"share chosen right: date chooser {result['cv_date_accuracy']:.3f}, rules alone {result['cv_rule_date_accuracy']:.3f}")
    print(f"authors: {result['author_pages']} pages with chrome and gold authors; cross-validated share given a right author: "
          f"author chooser {result['cv_author_accuracy']:.3f}, rules alone {result['cv_rule_author_accuracy']:.3f}; "
          f"pages without gold authors given some: {result['cv_unauthored_given_authors']:.3f}")
    print(f"labelled paragraphs: {result['lines']} by the annotators, {result['teacher_lines']} by the teacher; {args.folds}-fold cross-validated accuracy: "
          f"block model {result['cv_accuracy']:.3f}, its first pass alone {result['cv_first_pass_accuracy']:.3f}, rules alone {result['cv_rule_accuracy']:.3f}; log loss {result['cv_log_loss']:.3f}")
    return write_or_check(result["model"], args.out, args.check, started)


if __name__ == "__main__":
    sys.exit(main())

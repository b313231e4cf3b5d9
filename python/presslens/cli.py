"""The ``presslens`` command line."""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
from contextlib import nullcontext
from typing import BinaryIO, Iterator, List, Optional, TextIO, Tuple

from . import __version__, samples
from .analyzer import Analyzer, TextLike
from .corpus import Corpus
from .document import Document, Quote
from .errors import PresslensError

# How many unpaired quotation marks the report shows with their context.
_UNPAIRED_SHOWN = 5

__all__ = ["main"]


class _Inputs:
    """The analysed inputs of a command, streamed through ``Analyzer.pipe``. An input is a file, a
    directory (its ``*.txt`` and ``*.jsonl`` files, recursively, in name order), ``-`` for standard
    input, or the bundled sample; ``*.jsonl`` files (and every input under ``--jsonl``) hold one
    article per line as ``{"id": ..., "text": ...}``. Inputs that fail are reported on stderr and
    skipped, and ``failed`` remembers that one did."""

    def __init__(self, args: argparse.Namespace, analyzer: Analyzer) -> None:
        self.args = args
        self.analyzer = analyzer
        self.failed = False

    @property
    def single(self) -> bool:
        """Whether the inputs are one article (one plain file, or the sample alone)."""
        args = self.args
        if args.sample:
            return not args.files
        return len(args.files) == 1 and not args.jsonl and not (
            os.path.isdir(args.files[0]) or args.files[0].endswith(".jsonl")
        )

    def _fail(self, name: str, error: object) -> None:
        print(f"presslens: {name}: {error}", file=sys.stderr)
        self.failed = True

    def _files(self) -> Iterator[str]:
        for path in self.args.files:
            if os.path.isdir(path):
                found = []
                for folder, _, names in os.walk(path):
                    found += [
                        os.path.join(folder, n) for n in names if n.endswith((".txt", ".jsonl", ".html", ".htm"))
                    ]
                yield from sorted(found)
            else:
                yield path

    def _jsonl(self, name: str, handle: BinaryIO) -> Iterator[Tuple[TextLike, str]]:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError) as error:
                self._fail(where, f'not a JSON object with a "text" field ({error})')
                continue
            if not isinstance(text, str):
                self._fail(where, f'"text" is {type(text).__name__}, not a string')
                continue
            yield text, str(record["id"]) if record.get("id") is not None else where

    def _texts(self) -> Iterator[Tuple[TextLike, str]]:
        """(text, name) of each input, read lazily."""
        if self.args.sample:
            with open(samples.path(), "rb") as handle:
                yield handle.read(), "sample:" + samples.DEFAULT
        for path in self._files():
            as_jsonl = self.args.jsonl or path.endswith(".jsonl")
            name = "<stdin>" if path == "-" else path
            try:
                with open(path, "rb") if path != "-" else nullcontext(sys.stdin.buffer) as handle:
                    if as_jsonl:
                        yield from self._jsonl(name, handle)
                    else:
                        yield handle.read(), name
            except OSError as error:
                self._fail(name, error.strerror or error)

    def _show_progress(self) -> bool:
        if self.args.progress is not None:
            return bool(self.args.progress)
        many = len(self.args.files) + self.args.sample > 1 or self.args.jsonl or any(
            os.path.isdir(p) or p.endswith(".jsonl") for p in self.args.files
        )
        return bool(many and sys.stderr.isatty())

    def __iter__(self) -> Iterator[Tuple[str, Document]]:
        for doc, name in self.analyzer.pipe(
            self._texts(),
            threads=self.args.threads,
            as_tuples=True,
            progress=self._show_progress(),
            on_error=self._fail,
        ):
            yield name, doc


def _missing_inputs(args: argparse.Namespace) -> bool:
    if args.files or args.sample:
        return False
    print(f"presslens {args.command}: name FILE(s), '-' for standard input, or --sample", file=sys.stderr)
    return True


def _identified(doc: Document) -> str:
    if doc.lang_confidence is None:
        return ""
    return f" (identified, {doc.lang_confidence:.2f}{'' if doc.lang_supported else ', no pack'})"


def _write_text_report(name: str, doc: Document, out: TextIO) -> None:
    structure = doc.structure
    out.write(f"== {name}\n")
    out.write(
        f"language {doc.lang}{_identified(doc)} · {len(doc.text):,} characters · "
        f"{len(structure.body)} body paragraphs · {len(doc.sentences)} sentences"
    )
    if doc.replacements:
        out.write(f" · {doc.replacements} invalid UTF-8 sequences replaced by U+FFFD")
    if doc.source_format == "html":
        site = (doc.metadata or {}).get("site_name")
        out.write(" · read from HTML" + (f" ({site})" if site else ""))
    out.write("\n\n")
    def chosen_by(source: Optional[str]) -> str:  # "markup", "model" or "rules"
        return f"  ({source})" if source else ""

    out.write(f"Title    {structure.title.text if structure.title else '-'}{chosen_by(structure.title_source)}\n")
    out.write(f"Authors  {', '.join(a.text for a in structure.authors) or '-'}{chosen_by(structure.author_source)}\n")
    out.write(f"Date     {structure.date_iso or '-'}{chosen_by(structure.date_source)}\n")
    for paragraph in structure.bio:
        out.write(f"Bio      {paragraph.text}\n")
    if structure.boilerplate:
        out.write(f"\nBoilerplate ({len(structure.boilerplate)} lines left out of every count)\n")
        for line in structure.boilerplate:
            out.write(f"  [{line.reason}] {line.text[:100]}\n")
    phrases = doc.keyphrases(10)
    if phrases:
        out.write("\nKeyphrases  " + " · ".join(k.text for k in phrases) + "\n")
        out.write("Top terms   " + " · ".join(f"{k.text} ({k.count})" for k in doc.keywords(10)) + "\n")
    speakers = doc.speakers(include_stances=True)
    if doc.quotes:
        out.write(f"\nQuotes ({len(doc.quotes)}) by speaker\n")
        for name, quotes in speakers.items():
            kind = quotes[0].speaker_type if quotes[0].speaker_name else ""
            out.write(f"  {name}" + (f" ({kind})" if kind and kind != "unknown" else "") + "\n")
            for quote in quotes:
                out.write(f"    [{quote.kind}] {_quoted_words(quote)}\n")
        others = [q for q in doc.quotes if q.speaker is None or not q.speaker_key]
        if others:
            out.write("  (no speaker)\n")
            for quote in others:
                out.write(f"    [{quote.kind}] {_quoted_words(quote)}\n")
    unpaired = doc.unpaired_quote_marks
    if unpaired:
        # Marks that open or close no quote: a quote may be missing or cut short around them.
        out.write(f"\nUnpaired quotation marks ({len(unpaired)}), each with the text around it\n")
        for at in unpaired[:_UNPAIRED_SHOWN]:
            around = doc.text[max(0, at - 30) : at + 31].replace("\n", " ")
            out.write(f"  at {at}: …{around}…\n")
        if len(unpaired) > _UNPAIRED_SHOWN:
            out.write(f"  and {len(unpaired) - _UNPAIRED_SHOWN} more\n")
    if doc.claims:
        worthy = sum(c.check_worthy for c in doc.claims)
        out.write(f"\nClaims ({len(doc.claims)}; {worthy} of them check-worthy, marked *), by check-worthiness\n")
        for claim in doc.claims:
            kinds = ", ".join(sorted(claim.kinds)) or "-"
            whose = f" [{claim.speaker.text}]" if claim.speaker else ""
            mark = "*" if claim.check_worthy else " "
            out.write(f"  {claim.score:.2f}{mark} ({kinds}){whose} {claim.text}\n")
    out.write("\nSentences\n")
    width = len(str(len(doc.sentences)))
    for sentence in doc.sentences:
        out.write(f"  {sentence.index + 1:>{width}}. [¶{sentence.paragraph + 1}] {sentence.text}\n")
    out.write("\n")


def _analyze_command(args: argparse.Namespace) -> int:
    if _missing_inputs(args):
        return 2
    inputs = _Inputs(
        args,
        Analyzer(args.lang, errors=args.errors, detect_structure=not args.all_body, format=args.input),
    )
    if args.format == "html":  # one page for all the articles
        sys.stdout.write(
            f'<!DOCTYPE html>\n<html lang="{html.escape("mul" if args.lang == "auto" else args.lang)}">\n<head><meta charset="utf-8">'
            "<title>presslens</title></head>\n<body>\n"
        )
    for name, doc in inputs:
        if args.format == "text":
            _write_text_report(name, doc, sys.stdout)
        elif args.format == "html":
            from .display import render

            sys.stdout.write(render(doc) + "\n")
        elif args.format == "conllu":
            if not doc.has_syntax:
                print(f"presslens: {name}: no syntax model for '{doc.lang}'", file=sys.stderr)
                inputs.failed = True
                continue
            sys.stdout.write(doc.to_conllu(source=name))
        else:
            keyphrases = [k.to_dict() for k in doc.keyphrases(10)]
            record = {"source": name, **doc.to_dict(), "keyphrases": keyphrases,
                      "unpaired_quote_marks": doc.unpaired_quote_marks}
            indent = 2 if args.format == "json" else None
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    if args.format == "html":
        sys.stdout.write("</body>\n</html>\n")
    return 1 if inputs.failed else 0


def _keywords_command(args: argparse.Namespace) -> int:
    if _missing_inputs(args):
        return 2
    analyzer = Analyzer(args.lang, errors=args.errors, format=args.input)
    corpus = Corpus(analyzer, ngrams=(args.min_words, args.max_words), stem=not args.no_stem)
    inputs = _Inputs(args, analyzer)
    for name, doc in inputs:
        corpus.add(doc)
        if args.per_file or inputs.single:
            phrases = doc.keyphrases(args.top)
            terms = doc.keywords(args.top, (args.min_words, args.max_words), not args.no_stem)
            if args.format == "text":
                sys.stdout.write(f"== {name}\nKeyphrases\n")
                for rank, k in enumerate(phrases, 1):
                    sys.stdout.write(f"  {rank:>3}. {k.text}  (score {k.score:.1f}, {k.count}x)\n")
                sys.stdout.write("Terms\n")
                for k in terms:
                    sys.stdout.write(f"  {k.count:>6}  {k.text}\n")
                sys.stdout.write("\n")
            else:
                record = {
                    "source": name,
                    "keyphrases": [k.to_dict() for k in phrases],
                    "keywords": [k.to_dict() for k in terms],
                }
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if corpus.documents > 1:
        top = corpus.top(args.top)
        if args.format == "text":
            sys.stdout.write(f"== corpus of {corpus.documents} documents\n")
            sys.stdout.write(f"  {'count':>8} {'docs':>6}  term\n")
            for t in top:
                sys.stdout.write(f"  {t.count:>8} {t.documents:>6}  {t.text}\n")
        else:
            record = {"corpus": corpus.documents, "terms": [t.to_dict() for t in top]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if inputs.failed else 0


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files or saved web pages, folders of them (*.txt, *.jsonl, *.html, *.htm), or '-' for standard input",
    )
    command.add_argument(
        "--jsonl", action="store_true", help='every input holds {"id", "text"} lines (as *.jsonl do)'
    )
    command.add_argument(
        "--threads", type=int, default=0, help="worker threads (default 0: one per core)"
    )
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress on stderr (default: for many inputs, when stderr is a terminal)",
    )
    command.add_argument(
        "--input",
        choices=["auto", "text", "html"],
        default="auto",
        help="what inputs are: text, HTML pages, or auto (HTML when a text opens like a page: the default)",
    )
    command.add_argument("--sample", action="store_true", help="the bundled sample article")
    command.add_argument(
        "--lang",
        default="auto",
        help="BCP 47 language code, or auto: identify each text's language (the default)",
    )
    command.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="invalid UTF-8: fail (strict) or replace with U+FFFD",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens", description="Read news and opinion articles the way an analyst does."
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse articles and print a report")
    _add_input_options(analyze)
    analyze.add_argument("--format", choices=["text", "json", "jsonl", "html", "conllu"], default="text")
    analyze.add_argument(
        "--all-body", action="store_true", help="treat every paragraph as article body (clean text)"
    )
    analyze.set_defaults(run=_analyze_command)
    keywords = commands.add_parser(
        "keywords", help="keyphrases and term counts per article, and over all the articles"
    )
    _add_input_options(keywords)
    keywords.add_argument("--top", type=int, default=20, help="how many (default 20)")
    keywords.add_argument("--min-words", type=int, default=1)
    keywords.add_argument("--max-words", type=int, default=3)
    keywords.add_argument("--no-stem", action="store_true", help="count words unstemmed")
    keywords.add_argument("--per-file", action="store_true", help="also list each file's own")
    keywords.add_argument("--format", choices=["text", "jsonl"], default="text")
    keywords.set_defaults(run=_keywords_command)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (OSError, PresslensError) as error:
        print(f"presslens: {error}", file=sys.stderr)
        return 1


def _quoted_words(quote: Quote) -> str:
    """The quote's words, its parts joined by an ellipsis ("A, … B.")."""
    return " … ".join(part.text for part in quote.parts)


if __name__ == "__main__":
    sys.exit(main())

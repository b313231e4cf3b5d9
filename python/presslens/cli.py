"""The ``presslens`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator, List, Optional, TextIO, Tuple

from . import __version__, samples
from .analyzer import Analyzer
from .document import Document
from .errors import PresslensError

__all__ = ["main"]


def _read_inputs(paths: List[str], use_sample: bool) -> Iterator[Tuple[str, bytes]]:
    """(name, UTF-8 bytes) of each input: files, '-' for standard input, or the sample."""
    if use_sample:
        with open(samples.path(), "rb") as handle:
            yield "sample:" + samples.DEFAULT, handle.read()
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                yield path, handle.read()


def _write_text_report(name: str, doc: Document, out: TextIO) -> None:
    structure = doc.structure
    out.write(f"== {name}\n")
    out.write(
        f"language {doc.lang} · {len(doc.text):,} characters · "
        f"{len(structure.body)} body paragraphs · {len(doc.sentences)} sentences"
    )
    if doc.replacements:
        out.write(f" · {doc.replacements} invalid UTF-8 sequences replaced by U+FFFD")
    out.write("\n\n")
    out.write(f"Title    {structure.title.text if structure.title else '-'}\n")
    out.write(f"Authors  {', '.join(a.text for a in structure.authors) or '-'}\n")
    out.write(f"Date     {structure.date_iso or '-'}\n")
    for paragraph in structure.bio:
        out.write(f"Bio      {paragraph.text}\n")
    if structure.boilerplate:
        out.write(f"\nBoilerplate ({len(structure.boilerplate)} lines left out of every count)\n")
        for line in structure.boilerplate:
            out.write(f"  [{line.reason}] {line.text[:100]}\n")
    out.write("\nSentences\n")
    width = len(str(len(doc.sentences)))
    for sentence in doc.sentences:
        out.write(f"  {sentence.index + 1:>{width}}. [¶{sentence.paragraph + 1}] {sentence.text}\n")
    out.write("\n")


def _analyze_command(args: argparse.Namespace) -> int:
    if not args.files and not args.sample:
        print("presslens analyze: name FILE(s), '-' for standard input, or --sample", file=sys.stderr)
        return 2
    analyzer = Analyzer(args.lang, errors=args.errors, detect_structure=not args.all_body)
    status = 0
    for name, data in _read_inputs(args.files, args.sample):
        try:
            doc = analyzer.analyze(data)
        except PresslensError as error:
            print(f"presslens: {name}: {error}", file=sys.stderr)
            status = 1
            continue
        if args.format == "text":
            _write_text_report(name, doc, sys.stdout)
        else:
            record = {"source": name, **doc.to_dict()}
            indent = 2 if args.format == "json" else None
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens", description="Read news and opinion articles the way an analyst does."
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse articles and print a report")
    analyze.add_argument("files", nargs="*", metavar="FILE", help="article files ('-': stdin)")
    analyze.add_argument("--sample", action="store_true", help="analyse the bundled sample article")
    analyze.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    analyze.add_argument("--lang", default="en", help="BCP 47 language code (default: en)")
    analyze.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="invalid UTF-8: fail (strict) or replace with U+FFFD",
    )
    analyze.add_argument(
        "--all-body", action="store_true", help="treat every paragraph as article body (clean text)"
    )
    analyze.set_defaults(run=_analyze_command)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (OSError, PresslensError) as error:
        print(f"presslens: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

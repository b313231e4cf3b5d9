"""Time and peak memory of `analyze_frame` over many sample-sized articles, as an analyst runs it
in a notebook: `python benchmarks/bench_frame.py [--articles 10000] [--threads 1 2]`.

The articles are the bundled samples (the collection and the default sample) repeated, each copy
made distinct by a number so no cache can help. Each thread count runs in a fresh process, so its
peak resident memory (`VmHWM`) is its own. Beside each run: the C++ analysis alone of the same
texts on the same threads (measured after the tables, so the peak is the tables' own) and the
tables' size in memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from timing import peak_rss_mib


def _articles(count: int) -> list:
    from presslens import samples

    texts = [samples.read()] + [article["text"] for article in samples.collection()]
    return [f"{texts[i % len(texts)]}\n\nArticle {i}." for i in range(count)]


def _run(count: int, threads: int) -> dict:
    import pandas

    import presslens

    frame = pandas.DataFrame({"id": range(count), "text": _articles(count)})
    megabytes = sum(len(t.encode("utf-8")) for t in frame["text"]) / 1e6
    baseline = peak_rss_mib()
    start = time.perf_counter()
    tables = presslens.analyze_frame(frame, "text", "id", threads=threads)
    seconds = time.perf_counter() - start
    peak = peak_rss_mib()
    table_mib = sum(t.memory_usage(deep=True).sum() for t in tables.values()) / 2**20
    return {
        "articles": count,
        "threads": threads,
        "megabytes": round(megabytes, 1),
        "seconds": round(seconds, 2),
        "analysis_seconds": round(_analysis_seconds(frame["text"], threads), 2),
        "rows": {name: len(table) for name, table in tables.items()},
        "peak_mib": round(peak),
        "before_mib": round(baseline),
        "table_mib": round(table_mib),
    }


def _analysis_seconds(texts: list, threads: int) -> float:
    """The C++ analysis alone of the same texts (every stage, documents dropped batch by batch):
    what the tables cost beyond it is the Python side's share."""
    import presslens

    core = presslens.Analyzer("auto")._core
    data = [text.encode("utf-8") for text in texts]
    start = time.perf_counter()
    for begin in range(0, len(data), 512):
        core.analyze_batch(data[begin : begin + 512], threads)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(_run(args.articles, args.child)))
        return
    print(f"{'articles':>9} {'MB':>6} {'threads':>8} {'seconds':>8} {'articles/s':>11} "
          f"{'C++ analysis s':>15} {'peak MiB':>9} {'(before)':>9} {'tables MiB':>11}")
    for threads in args.threads:
        output = subprocess.run(
            [sys.executable, __file__, "--articles", str(args.articles), "--child", str(threads)],
            check=True, capture_output=True, text=True,
        ).stdout
        r = json.loads(output)
        print(f"{r['articles']:>9,} {r['megabytes']:>6} {r['threads']:>8} {r['seconds']:>8} "
              f"{r['articles'] / r['seconds']:>11,.0f} {r['analysis_seconds']:>15} "
              f"{r['peak_mib']:>9} {r['before_mib']:>9} {r['table_mib']:>11}")
    print("rows:", r["rows"])


if __name__ == "__main__":
    main()

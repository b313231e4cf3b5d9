"""What the peer benchmarks share: the text, the tools, timing a run and printing the table."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar, Union

from presslens import samples

Data = TypeVar("Data", str, List[str])
Run = Callable[[Any], object]


@dataclass(frozen=True)
class Tool:
    """A tool to time. `make` imports and sets it up, raising ImportError (or OSError, for a wheel
    whose native library does not load) when it is not installed; what it returns is timed."""

    name: str
    make: Callable[[], Run]
    package: str = ""  # what to pip install, when it is not in the standard library
    slow: bool = False  # run once on a smaller sample


def installed(tools: Sequence[Tool]) -> List[Tuple[Tool, Run]]:
    """The tools that are installed, set up; a line for each one that is skipped."""
    found: List[Tuple[Tool, Run]] = []
    for tool in tools:
        try:
            found.append((tool, tool.make()))
        except (ImportError, OSError) as error:
            print(f"skipped {tool.name}: {error} (pip install {tool.package})")
    return found


def news_articles(megabytes: float) -> List[str]:
    """The bundled English sample articles repeated, article by article, to `megabytes`."""
    pieces = [samples.read(name) for name in samples.names()]
    pieces += [article["text"] for article in samples.collection() if article["lang"] == "en"]
    out: List[str] = []
    size = 0
    while size < megabytes * 1e6:
        for piece in pieces:
            out.append(piece)
            size += len(piece.encode("utf-8"))
    return out


def leading(articles: List[str], kilobytes: float) -> List[str]:
    """The first articles, up to about `kilobytes`: the sample for slow tools."""
    out: List[str] = []
    for article in articles:
        if size_in_bytes(out) >= kilobytes * 1000:
            break
        out.append(article)
    return out


def size_in_bytes(data: Union[str, Sequence[str]]) -> int:
    texts = [data] if isinstance(data, str) else data
    return sum(len(t.encode("utf-8")) for t in texts)


def throughput(run: Callable[[Data], object], data: Data, repeat: int = 3) -> float:
    """MB/s of the best of `repeat` runs of run(data)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(data)
        best = min(best, time.perf_counter() - start)
    return size_in_bytes(data) / best / 1e6


def table(
    rows: Dict[str, float], reference: str = "", peaks: Optional[Dict[str, float]] = None
) -> List[List[str]]:
    """The header and one line of cells per tool, fastest first: MB/s, the ratio of `reference`
    to the tool when given, and peak memory in MiB when `peaks` are given."""
    header = ["tool", "MB/s"] + ([f"{reference} / tool"] if reference else [])
    header += ["peak MiB"] if peaks is not None else []
    lines = [header]
    for name, mbps in sorted(rows.items(), key=lambda item: -item[1]):
        # Three significant figures: slow peers run at hundredths of a MB/s.
        speed = f"{mbps:.3g}" if mbps < 1000 else f"{mbps:.0f}"
        cells = [name, speed] + ([f"{rows[reference] / mbps:.1f}x"] if reference else [])
        if peaks is not None:
            cells.append(f"{peaks[name]:.0f}" if name in peaks else "-")
        lines.append(cells)
    return lines


def print_table(
    rows: Dict[str, float], reference: str = "", peaks: Optional[Dict[str, float]] = None
) -> None:
    """Tools by speed, fastest first, with each one's ratio to `reference` when given."""
    lines = table(rows, reference, peaks)
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    for line in lines:
        first, *numbers = line
        right = "".join(f"{cells:>{width + 4}}" for cells, width in zip(numbers, widths[1:]))
        print(f"{first:<{widths[0] + 2}}{right}")


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child
    # would start from its parent's peak and hide its own below it.
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024

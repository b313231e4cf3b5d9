"""What the peer benchmarks share: timing a run and printing the table."""

from __future__ import annotations

import time
from typing import Callable, Dict, List, Sequence, TypeVar, Union

Data = TypeVar("Data", str, List[str])


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


def print_table(rows: Dict[str, float], reference: str = "") -> None:
    """Tools by speed, fastest first, with each one's ratio to `reference` when given."""
    ratio_header = f"{reference + ' / tool':>34}" if reference else ""
    print(f"{'tool':<42}{'MB/s':>10}{ratio_header}")
    for name, mbps in sorted(rows.items(), key=lambda item: -item[1]):
        ratio = f"{rows[reference] / mbps:>33.1f}x" if reference else ""
        print(f"{name:<42}{mbps:>10.2f}{ratio}")

"""Progress bars for long batches: tqdm when it is installed (its notebook widget in Jupyter), else
a plain line on stderr. Both are only ever created on request (``progress=True``)."""

from __future__ import annotations

import sys
import time
import warnings
from typing import Any, Optional, TextIO

__all__ = ["ProgressBar", "progress_bar"]


class ProgressBar:
    """A plain progress line on ``stream``, rewritten at most every ``interval`` seconds: the count,
    the total when it is known, and the rate."""

    def __init__(
        self,
        total: Optional[int],
        desc: str = "presslens",
        stream: Optional[TextIO] = None, interval: float = 0.5
    ) -> None:
        self.total = total
        self.desc = desc
        self.count = 0
        self._stream = stream if stream is not None else sys.stderr
        self._interval = interval
        self._started = time.monotonic()
        self._shown = 0.0

    def update(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if now - self._shown >= self._interval:
            self._shown = now
            self._show(now, end="\r")

    def close(self) -> None:
        self._show(time.monotonic(), end="\n")

    def _show(self, now: float, end: str) -> None:
        elapsed = max(now - self._started, 1e-9)
        of_total = f"/{self.total:,}" if self.total is not None else ""
        self._stream.write(
            f"{self.desc}: {self.count:,}{of_total} documents, {self.count / elapsed:,.0f}/s{end}"
        )
        self._stream.flush()


def progress_bar(total: Optional[int], desc: str = "presslens") -> Any:
    """A progress bar with ``update(n)`` and ``close()``: tqdm's when tqdm is installed."""
    try:
        with warnings.catch_warnings():
            # Without ipywidgets, tqdm.auto warns in Jupyter and falls back to its text bar: fine.
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm
    except ImportError:
        return ProgressBar(total, desc)
    return tqdm(total=total, desc=desc, unit="doc")

"""The tour notebook runs from top to bottom without an error (nbclient, a real kernel)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

TOUR = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "tour.ipynb"


def test_tour_notebook_executes_without_errors(tmp_path: Path) -> None:
    notebook = nbformat.read(TOUR, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) == 2  # the keyword trend and the claims by kind
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any(re.search(r'class="[^"]*\bpl-speaker\b', page) for page in html)  # the article

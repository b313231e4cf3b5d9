"""The rendered article in a real browser: headless Chromium (Debian's `chromium`) takes a
screenshot of `render(doc)`, which must show the article, not a blank page. With
PRESSLENS_UPDATE_SCREENSHOT=1 the screenshot also replaces the one the README shows
(docs/images/rendered-article.png)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import presslens
from presslens import samples
from presslens.display import render

README_IMAGE = Path(__file__).resolve().parents[2] / "docs" / "images" / "rendered-article.png"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("CI must have headless Chromium (tools/setup.sh installs Debian's chromium)")
    pytest.skip("no Chromium installed")


def test_rendered_article_screenshot_is_not_blank(tmp_path: Path) -> None:
    image = pytest.importorskip("matplotlib.image")
    page = tmp_path / "article.html"
    page.write_text(render(presslens.analyze(samples.read())), encoding="utf-8")
    shot = tmp_path / "article.png"
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},  # Chromium writes its profile under HOME
    )
    pixels = image.imread(shot)[:, :, :3]
    assert pixels.shape[:2] == (1400, 1000)
    ink = (pixels.max(axis=2) - pixels.min(axis=2) > 0.15) | (pixels.mean(axis=2) < 0.6)
    assert ink.mean() > 0.02, "the screenshot is (almost) blank"
    # Highlights are coloured: quotes, speakers and claims, not only black text on white.
    coloured = (pixels.max(axis=2) - pixels.min(axis=2)) > 0.08
    assert coloured.mean() > 0.01, "no highlighted spans in the screenshot"
    if os.environ.get("PRESSLENS_UPDATE_SCREENSHOT") == "1":
        README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, README_IMAGE)

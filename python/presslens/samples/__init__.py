"""Sample articles written for presslens (original texts, free to use in tests and examples)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Dict, List

__all__ = ["collection", "names", "page", "page_path", "path", "read"]

DEFAULT = "harbour-city-heat"
PAGE = "coast-courier-page"


def names() -> List[str]:
    """The names of the bundled sample articles."""
    folder = resources.files(__name__)
    return sorted(entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".txt"))


def path(name: str = DEFAULT) -> str:
    """The file system path of sample ``name``."""
    if name not in names():
        raise KeyError(f"no sample named {name!r}; samples: {', '.join(names())}")
    return str(resources.files(__name__).joinpath(name + ".txt"))


def read(name: str = DEFAULT) -> str:
    """The text of sample ``name``."""
    with open(path(name), encoding="utf-8") as handle:
        return handle.read()


def page_path() -> str:
    """The file system path of the bundled web page: a news article on a fictional outlet's site,
    saved as HTML with its menus, share bar, related links, comments and footer."""
    return str(resources.files(__name__).joinpath(PAGE + ".html"))


def page() -> str:
    """The bundled web page's HTML (see :func:`page_path`)."""
    with open(page_path(), encoding="utf-8") as handle:
        return handle.read()


def collection() -> List[Dict[str, Any]]:
    """A small collection of sample articles as scraped from fictional outlets (several outlets,
    dates through 2026 and six languages, on shared stories with recurring speakers), for tours
    and tests: one dict per article with ``id``, ``outlet``, ``date`` (ISO), ``lang``,
    ``section`` and ``text``, in date order."""
    folder = resources.files(__name__).joinpath("collection")
    articles = json.loads(folder.joinpath("index.json").read_text(encoding="utf-8"))
    for article in articles:
        article["text"] = folder.joinpath(article["id"] + ".txt").read_text(encoding="utf-8")
    return articles

"""Sample articles written for presslens (original texts, free to use in tests and examples)."""

from __future__ import annotations

from importlib import resources
from typing import List

__all__ = ["names", "path", "read"]

DEFAULT = "harbour-city-heat"


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

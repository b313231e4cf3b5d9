"""presslens: reads news and opinion articles the way an analyst does.

>>> import presslens
>>> doc = presslens.analyze("The minister spoke. Nobody listened.")
>>> [s.text for s in doc.sentences]
['The minister spoke.', 'Nobody listened.']
"""

from __future__ import annotations

from ._presslens import __version__
from .analyzer import Analyzer, TextLike, analyze, builtin_languages
from .document import Boilerplate, Document, Paragraph, Sentence, Span, Structure
from .errors import (
    InvalidArgumentError,
    InvalidTextError,
    LanguagePackError,
    PresslensError,
)

__all__ = [
    "__version__",
    "Analyzer",
    "Boilerplate",
    "Document",
    "InvalidArgumentError",
    "InvalidTextError",
    "LanguagePackError",
    "Paragraph",
    "PresslensError",
    "Sentence",
    "Span",
    "Structure",
    "TextLike",
    "analyze",
    "builtin_languages",
]

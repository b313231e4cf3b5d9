"""presslens: reads news and opinion articles the way an analyst does.

>>> import presslens
>>> doc = presslens.analyze("The minister spoke. Nobody listened.")
>>> [s.text for s in doc.sentences]
['The minister spoke.', 'Nobody listened.']
"""

from __future__ import annotations

from ._presslens import __version__
from .analyzer import Analyzer, TextLike, analyze, builtin_languages, identify_language, rank_languages
from .corpus import Corpus, TermStats
from .frames import analyze_frame
from .document import (
    Boilerplate,
    Claim,
    Document,
    Keyword,
    Paragraph,
    ParsedWord,
    Phrase,
    Quote,
    Sentence,
    Span,
    Structure,
    Token,
    Word,
)
from .errors import (
    InvalidArgumentError,
    InvalidTextError,
    LanguagePackError,
    PresslensError,
    UnsupportedLanguageWarning,
)

__all__ = [
    "__version__",
    "Analyzer",
    "Boilerplate",
    "Claim",
    "Corpus",
    "Document",
    "InvalidArgumentError",
    "InvalidTextError",
    "Keyword",
    "LanguagePackError",
    "Paragraph",
    "ParsedWord",
    "Phrase",
    "PresslensError",
    "Quote",
    "Sentence",
    "Span",
    "Structure",
    "TermStats",
    "TextLike",
    "Token",
    "UnsupportedLanguageWarning",
    "Word",
    "analyze",
    "analyze_frame",
    "builtin_languages",
    "identify_language",
    "rank_languages",
]

"""Exceptions raised by presslens.

Every error is a :class:`PresslensError` carrying ``code`` (the C++ ``presslens::ErrorCode``) and,
where the fault has a position, ``byte_offset`` (in the UTF-8 input). Errors about text are also
:class:`ValueError`, so ``except ValueError`` catches them.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "PresslensError",
    "InvalidTextError",
    "InvalidArgumentError",
    "LanguagePackError",
    "UnsupportedLanguageWarning",
]


class PresslensError(Exception):
    """Base class of every presslens error."""

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        byte_offset: Optional[int] = None,
        fault: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.byte_offset = byte_offset
        self.fault = fault


class InvalidTextError(PresslensError, ValueError):
    """The text cannot be analysed as given: ill-formed UTF-8 bytes or a lone surrogate.

    ``index`` is the position of the fault in the input as the caller indexes it: a code-point
    index into a ``str``, a byte index into ``bytes``. ``byte_offset`` is the byte offset in the
    UTF-8 form, and ``fault`` says what is wrong.
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        byte_offset: Optional[int] = None,
        fault: Optional[str] = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message, code=code, byte_offset=byte_offset, fault=fault)
        self.index = byte_offset if index is None else index


class InvalidArgumentError(PresslensError, ValueError):
    """An option or argument is malformed or out of range."""


class LanguagePackError(PresslensError):
    """A language-pack or lexicon file is unreadable or malformed."""


class UnsupportedLanguageWarning(UserWarning):
    """presslens has no language pack for the language asked for: sentences and tokens follow ICU's
    rules, keywords drop the document's own short recurring words instead of a stopword list,
    claims come from the language-independent model only, and there are no abbreviations, quote
    cues or syntax. Silence it with
    ``warnings.simplefilter("ignore", presslens.UnsupportedLanguageWarning)``."""

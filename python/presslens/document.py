"""Result types: the analysed document and its layers, with code-point offsets.

Every span has ``start`` and ``end`` (code-point offsets, end exclusive) and ``text``, so that
``doc.text[s.start:s.end] == s.text`` always holds. Results are plain Python objects: they pickle,
compare by value and convert to dictionaries with ``to_dict()``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

__all__ = ["Span", "Paragraph", "Sentence", "Document"]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Span:
    """A stretch of the document's text."""

    __slots__ = ("start", "end", "text")
    _fields: Tuple[str, ...] = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def to_dict(self) -> Dict[str, Any]:
        return {name: getattr(self, name) for name in self._fields}

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.to_dict() == other.to_dict()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.start, self.end))

    def __repr__(self) -> str:
        extra = "".join(f", {name}={getattr(self, name)!r}" for name in self._fields[3:])
        return f"{type(self).__name__}({self.start}, {self.end}, {_short(self.text)!r}{extra})"

    def __getstate__(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        for name, value in zip(self._fields, state):
            setattr(self, name, value)


class Paragraph(Span):
    """A paragraph: a block of text between line breaks."""

    __slots__ = ("index",)
    _fields = ("start", "end", "text", "index")

    def __init__(self, start: int, end: int, text: str, index: int) -> None:
        super().__init__(start, end, text)
        self.index = index


class Sentence(Span):
    """A sentence, inside paragraph number ``paragraph``."""

    __slots__ = ("index", "paragraph")
    _fields = ("start", "end", "text", "index", "paragraph")

    def __init__(self, start: int, end: int, text: str, index: int, paragraph: int) -> None:
        super().__init__(start, end, text)
        self.index = index
        self.paragraph = paragraph


class Document:
    """An analysed article.

    ``text`` is the analysed text: the input, or the input with U+FFFD where invalid UTF-8 was
    replaced (``replacements`` counts them). Every span's offsets index into ``text``. Layers are
    built into Python objects the first time they are read, so analysing stays cheap when only
    some layers are wanted.
    """

    __slots__ = ("text", "lang", "replacements", "_core", "_paragraphs", "_sentences")

    def __init__(
        self,
        text: str,
        lang: str,
        replacements: int = 0,
        paragraphs: Optional[List[Paragraph]] = None,
        sentences: Optional[List[Sentence]] = None,
        *,
        _core: Any = None,
    ) -> None:
        self.text = text
        self.lang = lang
        self.replacements = replacements
        self._core = _core
        self._paragraphs = paragraphs
        self._sentences = sentences

    @classmethod
    def _from_core(cls, core: Any, text: str) -> "Document":
        """Wraps a ``_presslens.Document``; ``text`` is its text as a ``str``."""
        return cls(text, core.lang, core.replacements, _core=core)

    @property
    def paragraphs(self) -> List[Paragraph]:
        """The paragraphs, in order."""
        if self._paragraphs is None:
            text = self.text
            self._paragraphs = [
                Paragraph(start, end, text[start:end], index)
                for index, (start, end) in enumerate(self._core.paragraphs())
            ]
        return self._paragraphs

    @property
    def sentences(self) -> List[Sentence]:
        """The sentences, in order."""
        if self._sentences is None:
            text = self.text
            self._sentences = [
                Sentence(start, end, text[start:end], index, paragraph)
                for index, (start, end, paragraph) in enumerate(self._core.sentences())
            ]
        return self._sentences

    def to_dict(self) -> Dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "replacements": self.replacements,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Document) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return (
            f"Document(lang={self.lang!r}, chars={len(self.text)}, "
            f"paragraphs={len(self.paragraphs)}, sentences={len(self.sentences)}, "
            f"text={_short(self.text, 40)!r})"
        )

    def __getstate__(self) -> Tuple[Any, ...]:
        # The compiled core does not pickle: ship the layers as plain objects.
        return (self.text, self.lang, self.replacements, self.paragraphs, self.sentences)

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        self.text, self.lang, self.replacements, self._paragraphs, self._sentences = state
        self._core = None

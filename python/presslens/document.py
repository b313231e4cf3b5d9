"""Result types: the analysed document and its layers, with code-point offsets.

Every span has ``start`` and ``end`` (code-point offsets, end exclusive) and ``text``, so that
``doc.text[s.start:s.end] == s.text`` always holds. Results are plain Python objects: they pickle,
compare by value and convert to dictionaries with ``to_dict()``.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from .views import LayerView

__all__ = [
    "Span",
    "Paragraph",
    "Sentence",
    "Token",
    "Word",
    "Phrase",
    "ParsedWord",
    "Keyword",
    "Quote",
    "Claim",
    "Boilerplate",
    "Structure",
    "Document",
]


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
        # Pickled by an older presslens: the fields added since take their defaults.
        for name in self._fields[len(state) :]:
            setattr(self, name, self._added_defaults[name])

    _added_defaults: Dict[str, Any] = {}


class Paragraph(Span):
    """A paragraph: a block of text between line breaks. ``role`` is what the structure stage
    made of it: "body", "title", "byline", "bio" or "boilerplate"."""

    __slots__ = ("index", "role")
    _fields = ("start", "end", "text", "index", "role")

    def __init__(self, start: int, end: int, text: str, index: int, role: str = "body") -> None:
        super().__init__(start, end, text)
        self.index = index
        self.role = role


class Sentence(Span):
    """A sentence, inside paragraph number ``paragraph``. ``quotes`` are the indices (into
    ``Document.quotes``) of the quotes overlapping it; ``quoted_share`` is the share of its
    characters that are a speaker's quoted words (direct and partial quotes: scare quotes, titles
    and reported speech are the writer's words), and ``mostly_quoted`` says whether that is more
    than half. ``root`` is the :class:`Word` its dependency tree hangs from (None without the
    syntax layer; reading it makes the document's syntax layer)."""

    __slots__ = ("index", "paragraph", "quotes", "quoted_share", "_document")
    _fields = ("start", "end", "text", "index", "paragraph", "quotes", "quoted_share")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        index: int,
        paragraph: int,
        quotes: Optional[List[int]] = None,
        quoted_share: float = 0.0,
        document: Optional["Document"] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.index = index
        self.paragraph = paragraph
        self.quotes = list(quotes or [])
        self.quoted_share = quoted_share
        self._document = document

    @property
    def mostly_quoted(self) -> bool:
        return self.quoted_share > 0.5

    @property
    def root(self) -> Optional["Word"]:
        document = getattr(self, "_document", None)
        return None if document is None else document._sentence_root(self.index)


class Token(Span):
    """A token: ``kind`` is "word", "number", "punctuation", "symbol", "url", "email", "hashtag"
    or "mention"; ``sentence`` is the index of its sentence (None in the title). With the syntax
    layer, ``pos`` (UPOS), ``lemma``, ``morph`` (UD FEATS), ``dep`` (relation) and ``head`` (the
    index of the token it depends on; None for a root) are those of the token's main word (the one
    a contraction such as "don't" hangs from); without it they are None. They are read from the
    syntax layer the first time one of them is read, so tokens whose tags nobody reads cost no
    parsing."""

    __slots__ = ("kind", "sentence", "_pos", "_lemma", "_morph", "_head", "_dep", "_document")
    _fields = ("start", "end", "text", "kind", "sentence", "pos", "lemma", "morph", "head", "dep")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        sentence: Optional[int],
        pos: Optional[str] = None,
        lemma: Optional[str] = None,
        morph: Optional[str] = None,
        head: Optional[int] = None,
        dep: Optional[str] = None,
        document: Optional["Document"] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.kind = kind
        self.sentence = sentence
        self._pos, self._lemma, self._morph, self._head, self._dep = pos, lemma, morph, head, dep
        self._document = document  # fills the syntax fields of all its tokens on first read

    def _settle(self) -> None:
        document = getattr(self, "_document", None)
        if document is not None:
            document._tag_tokens()

    def _syntax_field(name: str) -> Any:  # type: ignore[misc]  # a property per syntax field
        slot = "_" + name

        def read(self: "Token") -> Any:
            self._settle()
            return getattr(self, slot)

        def write(self: "Token", value: Any) -> None:
            self._settle()
            setattr(self, slot, value)

        return property(read, write)

    pos = _syntax_field("pos")
    lemma = _syntax_field("lemma")
    morph = _syntax_field("morph")
    head = _syntax_field("head")
    dep = _syntax_field("dep")
    del _syntax_field


class Word(Span):
    """A syntactic word: most tokens are one word, a contraction several ("don't" = "do" +
    "n't", French "du" = "de" + "le"). ``text`` is the stretch of the document it spans (the whole
    token for a word the text does not spell out, such as "le" of "du"); ``form`` the word itself.
    ``pos`` is its UD part of speech, ``lemma``, ``morph`` its UD FEATS ("Number=Sing|Person=3"),
    ``head`` the index (into ``Document.words``) of the word it depends on (None for a root),
    ``dep`` the UD relation ("nsubj", "obl:tmod", "root"), ``token`` its token's index and
    ``sentence`` its sentence's (None in the title)."""

    __slots__ = ("index", "token", "sentence", "pos", "head", "form", "lemma", "morph", "dep")
    _fields = ("start", "end", "text", "index", "token", "sentence", "pos", "head", "form",
               "lemma", "morph", "dep")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        index: int,
        token: int,
        sentence: Optional[int],
        pos: str,
        head: Optional[int],
        form: str,
        lemma: str,
        morph: str,
        dep: str,
    ) -> None:
        super().__init__(start, end, text)
        self.index = index
        self.token = token
        self.sentence = sentence
        self.pos = pos
        self.head = head
        self.form = form
        self.lemma = lemma
        self.morph = morph
        self.dep = dep

    def feature(self, name: str) -> Optional[str]:
        """The value of one morphological feature (``word.feature("Tense") == "Past"``)."""
        for pair in self.morph.split("|") if self.morph else ():
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None

    def __repr__(self) -> str:
        return f"Word({self.form!r}, {self.pos}, lemma={self.lemma!r}, dep={self.dep!r}, head={self.head})"


class Phrase(Span):
    """A run of words: a base noun phrase ("the city's own climate report") or a proper name
    ("Hannah Ruiz"). ``words`` are the indices of its words (into ``Document.words``); ``root``
    the index of the word it is about."""

    __slots__ = ("words", "root")
    _fields = ("start", "end", "text", "words", "root")

    def __init__(self, start: int, end: int, text: str, words: range, root: int) -> None:
        super().__init__(start, end, text)
        self.words = words
        self.root = root

    def to_dict(self) -> Dict[str, Any]:
        return {**super().to_dict(), "words": list(self.words)}


class ParsedWord(NamedTuple):
    """A word of a pre-split sentence, analysed (:meth:`Analyzer.parse_words`): ``head`` is
    1-based within the sentence, 0 for the root, as CoNLL-U writes it."""

    upos: str
    lemma: str
    feats: str
    head: int
    deprel: str


class Keyword(Span):
    """A counted term or ranked keyphrase. ``key`` is its normalised (by default stemmed) form,
    under which every occurrence was counted; ``start``/``end``/``text`` are its first occurrence
    as written (a keyphrase: first as a noun phrase); ``count`` its occurrences, ``words`` its
    length, ``score`` its keyphrase score and ``ranked_by`` what decided it: "model" (the learned
    ranker: the probability that a reader picks it), "rules" (the rules' score, unbounded: a
    language without a pack), or None for a counted term."""

    __slots__ = ("key", "count", "words", "score", "ranked_by")
    _fields = ("start", "end", "text", "key", "count", "words", "score", "ranked_by")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        count: int,
        words: int,
        score: float,
        ranked_by: Optional[str] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.key = key
        self.count = count
        self.words = words
        self.score = score
        self.ranked_by = ranked_by or None

    def __repr__(self) -> str:
        score = f", score={self.score:.2f}" if self.score else ""
        return f"Keyword({self.text!r}, key={self.key!r}, count={self.count}{score})"


class Quote(Span):
    """A quotation: ``text`` is the quoted words (inside the marks; for ``indirect`` speech, the
    reported clause); ``marks`` the span from opening to closing mark; ``kind`` is "direct",
    "partial", "scare", "title", "indirect" (reported speech) or "stance" (a belief, plan or
    refusal reported: "X wants to ...", "X believes ..."); ``speaker`` and ``cue`` (spans or None) say who
    said it and which words attribute it; ``kind_cue`` what made it a title or scare quote;
    ``speaker_name`` is who the speaker is, the name at its fullest in the document with titles
    left out ("Fumio Kishida" for "Prime Minister Fumio Kishida", a later "Kishida", "he" or "the
    prime minister"; None when the text never names the speaker) and ``speaker_name_span`` where
    the text writes it; ``speaker_type`` is "person", "organisation" or "unknown";
    ``resolution`` says how the name was found: "name" (the speaker phrase holds it), "pronoun",
    "role", or None; ``speaker_key`` groups one speaker's quotes (the resolved name's surname,
    "kishida"); ``sentence`` is where the quote starts. ``source`` says what found it: "marks"
    (paired quotation marks), "rules" (reported speech after a listed speech or stance verb) or
    "model" (after a word the learned cue model took for a cue); ``confidence`` is the cue
    model's probability that the cue attributes it (None where the model did not read the cue:
    quotation marks, languages without a cue model).
    ``parts`` are the quoted words piece by piece: a quote its attribution interrupts ("A," he
    said, "B.") is one quote whose ``text`` runs from A to B and whose parts are A and B; a quote
    in one piece has itself as its one part."""

    __slots__ = ("marks", "kind", "speaker", "cue", "kind_cue", "speaker_key", "sentence", "parts",
                 "speaker_name_span", "speaker_type", "resolution", "source", "confidence")
    _added_defaults = {"speaker_name_span": None, "speaker_type": "unknown", "resolution": None,
                       "source": "marks", "confidence": None}
    _fields = (
        "start",
        "end",
        "text",
        "marks",
        "kind",
        "speaker",
        "cue",
        "kind_cue",
        "speaker_key",
        "sentence",
        "parts",
        "speaker_name_span",
        "speaker_type",
        "resolution",
        "source",
        "confidence",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        marks: Optional[Span],
        kind: str,
        speaker: Optional[Span],
        cue: Optional[Span],
        kind_cue: Optional[Span],
        speaker_key: str,
        sentence: Optional[int],
        parts: Optional[List[Span]] = None,
        speaker_name_span: Optional[Span] = None,
        speaker_type: str = "unknown",
        resolution: Optional[str] = None,
        source: str = "marks",
        confidence: Optional[float] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.source = source
        self.confidence = confidence
        self.parts = parts or [Span(start, end, text)]
        self.speaker_name_span = speaker_name_span
        self.speaker_type = speaker_type
        self.resolution = resolution
        self.marks = marks
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.kind_cue = kind_cue
        self.speaker_key = speaker_key
        self.sentence = sentence

    @property
    def speaker_name(self) -> Optional[str]:
        """The speaker's name at its fullest in the document, or None."""
        return None if self.speaker_name_span is None else self.speaker_name_span.text

    def to_dict(self) -> Dict[str, Any]:
        data = super().to_dict()
        for name in ("marks", "speaker", "cue", "kind_cue", "speaker_name_span"):
            value = getattr(self, name)
            data[name] = None if value is None else value.to_dict()
        data["parts"] = [part.to_dict() for part in self.parts]
        return data

    def __repr__(self) -> str:
        speaker = f", speaker={self.speaker.text!r}" if self.speaker else ""
        return f"Quote({self.kind}, {_short(self.text)!r}{speaker})"


class Claim(Span):
    """How a sentence reads as a claim, as two calibrated decisions: ``score``, the probability
    that fact-checkers would check it, and ``check_worthy`` (at or above its threshold);
    ``claim_score``, the probability that it asserts something arguable or checkable (a fact, a
    cause, a prediction, a norm, a judgement), and ``is_claim`` (at or above its threshold).
    ``rule`` says why a sentence is neither whatever its scores ("question", "exhortation, wish or
    address", "proverb"; "" when the scores decided). Also its ``kinds`` (name -> cue span:
    "statistical", "comparative", "causal", "predictive", "normative", "evaluative",
    "factual-event"), ``hedges`` and ``boosters`` (spans), ``cues`` (the words that raised the
    check-worthiness most), and ``speaker`` (None: the author's own claim; else the quoted
    speaker's)."""

    # Fields added since the first pickles come last, with what an older pickle gets for them.
    __slots__ = (
        "sentence",
        "score",
        "is_claim",
        "kinds",
        "hedges",
        "boosters",
        "cues",
        "speaker",
        "speaker_key",
        "check_worthy",
        "claim_score",
        "rule",
    )
    _fields = ("start", "end", "text", *__slots__)
    _added_defaults = {"check_worthy": False, "claim_score": None, "rule": ""}

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        sentence: int,
        score: float,
        check_worthy: bool,
        claim_score: float,
        is_claim: bool,
        rule: str,
        kinds: Dict[str, Span],
        hedges: List[Span],
        boosters: List[Span],
        cues: List[Span],
        speaker: Optional[Span],
        speaker_key: str,
    ) -> None:
        super().__init__(start, end, text)
        self.sentence = sentence
        self.score = score
        self.check_worthy = check_worthy
        self.claim_score = claim_score
        self.is_claim = is_claim
        self.rule = rule
        self.kinds = kinds
        self.hedges = hedges
        self.boosters = boosters
        self.cues = cues
        self.speaker = speaker
        self.speaker_key = speaker_key

    @property
    def certainty(self) -> int:
        """Boosters minus hedges: above zero asserted firmly, below zero hedged."""
        return len(self.boosters) - len(self.hedges)

    def to_dict(self) -> Dict[str, Any]:
        data = super().to_dict()
        data["kinds"] = {kind: cue.to_dict() for kind, cue in self.kinds.items()}
        for name in ("hedges", "boosters", "cues"):
            data[name] = [span.to_dict() for span in getattr(self, name)]
        data["speaker"] = None if self.speaker is None else self.speaker.to_dict()
        return data

    def __repr__(self) -> str:
        return f"Claim({self.score:.2f}, {sorted(self.kinds)}, {_short(self.text)!r})"


class Boilerplate(Span):
    """A paragraph judged page chrome, with the ``reason`` ("legal", "link list", "chrome phrase",
    "layout" for an HTML page's menus and footers, "outside body", or "block model": among the
    body's paragraphs, judged chrome by the learned block model on no one cue) and the ``cue``
    span that decided it (None for "layout", "outside body", "block model" and link-heavy HTML
    lines)."""

    __slots__ = ("paragraph", "reason", "cue")
    _fields = ("start", "end", "text", "paragraph", "reason", "cue")

    def __init__(
        self, start: int, end: int, text: str, paragraph: int, reason: str, cue: Optional[Span]
    ) -> None:
        super().__init__(start, end, text)
        self.paragraph = paragraph
        self.reason = reason
        self.cue = cue

    def to_dict(self) -> Dict[str, Any]:
        data = super().to_dict()
        data["cue"] = None if self.cue is None else self.cue.to_dict()
        return data


class Structure:
    """Where the article is in the page: ``title``, ``authors`` and ``date_text`` (spans),
    ``date`` (a ``datetime`` when one was parsed; ``date_iso`` says whether it has a time, and an
    HTML page's date keeps its time zone: ``2024-05-24T11:10+02:00`` gives an aware ``datetime``),
    and
    the paragraphs of the ``body``, the ``bio`` and the ``boilerplate``. ``body_scores`` gives,
    per paragraph, the learned block model's probability that it is body rather than chrome
    (empty when the model did not run: clean text, a single paragraph). ``title_source`` says who
    chose the title: "markup" (an HTML page's own title or h1), "model" (the learned title model,
    on plain text with chrome), "rules", or None without a title; ``date_source`` and
    ``author_source`` who chose the date and the authors: "markup" (an HTML page's metadata),
    "model" (the learned date and author choosers, on pages with chrome), "rules", or None without
    one."""

    __slots__ = ("title", "authors", "date", "date_iso", "date_text", "body", "bio", "boilerplate",
                 "body_scores", "title_source", "date_source", "author_source")

    def __init__(
        self,
        title: Optional[Span],
        authors: List[Span],
        date_iso: str,
        date_text: Optional[Span],
        body: List[Paragraph],
        bio: List[Paragraph],
        boilerplate: List[Boilerplate],
        body_scores: Optional[List[float]] = None,
        title_source: Optional[str] = None,
        date_source: Optional[str] = None,
        author_source: Optional[str] = None,
    ) -> None:
        self.title = title
        self.title_source = title_source or None
        self.date_source = date_source or None
        self.author_source = author_source or None
        self.authors = authors
        self.date_iso = date_iso
        self.date = datetime.datetime.fromisoformat(date_iso) if date_iso else None
        self.date_text = date_text
        self.body = body
        self.bio = bio
        self.boilerplate = boilerplate
        self.body_scores = body_scores or []

    def to_dict(self) -> Dict[str, Any]:
        return {
            "title": None if self.title is None else self.title.to_dict(),
            "authors": [a.to_dict() for a in self.authors],
            "date": self.date_iso or None,
            "date_text": None if self.date_text is None else self.date_text.to_dict(),
            "body": [p.index for p in self.body],
            "bio": [p.index for p in self.bio],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "body_scores": list(self.body_scores),
            "title_source": self.title_source,
            "date_source": self.date_source,
            "author_source": self.author_source,
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Structure) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        title = None if self.title is None else _short(self.title.text, 40)
        authors = [a.text for a in self.authors]
        return (
            f"Structure(title={title!r}, authors={authors!r}, date={self.date_iso or None!r}, "
            f"body={len(self.body)} paragraphs, bio={len(self.bio)}, "
            f"boilerplate={len(self.boilerplate)})"
        )

    def __getstate__(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)
        # Pickled by an older presslens: the fields added since take their defaults.
        for name in self.__slots__[len(state) :]:
            setattr(self, name, [] if name == "body_scores" else None)


class Document:
    """An analysed article.

    ``text`` is the analysed text: the input, or the input with U+FFFD where invalid UTF-8 was
    replaced (``replacements`` counts them). Every span's offsets index into ``text``. Layers are
    fetched from the compiled document the first time they are read, and each item becomes a
    Python object only when it is read (``views.LayerView``), so analysing stays cheap when only
    some layers, or some of their items, are wanted.
    """

    __slots__ = (
        "text",
        "lang",
        "replacements",
        "_core",
        "_analyzer",
        "_source",
        "_source_bytes",
        "_paragraphs",
        "_sentences",
        "_structure",
        "_tokens",
        "_words",
        "_roots",
        "_noun_chunks",
        "_names",
        "_quotes",
        "_claims",
    )

    def __init__(
        self,
        text: str,
        lang: str,
        replacements: int = 0,
        paragraphs: Optional[Sequence[Paragraph]] = None,
        sentences: Optional[Sequence[Sentence]] = None,
        structure: Optional[Structure] = None,
        *,
        _core: Any = None,
        _analyzer: Any = None,
        _source: Union[None, str, bytes] = None,
    ) -> None:
        self.text = text
        self.lang = lang
        self.replacements = replacements
        self._core = _core
        self._analyzer = _analyzer
        self._source = _source
        self._source_bytes: Optional[bytes] = None
        self._tokens: Optional[Sequence[Token]] = None
        self._words: Optional[Sequence[Word]] = None
        self._roots: Optional[List[Optional[int]]] = None
        self._noun_chunks: Optional[Sequence[Phrase]] = None
        self._names: Optional[Sequence[Phrase]] = None
        self._quotes: Optional[Sequence[Quote]] = None
        self._claims: Optional[Sequence[Claim]] = None
        self._paragraphs = paragraphs
        self._sentences = sentences
        self._structure = structure

    @classmethod
    def _from_core(
        cls, core: Any, text: str, analyzer: Any, source: Union[None, str, bytes] = None
    ) -> "Document":
        """Wraps a ``_presslens.Document`` made by ``analyzer`` (a presslens.Analyzer);
        ``text`` is its text as a ``str``, ``source`` the HTML page it was read from."""
        return cls(text, core.lang, core.replacements, _core=core, _analyzer=analyzer, _source=source)

    def _compiled(self) -> Any:
        """The compiled document; after unpickling, analysed again (the pipeline is
        deterministic, so the layers come out the same)."""
        if self._core is None:
            if self._analyzer is None:
                raise ValueError("this Document was built by hand: analyse its text instead")
            self._core = self._analyzer._core.analyze(
                self.text.encode("utf-8") if self._source is None else self._html_bytes()
            )
        return self._core

    def _html_bytes(self) -> bytes:
        if self._source_bytes is None:
            source = self._source
            self._source_bytes = source.encode("utf-8") if isinstance(source, str) else bytes(source or b"")
        return self._source_bytes

    @property
    def source_format(self) -> str:
        """What the document was read from: "text", or "html" (its ``text`` is then the page's
        visible text, one line per block)."""
        return "text" if self._source is None else "html"

    @property
    def html(self) -> Union[None, str, bytes]:
        """The HTML page the document was read from, as given (None for plain text)."""
        return self._source

    @property
    def metadata(self) -> Optional[Dict[str, Any]]:
        """What an HTML page says about itself: ``title``, ``authors`` (a list), ``date`` (as
        written), ``site_name``, ``description``, ``url`` and ``language``, from its ``<meta>``
        tags, JSON-LD, ``<title>`` and ``<html lang>``, each "" (``[]``) when the page does not
        say; None for plain text."""
        if self._source is None:
            return None
        return self._compiled().metadata()  # type: ignore[no-any-return]

    def html_offsets(self, span: Union[Span, Tuple[int, int]]) -> Tuple[int, int]:
        """Where a span of ``text`` (anything with ``start`` and ``end``, or a pair) was read from
        in the HTML page: ``(start, end)`` indices into ``html`` as given (code points of a
        ``str``, bytes of ``bytes``), so ``html[start:end]`` is the markup that shows it (an
        entity such as ``&amp;`` whole). Raises ValueError for a document read from plain text."""
        if self._source is None:
            raise ValueError("this document was read from plain text, not HTML")
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is not inside the text of {len(self.text)} characters")
        begin_byte, end_byte = self._compiled().html_bytes(start, end)
        if not isinstance(self._source, str):
            return begin_byte, end_byte
        data = self._html_bytes()
        begin = len(data[:begin_byte].decode("utf-8"))
        return begin, begin + len(data[begin_byte:end_byte].decode("utf-8"))

    @property
    def lang_confidence(self) -> Optional[float]:
        """When the language was identified (``lang="auto"``), the identifier's probability for
        it; None when it was given."""
        if self._core is None and self._analyzer is not None and self._analyzer.lang != "auto":
            return None
        value = self._compiled().lang_confidence
        return None if value is None else float(value)

    @property
    def lang_supported(self) -> bool:
        """Whether the document's language has a built-in pack (word lists, cues, a syntax
        model); without one it got the generic reading."""
        from .analyzer import builtin_languages

        return self.lang in builtin_languages()

    @property
    def has_syntax(self) -> bool:
        """Whether the syntax layer was made (a model for the language, and ``syntax=True``)."""
        return bool(self._compiled().has_syntax)

    @property
    def tokens(self) -> Sequence[Token]:
        """The tokens of the title and the body's sentences, in text order."""
        if self._tokens is None:
            text = self.text
            core = self._compiled()
            syntax = self if core.has_syntax else None  # tags filled from the parse on first read

            def token(_: int, row: Tuple[int, int, str, Optional[int]]) -> Token:
                start, end, kind, sentence = row
                return Token(start, end, text[start:end], kind, sentence, document=syntax)

            self._tokens = LayerView(core.tokens, token)
        return self._tokens

    def _tag_tokens(self) -> None:
        """Gives every token the analysis of its main word (the one a contraction hangs from)."""
        tokens = self.tokens
        for token in tokens:
            token._document = None
        words = self.words
        for token, main in zip(tokens, self._compiled().main_words()):
            if main is None:
                continue
            word = words[main]
            head = None if word.head is None else words[word.head].token
            token._pos, token._lemma, token._morph, token._dep = word.pos, word.lemma, word.morph, word.dep
            token._head = None if head == word.token else head

    @property
    def words(self) -> Sequence[Word]:
        """The syntactic words of the title and the body's sentences, in text order (empty
        without the syntax layer)."""
        if self._words is None:
            text = self.text

            def word(index: int, row: Tuple[Any, ...]) -> Word:
                start, end, token, sentence, pos, head, form, lemma, feats, relation = row
                return Word(start, end, text[start:end], index, token, sentence, pos, head, form,
                            lemma, feats, relation)

            self._words = LayerView(self._compiled().words, word)
        return self._words

    def _sentence_root(self, index: int) -> Optional[Word]:
        if not self.has_syntax:
            return None
        if self._roots is None:
            self._roots = self._compiled().roots()
        root = self._roots[index]
        return None if root is None else self.words[root]

    def _phrases(self, fetch: Any) -> Sequence[Phrase]:
        text = self.text

        def phrase(_: int, row: Tuple[int, int, int, int, int]) -> Phrase:
            start, end, first, last, root = row
            return Phrase(start, end, text[start:end], range(first, last), root)

        return LayerView(fetch, phrase)

    @property
    def noun_chunks(self) -> Sequence[Phrase]:
        """Base noun phrases: a noun, proper noun or pronoun with the determiners, adjectives,
        numbers, compounds and possessors that modify it ("the city's own climate report")."""
        if self._noun_chunks is None:
            self._noun_chunks = self._phrases(self._compiled().noun_chunks)
        return self._noun_chunks

    @property
    def names(self) -> Sequence[Phrase]:
        """Proper names: runs of proper nouns ("Hannah Ruiz", "New York Daily News")."""
        if self._names is None:
            self._names = self._phrases(self._compiled().names)
        return self._names

    def _span(self, pair: Optional[Tuple[int, int]]) -> Optional[Span]:
        return None if pair is None else Span(pair[0], pair[1], self.text[pair[0] : pair[1]])

    @property
    def quotes(self) -> Sequence[Quote]:
        """Quotations and reported speech in the body, in text order."""
        if self._quotes is None:
            text, span = self.text, self._span

            def quote(_: int, row: Tuple[Any, ...]) -> Quote:
                (start, end, marks, kind, speaker, cue, kind_cue, key, sentence, parts, name,
                 speaker_type, resolution, source, confidence) = row
                return Quote(start, end, text[start:end], span(marks), kind, span(speaker), span(cue),
                             span(kind_cue), key, sentence, [Span(s, e, text[s:e]) for s, e in parts],
                             span(name), speaker_type, None if resolution == "none" else resolution,
                             source, confidence)

            self._quotes = LayerView(self._compiled().quotes, quote)
        return self._quotes

    @property
    def sentence_claims(self) -> Sequence[Claim]:
        """How every body sentence reads as a claim, in sentence order (rank them by score)."""
        if self._claims is None:
            sentences, span = self.sentences, self._span

            def claim(_: int, row: Tuple[Any, ...]) -> Claim:
                (index, score, check_worthy, claim_score, is_claim, rule, kinds, hedges, boosters,
                 cues, speaker, speaker_key) = row
                sentence = sentences[index]
                return Claim(sentence.start, sentence.end, sentence.text, index, score, check_worthy,
                             claim_score, is_claim, rule,
                             {kind: span(cue) for kind, cue in kinds},  # type: ignore[misc]
                             [span(h) for h in hedges],  # type: ignore[misc]
                             [span(b) for b in boosters],  # type: ignore[misc]
                             [span(c) for c in cues],  # type: ignore[misc]
                             span(speaker), speaker_key)

            self._claims = LayerView(self._compiled().claims, claim)
        return self._claims

    @property
    def claims(self) -> List[Claim]:
        """The sentences that make claims (``is_claim``), the most check-worthy first."""
        return sorted((c for c in self.sentence_claims if c.is_claim), key=lambda c: -c.score)

    @property
    def unpaired_quote_marks(self) -> List[int]:
        """Offsets of quotation marks that found no partner."""
        return list(self._compiled().unpaired_quote_marks())

    def speakers(self, include_stances: bool = False) -> Dict[str, List[Quote]]:
        """Quotes grouped by who said them, under the speaker's resolved name ("Fumio Kishida" for
        "Prime Minister Fumio Kishida", a later "Kishida", "he" and "the prime minister"), or the
        longest phrase for a speaker the text never names ("the fire chief"). Quotes without a
        speaker, and those whose pronoun stands for nobody named, are left out, and so are
        stances (beliefs, plans, refusals) unless ``include_stances``."""
        groups: Dict[str, List[Quote]] = {}
        names: Dict[str, str] = {}
        for quote in self.quotes:
            if quote.speaker is None or not quote.speaker_key:
                continue
            if quote.kind == "stance" and not include_stances:
                continue
            groups.setdefault(quote.speaker_key, []).append(quote)
        for key, quotes in groups.items():
            resolved = [q.speaker_name for q in quotes if q.speaker_name]
            written = [q.speaker.text for q in quotes if q.speaker is not None]
            names[key] = max(resolved or written, key=len)
        return {names[key]: quotes for key, quotes in groups.items()}

    def _keywords(self, raw: List[Tuple[str, int, int, int, int, float, str]]) -> List[Keyword]:
        text = self.text
        return [
            Keyword(start, end, text[start:end], key, count, words, score, ranked_by)
            for key, start, end, count, words, score, ranked_by in raw
        ]

    def keywords(
        self,
        top: Optional[int] = 20,
        ngrams: Tuple[int, int] = (1, 3),
        stem: bool = True,
        *,
        names: bool = True,
        compound_parts: bool = True,
        quoted: str = "include",
    ) -> List[Keyword]:
        """The ``top`` most frequent terms of the title and body (all with ``top=None``):
        n-grams of ``ngrams[0]`` to ``ngrams[1]`` words that neither start nor end with a
        stopword, keyed by their normalised (and with ``stem``, Snowball-stemmed) words; with
        ``names``, capitalised names longer than that count whole; with ``compound_parts``,
        "Japan-China" also counts "japan" and "china". ``quoted="exclude"`` counts only the
        writer's words, ``"only"`` only the words inside quotation marks."""
        low, high = ngrams
        if not 1 <= low <= high:
            raise ValueError(f"ngrams must be (low, high) with 1 <= low <= high, not {ngrams}")
        core = self._compiled()
        raw = self._analyzer._core.keywords(core, low, high, stem, names, compound_parts, quoted)
        return self._keywords(raw if top is None else raw[:top])

    def keyphrases(self, top: int = 10) -> List[Keyword]:
        """The ``top`` keyphrases, best first (see docs/keywords.md for the scoring)."""
        core = self._compiled()
        return self._keywords(self._analyzer._core.keyphrases(core, top))

    @property
    def paragraphs(self) -> Sequence[Paragraph]:
        """Every paragraph of the page, in order, each with its ``role``."""
        if self._paragraphs is None:
            text = self.text
            core = self._compiled()

            def paragraph(index: int, row: Tuple[Tuple[int, int], str]) -> Paragraph:
                (start, end), role = row
                return Paragraph(start, end, text[start:end], index, role)

            self._paragraphs = LayerView(lambda: list(zip(core.paragraphs(), core.structure()["roles"])),
                                         paragraph)
        return self._paragraphs

    @property
    def structure(self) -> Structure:
        """Title, authors, date, and which paragraphs are body, bio and boilerplate."""
        if self._structure is None:
            raw = self._compiled().structure()
            paragraphs = self.paragraphs

            def span(pair: Optional[Tuple[int, int]]) -> Optional[Span]:
                return None if pair is None else Span(pair[0], pair[1], self.text[pair[0] : pair[1]])

            self._structure = Structure(
                title=span(raw["title"]),
                authors=[Span(a, b, self.text[a:b]) for a, b in raw["authors"]],
                date_iso=raw["date"],
                date_text=span(raw["date_span"]),
                body=[p for p in paragraphs if p.role == "body"],
                bio=[p for p in paragraphs if p.role == "bio"],
                boilerplate=[
                    Boilerplate(p.start, p.end, p.text, index, reason, span(cue))
                    for index, reason, cue in raw["boilerplate"]
                    for p in (paragraphs[index],)
                ],
                body_scores=raw["body_scores"],
                title_source=raw["title_source"],
                date_source=raw["date_source"],
                author_source=raw["author_source"],
            )
        return self._structure

    @property
    def sentences(self) -> Sequence[Sentence]:
        """The sentences, in order."""
        if self._sentences is None:
            text = self.text

            def sentence(index: int, row: Tuple[int, int, int, List[int], float]) -> Sentence:
                start, end, paragraph, quotes, share = row
                return Sentence(start, end, text[start:end], index, paragraph, quotes, round(share, 4), self)

            self._sentences = LayerView(self._compiled().sentences, sentence)
        return self._sentences

    def to_pandas(self, layer: str = "sentences") -> Any:
        """One layer ("sentences", "paragraphs", "tokens", "quotes", "speakers", "claims",
        "keywords") as a pandas DataFrame; pandas is imported only here."""
        from .frames import to_pandas

        return to_pandas(self, layer)

    def to_conllu(self, source: str = "doc") -> str:
        """The syntax layer as CoNLL-U text (``sent_id`` values start with ``source``)."""
        from .conllu import to_conllu

        return to_conllu(self, source)

    def _repr_html_(self) -> str:
        from .display import render

        return render(self)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "replacements": self.replacements,
            "metadata": self.metadata,
            "structure": self.structure.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.sentence_claims],
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
        # The compiled core does not pickle: ship the layers as plain objects, and the analyzer
        # (which pickles as its options) for the layers computed on demand.
        return (
            self.text,
            self.lang,
            self.replacements,
            list(self.paragraphs),
            list(self.sentences),
            self.structure,
            list(self.quotes),
            list(self.sentence_claims),
            self._analyzer,
            self._source,
        )

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        (
            self.text,
            self.lang,
            self.replacements,
            self._paragraphs,
            self._sentences,
            self._structure,
            self._quotes,
            self._claims,
            self._analyzer,
        ) = state[:9]
        self._source = state[9] if len(state) > 9 else None  # pickles of older versions have 9
        self._source_bytes = None
        self._core = None
        self._tokens = None
        self._words = None
        self._roots = None
        for sentence in self._sentences or []:
            sentence._document = self
        self._noun_chunks = None
        self._names = None

"""The Python face of the C++ analyzer."""

from __future__ import annotations

import functools
import os
import warnings
from itertools import islice
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Sized, Tuple, Union

from . import _presslens
from .document import Document, ParsedWord
from .errors import InvalidArgumentError, InvalidTextError, PresslensError, UnsupportedLanguageWarning
from .progress import progress_bar

__all__ = ["Analyzer", "TextLike", "analyze", "builtin_languages", "identify_language", "rank_languages"]

TextLike = Union[str, bytes, bytearray, memoryview]
PathLike = Union[str, "os.PathLike[str]"]


def _to_utf8(text: TextLike) -> Tuple[bytes, Optional[str]]:
    """The UTF-8 bytes to analyse, and the ``str`` they came from (when one was given)."""
    if isinstance(text, str):
        try:
            return text.encode("utf-8"), text
        except UnicodeEncodeError as error:
            index = error.start
            byte_offset = len(text[:index].encode("utf-8", "surrogatepass"))
            raise InvalidTextError(
                f"lone surrogate U+{ord(text[index]):04X} at index {index}: "
                "a str must hold whole code points to be analysed",
                byte_offset=byte_offset,
                fault="lone surrogate",
                index=index,
            ) from None
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), None
    raise TypeError(f"expected str or bytes, not {type(text).__name__}")


class Analyzer:
    """Analyses articles in one language; immutable, thread-safe and picklable.

    ``lang`` is a BCP 47 code ("en", "fr", "zh-Hant"); languages without a built-in pack get ICU's
    rules for that locale. ``lang="auto"`` identifies each text's language (``Document.lang``,
    ``Document.lang_confidence``) and reads it with that language's pack; a language without one
    gets the generic reading and, once per language, an :class:`UnsupportedLanguageWarning`. ``errors`` says what to do with invalid UTF-8 in ``bytes`` input:
    ``"strict"`` raises :class:`~presslens.errors.InvalidTextError`, ``"replace"`` substitutes
    U+FFFD and counts the replacements in ``Document.replacements``. ``pack_dir`` names a folder of
    your own lexicon files (``<list>.txt``) that replace the built-in lists of the same name.
    ``detect_structure=False`` treats every paragraph as article body (for clean text).
    ``format`` says what texts are: ``"text"``, ``"html"`` (a web page: its visible text is
    analysed, its markup and metadata guide the structure; see ``Document.html_offsets`` and
    ``Document.metadata``), or ``"auto"``, which reads a text as HTML when it opens like a page
    (a doctype, ``<html>``, ``<head>`` or ``<body>``).
    ``tokens``, ``syntax``, ``quotes`` and ``claims`` switch later stages off when only earlier
    layers are wanted (no tokens: no syntax, quotes, claims or keywords either). ``syntax`` (part of
    speech, lemmas, morphology, dependencies, noun chunks) runs where the language has a model
    (``has_syntax``); a folder given as ``pack_dir`` may hold a ``syntax.model`` of your own.
    """

    def __init__(
        self,
        lang: str = "en",
        *,
        errors: str = "strict",
        pack_dir: Optional[PathLike] = None,
        detect_structure: bool = True,
        tokens: bool = True,
        syntax: bool = True,
        quotes: bool = True,
        claims: bool = True,
        format: str = "auto",
    ) -> None:
        self._pack_dir = None if pack_dir is None else os.fspath(pack_dir)
        self._stages = {"tokens": tokens, "syntax": syntax, "quotes": quotes, "claims": claims}
        self._core = _presslens.Analyzer(
            lang,
            errors=errors,
            pack_dir=self._pack_dir or "",
            detect_structure=detect_structure,
            tokens=tokens,
            syntax=syntax,
            quotes=quotes,
            claims=claims,
            format=format,
        )
        self._format = format
        self._warned: set = set()  # languages without a pack that "auto" has met and warned of
        if pack_dir is None and lang != "auto" and not self._core.has_builtin_data:
            warnings.warn(
                f"presslens has no language pack for {lang!r}: ICU's sentence and word rules, "
                "keywords without a stopword list (the document's short recurring words are left "
                "out), no quote cues or syntax, claims by the language-independent model only; "
                "languages with packs: "
                + ", ".join(builtin_languages()),
                UnsupportedLanguageWarning,
                stacklevel=2,
            )
        self._errors = errors
        self._detect_structure = detect_structure

    @property
    def lang(self) -> str:
        return str(self._core.lang)

    @property
    def errors(self) -> str:
        return self._errors

    @property
    def format(self) -> str:
        """What texts are read as: "auto", "text" or "html"."""
        return self._format

    @property
    def has_builtin_data(self) -> bool:
        """Whether the language has a built-in language pack."""
        return bool(self._core.has_builtin_data)

    @property
    def has_syntax(self) -> bool:
        """Whether documents get the syntax layer: a model for the language, ``syntax=True``."""
        return bool(self._core.has_syntax_model) and self._stages["syntax"] and self._stages["tokens"]

    def parse_words(self, sentences: Sequence[Sequence[str]]) -> List[List[ParsedWord]]:
        """Analyses sentences already split into words, as a treebank splits them: for each word
        a :class:`ParsedWord` ``(upos, lemma, feats, head, deprel)`` with ``head`` 1-based within
        its sentence and 0 for the root, so any CoNLL-U file can be scored on its own words.
        Raises :class:`~presslens.errors.InvalidArgumentError` for a language without a model or
        an empty word. The GIL is released while it runs."""
        batch = [[str(word) for word in sentence] for sentence in sentences]
        return [[ParsedWord(*word) for word in sentence] for sentence in self._core.parse_words(batch)]

    def analyze(self, text: TextLike) -> Document:
        """Analyses one article given as ``str`` or UTF-8 ``bytes``."""
        data, original = _to_utf8(text)
        return self._document(self._core.analyze(data), original, data)

    def _document(self, core: Any, original: Optional[str], data: bytes) -> Document:
        if core.lang_confidence is not None and core.lang not in self._warned:
            self._warn_unsupported(core.lang)
        if core.source_format == "html":
            # The text is the page's visible text; the page itself is kept as given, for
            # html_offsets and to analyse it again after unpickling.
            return Document._from_core(core, core.text, self, original if original is not None else data)
        # A str input is kept as given, so spans slice the caller's own string.
        return Document._from_core(core, original if original is not None else core.text, self)

    def _note_languages(self, langs: Iterable[str]) -> None:
        """Warns, once per language, of texts identified in a language without a pack."""
        for lang in langs:
            if lang not in self._warned:
                self._warn_unsupported(lang)

    def _warn_unsupported(self, lang: str) -> None:
        self._warned.add(lang)
        if lang != "und" and lang not in _builtin_languages():  # "und": a text without letters
            warnings.warn(
                f"a text identified as {lang!r}, a language without a pack, gets the generic "
                "reading (ICU's rules, no stopword list, quote cues or syntax); languages with "
                "packs: " + ", ".join(builtin_languages()),
                UnsupportedLanguageWarning,
                stacklevel=4,
            )

    def key(self, word: str) -> str:
        """The normalised key ``word`` is counted under (NFKC, case folding, one apostrophe,
        possessives and elisions removed): ``key("China’s") == "china"``."""
        return str(self._core.key(word))

    def phrase_key(self, phrase: str) -> str:
        """The key a phrase is counted under, as keywords, keyphrases and ``Corpus`` statistics
        key it (each word keyed and stemmed): ``phrase_key("Oil spills") == "oil spill"``, so
        ``corpus.trend([analyzer.phrase_key("oil spills")])`` finds the phrase however written."""
        return str(self._core.phrase_key(phrase))

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        threads: int = 0,
        batch_size: int = 256,
        as_tuples: bool = False,
        progress: bool = False,
        total: Optional[int] = None,
        on_error: Optional[Callable[[Any, PresslensError], None]] = None,
        tables: bool = False,
        layers: Sequence[str] = ("sentences", "quotes", "claims", "keywords"),
        keywords_top: Optional[int] = 50,
    ) -> Iterator[Any]:
        """Analyses many articles on ``threads`` threads (0: one per core), yielding documents in
        input order. Memory stays bounded: ``batch_size`` texts are in flight at a time.
        ``tables=True`` yields instead, per batch, the tables :func:`presslens.analyze_frame`
        makes (a dict of DataFrames: "documents" and ``layers``), built in C++ without a Python
        object per row, each row's ``doc_id`` being its text's context.

        ``as_tuples=True`` takes ``(text, context)`` pairs and yields ``(document, context)``, so
        ids travel with their texts. ``progress=True`` shows a progress bar (tqdm when installed)
        counting to ``total`` (by default ``len(texts)`` when it has one). ``on_error(context,
        error)`` (context: the input's index unless ``as_tuples``) is called for a text that cannot
        be analysed, which is then skipped; without it the error is raised."""
        if threads < 0:
            raise InvalidArgumentError(f"threads must be 0 or more, not {threads}")
        if batch_size < 1:
            raise InvalidArgumentError(f"batch_size must be at least 1, not {batch_size}")
        pairs = iter(texts) if as_tuples else ((text, index) for index, text in enumerate(texts))
        if total is None and isinstance(texts, Sized):
            total = len(texts)
        bar = progress_bar(total) if progress else None
        try:
            while True:
                batch = list(islice(pairs, batch_size))
                if not batch:
                    return
                if tables:
                    yield self._batch_tables(batch, threads, on_error, layers, keywords_top)
                else:
                    for document, context in self._analyze_batch(batch, threads, on_error):
                        yield (document, context) if as_tuples else document
                if bar is not None:
                    bar.update(len(batch))
        finally:
            if bar is not None:
                bar.close()

    def _analyze_batch(
        self,
        batch: List[Tuple[Any, Any]],
        threads: int,
        on_error: Optional[Callable[[Any, PresslensError], None]],
    ) -> List[Tuple[Document, Any]]:
        """The documents of one batch of (text, context) pairs, with their contexts."""
        if on_error is None:
            encoded = [_to_utf8(text) for text, _ in batch]
            cores = self._core.analyze_batch([data for data, _ in encoded], threads)
            return [
                (self._document(core, original, data), context)
                for core, (data, original), (_, context) in zip(cores, encoded, batch)
            ]
        try:
            return self._analyze_batch(batch, threads, None)
        except PresslensError:
            pass  # rare: find the failing texts one by one, keep the others
        results = []
        for text, context in batch:
            try:
                results.append((self.analyze(text), context))
            except PresslensError as error:
                on_error(context, error)
        return results

    def _batch_tables(
        self,
        batch: List[Tuple[Any, Any]],
        threads: int,
        on_error: Optional[Callable[[Any, PresslensError], None]],
        layers: Sequence[str],
        keywords_top: Optional[int],
    ) -> Dict[str, Any]:
        """The tables of one batch of (text, context) pairs, the contexts as ids."""
        from . import frames

        builder = _presslens.TableBuilder(frames._layers(layers), keywords_top)
        try:
            data = [_to_utf8(text)[0] for text, _ in batch]
            builder.add(self._core, data, list(range(len(batch))), threads)
        except PresslensError:
            if on_error is None:
                raise
            for position, (text, context) in enumerate(batch):
                try:  # rare: add the texts one by one, keep the good ones
                    builder.add(self._core, [_to_utf8(text)[0]], [position], 1)
                except PresslensError as error:
                    on_error(context, error)
        ids = frames._pandas_series([context for _, context in batch])
        result = frames._frames(builder, list(layers), ids, frames._id_dtype(ids))
        self._note_languages(frames._identified_languages(result["documents"]))
        return result

    def for_language(self, lang: str) -> "Analyzer":
        """An analyzer with these options (error policy, structure, stages) for another language;
        a ``pack_dir`` holds one language's lists, so it is not carried over. Shared and cached."""
        if lang == self.lang:
            return self
        return _restore_analyzer(
            lang, self._errors, None, self._detect_structure, tuple(self._stages.items()), self._format
        )

    def __reduce__(self) -> Tuple[object, ...]:
        # A pack folder travels as its files' contents: the process that unpickles (a Dask or
        # Spark worker, another machine) need not have the folder.
        return (
            _restore_analyzer,
            (
                self.lang,
                self._errors,
                _pack_files(self._pack_dir) if self._pack_dir else None,
                self._detect_structure,
                tuple(self._stages.items()),
                self._format,
            ),
        )

    def __repr__(self) -> str:
        extra = f", pack_dir={self._pack_dir!r}" if self._pack_dir else ""
        if not self._detect_structure:
            extra += ", detect_structure=False"
        if self._format != "auto":
            extra += f", format={self._format!r}"
        extra += "".join(f", {name}=False" for name, on in self._stages.items() if not on)
        return f"Analyzer(lang={self.lang!r}, errors={self._errors!r}{extra})"


PackFiles = Tuple[Tuple[str, bytes], ...]


def _pack_files(folder: str) -> PackFiles:
    """The files of a pack folder that a language pack reads (``*.txt`` lists, ``*.model``
    models), as (name, contents) pairs in name order."""
    names = sorted(n for n in os.listdir(folder) if n.endswith((".txt", ".model")))
    files = []
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                files.append((name, handle.read()))
    return tuple(files)


@functools.lru_cache(maxsize=8)
def _pack_folder(files: PackFiles) -> str:
    """A folder holding `files`, made once per process for each distinct pack."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="presslens-pack-")
    for name, data in files:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
    return folder


@functools.lru_cache(maxsize=32)
def _restore_analyzer(
    lang: str,
    errors: str,
    pack: Union[None, str, PackFiles],
    detect_structure: bool = True,
    stages: Tuple[Tuple[str, bool], ...] = (),
    format: str = "auto",
) -> Analyzer:
    # Cached: an Analyzer is immutable, so every unpickled copy in a process (a Dask or Spark
    # worker receiving it with each task) shares one, and its language pack loads once. `pack` is
    # the pack folder's files (as pickled), or a folder path (pickles of older versions).
    pack_dir = _pack_folder(pack) if isinstance(pack, tuple) else pack
    return Analyzer(
        lang,
        errors=errors,
        pack_dir=pack_dir,
        detect_structure=detect_structure,
        format=format,
        **dict(stages),
    )


@functools.lru_cache(maxsize=16)
def _shared_analyzer(lang: str, errors: str, detect_structure: bool, format: str = "auto") -> Analyzer:
    return Analyzer(lang, errors=errors, detect_structure=detect_structure, format=format)


def analyze(
    text: TextLike,
    *,
    lang: str = "en",
    errors: str = "strict",
    detect_structure: bool = True,
    format: str = "auto",
) -> Document:
    """Analyses one article (plain text or, by ``format``, an HTML page) with a shared
    :class:`Analyzer` for these options."""
    return _shared_analyzer(lang, errors, detect_structure, format).analyze(text)


def builtin_languages() -> List[str]:
    """The languages with a built-in language pack."""
    return list(_builtin_languages())


@functools.lru_cache(maxsize=1)
def _builtin_languages() -> Tuple[str, ...]:
    return tuple(_presslens.builtin_languages())


def rank_languages(text: TextLike) -> List[Tuple[str, float]]:
    """Every language the identifier knows (42, docs/language-id.md) with its probability for
    ``text``, most likely first; empty for a text without letters. A long text is read in a few
    windows spread over it (2 KB in all)."""
    data, _ = _to_utf8(text)
    return [(str(lang), float(p)) for lang, p in _presslens.rank_languages(data)]


def identify_language(text: TextLike) -> Tuple[str, float]:
    """The most likely language of ``text`` and its probability: ``("de", 0.998)``; ``("", 0.0)``
    for a text without letters."""
    ranked = rank_languages(text)
    return ranked[0] if ranked else ("", 0.0)

"""CoNLL-U output of the syntax layer (https://universaldependencies.org/format.html).

Each sentence (the title first, when the page has one) becomes one CoNLL-U sentence: its words
with ID, FORM, LEMMA, UPOS, FEATS, HEAD and DEPREL; XPOS and DEPS are "_". A token that is several
words ("don't", French "du") gets a multiword line above them. MISC holds
``TokenRange=start:end`` (code-point offsets into the document's text, as UDPipe writes them) and
``SpaceAfter=No`` where the next token follows without a space.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Optional

if TYPE_CHECKING:
    from .document import Document, Word

__all__ = ["to_conllu"]


def _escape(text: str) -> str:
    # A form or lemma may not hold tabs or line breaks; CoNLL-U has no escape, so they become spaces.
    return " ".join(text.split()) or "_"


def _sentence_lines(doc: "Document", words: List["Word"], sent_id: str) -> List[str]:
    first = words[0].index
    start, end = words[0].start, words[-1].end
    lines = [f"# sent_id = {sent_id}", f"# text = {' '.join(doc.text[start:end].split())}"]
    tokens = doc.tokens
    by_token: Dict[int, List["Word"]] = {}
    for word in words:
        by_token.setdefault(word.token, []).append(word)
    number = 0
    for token_index, group in by_token.items():
        token = tokens[token_index]
        following: Optional[int] = token_index + 1 if token_index + 1 < len(tokens) else None
        joined = following is not None and tokens[following].start == token.end
        misc = f"TokenRange={token.start}:{token.end}" + ("|SpaceAfter=No" if joined else "")
        if len(group) > 1:
            lines.append(f"{number + 1}-{number + len(group)}\t{_escape(token.text)}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
        for position, word in enumerate(group):
            number += 1
            head = 0 if word.head is None else word.head - first + 1
            word_misc = misc if len(group) == 1 else "_"
            if len(group) > 1 and position == len(group) - 1 and joined:
                word_misc = "_"
            lines.append(
                "\t".join(
                    (str(number), _escape(word.form), _escape(word.lemma), word.pos, "_",
                     word.morph or "_", str(head), word.dep, "_", word_misc)
                )
            )
    return lines


def to_conllu(doc: "Document", source: str = "doc") -> str:
    """The document's syntax layer as CoNLL-U text; empty when it has none (``doc.has_syntax``)."""
    units: Dict[Optional[int], List["Word"]] = {}
    for word in doc.words:
        units.setdefault(word.sentence, []).append(word)
    blocks = []
    for sentence, words in units.items():
        sent_id = f"{source}-title" if sentence is None else f"{source}-{sentence + 1}"
        blocks.append("\n".join(_sentence_lines(doc, words, sent_id)) + "\n")
    return "\n".join(blocks) + ("\n" if blocks else "")

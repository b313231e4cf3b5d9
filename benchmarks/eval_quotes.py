#!/usr/bin/env python3
"""Quotation accuracy: content-span precision, recall and F1 (overall and per gold kind), kind
accuracy, and speaker accuracy on matched quotes.

Input: JSONL with "text" and gold "quotes" (code-point "start"/"end", optional "kind" and
"speaker" with "speaker_start"/"speaker_end"), e.g. ../shared/data/quotes/polnear_train.jsonl
(passed by path) or tests/data/quotes/*.jsonl; optional "lang" per case, else --lang.

Kinds: the gold has no stance kind (PolNeAR annotates beliefs, plans and refusals, "wants to",
"believes", as attributions like any other); presslens's "stance" counts as "indirect" for kind
accuracy and as an attribution for precision (an unmatched stance is a false positive), and the
count of predictions per kind is printed. Scare quotes and titles count as false positives only
in data whose gold has those kinds (our own sets). With --min-confidence P, reported speech whose
cue model confidence is below P is left out (to see what filtering on Quote.confidence gives).

Also precision, recall and F1 on gold direct and partial quotes (false positives: unmatched
predictions of those kinds). With --speech-cues, also the same figures on the gold attributions
that are speech: marked quotes, and those whose cue holds a word of the language's
speech_verbs.txt or starts like a line of its according_cues.txt (presslens' own lists, so the
figure says how well the speech it looks for is found, not how complete the lists are);
predictions matching the other gold attributions (beliefs, plans, stances: "endorsed", "wants")
are neutral there.

Matching rule (fixed, so figures compare): trim white space, quotation marks and , . ; : ! ? — – -
from both ends of both spans; a prediction matches a gold span when their character Jaccard
overlap is at least 0.5, pairing one-to-one greedily by highest overlap; a prediction lying 90%
or more inside an already matched gold span is neutral. A speaker is right when the predicted
speaker span overlaps the gold one, or one string contains the other on word boundaries,
case-insensitively. With "unattributed_quoted_spans" in the data, also reports how many of them
presslens reported as speech (direct, partial or indirect): lower is better.

    python benchmarks/eval_quotes.py ../shared/data/quotes/polnear_train.jsonl [--part heldout] [--speech-cues]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zlib
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

import presslens

TRIM = " \t\n\r\"'“”‘’«»„‚‹›「」『』,.;:!?—–-"
SPEECH = {"direct", "partial", "indirect"}
MARKED = {"direct", "partial"}


def held(case: dict) -> bool:
    """The held-out part: a quarter of the cases, by id."""
    return zlib.crc32(str(case.get("id", "")).encode()) % 4 == 0


def fold_of(case: dict, n: int) -> int:
    """A development case's cross-validation fold of n (tools/train_cues.py uses the same)."""
    return zlib.crc32(str(case.get("id", "")).encode()) // 4 % n


def trimmed(text: str, start: int, end: int) -> Tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def jaccard(a: Tuple[int, int], b: Tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def inside(a: Tuple[int, int], b: Tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(1, a[1] - a[0])


def speaker_right(text: str, predicted: Optional[presslens.Span], gold: dict) -> bool:
    if predicted is None or gold.get("speaker_start") is None:
        return False
    g = (gold["speaker_start"], gold["speaker_end"])
    if max(0, min(predicted.end, g[1]) - max(predicted.start, g[0])) > 0:
        return True
    p, q = predicted.text.casefold(), text[g[0] : g[1]].casefold()
    contains = lambda outer, inner: bool(inner) and re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer)
    return bool(contains(p, q) or contains(q, p))


PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"}
OPENERS = {"the", "a", "an", "this", "that", "these", "those", "one", "two", "some", "many", "most", "another"}


def gold_surname(speaker: str) -> Optional[str]:
    """The last capitalised word of a gold speaker that names someone ("President Obama" ->
    "obama", "the Trump campaign" -> "trump"), or None ("he", "officials")."""
    words = re.findall(r"[\w'’.-]+", speaker)
    # A capital that only opens the phrase names no one ("The judge", "Twenty-four percent").
    if words and words[0].casefold() in OPENERS | PRONOUNS or (words and re.match(r"\w+-\w+$", words[0])):
        words = words[1:]
    words = [w for w in words if w[:1].isupper() and w.casefold() not in PRONOUNS]
    if not words:
        return None
    return re.sub(r"['’]s$", "", words[-1]).strip(".").casefold() or None


def gold_pronoun(speaker: str) -> bool:
    return speaker.strip().casefold() in PRONOUNS - {"i", "we", "you", "it"}


def resolved_right(name: Optional[str], surname: str) -> bool:
    return name is not None and re.search(r"(?<!\w)" + re.escape(surname) + r"(?!\w)", name.casefold()) is not None


DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "cpp", "data")
_speech_cues: Dict[str, Tuple[set, List[str]]] = {}


def speech_cues(lang: str, pack_dir: Optional[str] = None) -> Tuple[set, List[str]]:
    """The language's speech verbs and source cues: a pack folder's own lists where it has them
    (as the analyzers read it), else the built-in pack's."""
    if lang not in _speech_cues:

        def lines(name: str) -> List[str]:
            path = os.path.join(pack_dir or "", name + ".txt")
            if not pack_dir or not os.path.exists(path):
                path = os.path.join(DATA, lang, name + ".txt")
            if not os.path.exists(path):
                return []
            with open(path, encoding="utf-8") as handle:
                return [line.strip().casefold() for line in handle if line.strip() and not line.startswith("#")]

        _speech_cues[lang] = (set(lines("speech_verbs")), lines("according_cues"))
    return _speech_cues[lang]


def is_speech(gold: dict, cues: Tuple[set, List[str]]) -> bool:
    """A marked quote, or an attribution whose cue holds a listed speech verb or source cue."""
    if gold.get("kind") in MARKED:
        return True
    cue = (gold.get("cue") or "").casefold()
    verbs, according = cues
    return any(word in verbs for word in re.findall(r"[\w'’-]+", cue)) or any(cue.startswith(a) for a in according)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--limit", type=int, default=0, help="only the first N cases")
    parser.add_argument(
        "--part",
        choices=("all", "development", "heldout"),
        default="all",
        help="heldout: the cases whose crc32(id) %% 4 == 0 (199 of PolNeAR's 840); development: the rest",
    )
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="leave out reported speech whose Quote.confidence is below this")
    parser.add_argument("--pack-dir", help="a language-pack folder the analyzers read (e.g. a cues.model that "
                        "tools/train_cues.py --leave-out k/n trained without that fold)")
    parser.add_argument("--fold", help="k/n: only the development cases of fold k of n ((crc32(id) // 4) %% n == k), "
                        "for cross-validation with tools/train_cues.py --leave-out k/n")
    parser.add_argument(
        "--no-syntax",
        action="store_true",
        help="analyse without the syntax layer (speakers as the attribution rules alone find them)",
    )
    parser.add_argument(
        "--resolved",
        action="store_true",
        help="also score resolved speakers: on matched quotes whose gold speaker is a name, right when "
        "Quote.speaker_name contains the gold name's last capitalised word",
    )
    parser.add_argument(
        "--speech-cues",
        action="store_true",
        help="also score only the gold attributions that are marked quotes or have a listed speech cue"
        " (the --pack-dir folder's speech_verbs and according_cues lists where it has them, else"
        " the built-in pack's)",
    )
    args = parser.parse_args(argv)
    analyzers: Dict[str, presslens.Analyzer] = {}
    for source in args.inputs:
        with open(source, encoding="utf-8") as handle:
            cases = [json.loads(line) for line in handle if line.strip()]
        if args.part != "all":
            cases = [case for case in cases if held(case) == (args.part == "heldout")]
        if args.fold:
            k, n = (int(x) for x in args.fold.split("/"))
            cases = [case for case in cases if not held(case) and fold_of(case, n) == k]
        if args.limit:
            cases = cases[: args.limit]
        tp = fp = fn = 0
        per_kind: Dict[str, List[int]] = defaultdict(lambda: [0, 0])  # matched, gold
        kind_right = kind_total = speaker_ok = speaker_total = 0
        resolved_ok = resolved_total = pronoun_named = pronoun_total = 0
        predicted_kinds: Dict[str, int] = defaultdict(int)
        unattributed = unattributed_as_speech = 0
        marked_tp = marked_fp = 0  # on gold direct and partial; false: predicted direct or partial
        speech_tp = speech_gold = 0  # on gold attributions that are speech (--speech-cues)
        for case in cases:
            lang = case.get("lang", args.lang)
            if lang not in analyzers:
                analyzers[lang] = presslens.Analyzer(
                    lang, detect_structure=False, pack_dir=args.pack_dir, syntax=not args.no_syntax
                )
            text = case["text"]
            doc = analyzers[lang].analyze(text)
            predicted = [q for q in doc.quotes if q.confidence is None or q.confidence >= args.min_confidence]
            for q in predicted:
                predicted_kinds[q.kind] += 1
            gold = case["quotes"]
            pspans = [trimmed(text, q.start, q.end) for q in predicted]
            gspans = [trimmed(text, g["start"], g["end"]) for g in gold]
            candidates = sorted(
                ((jaccard(p, g), i, j) for i, p in enumerate(pspans) for j, g in enumerate(gspans)),
                reverse=True,
            )
            matched_p: Dict[int, int] = {}
            matched_g: Dict[int, int] = {}
            for score, i, j in candidates:
                if score < 0.5:
                    break
                if i in matched_p or j in matched_g:
                    continue
                matched_p[i], matched_g[j] = j, i
            for i, p in enumerate(pspans):
                if i in matched_p:
                    continue
                if any(inside(p, gspans[j]) >= 0.9 for j in matched_g):
                    continue  # neutral: a piece of a matched quote
                # Scare quotes and titles are not claims of speech: count them only when gold
                # has kinds for them (our own sets); PolNeAR gold holds attributions only. A
                # stance is an attribution: one the gold lacks is a false positive.
                if predicted[i].kind in ("scare", "title") and not any(
                    "kind" in g and g["kind"] in ("scare", "title") for g in gold
                ):
                    continue
                fp += 1
                marked_fp += predicted[i].kind in MARKED
            for j, g in enumerate(gold):
                if args.speech_cues and is_speech(g, speech_cues(lang, args.pack_dir)):
                    speech_gold += 1
                    speech_tp += j in matched_g
                kind = g.get("kind", "all")
                per_kind[kind][1] += 1
                if j in matched_g:
                    per_kind[kind][0] += 1
                    tp += 1
                    marked_tp += kind in MARKED
                    q = predicted[matched_g[j]]
                    if "kind" in g and g["kind"] in {"direct", "partial", "indirect", "scare", "title"}:
                        kind_total += 1
                        # The gold has no stances: a stance is reported speech of a belief or plan.
                        kind_right += (q.kind if q.kind != "stance" else "indirect") == g["kind"]
                    if g.get("speaker_start") is not None:
                        speaker_total += 1
                        speaker_ok += speaker_right(text, q.speaker, g)
                        surname = gold_surname(text[g["speaker_start"] : g["speaker_end"]])
                        if surname:
                            resolved_total += 1
                            resolved_ok += resolved_right(q.speaker_name, surname)
                        elif gold_pronoun(text[g["speaker_start"] : g["speaker_end"]]):
                            pronoun_total += 1
                            pronoun_named += q.speaker_name is not None
                else:
                    fn += 1
            for span in case.get("unattributed_quoted_spans", []):
                unattributed += 1
                s = trimmed(text, span["start"], span["end"])
                unattributed_as_speech += any(
                    q.kind in SPEECH and jaccard(s, pspans[i]) >= 0.5 for i, q in enumerate(predicted)
                )
        precision = tp / max(1, tp + fp)
        recall = tp / max(1, tp + fn)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(f"\n{source} ({len(cases)} documents)")
        print(f"content spans: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
        marked_gold = sum(per_kind[k][1] for k in MARKED if k in per_kind)
        if marked_gold:
            mp, mr = marked_tp / max(1, marked_tp + marked_fp), marked_tp / marked_gold
            print(f"  direct and partial: precision {mp:.3f}  recall {mr:.3f}  F1 {2 * mp * mr / max(1e-9, mp + mr):.3f}")
        if args.speech_cues and speech_gold:
            sp, sr = speech_tp / max(1, speech_tp + fp), speech_tp / speech_gold
            print(
                f"  attributions that are speech ({speech_gold} gold): precision {sp:.3f}  recall {sr:.3f}"
                f"  F1 {2 * sp * sr / max(1e-9, sp + sr):.3f}"
            )
        for kind, (m, g) in sorted(per_kind.items()):
            print(f"  recall on gold {kind:<9} {m}/{g} = {m / max(1, g):.3f}")
        print("  predicted kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(predicted_kinds.items())))
        if kind_total:
            print(f"kind accuracy on matched quotes: {kind_right}/{kind_total} = {kind_right / kind_total:.3f}")
        if speaker_total:
            print(f"speaker accuracy on matched quotes: {speaker_ok}/{speaker_total} = {speaker_ok / speaker_total:.3f}")
        if args.resolved and resolved_total:
            print(f"resolved speaker on matched quotes with a named gold speaker: {resolved_ok}/{resolved_total}"
                  f" = {resolved_ok / resolved_total:.3f}")
        if args.resolved and pronoun_total:
            print(f"gold pronoun speakers resolved to some name (correctness not annotated): {pronoun_named}/"
                  f"{pronoun_total} = {pronoun_named / pronoun_total:.3f}")
        if unattributed:
            print(f"unattributed quoted spans reported as speech: {unattributed_as_speech}/{unattributed} = {unattributed_as_speech / unattributed:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

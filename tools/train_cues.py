#!/usr/bin/env python3
"""Trains an attribution cue model for a language pack (cues.model; docs/quotes.md, "The cue model").

    python tools/train_cues.py --quotes ../shared/data/quotes/polnear_train.jsonl --out DIR/cues.model
    python tools/train_cues.py --quotes ../shared/data/quotes/polnear_train.jsonl --tune   # thresholds
    python tools/train_cues.py --quotes ... --leave-out 0/4 --out DIR/cues.model
    python benchmarks/eval_quotes.py ../shared/data/quotes/polnear_train.jsonl --fold 0/4 --pack-dir DIR

presslens ships no cue model: the English one this script trains did not beat the rules on
articles it was not trained on (docs/accuracy.md, "Quotations"). A user's model goes in a pack
folder (`Analyzer(pack_dir=DIR)`), as every list and model does.

Data: PolNeAR (Newell, Margolin and Ruths, LREC 2018), US political news with every attribution's
cue and content annotated by hand. Only its development part trains: the held-out quarter
(crc32(id) % 4 == 0, the split of benchmarks/eval_quotes.py --part heldout) never enters.

presslens's own C++ trainer (presslens._presslens.train_cue_model) reads each article as the quote
stage does: its lexicon holds the words the pack's lists lack that annotators marked as cues at
least --min-cues times and in at least --min-cue-share of their occurrences (function words never);
every report the rules read from a listed verb or a lexicon word is an example, positive when its
words are an annotated attribution's (the evaluation's matching rule). An averaged perceptron over
them, calibrated on the margins of folds it was not trained on (Platt scaling). Deterministic: the
same data and options give the same bytes.

The two thresholds stored in the model (accept a lexicon word's report at or above --accept; veto
a listed verb's report below --veto) are chosen with --tune: for each pair, four models each
trained without one fold of the development articles, each scored on its fold by
benchmarks/eval_quotes.py (content-span F1 over all attributions); the defaults are the best pair.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import List, Optional, Tuple

from model_output import add_output_arguments, fold, write_or_check
from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 4
ACCEPT = 0.6
VETO = 0.3


def held_out(case: dict) -> bool:
    """The split of benchmarks/eval_quotes.py: a quarter of the articles, by id."""
    return zlib.crc32(str(case["id"]).encode("utf-8")) % 4 == 0


def fold_of(case: dict, n: int) -> int:
    """A development article's fold (benchmarks/eval_quotes.py --fold k/n)."""
    return zlib.crc32(str(case["id"]).encode("utf-8")) // 4 % n


def byte_offsets(text: str) -> List[int]:
    """The UTF-8 byte offset of every code-point offset of `text` (one past the end included)."""
    offsets = [0]
    for character in text:
        offsets.append(offsets[-1] + len(character.encode("utf-8")))
    return offsets


def documents(path: Path, n: int) -> List[Tuple[str, str, List[Tuple[int, int]], List[Tuple[int, int]], int]]:
    """(text, lang, cue spans, reported spans (in bytes), fold) of each development article."""
    result = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            case = json.loads(line)
            if held_out(case):
                continue
            offsets = byte_offsets(case["text"])
            cues = sorted({(offsets[q["cue_start"]], offsets[q["cue_end"]]) for q in case["quotes"]
                           if q.get("cue_start") is not None and q.get("cue_end") is not None
                           and q["cue_start"] < q["cue_end"]})
            reports = sorted({(offsets[q["start"]], offsets[q["end"]]) for q in case["quotes"]})
            result.append((case["text"], case.get("lang", "en"), cues, reports, fold_of(case, n)))
    return result


def train(docs, args, accept: float, veto: float, leave_out: Optional[int]) -> dict:
    return _presslens.train_cue_model(docs, epochs=args.epochs, min_cues=args.min_cues,
                                      min_cue_share=args.min_cue_share, accept=accept, veto=veto,
                                      leave_out=leave_out)


def fold_f1(quotes: Path, model: bytes, k: int, n: int) -> float:
    """Content-span F1 of benchmarks/eval_quotes.py on development fold k of n with `model`."""
    with tempfile.TemporaryDirectory() as pack:
        (Path(pack) / "cues.model").write_bytes(model)
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "eval_quotes.py"), str(quotes),
                              "--fold", f"{k}/{n}", "--pack-dir", pack],
                             check=True, capture_output=True, text=True).stdout
    return float(re.search(r"content spans: .*F1 ([0-9.]+)", out).group(1))


def tune(docs, args) -> None:
    """Prints each threshold pair's mean F1 over the folds, each scored by a model trained without it."""
    for accept in args.accepts:
        for veto in args.vetoes:
            scores = [fold_f1(args.quotes, train(docs, args, accept, veto, k)["model"], k, FOLDS)
                      for k in range(FOLDS)]
            print(f"accept {accept:.2f} veto {veto:.2f}: F1 {sum(scores) / len(scores):.4f} "
                  f"({' '.join(f'{s:.3f}' for s in scores)})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=Path, required=True, help="PolNeAR's polnear_train.jsonl")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--min-cues", type=int, default=3)
    parser.add_argument("--min-cue-share", type=float, default=0.1)
    parser.add_argument("--accept", type=float, default=ACCEPT)
    parser.add_argument("--veto", type=float, default=VETO)
    parser.add_argument("--tune", action="store_true", help="cross-validate the thresholds instead of training")
    parser.add_argument("--accepts", type=float, nargs="+", default=[0.1, 0.2, 0.3, 0.4, 0.5, 1.0],
                        help="--tune: the accept thresholds to try (1: the lexicon all but unused)")
    parser.add_argument("--vetoes", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3],
                        help="--tune: the veto thresholds to try")
    add_output_arguments(parser, ROOT / "build" / "cues.model", folds_of="articles")
    args = parser.parse_args()
    started = time.perf_counter()
    leave_out = fold(args.leave_out)
    docs = documents(args.quotes, leave_out[1] if leave_out else FOLDS)
    if args.tune:
        tune(docs, args)
        return 0
    result = train(docs, args, args.accept, args.veto, leave_out[0] if leave_out else None)
    print(f"{result['documents']} articles, {result['candidates']:,} candidate words, "
          f"{result['positives']:,} in cues, lexicon {len(result['lexicon'])} words; cross-validated: "
          f"log loss {result['cv_log_loss']:.3f}, precision {result['cv_precision']:.3f}, "
          f"recall {result['cv_recall']:.3f} at p >= {args.accept}")
    return write_or_check(result["model"], args.out, args.check, started, "English, PolNeAR development part")


if __name__ == "__main__":
    sys.exit(main())

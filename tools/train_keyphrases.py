#!/usr/bin/env python3
"""Trains the keyphrase ranker that presslens ships (cpp/data/mul/keyphrases.model).

    python tools/train_keyphrases.py --shared ../shared/data/keywords          # writes the model
    python tools/train_keyphrases.py --shared ../shared/data/keywords --check  # compares with it

Documents: the development part of 500N-KPCrowd (English news, crowd keyphrases; Marujo et al.,
LREC 2012) and of French WikiNews (Bougouin et al., 2013), as ../shared/data/keywords/ holds them.
The held-out part (crc32(id) % 4 == 0, the split of benchmarks/eval_keywords.py --part heldout)
never enters training, so the figures that script reports on it are on documents the model never
saw. Texts under 200 characters are left out, as the evaluation leaves them out.

Every candidate keyphrase of a document (as keyphrases() finds it: noun phrases and names, tagged
by the syntax layer) is an example, positive when its key is the key of one of the document's
gold keyphrases (Analyzer.phrase_key: keyed and stemmed as counting does). presslens's own C++
trainer (presslens._presslens.train_keyphrase_model) computes each candidate's cues exactly as
keyphrases() does, trains an averaged perceptron, and calibrates its margins into probabilities on
documents held out in turn (Platt scaling). Deterministic: the same data and options give the same
bytes. The articles belong to their publishers; only the trained weights ship (docs/keywords.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path
from typing import List, Optional, Tuple

from model_output import add_output_arguments, fold, write_or_check
from presslens import _presslens

ROOT = Path(__file__).resolve().parent.parent
FILES = (("500n_kpcrowd_dev.jsonl", "en"), ("wikinews_fr_dev.jsonl", "fr"))
MIN_CHARS = 200  # as benchmarks/eval_keywords.py: some stories are a title only


def development_documents(
    shared: Path, leave_out: Optional[Tuple[int, int]]
) -> List[Tuple[str, str, List[str]]]:
    """(text, lang, keyphrases) of the development documents, without fold k of n when asked
    ((crc32(id) // 4) % n == k, as eval_keywords.py --fold k/n)."""
    documents = []
    for name, lang in FILES:
        with open(shared / name, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                case = json.loads(line)
                crc = zlib.crc32(str(case["id"]).encode())
                if crc % 4 == 0 or len(case["text"]) < MIN_CHARS:
                    continue
                if leave_out and crc // 4 % leave_out[1] == leave_out[0]:
                    continue
                documents.append((case["text"], lang, list(case["keyphrases"])))
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, required=True, help="folder with 500n_kpcrowd_dev.jsonl and wikinews_fr_dev.jsonl")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    add_output_arguments(parser, ROOT / "cpp" / "data" / "mul" / "keyphrases.model", "documents")
    args = parser.parse_args()

    started = time.perf_counter()
    documents = development_documents(args.shared, fold(args.leave_out))
    result = _presslens.train_keyphrase_model(documents, args.epochs, args.folds, args.seed)
    print(f"documents: {result['documents']}; candidates: {result['candidates']}, {result['positives']} of them gold")
    print(f"{args.folds}-fold cross-validated precision of the ten best candidates: ranker "
          f"{result['cv_precision_at_10']:.3f}, rules' score {result['cv_rule_precision_at_10']:.3f}; "
          f"log loss {result['cv_log_loss']:.3f}")
    return write_or_check(result["model"], args.out, args.check, started)


if __name__ == "__main__":
    sys.exit(main())

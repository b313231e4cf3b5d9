#!/usr/bin/env python3
"""Language identification accuracy on text the model never saw.

The model (cpp/data/mul/languages.model) is trained from wordfreq's word lists only, so running
text is unseen: the sentences of Universal Dependencies treebanks (the `# text` lines, joined and
cut into paragraphs of --chars characters; a third as many for Chinese and Japanese, whose
characters carry more) and the bundled news articles (presslens.samples.collection(), written for
presslens in six languages), cut the same way. Paragraphs are split by position: even ones are the
development part (used to choose the confidence scale), odd ones held out.

    python benchmarks/eval_langid.py ../shared/data/ud/*.conllu.xz --part heldout
    python benchmarks/eval_langid.py ../shared/data/ud/*.conllu.xz --chars 50 100 200 --part development

Prints accuracy per language and overall, the confusions, and how the reported confidence
compares with the share of right guesses (mean confidence against accuracy, by confidence band).
"""

from __future__ import annotations

import argparse
import lzma
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from presslens import _presslens, samples

DENSE = {"zh", "ja"}  # scripts without spaces: a character carries about three letters' worth


def treebank_language(path: Path) -> str:
    return path.name.split("_")[0]


def sentences_of(path: Path) -> List[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [line[len("# text = "):].strip() for line in handle if line.startswith("# text = ")]


def paragraphs(sentences: List[str], chars: int) -> List[str]:
    out, current = [], ""
    for sentence in sentences:
        current = (current + " " + sentence).strip()
        if len(current) >= chars:
            out.append(current[:chars])
            current = ""
    return out


def corpora(paths: List[Path]) -> Dict[Tuple[str, str], List[str]]:
    """(source, language) -> sentences or article texts."""
    found: Dict[Tuple[str, str], List[str]] = {}
    for path in paths:
        found[(path.name, treebank_language(path))] = sentences_of(path)
    by_lang: Dict[str, List[str]] = defaultdict(list)
    for article in samples.collection():
        by_lang[article["lang"]] += [line for line in article["text"].splitlines() if len(line) > 40]
    for lang, lines in by_lang.items():
        found[("samples", lang)] = lines
    return found


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("treebanks", nargs="*", type=Path, help="UD .conllu(.xz) files")
    parser.add_argument("--chars", type=int, nargs="+", default=[200])
    parser.add_argument("--part", choices=("all", "development", "heldout"), default="heldout")
    args = parser.parse_args(argv)
    texts = corpora(args.treebanks)
    for chars in args.chars:
        right: Dict[str, List[bool]] = defaultdict(list)
        confusions: Counter = Counter()
        bands: Dict[int, List[Tuple[float, bool]]] = defaultdict(list)
        for (source, lang), lines in texts.items():
            size = chars // 3 if lang in DENSE else chars
            cut = paragraphs(lines, size)
            keep = {"all": cut, "development": cut[0::2], "heldout": cut[1::2]}[args.part]
            for text in keep:
                ranked = _presslens.rank_languages(text.encode("utf-8"))
                guess, confidence = ranked[0] if ranked else ("", 0.0)
                ok = guess == lang
                right[f"{lang} ({source})"].append(ok)
                if not ok:
                    confusions[(lang, guess)] += 1
                bands[min(9, int(confidence * 10))].append((confidence, ok))
        total = [ok for flags in right.values() for ok in flags]
        print(f"\n{chars} characters ({args.part}): {sum(total)}/{len(total)} = {sum(total) / max(1, len(total)):.4f}")
        for name, flags in sorted(right.items()):
            print(f"  {name:<32} {sum(flags)}/{len(flags)} = {sum(flags) / len(flags):.4f}")
        if confusions:
            print("  confusions: " + ", ".join(f"{g}->{p}: {n}" for (g, p), n in confusions.most_common(10)))
        print("  confidence band: mean confidence / accuracy (texts)")
        for band in sorted(bands):
            pairs = bands[band]
            mean = sum(c for c, _ in pairs) / len(pairs)
            accuracy = sum(ok for _, ok in pairs) / len(pairs)
            print(f"    {band / 10:.1f}-{(band + 1) / 10:.1f}: {mean:.3f} / {accuracy:.3f} ({len(pairs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

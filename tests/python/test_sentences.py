from __future__ import annotations

import re

import pytest

import presslens


def sentences(text: str, lang: str = "en") -> list:
    return [s.text for s in presslens.analyze(text, lang=lang).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. It rained.", ["Mr. Smith met Dr. Jones.", "It rained."]),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("I work for the U.S. Government.", ["I work for the U.S. Government."]),
        ("See p. 55. Then 3.14 percent.", ["See p. 55.", "Then 3.14 percent."]),
        ('She said, "This is great." she smiled.', ['She said, "This is great." she smiled.']),
        ('"Go." He went.', ['"Go."', "He went."]),
        ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
        ("We won! 🎉 See you.", ["We won! 🎉", "See you."]),
        ("I meant that... She left.", ["I meant that...", "She left."]),
        ("Mail jane.doe@example.com. Done.", ["Mail jane.doe@example.com.", "Done."]),
        ("We pay fees, etc. Applications open soon.", ["We pay fees, etc.", "Applications open soon."]),
        ("Critics say the novel follows J. R. Hallorann through a hard winter. It sold well.",
         ["Critics say the novel follows J. R. Hallorann through a hard winter.", "It sold well."]),
        ("Sales fell. iPhone revenue dropped.", ["Sales fell.", "iPhone revenue dropped."]),
    ],
)
def test_english_rules(text: str, expected: list) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "M. Dupont est parti. « C'est fini. » Il pleut.", ["M. Dupont est parti.", "« C'est fini. »", "Il pleut."]),
        ("de", "Er kam am 1. Januar. Die Wahl war 1990. Sie lief.", ["Er kam am 1. Januar.", "Die Wahl war 1990.", "Sie lief."]),
        ("es", "Llegó el Sr. Pérez. ¿Quién abre? ¡Nadie!", ["Llegó el Sr. Pérez.", "¿Quién abre?", "¡Nadie!"]),
        ("zh", "两国关系正在改善。“我们会努力。”他说。", ["两国关系正在改善。", "“我们会努力。”他说。"]),
        ("ja", "東京は晴れです。「行きます。」と彼は言った。", ["東京は晴れです。", "「行きます。」と彼は言った。"]),
        ("zh", "“太不公平了！”一名球迷大喊。比赛结束了。", ["“太不公平了！”一名球迷大喊。", "比赛结束了。"]),
        ("zh", "《别怕，明天会更好！》上市首周销量突破十万册。", ["《别怕，明天会更好！》上市首周销量突破十万册。"]),
    ],
)
def test_other_languages(lang: str, text: str, expected: list) -> None:
    assert sentences(text, lang) == expected


def test_sentences_cover_the_text() -> None:
    text = "Headline\n\nFirst one. Second one!\r\nThird? « Quatre. » 五。六！ 😀 end"
    doc = presslens.analyze(text, detect_structure=False)
    rebuilt = "".join(s.text for s in doc.sentences)
    assert re.sub(r"\s+", "", rebuilt) == re.sub(r"\s+", "", text)
    for earlier, later in zip(doc.sentences, doc.sentences[1:]):
        assert earlier.end <= later.start


def test_user_abbreviations(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert sentences("We met the Ctte. Chair today.") == ["We met the Ctte.", "Chair today."]
    (tmp_path / "title_abbreviations.txt").write_text("Ctte.\n", encoding="utf-8")
    analyzer = presslens.Analyzer("en", pack_dir=tmp_path)
    assert [s.text for s in analyzer.analyze("We met the Ctte. Chair today.").sentences] == [
        "We met the Ctte. Chair today."
    ]


def test_pathological_inputs_lose_nothing() -> None:
    for text in ["." * 200_000, '"' * 100_000, "a" * 300_000, "1. a) " * 20_000, "。" * 50_000]:
        doc = presslens.analyze(text, detect_structure=False)
        assert "".join(s.text for s in doc.sentences).replace(" ", "") == text.replace(" ", "")

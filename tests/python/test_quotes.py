from __future__ import annotations

import pickle

import presslens
from presslens import samples


def quotes(text: str, lang: str = "en") -> list:
    doc = presslens.analyze(text, lang=lang, detect_structure=False)
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        for span in (q.marks, q.speaker, q.cue, q.kind_cue):
            assert span is None or doc.text[span.start : span.end] == span.text
    return [(q.text, q.kind, q.speaker.text if q.speaker else None) for q in doc.quotes]


def test_kinds_and_speakers() -> None:
    assert quotes('"We are losing the race," said Dr. Amara Lindqvist, who leads the team.') == [
        ("We are losing the race,", "direct", "Dr. Amara Lindqvist")
    ]
    assert quotes('Nothing beats the "China threat" theory.') == [("China threat", "scare", None)]
    assert quotes('The report, "Living With Heat", came out in 2019.') == [
        ("Living With Heat", "title", None)
    ]
    assert quotes("According to the ministry, exports rose by 4% in May.") == [
        ("exports rose by 4% in May", "indirect", "the ministry")
    ]


def test_code_point_offsets_with_cjk_and_emoji() -> None:
    assert quotes("😀 他说：“我们会继续努力。”", "zh")[0][0] == "我们会继续努力。"
    assert quotes("🎉 Sie sagte: „Wir schaffen das.“", "de")[0][0] == "Wir schaffen das."


def test_speakers_group_by_surname_and_resolve_pronouns() -> None:
    doc = presslens.analyze(samples.read())
    speakers = doc.speakers()
    assert "Dr. Amara Lindqvist" in speakers and "Deputy Mayor Tomas Reyes" in speakers
    assert len(speakers["Dr. Amara Lindqvist"]) >= 3  # "said Dr. ...", the next sentence, "As Dr. Lindqvist put it"
    assert {q.kind for q in speakers["Deputy Mayor Tomas Reyes"]} >= {"partial", "direct", "indirect"}
    kinds = {q.text: q.kind for q in doc.quotes}
    assert kinds["Living With Heat"] == "title" and kinds["green recovery"] == "scare"
    restored = pickle.loads(pickle.dumps(doc))
    assert restored.quotes == doc.quotes
    assert doc.to_dict()["quotes"][0]["kind"] in {"title", "direct", "partial", "scare", "indirect"}


def test_unbalanced_marks_never_swallow_the_text() -> None:
    doc = presslens.analyze('He said "this never closes.\n\nLater, a "real" quote.', detect_structure=False)
    assert [q.text for q in doc.quotes if q.kind != "indirect"] == ["real"]
    assert len(doc.unpaired_quote_marks) == 1
    assert doc.text[doc.unpaired_quote_marks[0]] == '"'
    many = presslens.analyze('"' * 100_001, detect_structure=False)
    assert len(many.quotes) <= 50_001

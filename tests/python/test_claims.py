from __future__ import annotations

import pickle

import presslens
from presslens import samples


def test_claims_are_ranked_and_explained() -> None:
    doc = presslens.analyze(samples.read())
    claims = doc.claims
    assert claims and all(c.is_claim for c in claims)
    assert [c.score for c in claims] == sorted((c.score for c in claims), reverse=True)
    assert len(doc.sentence_claims) == len(doc.sentences)
    top = claims[0]
    assert 0.0 <= top.score <= 1.0 and top.cues
    for claim in claims:
        spans = [(c.start, c.end) for c in claim.cues]
        assert len(spans) == len(set(spans))  # each cue once
    for claim in doc.sentence_claims:
        assert doc.text[claim.start : claim.end] == claim.text
        for cue in [*claim.kinds.values(), *claim.hedges, *claim.boosters, *claim.cues]:
            assert doc.text[cue.start : cue.end] == cue.text
    statistical = [c for c in claims if "statistical" in c.kinds]
    assert any("41.2°C" in c.text for c in statistical)


def test_kinds_hedges_and_speakers() -> None:
    doc = presslens.analyze(
        "Prices rose 4% because energy costs doubled. This may perhaps change. "
        '"Taxes will rise next year," the minister said. Let\'s hope for the best.',
        detect_structure=False,
    )
    first, second, third, fourth = doc.sentence_claims
    assert {"statistical", "causal"} <= set(first.kinds)
    assert first.kinds["causal"].text == "because"
    assert second.certainty < 0 and [h.text for h in second.hedges] == ["may", "perhaps"]
    assert third.speaker is not None and third.speaker.text == "the minister"
    assert not fourth.is_claim  # an exhortation
    restored = pickle.loads(pickle.dumps(doc))
    assert restored.sentence_claims == doc.sentence_claims


def test_other_languages_are_scored_too() -> None:
    doc = presslens.analyze("Die Arbeitslosigkeit sank 2023 um 3 Prozent, weil die Wirtschaft wuchs.", lang="de")
    claim = doc.sentence_claims[0]
    assert {"statistical", "causal"} <= set(claim.kinds)

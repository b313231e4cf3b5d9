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


def test_kinds_hedges_and_boosters_in_every_language() -> None:
    cases = {
        "fr": ("Le prix va sans doute augmenter de 10 % à cause de la sécheresse.",
               {"statistical", "predictive", "causal"}, "sans doute"),
        "de": ("Die Miete wird wegen der Sanierung vielleicht um 12 Prozent steigen.",
               {"statistical", "predictive", "causal"}, "vielleicht"),
        "es": ("Quizás el precio suba un 10 por ciento debido a la sequía.",
               {"statistical", "causal"}, "Quizás"),
        "zh": ("由于干旱，粮价可能上涨百分之十。", {"statistical", "causal", "predictive"}, "可能"),
        "ja": ("干ばつのため、米の価格はおそらく10パーセント上がるだろう。",
               {"statistical", "causal", "predictive"}, "おそらく"),
    }
    for lang, (text, kinds, hedge) in cases.items():
        claim = presslens.analyze(text, lang=lang, detect_structure=False).sentence_claims[0]
        assert kinds <= set(claim.kinds), (lang, claim.kinds)
        assert hedge in [h.text for h in claim.hedges], (lang, claim.hedges)
        assert claim.certainty < 0


def test_two_calibrated_decisions_and_the_rules() -> None:
    doc = presslens.analyze(
        "The merger was a bad deal for workers and a disgrace for the city. Unemployment fell to "
        "3.9% in May, the lowest rate since 2001. Will taxes rise? Let's build 500 homes.",
        detect_structure=False,
    )
    judgement, statistic, question, exhortation = doc.sentence_claims
    analyzer = presslens.Analyzer()
    assert 0 < analyzer._core.claim_threshold < 1 and 0 < analyzer._core.check_threshold < 1
    assert judgement.is_claim and not judgement.check_worthy and judgement.rule == ""
    assert statistic.is_claim and statistic.check_worthy and statistic.score > judgement.score
    assert (question.rule, exhortation.rule) == ("question", "exhortation, wish or address")
    for claim in (question, exhortation):
        assert not claim.is_claim and not claim.check_worthy and 0 <= claim.claim_score <= 1
    assert doc.claims == [statistic, judgement]  # the most check-worthy first
    row = doc.to_pandas("claims").iloc[2]
    assert (row["rule"], bool(row["is_claim"]), bool(row["check_worthy"])) == ("question", False, False)
    assert doc.to_dict()["claims"][0]["claim_score"] == judgement.claim_score


def test_claims_pickled_before_the_two_decisions_still_load() -> None:
    old_state = (0, 5, "Taxes", 0, 0.5, True, {}, [], [], [], None, "")  # twelve fields, as before
    claim = presslens.Claim.__new__(presslens.Claim)
    claim.__setstate__(old_state)
    assert claim.is_claim and claim.score == 0.5 and claim.speaker_key == ""
    assert (claim.check_worthy, claim.claim_score, claim.rule) == (False, None, "")


def test_claim_model_training_is_deterministic() -> None:
    from presslens import _presslens

    sentences = [
        ("Prices rose 4% because energy costs doubled.", "en", True, 0),
        ("Is this the right way?", "en", False, 0),
        ("The council should explain the cost.", "en", True, 1),
        ("Good evening and welcome.", "en", False, 1),
        ("Die Miete wird um 12 Prozent steigen.", "de", True, 0),
        ("Guten Morgen!", "de", False, 1),
    ]
    first = _presslens.train_claim_model(sentences)
    assert first["model"] == _presslens.train_claim_model(sentences)["model"]
    assert first["examples"] == 6 and first["positives"] == 3 and len(first["cv_probabilities"]) == 6
    assert 0 < first["threshold"] < 1

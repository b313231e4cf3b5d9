from __future__ import annotations

import pytest

import presslens
from presslens import samples


def test_sample_is_bundled_and_readable() -> None:
    assert samples.DEFAULT in samples.names()
    text = samples.read()
    assert text.startswith("Harbour City Ledger")
    doc = presslens.analyze(text)
    assert doc.structure.title is not None
    assert doc.structure.title.text == "Our city is not ready for the summers that are already here"
    assert [a.text for a in doc.structure.authors] == ["Marta Okafor"]
    assert len(doc.sentences) > 25
    assert doc.sentences[0].text.startswith("Last August, the thermometer")
    assert any("41.2°C" in s.text for s in doc.sentences)
    assert not any("All rights reserved" in s.text for s in doc.sentences)


def test_unknown_sample() -> None:
    with pytest.raises(KeyError):
        samples.path("no-such-article")

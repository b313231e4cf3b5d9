from __future__ import annotations

import pytest

import presslens
from presslens import samples


def test_sample_is_bundled_and_readable() -> None:
    assert samples.DEFAULT in samples.names()
    text = samples.read()
    assert text.startswith("Harbour City Ledger")
    doc = presslens.analyze(text)
    assert len(doc.sentences) > 30
    assert any("41.2°C" in s.text for s in doc.sentences)


def test_unknown_sample() -> None:
    with pytest.raises(KeyError):
        samples.path("no-such-article")

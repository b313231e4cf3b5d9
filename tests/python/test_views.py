"""A document's layers are views: items become Python objects only when read, and behave like
the lists they replaced (indexing, slicing, iteration, equality, pickling)."""

from __future__ import annotations

import pickle

import pytest

import presslens
from presslens import samples
from presslens.views import LayerView


def test_items_are_made_only_when_read() -> None:
    doc = presslens.analyze(samples.read())
    tokens = doc.tokens
    assert isinstance(tokens, LayerView)
    assert len(tokens) > 500
    assert all(item is None for item in tokens._items)  # counting made no token
    first, last = tokens[0], tokens[-1]
    assert sum(item is not None for item in tokens._items) == 2
    assert tokens[0] is first and doc.tokens[-1] is last  # kept, and the layer itself too
    assert doc.text[last.start : last.end] == last.text
    with pytest.raises(IndexError):
        tokens[len(tokens)]
    with pytest.raises(IndexError):
        tokens[-len(tokens) - 1]


def test_views_behave_like_lists() -> None:
    doc = presslens.analyze(samples.read())
    for layer in (doc.tokens, doc.sentences, doc.paragraphs, doc.quotes, doc.sentence_claims, doc.words,
                  doc.noun_chunks, doc.names):
        items = list(layer)
        assert len(items) == len(layer) and items == layer and layer == items and layer != tuple(items)
        assert layer[1:4] == items[1:4] and layer[::-3] == items[::-3]
        assert [item for item in layer] == items and all(a is b for a, b in zip(layer, items))
        assert (items[0] in layer) and layer.index(items[-1]) == len(items) - 1
        assert repr(layer) == repr(items)
        assert pickle.loads(pickle.dumps(layer)) == items
    assert doc.tokens != doc.sentences and doc.tokens != "text"


def test_documents_still_pickle_and_compare() -> None:
    doc = presslens.analyze(samples.read())
    restored = pickle.loads(pickle.dumps(doc))
    assert restored == doc
    assert restored.sentences == doc.sentences and restored.quotes == doc.quotes
    assert restored.tokens == doc.tokens  # analysed again on demand


def test_an_empty_layer() -> None:
    doc = presslens.analyze("")
    assert len(doc.tokens) == 0 and list(doc.tokens) == [] and doc.tokens == []
    assert doc.tokens[0:5] == []

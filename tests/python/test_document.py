from __future__ import annotations

import json
import pickle

import presslens
from presslens import Document, Sentence


def test_to_dict_is_json_ready() -> None:
    doc = presslens.analyze("Zoë spoke. 你好。")
    data = doc.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["sentences"][0] == {
        "start": 0,
        "end": 10,
        "text": "Zoë spoke.",
        "index": 0,
        "paragraph": 0,
        "quotes": [],
        "quoted_share": 0.0,
    }


def test_results_pickle_and_compare_by_value() -> None:
    doc = presslens.analyze("The minister spoke. Nobody listened.\n\nLater, 😀.")
    restored = pickle.loads(pickle.dumps(doc))
    assert isinstance(restored, Document)
    assert restored == doc
    assert restored.sentences[2] == doc.sentences[2]
    assert hash(restored.sentences[0]) == hash(doc.sentences[0])


def test_reprs_are_short_and_informative() -> None:
    doc = presslens.analyze("A sentence that is long enough to be shortened in a repr, surely. Next.")
    assert repr(doc).startswith("Document(lang='en', chars=71, paragraphs=1, sentences=2")
    assert repr(doc.sentences[1]) == "Sentence(66, 71, 'Next.', index=1, paragraph=0, quotes=[], quoted_share=0.0)"
    assert "…" in repr(doc.sentences[0])
    assert len(doc) == 71


def test_sentence_fields() -> None:
    sentence = Sentence(0, 3, "Hi.", 0, 0)
    assert sentence.to_dict() == {"start": 0, "end": 3, "text": "Hi.", "index": 0, "paragraph": 0,
                                  "quotes": [], "quoted_share": 0.0}

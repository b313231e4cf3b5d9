from __future__ import annotations

import datetime
import pickle

import pandas as pd
import pytest

import presslens
from presslens import _presslens

PAGE = """The Riverside Courier
Home / News / Politics / Opinion
Council approves new bridge after two years of debate
By Helen Marsh and Omar Diaz | Published May 24, 2024
Share - Facebook - X
The city council voted 9 to 2 on Tuesday to fund a new pedestrian bridge over the river.
Construction is expected to start next spring and last about eighteen months, with the old ferry landing closed for the whole of that time.
The council expects about 4,000 people a day to cross the bridge, most of them commuters from the east bank.
Helen Marsh is a correspondent for the Courier.
Most Read
© 2024 The Riverside Courier. All rights reserved.
"""


def test_structure_of_a_news_page() -> None:
    doc = presslens.analyze(PAGE)
    structure = doc.structure
    assert structure.title is not None
    assert structure.title.text == "Council approves new bridge after two years of debate"
    assert [a.text for a in structure.authors] == ["Helen Marsh", "Omar Diaz"]
    assert structure.date == datetime.datetime(2024, 5, 24)
    assert structure.date_iso == "2024-05-24"
    assert structure.date_text is not None and structure.date_text.text == "May 24, 2024"
    # Three body paragraphs: on a page of two short ones the block model is unsure (about 0.5) and
    # retrainings fall on either side (docs/structure.md, Limits).
    assert [p.text[:12] for p in structure.body] == ["The city cou", "Construction", "The council "]
    assert [p.text for p in structure.bio] == ["Helen Marsh is a correspondent for the Courier."]
    reasons = {b.text: b.reason for b in structure.boilerplate}
    assert reasons["Home / News / Politics / Opinion"] == "link list"
    assert reasons["Share - Facebook - X"] == "chrome phrase"
    assert reasons["© 2024 The Riverside Courier. All rights reserved."] == "legal"
    share = next(b for b in structure.boilerplate if b.reason == "chrome phrase")
    assert share.cue is not None and doc.text[share.cue.start : share.cue.end] == share.cue.text
    assert [p.role for p in doc.paragraphs][:4] == ["boilerplate", "boilerplate", "title", "byline"]
    assert all(s.paragraph in {p.index for p in structure.body} for s in doc.sentences)


def test_spans_are_code_points_in_cjk_pages() -> None:
    page = "首页 / 新闻 / 国际\n两国外长同意恢复对话\n2024年5月24日 文/张三\n两国外长周五在北京会谈，同意恢复中断一年的对话机制。双方表示将加强合作。\n版权所有 © 2024\n"
    doc = presslens.analyze(page, lang="zh")
    structure = doc.structure
    assert structure.title is not None and structure.title.text == "两国外长同意恢复对话"
    assert structure.date_iso == "2024-05-24"
    assert [a.text for a in structure.authors] == ["张三"]
    for span in [structure.title, structure.date_text, *structure.authors]:
        assert span is not None and doc.text[span.start : span.end] == span.text
    assert [s.text for s in doc.sentences] == [
        "两国外长周五在北京会谈，同意恢复中断一年的对话机制。",
        "双方表示将加强合作。",
    ]


def test_structure_round_trips_through_pickle_and_dict() -> None:
    doc = presslens.analyze(PAGE)
    restored = pickle.loads(pickle.dumps(doc))
    assert restored.structure == doc.structure
    data = doc.to_dict()["structure"]
    assert data["date"] == "2024-05-24" and data["title"]["text"].startswith("Council")
    assert "Structure(title='Council approves" in repr(doc.structure)


def test_detection_can_be_switched_off() -> None:
    doc = presslens.analyze(PAGE, detect_structure=False)
    assert all(p.role == "body" for p in doc.paragraphs)
    assert doc.structure.title is None and doc.structure.boilerplate == []
    assert "detect_structure=False" in repr(presslens.Analyzer(detect_structure=False))


def test_empty_text_has_an_empty_structure() -> None:
    structure = presslens.analyze("").structure
    assert structure.title is None and structure.body == [] and structure.date is None


def test_one_paragraph_is_a_text_not_a_page() -> None:
    doc = presslens.analyze("The story follows J. R. Hallorann home. Readers share his fear.")
    assert [p.role for p in doc.paragraphs] == ["body"]
    assert [s.text for s in doc.sentences] == ["The story follows J. R. Hallorann home.", "Readers share his fear."]


def test_every_paragraph_of_a_page_has_a_body_score() -> None:
    doc = presslens.analyze(PAGE)
    scores = doc.structure.body_scores
    assert len(scores) == len(doc.paragraphs)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for paragraph, score in zip(doc.paragraphs, scores):
        if paragraph.role == "body":
            assert score >= 0.5
        elif paragraph.role == "boilerplate":
            assert score < 0.5
    assert doc.to_dict()["structure"]["body_scores"] == scores
    assert pickle.loads(pickle.dumps(doc)).structure.body_scores == scores
    table = doc.to_pandas("paragraphs")
    assert list(table["body_score"]) == pytest.approx(scores)
    reasons = dict(zip(table["index"], table["chrome_reason"]))
    assert reasons[1] == "link list" and pd.isna(reasons[5])


def test_titles_say_who_chose_them() -> None:
    page = presslens.analyze(PAGE)
    assert page.structure.title.text == "Council approves new bridge after two years of debate"
    assert page.structure.title_source == "model"  # plain text with chrome: the title model
    documents = presslens.analyze_frame(pd.DataFrame({"text": [PAGE]}))["documents"]
    assert documents["title_source"][0] == "model"
    assert pickle.loads(pickle.dumps(page)).structure.title_source == "model"
    assert page.to_dict()["structure"]["title_source"] == "model"
    clean = presslens.analyze("Bridge approved\n\nThe council voted on Tuesday. Work starts in spring.\n\n"
                              "The old ferry landing will close.")
    assert clean.structure.title_source == "rules"
    none = presslens.analyze("The council voted on Tuesday.")
    assert none.structure.title is None and none.structure.title_source is None


def test_authors_say_who_chose_them() -> None:
    # The writer's name alone under the article, a commenter's after the comments heading: the
    # author chooser takes the writer's, which the rules (bylines near the title) miss.
    page = PAGE.replace("By Helen Marsh and Omar Diaz | Published May 24, 2024", "May 24, 2024").replace(
        "Most Read", "AUTHOR\nComments (1)\nJo Berg, May 26, 2024\nGreat news.\nMost Read")
    signed = presslens.analyze(page.replace("AUTHOR", "Helen Marsh"))
    assert [a.text for a in signed.structure.authors] == ["Helen Marsh"]
    assert signed.structure.author_source == "model" and signed.to_dict()["structure"]["author_source"] == "model"
    assert presslens.analyze_frame(pd.DataFrame({"text": [page.replace("AUTHOR", "Helen Marsh")]}))[
        "documents"]["author_source"][0] == "model"
    # Without it (and without the bio that names the writer), no one.
    unsigned = presslens.analyze(page.replace("AUTHOR", "Share this story").replace(
        "Helen Marsh is a correspondent for the Courier.\n", ""))
    assert unsigned.structure.authors == [] and unsigned.structure.author_source is None


def test_dates_say_who_chose_them() -> None:
    # The article's date under its text, a reader's comment after it: the rules look for dates
    # near the title and find none; the date chooser reads every dated line of a page with chrome
    # and takes the article's own.
    page = PAGE.replace(" | Published May 24, 2024", "").replace(
        "Most Read", "Published May 24, 2024\nComments (1)\nJo Berg, May 26, 2024\nGreat news.\nMost Read")
    doc = presslens.analyze(page)
    assert doc.structure.date_iso == "2024-05-24" and doc.structure.date_source == "model"
    assert doc.structure.date_text.text == "May 24, 2024"
    assert doc.text[doc.structure.date_text.start - 10 : doc.structure.date_text.start] == "Published "
    assert presslens.analyze_frame(pd.DataFrame({"text": [page]}))["documents"]["date_source"][0] == "model"
    restored = pickle.loads(pickle.dumps(doc)).structure
    assert restored.date_source == "model" and restored == doc.structure
    assert doc.to_dict()["structure"]["date_source"] == "model"
    older = doc.structure.__getstate__()[:-2]  # pickled before dates and authors had a source
    structure = presslens.Structure.__new__(presslens.Structure)
    structure.__setstate__(older)
    assert structure.date_source is None and structure.author_source is None
    before_scores = presslens.Structure.__new__(presslens.Structure)
    before_scores.__setstate__(doc.structure.__getstate__()[:8])  # before body_scores existed
    assert before_scores.body_scores == [] and before_scores.to_dict()["body_scores"] == []
    clean = presslens.analyze("Bridge approved\n\nRIVERSIDE, May 24, 2024 - The council voted on Tuesday. Work starts in "
                              "spring.\n\nThe old ferry landing will close.")  # clean text: the rules
    assert clean.structure.date_iso == "2024-05-24" and clean.structure.date_source == "rules"
    assert presslens.analyze("The council voted on Tuesday.").structure.date_source is None


def test_clean_text_is_not_scored() -> None:
    doc = presslens.analyze("The council voted on Tuesday.\nConstruction starts in spring.\n")
    assert doc.structure.body_scores == []
    assert doc.to_pandas("paragraphs")["body_score"].isna().all()


def test_a_model_trained_on_our_page_replaces_the_shipped_one(tmp_path) -> None:
    doc = presslens.analyze(PAGE)
    labels = [(p.index, p.role == "body") for p in doc.paragraphs if p.role in ("body", "boilerplate")]
    title = [p.index for p in doc.paragraphs if p.role == "title"]
    pages = [(PAGE, "text", "en", labels, [], title, "2024-05-24", ["Helen Marsh", "Omar Diaz"], "")] * 4
    trained = _presslens.train_structure_model(pages, folds=2)
    assert trained == _presslens.train_structure_model(pages, folds=2)  # deterministic
    assert trained["lines"] == 4 * len(labels) and trained["teacher_lines"] == 0
    assert trained["title_pages"] == 4 and 0.0 <= trained["cv_title_accuracy"] <= 1.0
    assert trained["date_pages"] == 4 and trained["cv_date_accuracy"] == 1.0
    assert trained["author_pages"] == 4 and trained["cv_author_accuracy"] == 1.0
    assert 0.0 <= trained["cv_accuracy"] <= 1.0
    (tmp_path / "structure.model").write_bytes(trained["model"])
    own = presslens.Analyzer("en", pack_dir=str(tmp_path)).analyze(PAGE)
    assert len(own.structure.body_scores) == len(own.paragraphs)
    assert own.structure.body_scores != doc.structure.body_scores
    (tmp_path / "structure.model").write_bytes(trained["model"][:-3])
    with pytest.raises(presslens.LanguagePackError):
        presslens.Analyzer("en", pack_dir=str(tmp_path))
    with pytest.raises(presslens.InvalidArgumentError):
        _presslens.train_structure_model([(PAGE, "text", "en", [(99, True)], [], [], "", [], "")])

from __future__ import annotations

import html

import presslens
from presslens import samples
from presslens.display import render


def test_render_is_self_contained_and_marks_every_layer() -> None:
    doc = presslens.analyze(samples.read())
    page = render(doc)
    assert page == doc._repr_html_()
    assert "<script" not in page and "http" not in page.split("</style>")[0]
    assert 'class="pl-chrome"' in page  # boilerplate greyed out
    assert "pl-q-direct" in page and "pl-q-title" in page and "pl-speaker" in page
    assert 'class="pl-sentence pl-claim"' in page or "pl-claim" in page
    assert "Our city is not ready for the summers that are already here" in page
    assert "Marta Okafor" in page


def test_article_text_cannot_inject_markup() -> None:
    hostile = 'Headline <script>alert(1)</script>\n\nThe minister said "<b>bold</b> & <i>more</i>" today.'
    page = render(presslens.analyze(hostile))
    assert "<script>" not in page and "<b>" not in page
    assert html.escape("<script>alert(1)</script>") in page
    assert "&amp;" in page


def test_render_handles_empty_and_cjk_text() -> None:
    assert 'class="pl-doc"' in render(presslens.analyze(""))
    page = render(presslens.analyze("他说：“我们会继续努力。”", lang="zh", detect_structure=False))
    assert "我们会继续努力" in page


def test_a_quote_in_parts_is_highlighted_part_by_part() -> None:
    doc = presslens.Analyzer("en", detect_structure=False, claims=False).analyze(
        '"We will win the vote," said Ann Lee, "and then we rest."'
    )
    assert len(doc.quotes[0].parts) == 2
    page = render(doc)
    # The attribution between the parts is plain text; each part is highlighted.
    assert '<span class="pl-sentence">&quot; said </span>' in page
    assert page.count('pl-q-direct" title="direct quote by Ann Lee"') == 2

from __future__ import annotations

import datetime
import pickle
import subprocess
import sys

import pandas as pd
import pytest

import presslens
from presslens import samples
from presslens.errors import InvalidArgumentError, InvalidTextError

from invariants import assert_document_invariants


@pytest.fixture(scope="module")
def page() -> str:
    return samples.page()


def test_a_saved_page_is_read_as_html(page: str) -> None:
    doc = presslens.analyze(page)
    assert doc.source_format == "html"
    assert doc.html is page
    assert "<" not in doc.text and "window.dataLayer" not in doc.text and "not text" not in doc.text
    structure = doc.structure
    assert structure.title is not None and structure.title.text == "Harbour wall to be rebuilt before winter"
    assert [a.text for a in structure.authors] == ["Mara Lindqvist"]
    assert structure.date_iso == "2026-04-08T07:45+01:00"  # the page's time zone kept
    assert structure.date is not None and structure.date.utcoffset() == datetime.timedelta(hours=1)
    documents = presslens.analyze_frame(pd.DataFrame({"text": [page]}))["documents"]
    assert documents["date"][0] == pd.Timestamp("2026-04-08 07:45")  # local time, as written
    assert documents["utc_offset"][0] == "+01:00"
    assert structure.title_source == "markup" and documents["title_source"][0] == "markup"
    assert structure.date_source == "markup" and documents["date_source"][0] == "markup"
    body = [p.text for p in structure.body]
    assert body[0].startswith("The harbour wall at Port Ellery")
    assert body[-1].startswith("Work is due to start on 4 May")
    assert not any("Advertisement" in p for p in body)  # hidden
    chrome = {b.text: b.reason for b in structure.boilerplate}
    assert chrome["Most read"] == "layout"
    assert chrome["© 2026 Coast Courier. All rights reserved."] == "legal"
    assert "Sam R.: About time too, the wall has been a danger for years." in chrome
    assert {q.speaker.text for q in doc.quotes if q.speaker} >= {"Ines Albrecht", "Priya Nandakumar"}
    assert_document_invariants(doc)


def test_metadata_of_a_page_and_none_for_text(page: str) -> None:
    meta = presslens.analyze(page).metadata
    assert meta == {
        "title": "Harbour wall to be rebuilt before winter",
        "authors": ["Mara Lindqvist"],
        "date": "2026-04-08T07:45:00+01:00",
        "site_name": "Coast Courier",
        "description": "The council will rebuild the storm-damaged harbour wall over the summer.",
        "url": "https://coast-courier.example/news/harbour-wall",
        "language": "en",
    }
    assert presslens.analyze("Plain text, no page.").metadata is None


def test_html_offsets_slice_the_page_as_given(page: str) -> None:
    doc = presslens.analyze(page)
    quote = next(q for q in doc.quotes if q.kind == "direct" and q.speaker and q.speaker.text == "Priya Nandakumar")
    start, end = doc.html_offsets(quote)
    assert page[start:end] == "Every week the quay stays closed costs us customers,"
    cafe = doc.text.index("café")
    start, end = doc.html_offsets((cafe, cafe + 4))
    assert page[start:end] == "caf&eacute;"
    title = doc.structure.title
    assert page[slice(*doc.html_offsets(title))] == title.text


def test_html_offsets_count_code_points_of_str_and_bytes_of_bytes() -> None:
    html = "<html><body><p>🌊 港口 &amp; Ärger, said Lin.</p></body></html>"
    doc = presslens.analyze(html)
    assert doc.text == "🌊 港口 & Ärger, said Lin."
    at = doc.text.index("Ärger")
    start, end = doc.html_offsets((at, at + 5))
    assert html[start:end] == "Ärger"
    data = html.encode("utf-8")
    from_bytes = presslens.analyze(data)
    assert from_bytes.html is data
    start, end = from_bytes.html_offsets((at, at + 5))
    assert data[start:end] == "Ärger".encode("utf-8")
    amp = doc.text.index("&")
    assert html[slice(*doc.html_offsets((amp, amp + 1)))] == "&amp;"
    with pytest.raises(ValueError):
        doc.html_offsets((0, len(doc.text) + 1))
    with pytest.raises(ValueError):
        presslens.analyze("plain").html_offsets((0, 1))


def test_format_is_detected_or_given() -> None:
    prose = "A <b>tag</b> in prose stays text."
    assert presslens.analyze(prose).source_format == "text"
    assert presslens.analyze(prose).text == prose
    as_html = presslens.analyze(prose, format="html")
    assert as_html.source_format == "html" and as_html.text == "A tag in prose stays text."
    page = "<!DOCTYPE html><html><body><p>Hi.</p></body></html>"
    raw = presslens.Analyzer(format="text").analyze(page)
    assert raw.source_format == "text" and raw.text == page
    with pytest.raises(InvalidArgumentError):
        presslens.Analyzer(format="pdf")
    assert repr(presslens.Analyzer(format="html")) == "Analyzer(lang='en', errors='strict', format='html')"


def test_invalid_bytes_in_a_page() -> None:
    data = b"<html><body><p>caf\xe9 ok</p></body></html>"
    with pytest.raises(InvalidTextError):
        presslens.analyze(data)
    doc = presslens.Analyzer(errors="replace").analyze(data)
    assert doc.text == "caf\ufffd ok" and doc.replacements == 1


def test_pages_pickle_and_read_again(page: str) -> None:
    analyzer = presslens.Analyzer(format="html")
    doc = analyzer.analyze(page)
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert copy.source_format == "html" and copy.html == page
    assert [t.text for t in copy.tokens] == [t.text for t in doc.tokens]  # analysed again from the page
    assert copy.html_offsets(copy.sentences[0]) == doc.html_offsets(doc.sentences[0])
    restored = pickle.loads(pickle.dumps(analyzer))
    assert restored.format == "html"


def test_pipe_mixes_pages_and_texts(page: str) -> None:
    docs = list(presslens.Analyzer().pipe([page, "Just a sentence of text.", page.encode("utf-8")], threads=2))
    assert [d.source_format for d in docs] == ["html", "text", "html"]
    assert docs[0].structure.title.text == docs[2].structure.title.text


def test_empty_and_articleless_pages() -> None:
    doc = presslens.analyze("<html><head><title>Nothing here</title></head><body></body></html>")
    assert doc.text == "" and doc.metadata["title"] == "Nothing here"
    menu = presslens.analyze('<html><body><nav><a href="/">Home</a></nav></body></html>')
    assert menu.structure.body == []
    assert_document_invariants(menu)


def test_cli_reads_html_files(tmp_path, page: str) -> None:
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )
    assert "read from HTML (Coast Courier)" in result.stdout
    assert "Title    Harbour wall to be rebuilt before winter  (markup)" in result.stdout
    as_text = subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", "--input", "text", str(tmp_path / "story.html")],
        capture_output=True, text=True, check=True,
    )
    assert "read from HTML" not in as_text.stdout


def test_frames_carry_the_pages_site_and_address(page: str) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"text": [page, "Plain text about the harbour wall, which the council will rebuild."]})
    documents = presslens.analyze_frame(frame, layers=[])["documents"]
    assert list(documents["source_format"]) == ["html", "text"]
    assert documents["site"][0] == "Coast Courier" and pandas.isna(documents["site"][1])
    assert documents["url"][0] == "https://coast-courier.example/news/harbour-wall"
    assert documents["title"][0] == "Harbour wall to be rebuilt before winter"

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from presslens import cli, samples


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, "-m", "presslens", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_sample_report_lists_sentences() -> None:
    result = run_cli("analyze", "--sample")
    assert result.returncode == 0, result.stderr
    report = result.stdout.decode("utf-8")
    assert "sample:harbour-city-heat" in report
    assert "Sentences" in report
    assert "the highest temperature recorded there since measurements began in 1921." in report
    # A quote its attribution interrupts is listed by its parts, not with "said ..." inside.
    assert "[direct] We are losing the race against the weather, … Every summer" in report


def test_json_and_jsonl_formats(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Ein Satz. Noch einer.", encoding="utf-8")
    result = run_cli("analyze", str(first), "--format", "jsonl", "--lang", "de")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == str(first)
    assert record["lang"] == "de"
    assert [s["text"] for s in record["sentences"]] == ["Ein Satz.", "Noch einer."]

    result = run_cli("analyze", "--format", "json", "-", stdin="中文。日本語。".encode())
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_invalid_utf8_fails_cleanly_or_is_replaced(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Broken \xff text.")
    result = run_cli("analyze", str(bad))
    assert result.returncode == 1
    assert b"invalid UTF-8 at byte 7" in result.stderr
    result = run_cli("analyze", str(bad), "--errors", "replace", "--format", "jsonl")
    assert result.returncode == 0
    assert json.loads(result.stdout)["replacements"] == 1


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze"]) == 2
    assert cli.main(["analyze", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["analyze", "--format", "xml", "x"])


def test_main_writes_to_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["analyze", samples.path()]) == 0
    assert "Sentences" in out.getvalue()


def test_keywords_command(tmp_path: Path) -> None:
    result = run_cli("keywords", "--sample", "--top", "5")
    assert result.returncode == 0, result.stderr
    assert b"Keyphrases" in result.stdout and b"city" in result.stdout
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Flood defences failed. The flood damaged homes.", encoding="utf-8")
    second.write_text("The council approved flood defences.", encoding="utf-8")
    result = run_cli("keywords", str(first), str(second), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[-1]["corpus"] == 2
    assert records[-1]["terms"][0]["key"] == "flood"


def test_folders_and_jsonl_inputs_with_progress(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "2026").mkdir(parents=True)
    (folder / "b.txt").write_text("Second file. It has two sentences.", encoding="utf-8")
    (folder / "2026" / "a.txt").write_text("First file.", encoding="utf-8")
    (folder / "notes.md").write_text("Not an article.", encoding="utf-8")
    lines = [
        json.dumps({"id": "x1", "text": "From JSONL. Two."}),
        "",
        "{not json",
        json.dumps({"id": "x3", "text": "Bad \udc80 surrogate"}),
        json.dumps({"text": "No id here."}),
    ]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    result = run_cli("analyze", str(folder), "--format", "jsonl", "--threads", "2", "--progress")
    assert result.returncode == 1  # two inputs failed, the others were analysed
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["source"], len(r["sentences"])) for r in records] == [
        (str(folder / "2026" / "a.txt"), 1),
        (str(folder / "b.txt"), 2),
        ("x1", 2),
        (f"{folder / 'more.jsonl'}:5", 1),
    ]
    errors = result.stderr.decode()
    assert f"{folder / 'more.jsonl'}:3: not a JSON object" in errors
    assert "more.jsonl:4" in errors or "x3: " in errors
    assert "presslens: 5" in errors  # the progress line: five inputs read


def test_jsonl_from_standard_input() -> None:
    stdin = (json.dumps({"id": 7, "text": "Piped in. Fine."}) + "\n").encode()
    result = run_cli("analyze", "-", "--jsonl", "--format", "jsonl", "--no-progress", stdin=stdin)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "7" and len(record["sentences"]) == 2
    assert result.stderr == b""


def test_jsonl_lines_whose_text_is_not_a_string_are_skipped() -> None:
    lines = [
        json.dumps({"id": "a", "text": 42}),
        json.dumps({"id": "b", "text": None}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "text": "Good one. Fine."}),
    ]
    stdin = ("\n".join(lines) + "\n").encode()
    result = run_cli("analyze", "-", "--jsonl", "--format", "jsonl", "--no-progress", stdin=stdin)
    assert result.returncode == 1  # some inputs failed; the good one is still analysed
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["source"] for r in records] == ["c"]
    errors = result.stderr.decode()
    assert '<stdin>:1: "text" is int, not a string' in errors
    assert '<stdin>:2: "text" is NoneType, not a string' in errors
    assert "<stdin>:3: not a JSON object" in errors
    assert "Traceback" not in errors


def test_json_has_keyphrases_and_html_is_a_page() -> None:
    result = run_cli("analyze", "--sample", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["keyphrases"] and {"text", "count"} <= set(record["keyphrases"][0])
    page = run_cli("analyze", "--sample", "--format", "html").stdout.decode()
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert page.rstrip().endswith("</html>") and page.count("<body>") == 1


def test_unpaired_quotation_marks_are_reported() -> None:
    text = 'The mayor said: "We will rebuild the pier.\n\nThe pier opens in May. It is 40 metres long.'
    report = run_cli("analyze", "-", stdin=text.encode()).stdout.decode()
    assert "Unpaired quotation marks (1), each with the text around it" in report
    assert f"  at {text.index(chr(34))}: …" in report
    record = json.loads(run_cli("analyze", "-", "--format", "json", stdin=text.encode()).stdout)
    assert record["unpaired_quote_marks"] == [text.index('"')]
    assert "Unpaired" not in run_cli("analyze", "--sample").stdout.decode()

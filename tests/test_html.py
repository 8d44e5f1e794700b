"""The HTML report: escaping, highlighted spans (also overlapping ones), and in a real browser.

The ``browser`` tests drive headless Chromium with no extra Python package: the report is
rendered to a file, a test-only script is appended that clicks every finding and writes
what the DOM then shows into a ``<pre>``, and ``--dump-dom`` prints the resulting DOM.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from discrepancy.cli import main
from discrepancy.html import Highlight, fragment, segments, to_html
from discrepancy.model import Report
from discrepancy.strategies.reports import reports

from .conftest import SEEDS

PLANTED = (
    "Officials said 40 people were killed.\n"
    "<script>document.documentElement.setAttribute('data-pwned', '1')</script>\n"
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned', '2')\"> & more\n"
)


class _Texts(HTMLParser):
    """Each source's text as the browser would see it, cut into (text, data-f) segments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: dict[str, list[tuple[str, str | None]]] = {}
        self.scripts = 0
        self._source: str | None = None
        self._in_text = False
        self._mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.scripts += tag == "script"
        if tag == "section" and "data-source" in found:
            self._source = found["data-source"]
        elif tag == "div" and found.get("class") == "dr-text" and self._source is not None:
            self._in_text = True
            self.sources[self._source] = []
        elif tag == "mark" and self._in_text:
            self._mark = found.get("data-f")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None
        elif tag == "div":
            self._in_text = False

    def handle_data(self, data: str) -> None:
        if self._in_text and self._source is not None:
            self.sources[self._source].append((data, self._mark))


def _parse(html: str) -> _Texts:
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return parser


def _covered(pieces: list[tuple[str, str | None]], key: str) -> tuple[str, set[int]]:
    """The whole text, and the offsets covered by marks that list ``key``."""
    offsets: set[int] = set()
    at = 0
    for text, keys in pieces:
        if keys is not None and key in keys.split(" "):
            offsets.update(range(at, at + len(text)))
        at += len(text)
    return "".join(t for t, _ in pieces), offsets


def _assert_every_span_highlighted(report: Report, texts: dict[str, Any]) -> None:
    for finding in report.findings:
        for ev in finding.evidence:
            whole, covered = _covered(texts[ev.span.source], finding.id)
            wanted = set(range(ev.span.start, ev.span.end))
            assert wanted <= covered, (finding.id, ev.span)
            assert whole[ev.span.start : ev.span.end] == ev.span.surface


@given(reports())
def test_every_source_text_survives_and_every_span_is_marked(report: Report) -> None:
    parsed = _parse(to_html(report))
    assert parsed.scripts == 1  # ours; none from the sources
    for source in report.sources:
        assert "".join(t for t, _ in parsed.sources[source.id]) == source.text
    _assert_every_span_highlighted(report, parsed.sources)


SEGMENT_EXAMPLES = [
    # (spans as (start, end, key), expected segments as (text, keys))
    ([(0, 4, "a")], [("abcd", "a"), ("efgh", "")]),
    ([(0, 6, "a"), (2, 4, "b")], [("ab", "a"), ("cd", "a b"), ("ef", "a"), ("gh", "")]),
    ([(0, 4, "a"), (2, 6, "b")], [("ab", "a"), ("cd", "a b"), ("ef", "b"), ("gh", "")]),
    ([(3, 3, "empty"), (7, 99, "out of range")], [("abcdefgh", "")]),
]


@pytest.mark.parametrize(("spans", "expected"), SEGMENT_EXAMPLES, ids=str)
def test_overlapping_spans_are_split(
    spans: list[tuple[int, int, str]], expected: list[tuple[str, str]]
) -> None:
    text = "abcdefgh"
    items = [Highlight(start=s, end=e, key=k, type="conflict") for s, e, k in spans]
    got = [(text[s:e], " ".join(h.key for h in c)) for s, e, c in segments(len(text), items)]
    assert got == expected


def test_fragment_is_scoped_for_notebooks() -> None:
    out = fragment(Report(sources=(), slots=(), findings=()))
    assert "<body" not in out
    assert "html,body" not in out


def test_no_network_in_the_page(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["audit", str(SEEDS), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for needle in ("src=", "href=", "@import", "url(", "fetch(", "XMLHttpRequest"):
        assert needle not in page, needle


# --- in a real browser ------------------------------------------------------------------

_PROBE = """
<script>
(function(){
  var root=document.querySelector('.dr'), out={sources:{}, clicks:{}, colours:{}};
  root.querySelectorAll('.dr-source').forEach(function(src){
    var pieces=[];
    src.querySelector('.dr-text').childNodes.forEach(function(n){
      pieces.push([n.textContent, n.nodeName==='MARK' ? n.getAttribute('data-f') : null]);
      if(n.nodeName==='MARK'){out.colours[getComputedStyle(n).backgroundColor]=1;}
    });
    out.sources[src.getAttribute('data-source')]=pieces;
  });
  root.querySelectorAll('.finding').forEach(function(f){
    f.click();
    var marks=[];
    root.querySelectorAll('mark.ev.active').forEach(function(m){
      marks.push([m.closest('.dr-source').getAttribute('data-source'), m.getAttribute('data-f')]);
    });
    out.clicks[f.getAttribute('data-f')]={active: f.classList.contains('active'), marks: marks};
  });
  var pre=document.createElement('pre'); pre.id='probe';
  pre.textContent=JSON.stringify(out); document.body.appendChild(pre);
})();
</script>
"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("chromium is not installed (CI installs it: see .ci/run)")
    return found


def _run_chromium(chromium: str, profile: Path, *args: str) -> str:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    done = subprocess.run(
        [chromium, *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


class _Probe(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.text = ""
        self.root_attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "pre" and ("id", "probe") in attrs
        if tag == "html":
            self.root_attrs = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


@pytest.fixture(scope="module")
def browser_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, Any], Any]:
    """The seeds plus one planted article, rendered, screenshot taken, probed after clicks."""
    chromium = _chromium()
    from discrepancy import audit, load_corpus

    work = tmp_path_factory.mktemp("browser")
    corpus = work / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "zz_planted.txt").write_text(PLANTED, encoding="utf-8")
    report = audit(load_corpus([corpus]))
    page = work / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    shot = Path(os.environ.get("DISCREPANCY_SCREENSHOT", work / "seeds-report.png"))
    first = report.findings[0].id  # opened as if clicked, to show the marked spans
    url = f"{page.as_uri()}#finding={first}"
    _run_chromium(
        chromium, work / "profile", f"--screenshot={shot}", "--window-size=1400,1000", url
    )
    print(f"\nscreenshot of the seeds HTML report: {shot}")
    assert shot.stat().st_size > 10_000
    probed = work / "probed.html"
    probed.write_text(to_html(report).replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    probe = _Probe()
    probe.feed(_run_chromium(chromium, work / "profile", "--dump-dom", probed.as_uri()))
    return report, json.loads(probe.text), probe.root_attrs


@pytest.mark.browser
def test_browser_highlights_every_evidence_span(browser_run: tuple[Report, Any, Any]) -> None:
    report, dom, _ = browser_run
    assert report.findings
    _assert_every_span_highlighted(report, dom["sources"])
    assert "rgba(0, 0, 0, 0)" not in dom["colours"]  # every mark has a background
    assert len(dom["colours"]) >= 2  # and they differ by finding type


@pytest.mark.browser
def test_browser_click_marks_the_findings_spans_in_every_source(
    browser_run: tuple[Report, Any, Any],
) -> None:
    report, dom, _ = browser_run
    for finding in report.findings:
        click = dom["clicks"][finding.id]
        assert click["active"], finding.id
        assert all(finding.id in keys.split(" ") for _, keys in click["marks"])
        assert {s for s, _ in click["marks"]} == {ev.span.source for ev in finding.evidence}


@pytest.mark.browser
def test_browser_shows_a_planted_script_as_text(browser_run: tuple[Report, Any, Any]) -> None:
    _, dom, root_attrs = browser_run
    assert "data-pwned" not in root_attrs
    shown = "".join(text for text, _ in dom["sources"]["zz_planted"])
    assert shown == PLANTED
    assert "<script>document.documentElement" in shown

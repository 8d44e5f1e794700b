"""A ``Report`` as one self-contained HTML page: findings beside the sources' texts.

No network: the CSS and the few lines of JavaScript are inline. Every evidence span is
highlighted in its source by finding type; where spans overlap the text is split into
segments, each one ``<mark>`` listing every finding that covers it (``data-f``). Clicking a
finding marks its spans (class ``active``) and scrolls each source to them; so does opening
the page at ``#finding=ID``. All text from the sources is escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Iterator

import attrs

from discrepancy.model import Finding, Report, Source
from discrepancy.report import HEADINGS, TYPE_ORDER, headline, marks, pieces, summary

SINGLE = "single"  # the pseudo-type of single-source facts
_RANK = {t.value: n for n, t in enumerate(TYPE_ORDER)} | {SINGLE: len(TYPE_ORDER)}


@attrs.frozen(kw_only=True)
class Highlight:
    """One stretch of a source to highlight: a finding's evidence or a single-source fact."""

    start: int
    end: int
    key: str  # the finding id, or ``single-N``
    type: str  # a ``FindingType`` value or ``"single"``
    label: str = ""  # shown on hover: the type and the question


def to_html(report: Report) -> str:
    """The whole page: ``<!doctype html>`` and the report fragment.

    >>> from discrepancy.model import Report
    >>> to_html(Report(sources=(), slots=(), findings=())).startswith("<!doctype html>")
    True
    """
    title = _esc(headline(report))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_PAGE_CSS}</style>\n</head>\n<body>\n"
        f"{fragment(report, page=True)}</body>\n</html>\n"
    )


def fragment(report: Report, *, page: bool = False) -> str:
    """The report as one ``<div class="dr">`` with scoped CSS and script (for notebooks too).

    >>> from discrepancy.model import Report
    >>> fragment(Report(sources=(), slots=(), findings=())).startswith('<div class="dr')
    True
    """
    spans = highlights(report)
    classes = "dr dr-page" if page else "dr"
    sources = "".join(_source(s, spans.get(s.id, [])) for s in report.sources)
    return (
        f'<div class="{classes}">\n<style>{_CSS}</style>\n'
        f'<div class="dr-findings">\n{_findings_panel(report)}</div>\n'
        f'<div class="dr-sources">\n{sources}'
        f"</div>\n<script>{_JS}</script>\n</div>\n"
    )


def highlights(report: Report) -> dict[str, list[Highlight]]:
    """Every stretch to highlight, by source id.

    >>> from discrepancy.model import Report
    >>> highlights(Report(sources=(), slots=(), findings=()))
    {}
    """
    out: dict[str, list[Highlight]] = {}
    for finding in report.findings:
        for ev in finding.evidence:
            span = ev.span
            kind = finding.type.value
            label = f"{kind.replace('_', ' ')}: {finding.slot}"
            item = Highlight(start=span.start, end=span.end, key=finding.id, type=kind, label=label)
            out.setdefault(span.source, []).append(item)
    for n, fact in enumerate(report.single_source):
        label = f"single source: {fact.role or fact.kind} = {fact.value}"
        key = f"single-{n}"
        item = Highlight(
            start=fact.span.start, end=fact.span.end, key=key, type=SINGLE, label=label
        )
        out.setdefault(fact.span.source, []).append(item)
    return out


def segments(
    length: int, spans: Iterable[Highlight]
) -> Iterator[tuple[int, int, tuple[Highlight, ...]]]:
    """Cut ``[0, length)`` at every span's ends; yield each piece with the spans covering it.

    >>> a = Highlight(start=0, end=4, key="a", type="conflict")
    >>> b = Highlight(start=2, end=6, key="b", type="variant")
    >>> [(s, e, [h.key for h in c]) for s, e, c in segments(6, [a, b])]
    [(0, 2, ['a']), (2, 4, ['a', 'b']), (4, 6, ['b'])]
    """
    spans = [h for h in spans if 0 <= h.start < h.end <= length]
    cuts = sorted({0, length} | {h.start for h in spans} | {h.end for h in spans})
    for start, end in itertools.pairwise(cuts):
        yield start, end, tuple(h for h in spans if h.start <= start and end <= h.end)


def _source(source: Source, spans: list[Highlight]) -> str:
    meta = [m for m in (source.outlet, _date(source), source.url or source.path) if m]
    body: list[str] = []
    for start, end, covering in segments(len(source.text), spans):
        text = _text(source.text[start:end])
        if not covering:
            body.append(text)
            continue
        keys = " ".join(sorted({h.key for h in covering}))
        kinds = sorted({h.type for h in covering}, key=_RANK.__getitem__)
        body.append(
            f'<mark class="ev t-{kinds[0]}" data-f="{_esc(keys)}" data-t="{" ".join(kinds)}"'
            f' title="{_esc(_labels(covering))}">{text}</mark>'
        )
    return (
        f'<section class="dr-source" data-source="{_esc(source.id)}">\n'
        f"<h2>{_esc(source.id)}</h2>\n"
        f'<p class="dr-meta">{_esc(" · ".join(meta))}</p>\n'
        f'<div class="dr-text">{"".join(body)}</div>\n</section>\n'
    )


def _labels(covering: tuple[Highlight, ...]) -> str:
    ordered = sorted(covering, key=lambda h: (_RANK[h.type], h.label))
    return "\n".join(dict.fromkeys(h.label or h.type for h in ordered))


def _date(source: Source) -> str | None:
    return source.published.isoformat() if source.published else None


def _findings_panel(report: Report) -> str:
    counts = summary(report)["findings"]
    chips = "".join(
        f'<span class="chip t-{t}">{_esc(t.replace("_", " "))} <b>{n}</b></span>'
        for t, n in counts.items()
    )
    parts = [
        f"<h1>{len(report.sources)} sources, {len(report.findings)} findings</h1>\n",
        f'<p class="dr-legend">{chips}<span class="chip t-single">single source '
        f"<b>{len(report.single_source)}</b></span></p>\n",
    ]
    if report.problems:
        items = "".join(f"<li>{_esc(str(p))}</li>" for p in report.problems)
        parts.append(f'<ul class="dr-problems">{items}</ul>\n')
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if group:
            parts.append(f"<h2>{HEADINGS[kind]} ({len(group)})</h2>\n")
            parts += [_finding(f) for f in group]
    return "".join(parts)


def _finding(finding: Finding) -> str:
    quotes = []
    for ev, ranges in zip(finding.evidence, marks(finding), strict=True):
        quote = "".join(
            f'<mark class="diff">{_text(p)}</mark>' if m else _text(p)
            for p, m in pieces(ev.span.surface, ranges)
        )
        quotes.append(
            f'<li><span class="src">{_esc(ev.span.source)}</span> '
            f'“{quote}” <span class="val">= {_esc(ev.value)}</span></li>'
        )
    suggestion = (
        f'<p class="sugg">Suggestion: <b>{_esc(finding.suggestion)}</b></p>'
        if finding.suggestion
        else ""
    )
    return (
        f'<article class="finding t-{finding.type.value}" data-f="{_esc(finding.id)}"'
        ' tabindex="0" role="button">'
        f'<header><span class="badge">{_esc(finding.type.value.replace("_", " "))}</span> '
        f"<b>{_esc(finding.slot)}</b> <code>{_esc(finding.id)}</code> "
        f'<span class="score">{finding.score:.2f}</span></header>'
        f"<p>{_esc(finding.explanation)}</p>{suggestion}<ul>{''.join(quotes)}</ul></article>\n"
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    # A bare CR would be turned into LF by the HTML parser; a reference keeps offsets.
    return _esc(text).replace("\r", "&#13;")


_PAGE_CSS = "html,body{margin:0;height:100%}body{font:15px/1.45 system-ui,sans-serif}"

_CSS = """
.dr{--conflict:#fca5a5;--likely_typo:#fdba74;--compatible:#93c5fd;--variant:#c4b5fd;
--consistent:#86efac;--single:#e5e7eb;display:grid;grid-template-columns:minmax(20em,2fr) 3fr;
gap:0;height:80vh;color:#111;background:#fff;font:15px/1.45 system-ui,sans-serif}
.dr.dr-page{height:100vh}
.dr-findings,.dr-sources{overflow:auto;padding:0 1em 2em}
.dr-findings{border-right:1px solid #ccc;background:#fafafa}
.dr h1{font-size:1.25em;margin:.8em 0 .3em}.dr h2{font-size:1.05em;margin:1em 0 .4em}
.dr .chip{display:inline-block;border-radius:1em;padding:0 .6em;margin:0 .3em .3em 0;
font-size:.85em}
.dr .finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;
padding:.4em .6em;margin:.5em 0;background:#fff;cursor:pointer}
.dr .finding:hover{border-color:#888}.dr .finding.active{box-shadow:0 0 0 3px #111}
.dr .finding p{margin:.3em 0}.dr .finding ul{margin:.2em 0;padding-left:1.2em}
.dr .badge{border-radius:3px;padding:0 .4em;font-size:.8em;text-transform:uppercase}
.dr .score{float:right;color:#555;font-size:.85em}.dr code{font-size:.8em;color:#555}
.dr .src{font-family:ui-monospace,monospace;font-size:.8em;color:#444}
.dr .val{color:#555}.dr mark.diff{background:#111;color:#fff;border-radius:2px}
.dr .sugg b{background:#dcfce7}
.dr-source{border:1px solid #ddd;border-radius:4px;margin:.8em 0;background:#fff}
.dr-source h2{margin:0;padding:.3em .6em;background:#f3f4f6;font-family:ui-monospace,monospace}
.dr-source.dim{opacity:.45}
.dr-meta{margin:0;padding:0 .6em;color:#666;font-size:.8em}
.dr-text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:45vh;overflow:auto;
padding:.4em .6em;position:relative}
.dr mark.ev{border-radius:2px;color:inherit;cursor:pointer}
.dr mark.ev.active{outline:2px solid #111;box-shadow:0 0 0 4px #facc15}
.dr .t-conflict{background:var(--conflict)}.dr .t-likely_typo{background:var(--likely_typo)}
.dr .t-compatible{background:var(--compatible)}.dr .t-variant{background:var(--variant)}
.dr .t-consistent{background:var(--consistent)}.dr .t-single{background:var(--single)}
.dr .finding.t-conflict{border-left-color:#dc2626;background:#fff}
.dr .finding.t-likely_typo{border-left-color:#ea580c;background:#fff}
.dr .finding.t-compatible{border-left-color:#2563eb;background:#fff}
.dr .finding.t-variant{border-left-color:#7c3aed;background:#fff}
.dr .finding.t-consistent{border-left-color:#16a34a;background:#fff}
.dr .finding.t-conflict .badge{background:var(--conflict)}
.dr .finding.t-likely_typo .badge{background:var(--likely_typo)}
.dr .finding.t-compatible .badge{background:var(--compatible)}
.dr .finding.t-variant .badge{background:var(--variant)}
.dr .finding.t-consistent .badge{background:var(--consistent)}
"""

_JS = """
(function(){
var me=document.currentScript, all=document.querySelectorAll('.dr');
var up=me&&me.parentElement;
var root=up&&up.classList.contains('dr')?up:all[all.length-1];
if(!root)return;
function has(el,id){return (el.getAttribute('data-f')||'').split(' ').indexOf(id)>=0;}
function select(id){
  root.querySelectorAll('.active').forEach(function(el){el.classList.remove('active');});
  root.querySelectorAll('.dr-source').forEach(function(s){s.classList.add('dim');});
  var first=null;
  root.querySelectorAll('.finding').forEach(function(f){if(has(f,id))f.classList.add('active');});
  root.querySelectorAll('.dr-source').forEach(function(src){
    var box=src.querySelector('.dr-text'),top=null;
    src.querySelectorAll('mark.ev').forEach(function(m){
      if(!has(m,id))return;
      m.classList.add('active');
      if(top===null){top=m.offsetTop;}
    });
    if(top!==null){
      src.classList.remove('dim');
      box.scrollTop=Math.max(0,top-box.clientHeight/3);
      if(!first){first=src;}
    }
  });
  if(first){first.scrollIntoView({block:'nearest'});}
}
root.addEventListener('click',function(e){
  var f=e.target.closest('.finding');
  if(f){select(f.getAttribute('data-f'));return;}
  var m=e.target.closest('mark.ev');
  if(m){
    var id=m.getAttribute('data-f').split(' ')[0];
    select(id);
    root.querySelectorAll('.finding').forEach(function(el){
      if(has(el,id))el.scrollIntoView({block:'nearest'});});
  }
});
root.addEventListener('keydown',function(e){
  var f=e.target.closest('.finding');
  if(f&&(e.key==='Enter'||e.key===' ')){e.preventDefault();select(f.getAttribute('data-f'));}
});
root.drSelect=select;
var hash=decodeURIComponent(location.hash.slice(1));
if(hash.indexOf('finding=')===0){select(hash.slice(8));}
})();
"""

"""report.html: self-contained (a CSP that forbids every outside source), everything escaped, charts drawn."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pipeline.policy import load_policy
from pipeline.report.html import bar_chart, render_html, trend_chart, write_html
from pipeline.report.model import FieldReview, RejectedType, Report, ViolationEntry
from tests.history.test_store import report

LONG = "A" * 5000
HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "javascript:window.__pwned=3",
    "' onmouseover='window.__pwned=4' x='",
    "</style></svg><svg onload=window.__pwned=5>",
    "{{ 7*7 }}",
    LONG,
]


def hostile_report() -> tuple[Report, Report]:
    """A previous and a current report whose every scanned name and evidence is an attack."""
    old = report("old", 1)
    new = report("new", 1, extra_field=True)
    for i, text in enumerate(HOSTILE):
        f = new.fields[0].model_copy(deep=True)
        f.dataset, f.field = f"t{i}{text}", text
        f.entities[0].evidence = [text]
        f.review = FieldReview(status="confirmed", by=text, rejected=[RejectedType(type="PHONE_NUMBER", why=text,
                                                                                   by=text)])
        new.fields.append(f)
        new.violations.append(ViolationEntry(rule="full_card_number", source="db", dataset=text, field=text,
                                             key=text, path=text, evidence=f"VISA ending 4242 {text}"))
    new.notes.append(HOSTILE[0])
    new.sources[0].error = HOSTILE[1]
    new.sources[0].status = "error"
    return old, new


def test_hostile_names_are_escaped_and_nothing_loads_from_elsewhere() -> None:
    old, new = hostile_report()
    page = render_html(new, old, policy=load_policy())
    assert page.count("<script") == 1 and "__pwned" not in page.split("<script>")[1]
    for text in HOSTILE[:5]:
        if any(c in text for c in "<>\"'"):
            assert text not in page  # shown as text; `javascript:` is harmless as text, never a link (below)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "49" not in re.findall(r">(\d+)<", page)  # data is never evaluated
    assert not re.search(r"""(src|href|action)\s*=\s*["']?(https?:|//|javascript:)""", page, re.I)
    assert "<a " not in page and "<link" not in page and "@import" not in page and "url(" not in page
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "connect-src 'none'" in csp


def test_since_last_run_section_and_statuses() -> None:
    old, new = hostile_report()
    page = render_html(new, old)
    since = page.split('id="since"')[1].split("</section>")[0]
    assert "field added: db/users.dob [DATE_OF_BIRTH]" in since
    first = render_html(old)
    assert "this is the first" in first and "The trend appears from the second recorded run" in first


def test_write_html_beside_report(tmp_path: Path) -> None:
    path = write_html(report("a", 0), tmp_path, None, [("z", {"violations": 3}), ("a", {"violations": 0})])
    assert path == tmp_path / "report.html" and "<polyline" in path.read_text()


def test_bar_chart_geometry() -> None:
    c = bar_chart("t", {"a": 4, "b": 2, "c" * 80: 1})
    assert [b.value for b in c.bars] == [4, 2, 1] and c.bars[0].width == 2 * c.bars[1].width
    assert len(c.bars[2].label) == 36 and c.bars[2].title == "c" * 80 and c.bars[1].y > c.bars[0].y
    assert bar_chart("t", {}).bars == []


def test_trend_chart_points() -> None:
    t = trend_chart([("a", {"v": 0}), ("b", {"v": 10})], {"v": "s0"})
    (x0, y0), (x1, y1) = [tuple(map(float, p.split(","))) for p in t.series[0].points.split()]
    assert x1 > x0 and y1 < y0 and t.series[0].last == 10 and t.max == 10

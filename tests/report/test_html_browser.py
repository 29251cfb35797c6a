"""report.html in a real browser: Debian's chromium, headless, driven by Playwright (never `playwright install`).

Opens the page from file://, records every request the page attempts, types into the search box and sees the
rows filter, and checks that hostile names did not run. Outside CI the test skips when chromium is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy import load_policy
from pipeline.report.html import write_html
from tests.helpers import CHROMIUM, chromium_or_skip
from tests.report.test_html import hostile_report

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():  # playwright's Browser
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    """The page, the URLs it requested (the file itself included) and its dialogs."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, requests, dialogs


def rows_shown(page) -> int:
    return page.locator("tr[data-row]:not(.hidden)").count()


def test_hostile_page_is_inert_offline_and_filters(browser, tmp_path: Path) -> None:
    old, new = hostile_report()
    path = write_html(new, tmp_path, old, policy=load_policy())
    page, requests, dialogs = open_page(browser, path)
    assert requests == [path.resolve().as_uri()], f"the page tried to load {requests[1:]}"
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
    page.hover("text=onmouseover", timeout=2000)
    page.locator("#fields tr").nth(5).hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # The escaped text is shown as text.
    assert page.locator("#fields td", has_text="<script>window.__pwned=1</script>").count() >= 2
    total = rows_shown(page)
    page.fill("#q", "<svg onload")
    assert 0 < rows_shown(page) < total
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # A 5,000-character name wraps instead of stretching the page.
    assert page.evaluate("document.documentElement.scrollWidth") < 3000
    assert requests == [path.resolve().as_uri()]


def test_demo_page_search_and_screenshot(browser, demo_pages: tuple[Path, Path]) -> None:
    first, second = demo_pages
    page, requests, dialogs = open_page(browser, second / "report.html")
    total = rows_shown(page)
    assert total > 100
    page.fill("#q", "billing_email")
    assert rows_shown(page) == 1
    page.fill("#q", "")
    page.select_option("#kind", "violations")
    assert 0 < rows_shown(page) < total
    page.select_option("#kind", "all")
    since = page.locator("#since").inner_text()
    assert "billing_email" in since and "resolved violation: full_card_number" in since
    shot = second / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert requests == [(second / "report.html").resolve().as_uri()] and dialogs == []

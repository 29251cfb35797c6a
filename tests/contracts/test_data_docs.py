"""`pdd contracts check --data-docs DIR` keeps GE's validation results in a file-backed GE context and builds
GE's own Data Docs (issue 23): one validation page per contracted dataset, nothing raw in any file, and the
index renders in headless chromium (outside CI the browser part skips when chromium is missing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from demo.generate import Manifest
from tests.contracts.conftest import DEMO_CONTRACTS, pdd
from tests.helpers import CHROMIUM, chromium_or_skip, leaks_in_tree


@pytest.fixture(scope="module")
def data_docs(normal_demo: Manifest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("gx-docs")
    code, text = pdd("contracts", "check", str(normal_demo.config), "--contracts", str(DEMO_CONTRACTS),
                     "--data-docs", str(out))
    assert code == 1, text[-3000:]
    return out, text


def test_data_docs_site_has_a_validation_page_per_contracted_dataset(data_docs: tuple[Path, str],
                                                                     normal_demo: Manifest) -> None:
    out, text = data_docs
    index = out / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert f"Data Docs: {index}" in text
    assert (out / "gx" / "great_expectations.yml").exists()  # a GE project users can open with gx.get_context
    pages = list((index.parent / "validations").rglob("*.html"))
    contracted = {p.stem for p in DEMO_CONTRACTS.glob("*.yaml")}
    assert len(pages) == len(contracted)
    html = index.read_text()
    assert "pdd.app_db.payments" in html.replace("/", ".") or "payments" in html
    assert leaks_in_tree(out, normal_demo.card_numbers) == {}
    for p in out.rglob("*"):
        if p.is_file():
            body = p.read_bytes().decode("utf-8", "replace")
            assert not [v for v in normal_demo.planted_values if len(v) >= 8 and v in body], p.name


def test_data_docs_index_renders_in_headless_chromium(data_docs: tuple[Path, str], tmp_path: Path) -> None:
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    out, _ = data_docs
    index = out / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    shot = Path(os.environ.get("PDD_DATA_DOCS_SCREENSHOT", tmp_path / "data-docs.png"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        # GE's pages load Bootstrap, jQuery and Vega from CDNs; this machine is offline: refuse them at once.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        page.goto(index.as_uri())
        body = page.inner_text("body")
        page.screenshot(path=str(shot), full_page=False)
        # The index's table is filled by bootstrap-table from a CDN, so offline it stays empty (GE's
        # limitation); the validation pages are static HTML and show pdd's expectations.
        payments = next((index.parent / "validations").rglob("payments.html"))
        page.goto(payments.as_uri())
        detail = page.inner_text("body")
        page.screenshot(path=str(shot.with_name(shot.stem + "-payments.png")), full_page=False)
        browser.close()
    assert "Validation Results" in body and "payments" in index.read_text() and shot.stat().st_size > 10_000
    assert "expect_column_values_to_not_contain_card_number" in detail.replace(" ", "_").lower() or \
        "card number" in detail.lower(), detail[:500]

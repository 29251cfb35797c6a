"""The demo scanned twice (a new e-mail column, one card removed): `pdd diff` and report.html show both changes,
and neither they, the history database nor the CSV exports hold a planted card number or raw planted value."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from demo.generate import Manifest
from pipeline.cli import app
from tests.helpers import leaks


def _raw(m: Manifest, text: str) -> list[str]:
    """Masked names of planted values found in ``text`` (short ones such as ages would match anything)."""
    return leaks(text, m.card_numbers) + [f"planted value #{i}" for i, v in enumerate(m.planted_values)
                                          if len(v) >= 8 and v in text]


def test_diff_shows_the_new_email_column_and_the_removed_card(demo_twice: tuple) -> None:
    manifest, out, _ = demo_twice
    history = str(out / "history.sqlite")
    res = CliRunner().invoke(app, ["diff", "--history", history])
    assert res.exit_code == 1, res.output
    assert "+ field app_db/payments.billing_email [EMAIL_ADDRESS]" in res.output
    assert "- resolved violation full_card_number app_db/payments.card_display key 383" in res.output
    assert "0 new, 1 resolved" in res.output
    js = CliRunner().invoke(app, ["diff", str(out / "run1"), str(out / "run2"), "--json"])
    data = json.loads(js.output)
    assert [f["field"] for f in data["fields_added"]] == ["billing_email"] and len(data["violations_resolved"]) == 1
    assert _raw(manifest, res.output + js.output) == []


def test_page_history_and_exports_hold_nothing_raw(demo_twice: tuple, tmp_path: Path) -> None:
    manifest, out, outputs = demo_twice
    page = (out / "report.html").read_text()
    since = page.split('id="since"')[1].split("</section>")[0]
    assert "field added: app_db/payments.billing_email [EMAIL_ADDRESS]" in since
    assert "resolved violation: full_card_number in app_db/payments.card_display key 383" in since
    inv = CliRunner().invoke(app, ["export", "inventory", str(out), "--out", str(tmp_path / "inventory.csv")])
    trend = CliRunner().invoke(app, ["export", "trend", "--history", str(out / "history.sqlite"),
                                     "--out", str(tmp_path / "trend.csv")])
    assert inv.exit_code == 0 and trend.exit_code == 0
    assert len((tmp_path / "trend.csv").read_text().splitlines()) == 3
    report = json.loads((out / "report.json").read_text())
    email = next(f for f in report["fields"] if (f["dataset"], f["field"]) == ("accounts", "email"))
    assert email["samples"] and all("***@" in s for s in email["samples"])
    assert email["samples"][0] in page and email["samples"][0] in (tmp_path / "inventory.csv").read_text()
    assert all(not f["samples"] for f in report["fields"] if not f["entities"])
    for path in (out / "report.json", out / "report.html", out / "history.sqlite", tmp_path / "inventory.csv",
                 tmp_path / "trend.csv"):
        assert _raw(manifest, path.read_bytes().decode("utf-8", "replace")) == [], path.name
    assert _raw(manifest, "".join(outputs)) == []

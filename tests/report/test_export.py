"""CSV exports: one row per field or run, and names that a spreadsheet would run as formulas stay text."""

from __future__ import annotations

import csv
import io

from pipeline.history.store import RunRow
from pipeline.report.export import INVENTORY_COLUMNS, inventory_csv, trend_csv
from tests.history.test_store import report


def test_inventory_has_a_row_per_field_and_neutralizes_formulas() -> None:
    r = report("a", 0, extra_field=True)
    r.fields[1].field = '=HYPERLINK("http://evil","x")'
    rows = list(csv.DictReader(io.StringIO(inventory_csv(r))))
    assert list(rows[0]) == INVENTORY_COLUMNS and len(rows) == 2
    assert rows[0]["types"] == "EMAIL_ADDRESS" and rows[0]["declared"] == "yes"
    assert rows[1]["field"].startswith("'=") and rows[1]["declared"] == "no"


def test_trend_has_a_row_per_run() -> None:
    runs = [RunRow(1, "a", "2026-11-24", "s", 1, 10, 4, 1, 3, {"under_16": 1, "full_card_number": 2})]
    rows = list(csv.DictReader(io.StringIO(trend_csv(runs))))
    assert rows[0]["run_id"] == "a" and rows[0]["violations"] == "3"
    assert rows[0]["violations_by_rule"] == '{"full_card_number": 2, "under_16": 1}'

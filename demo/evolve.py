"""The demo's "next week": a copy of the demo data with one change of each kind a steward looks for.

``python -m demo.evolve demo/data demo/next`` copies the demo data and
then, in the copy's app.db, adds a column of e-mail addresses to ``payments``
(``billing_email``: a new personal field) and removes the planted card number
of ``payments.card_display`` (one violation resolved). expected.json is updated
to match. Scanning the copy after the original shows both changes in
``pdd diff`` and in report.html's "since the last run" section.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

NEW_FIELD = ("app_db", "payments", "billing_email")
REMOVED_CARD = ("full_card_number", "app_db", "payments", "card_display")


def evolve(data_dir: str | Path, out_dir: str | Path) -> Path:
    src, out = Path(data_dir), Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(src, out)
    expected = json.loads((out / "expected.json").read_text())
    removed = [v for v in expected["violations"] if (v["rule"], v["source"], v["dataset"], v["field"]) == REMOVED_CARD]
    con = sqlite3.connect(out / "app.db")
    try:
        con.execute("ALTER TABLE payments ADD COLUMN billing_email TEXT")
        con.execute("UPDATE payments SET billing_email = 'payer' || id || '@example.com'")
        for v in removed:
            con.execute("UPDATE payments SET card_display = NULL WHERE id = ?", (int(v["key"]),))
        con.commit()
    finally:
        con.close()
    expected["violations"] = [v for v in expected["violations"] if v not in removed]
    expected["fields"]["/".join(NEW_FIELD)] = ["EMAIL_ADDRESS"]
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m demo.evolve DEMO_DATA_DIR OUT_DIR")
    print(f"wrote {evolve(sys.argv[1], sys.argv[2])}: + payments.billing_email (e-mails), "
          "- the card number in payments.card_display")

"""The person-level cases: terminated accounts around the retention window, a backup copy, a child's footprint.

Planting (when on) happens in three places: ``plant_accounts`` marks five
accounts terminated at fixed moments around the policy's windows (6 months in
active stores, 9 in backups) and names the child account; ``tie`` makes sure
the child and the account past the window have records in several stores
(payments, tickets, web events, the app log, the events export);
``write_backups`` writes a backup snapshot of some accounts to a source with
``role: backup``. Then ``truth`` reads everything back with the standard
library and pyarrow, independently of pdd, and lists every record that
belongs to an expired account or to a child, as the ground truth.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pyarrow.parquet as pq

from demo.files import write_lines
from demo.plant import (
    APP_DB,
    AS_OF,
    BACKUPS,
    EXPORTS,
    RETENTION,
    UNDER_16,
    WEB_LOGS,
    Ctx,
    Spot,
    Written,
    age_on,
)

ACTIVE_MONTHS, BACKUP_MONTHS = 6, 9  # the policy file's retention (pipeline/policy/scalejet.yaml), for the truth
#: label -> (termination moment, copied into the backup, what the case shows)
TERMINATIONS: dict[str, tuple[dt.datetime, bool, str]] = {
    "past_window": (dt.datetime(2026, 3, 12, 16, 40), False, "terminated 257 days before as_of, past the 6 months"),
    "past_active_in_backup": (dt.datetime(2026, 4, 20, 9, 5), True,
                              "terminated 7 months before as_of: past the active window, inside the backup's 9"),
    "past_both": (dt.datetime(2026, 1, 15, 11, 0), True, "terminated 10 months before as_of: past both windows"),
    "inside": (dt.datetime(2026, 6, 30, 18, 20), True, "terminated 5 months before as_of: inside the window"),
    "exactly": (dt.datetime(2026, 5, 24, 10, 15), False, "terminated exactly 6 months before as_of: not past it"),
}
#: tables whose account_id the demo declares as a foreign key (sql.TABLES); web_events has none
FK_TABLES = ("payments", "support_tickets", "devices", "checkout_sessions", "survey_responses")
REF_TABLES = (*FK_TABLES, "web_events")
#: where the child and the account past the window certainly have records
TIED = ("payments", "support_tickets", "web_events", "app.jsonl", "events.parquet")
#: the child's e-mail, fixed so that the README can show `pdd subject --email` on it
CHILD_EMAIL = "ishaan.verma2011@example.in"
BACKUP_FILE = "accounts-snapshot.csv"
BACKUP_FIELDS = {"id": [], "full_name": ["PERSON_NAME"], "email": ["EMAIL_ADDRESS"], "status": [],
                 "terminated_at": [], "created_at": []}
FOLDER = "backups"
WRITERS = {BACKUP_FILE: None}


def _ts(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 - months, 12)
    return day.replace(year=day.year + y, month=m + 1)  # as_of is the 24th: every month has it


def plant_accounts(ctx: Ctx, rows: list[dict[str, Any]], child: int, taken: set[int]) -> None:
    if not ctx.plant:
        return
    ctx.planter.accounts["child"] = child + 1
    rows[child]["email"] = CHILD_EMAIL
    rng = ctx.planter.rng("accounts.retention")
    for label, at in zip(TERMINATIONS, rng.sample([i for i in range(len(rows)) if i not in taken], len(TERMINATIONS)),
                         strict=True):
        moment = TERMINATIONS[label][0]
        rows[at].update(status="terminated", terminated_at=_ts(moment),
                        created_at=_ts(moment - dt.timedelta(days=400)))
        ctx.planter.accounts[label] = at + 1


def tie(ctx: Ctx, dataset: str, n: int, set_account: Callable[[int, int], None]) -> None:
    """Give the child and the account past the window a record each in ``dataset`` (n records)."""
    if not ctx.plant or dataset not in TIED:
        return
    rng = ctx.planter.rng(f"tie:{dataset}")
    for label in ("child", "past_window"):
        set_account(rng.randrange(n), ctx.planter.accounts[label])


def write_backups(ctx: Ctx) -> Written:
    """backups/accounts-snapshot.csv: every tenth account and the planted backup cases, as a nightly dump has them."""
    con = sqlite3.connect(f"file:{ctx.out_dir / 'app.db'}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT id, full_name, email, status, terminated_at, created_at FROM accounts "
                           "ORDER BY id").fetchall()
    finally:
        con.close()
    keep = {aid for label, aid in ctx.planter.accounts.items() if label in TERMINATIONS and TERMINATIONS[label][1]}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(BACKUP_FIELDS))
    n = 0
    for row in rows:
        if row[0] % 10 == 1 or row[0] in keep:
            w.writerow(["" if c is None else c for c in row])
            n += 1
    path = ctx.out_dir / FOLDER / BACKUP_FILE
    write_lines(path, buf.getvalue().splitlines())
    return Written(fields={f"{BACKUPS}/{BACKUP_FILE}/{f}": t for f, t in BACKUP_FIELDS.items()},
                   records={f"{BACKUPS}/{BACKUP_FILE}": n}, files=[path])


# --- the ground truth, read back ------------------------------------------------------------------------------

def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def truth(ctx: Ctx) -> None:
    """Add every person-level violation (and the cases that must not be one) to the planter."""
    p = ctx.planter
    con = sqlite3.connect(f"file:{ctx.out_dir / 'app.db'}?mode=ro", uri=True)
    try:
        accounts = con.execute("SELECT id, date_of_birth, terminated_at FROM accounts").fetchall()
        refs = {t: con.execute(f"SELECT id, account_id FROM {t} WHERE account_id IS NOT NULL ORDER BY id").fetchall()
                for t in REF_TABLES}
    finally:
        con.close()
    active_cut = months_before(AS_OF, ACTIVE_MONTHS)
    ended = {aid: dt.date.fromisoformat(t[:10]) for aid, _, t in accounts if t}
    expired = {aid for aid, day in ended.items() if day < active_cut}
    kids = {aid for aid, dob, _ in accounts if dob and age_on(dt.date.fromisoformat(dob)) < 16}
    for aid in sorted(ended):
        days = (AS_OF - ended[aid]).days
        spot = Spot(RETENTION, APP_DB, "accounts", "terminated_at", str(aid),
                    form=f"account's own row, terminated {days} days before as_of")
        if aid in expired:
            p.linked(spot)
        elif ended[aid] >= active_cut and aid in p.accounts.values():
            p.decoy(spot)  # the planted ones inside the window and exactly on its edge
    places: list[tuple[str, str, str, str, object, str]] = []
    for table, rows in refs.items():
        how = "foreign key" if table in FK_TABLES else "inferred"
        places += [(APP_DB, table, "account_id", str(k), a, how) for k, a in rows]
    with (ctx.out_dir / "logs" / "app.jsonl").open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            places.append((WEB_LOGS, "app.jsonl", "user.id", str(line_no),
                           json.loads(line).get("user", {}).get("id"), "inferred"))
    events = pq.read_table(ctx.out_dir / "exports" / "events.parquet", columns=["account_id"]).column(0).to_pylist()
    places += [(EXPORTS, "events.parquet", "account_id", str(i), a, "inferred") for i, a in enumerate(events, 1)]
    own = {(s.rule, s.source, s.dataset, s.key) for s in p.violations}
    for source, dataset, fld, key, aid, how in places:
        if aid in expired and (RETENTION, source, dataset, key) not in own:
            p.linked(Spot(RETENTION, source, dataset, fld, key, link=how,
                          form=f"record of an account terminated {(AS_OF - ended[aid]).days} days before as_of"))
        if aid in kids and (UNDER_16, source, dataset, key) not in own:
            p.linked(Spot(UNDER_16, source, dataset, fld, key, link=how, form="record of an account under 16"))
    _backup_truth(ctx)


def _backup_truth(ctx: Ctx) -> None:
    cut = months_before(AS_OF, BACKUP_MONTHS)
    with (ctx.out_dir / FOLDER / BACKUP_FILE).open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), 2):
            day = _day(row["terminated_at"] or None)
            if day is None:
                continue
            spot = Spot(RETENTION, BACKUPS, BACKUP_FILE, "terminated_at", str(line_no),
                        form=f"backup copy of an account terminated {(AS_OF - day).days} days before as_of "
                             f"(backup window {BACKUP_MONTHS} months)")
            if day < cut:
                ctx.planter.linked(spot)
            elif int(row["id"]) in ctx.planter.accounts.values():
                ctx.planter.decoy(spot)

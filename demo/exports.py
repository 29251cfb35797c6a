"""data/exports/: a CSV of sign-ups, a Parquet of product events, JSON lines of sales leads.

CSV keys are physical line numbers with the header as line 1, so record i is
line i + 2. Parquet has no lines: its key here is the 1-based row number (the
contract does not name one; see the report that came with this module).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from demo import people
from demo import vocab as v
from demo.files import json_line, jsonl_fields, write_lines
from demo.plant import AS_OF, EXPORTS, FULL_CARD, UNDER_16, Ctx, Spot, Written, redraw
from demo.sql import BASE_ROWS

NOW = dt.datetime.combine(AS_OF, dt.time())

SIGNUP_FIELDS = {
    "signup_id": [], "full_name": ["PERSON_NAME"], "email": ["EMAIL_ADDRESS"], "phone": ["PHONE_NUMBER"],
    "country": ["COUNTRY"], "company": ["COMPANY_NAME"], "dob": ["DATE_OF_BIRTH"], "plan": [], "signed_up_at": [],
}
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.int64()), ("ts", pa.timestamp("ms", tz="UTC")), ("session_id", pa.string()),
    ("account_id", pa.int64()), ("event_name", pa.string()), ("page", pa.string()), ("search_term", pa.string()),
    ("ip", pa.string()), ("country", pa.string()), ("device_os", pa.string()),
])
EVENT_FIELDS = {
    "event_id": [], "ts": [], "session_id": ["COOKIE_ID"], "account_id": [], "event_name": [], "page": ["URL"],
    "search_term": [], "ip": ["IP_ADDRESS"], "country": ["COUNTRY"], "device_os": ["DEVICE_INFO"],
}
LEAD_FIELDS = {
    "lead_id": [], "name": ["PERSON_NAME"], "email": ["EMAIL_ADDRESS"], "phone": ["PHONE_NUMBER"],
    "company": ["COMPANY_NAME"], "date_of_birth": ["DATE_OF_BIRTH"], "source": [], "message": ["PHONE_NUMBER"],
    "utm.source": [], "utm.campaign": [],
}


def _signups(ctx: Ctx, path: Path) -> Written:
    rng = ctx.rng("signups.csv")
    n = ctx.count(300)
    kid, on_as_of = rng.sample(range(n), 2)

    def row(i: int) -> list[str]:
        p = v.person(rng)
        signed = v.when(rng, dt.datetime(2024, 1, 1), NOW)
        return [f"S-{i + 1:05d}", p.full_name, p.email, p.phone, p.country, p.company, p.dob.strftime("%d/%m/%Y"),
                rng.choice(["starter", "growth", "scale"]), signed.strftime("%Y-%m-%dT%H:%M:%S+05:30")]

    rows = [redraw(lambda i=i: row(i)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    rows[on_as_of][6] = AS_OF.replace(year=AS_OF.year - 16).strftime("%d/%m/%Y")
    ctx.planter.decoy(Spot(UNDER_16, EXPORTS, "signups.csv", "dob", str(on_as_of + 2),
                           form="dd/mm/yyyy, 16th birthday is as_of itself (boundary, not under 16)"))
    if ctx.plant:
        born = ctx.planter.kid_birth_date("signups.csv")
        rows[kid][6] = born.strftime("%d/%m/%Y")
        ctx.planter.violation(Spot(UNDER_16, EXPORTS, "signups.csv", "dob", str(kid + 2),
                                   form="dd/mm/yyyy, under 16 on as_of"), rows[kid][6])
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(list(SIGNUP_FIELDS))
    writer.writerows(rows)
    path.write_bytes(text.getvalue().encode("utf-8"))
    return Written(fields={f"{EXPORTS}/signups.csv/{f}": t for f, t in SIGNUP_FIELDS.items()},
                   records={f"{EXPORTS}/signups.csv": n}, files=[path])


def _events(ctx: Ctx, path: Path) -> Written:
    rng = ctx.rng("events.parquet")
    n = ctx.count(800)
    accounts = ctx.count(BASE_ROWS["accounts"])  # account_id is an app_db account id (no FK across stores)
    searched, id_decoy = rng.sample(range(n), 2)
    terms = [None, None, None, "gst invoice", "shopify sync", "bulk upload csv", "return policy", "whatsapp catalogue"]

    def row(i: int) -> dict[str, Any]:
        code = rng.choices([c[1] for c in v.COUNTRIES], [c[4] for c in v.COUNTRIES])[0]
        return {"event_id": int("1" + v.digits(rng, 18)), "ts": v.when(rng, NOW - dt.timedelta(days=7), NOW),
                "session_id": v.token(rng), "account_id": rng.randrange(1, accounts) if rng.random() < 0.7 else None,
                "event_name": rng.choice(["page_view", "search", "click", "signup_started"]),
                "page": rng.choice(v.PAGES), "search_term": rng.choice(terms), "ip": v.client_ip(rng),
                "country": code, "device_os": rng.choice(v.DEVICES)[0]}

    rows = sorted((redraw(lambda i=i: row(i), lambda r: r.values()) for i in range(n)), key=lambda r: r["ts"])  # type: ignore[misc]  # mypy infers no lambda with a default argument
    ctx.planter.decoy(Spot(FULL_CARD, EXPORTS, "events.parquet", "event_id", str(id_decoy + 1),
                           form="19-digit int64 id with no issuer prefix"))
    if ctx.plant:
        number = ctx.planter.card("RUPAY", "events.parquet.search_term")
        rows[searched].update(search_term=number, event_name="search")
        ctx.planter.violation(Spot(FULL_CARD, EXPORTS, "events.parquet", "search_term", str(searched + 1),
                                   form=f"typed into site search, Parquet string column, RUPAY ****{number[-4:]}"),
                              number, number)
    people.tie(ctx, "events.parquet", n, lambda i, account: rows[i].update(account_id=account))
    for r in rows:
        r["ts"] = r["ts"].replace(tzinfo=dt.UTC)
    table = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
    # Fixed options, one row group: same table and pyarrow version give the same bytes.
    pq.write_table(table, path, compression="snappy", row_group_size=max(n, 1), write_statistics=True)
    return Written(fields={f"{EXPORTS}/events.parquet/{f}": t for f, t in EVENT_FIELDS.items()},
                   records={f"{EXPORTS}/events.parquet": n}, files=[path])


def _leads(ctx: Ctx, path: Path) -> Written:
    rng = ctx.rng("leads.jsonl")
    n = ctx.count(200)
    kid, card_at = rng.sample(range(n), 2)

    def record(i: int) -> dict[str, Any]:
        p = v.person(rng)
        rec: dict[str, Any] = {"lead_id": f"L-{i + 1:05d}", "name": p.full_name, "email": p.email, "phone": p.phone,
                               "company": p.company}
        if rng.random() < 0.5:  # the partner's form asks for it; half the leads fill it in
            rec["date_of_birth"] = p.dob.strftime("%d.%m.%Y")
        rec["source"] = rng.choice(["webinar", "referral", "partner", "linkedin", "trade_show"])
        rec["message"] = rng.choice([
            f"Interested in the {rng.choice(['Growth', 'Scale'])} plan for our {rng.randrange(2, 60)} stores",
            f"Please call me back on {p.phone}", "Need a demo of the Shopify and WhatsApp integrations",
            "Do you support GST e-invoicing?",
        ])
        rec["utm"] = {"source": rng.choice(["linkedin", "google", "partner_portal"]),
                      "campaign": rng.choice(["diwali-sale-2026", "d2c-summit", "gst-webinar"])}
        return rec

    records = [redraw(lambda i=i: record(i), lambda rec: (json_line(rec),)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    if ctx.plant:
        born = ctx.planter.kid_birth_date("leads.jsonl")
        # Keep the key where the form puts it, whether or not this lead had filled it in.
        rec = records[kid]
        records[kid] = {k: val for k, val in rec.items() if k in ("lead_id", "name", "email", "phone", "company")}
        records[kid]["date_of_birth"] = born.strftime("%d.%m.%Y")
        records[kid].update((k, val) for k, val in rec.items() if k not in records[kid])
        ctx.planter.violation(Spot(UNDER_16, EXPORTS, "leads.jsonl", "date_of_birth", str(kid + 1),
                                   form="dd.mm.yyyy, under 16 on as_of"), records[kid]["date_of_birth"])
        number = ctx.planter.card("DINERS", "leads.jsonl.message")
        records[card_at]["message"] = f"Please bill the annual plan to card {number} and send the GST invoice"
        ctx.planter.violation(Spot(FULL_CARD, EXPORTS, "leads.jsonl", "message", str(card_at + 1),
                                   form=f"14 plain digits in free text, DINERS ****{number[-4:]}"),
                              number, records[card_at]["message"])
    write_lines(path, (json_line(r) for r in records))
    return Written(fields=jsonl_fields(f"{EXPORTS}/leads.jsonl", records, LEAD_FIELDS),
                   records={f"{EXPORTS}/leads.jsonl": n}, files=[path])


WRITERS = {"signups.csv": _signups, "events.parquet": _events, "leads.jsonl": _leads}
FOLDER = "exports"


def write_exports(ctx: Ctx) -> Written:
    out = Written()
    (ctx.out_dir / FOLDER).mkdir(parents=True, exist_ok=True)
    for name, make in WRITERS.items():
        out.add(make(ctx, ctx.out_dir / FOLDER / name))
    return out

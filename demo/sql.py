"""data/app.db: Scalejet's application database, as SQLite.

Each table is declared once, column by column, with the entity types its
values hold (entities.md), so that the DDL and the ground truth cannot drift.
The file is built fresh on every run (old file and journals deleted first):
SQLite then lays pages out identically for identical inserts, which is what
makes the file byte-identical for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections.abc import Callable
from typing import Any

from demo import people
from demo import vocab as v
from demo.plant import APP_DB, AS_OF, FULL_CARD, UNDER_16, Ctx, Spot, Written, group, redraw

Row = dict[str, Any]

# table -> [(column, declaration, entity types)]; a table without "PRIMARY KEY" is keyed by rowid.
TABLES: dict[str, list[tuple[str, str, list[str]]]] = {
    "accounts": [
        ("id", "INTEGER PRIMARY KEY", []), ("full_name", "TEXT NOT NULL", ["PERSON_NAME"]),
        ("email", "TEXT NOT NULL", ["EMAIL_ADDRESS"]), ("phone", "TEXT", ["PHONE_NUMBER"]),
        ("country", "TEXT", ["COUNTRY"]), ("company_name", "TEXT", ["COMPANY_NAME"]),
        ("username", "TEXT", ["USERNAME"]), ("password_hash", "TEXT", ["CREDENTIAL"]),
        ("time_zone", "TEXT", ["TIME_ZONE"]), ("language", "TEXT", ["LANGUAGE"]),
        ("date_of_birth", "TEXT", ["DATE_OF_BIRTH"]), ("created_at", "TEXT", []), ("status", "TEXT", []),
        ("terminated_at", "TEXT", []),
    ],
    "payments": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER REFERENCES accounts(id)", []),
        ("cardholder_name", "TEXT", ["PERSON_NAME"]), ("billing_address", "TEXT", ["POSTAL_ADDRESS"]),
        ("pin_code", "TEXT", ["POSTAL_ADDRESS"]), ("card_expiry", "TEXT", ["CARD_EXPIRY"]),
        ("card_last4", "TEXT", ["CARD_LAST_FOUR"]), ("card_display", "TEXT", ["CARD_LAST_FOUR"]),
        ("amount", "REAL", []), ("currency", "TEXT", []), ("order_ref", "TEXT", []),
        ("gateway_txn_id", "TEXT", []), ("note", "TEXT", ["EMAIL_ADDRESS", "PHONE_NUMBER"]),
        ("created_at", "TEXT", []),
    ],
    "support_tickets": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER REFERENCES accounts(id)", []),
        ("subject", "TEXT", []), ("body", "TEXT", ["PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "CARD_LAST_FOUR"]),
        ("channel", "TEXT", []), ("status", "TEXT", []), ("created_at", "TEXT", []),
        # The support agent's staff number: a type of the demo's recognizers file (demo/recognizers.yaml).
        ("handled_by", "TEXT", ["EMPLOYEE_NUMBER"]),
    ],
    "devices": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER REFERENCES accounts(id)", []),
        ("device_id", "TEXT", ["DEVICE_ID"]), ("imei", "TEXT", ["DEVICE_ID"]), ("mac", "TEXT", ["MAC_ADDRESS"]),
        ("os", "TEXT", ["DEVICE_INFO"]), ("device_model", "TEXT", ["DEVICE_INFO"]),
        ("carrier", "TEXT", ["MOBILE_NETWORK"]), ("lat", "REAL", ["GEO_COORDINATES"]),
        ("lng", "REAL", ["GEO_COORDINATES"]), ("city", "TEXT", ["LOCATION"]), ("last_seen_at", "TEXT", []),
    ],
    "web_events": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER", []), ("session_cookie", "TEXT", ["COOKIE_ID"]),
        ("ip", "TEXT", ["IP_ADDRESS"]), ("user_agent", "TEXT", ["USER_AGENT"]), ("referrer_url", "TEXT", ["URL"]),
        ("page", "TEXT", ["URL"]), ("ts", "TEXT", []),
    ],
    "products": [
        ("id", "INTEGER PRIMARY KEY", []), ("sku", "TEXT", []), ("name", "TEXT", []), ("version", "TEXT", []),
        ("price", "REAL", []), ("barcode", "TEXT", []),
    ],
    "checkout_sessions": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER REFERENCES accounts(id)", []),
        ("payload", "TEXT", ["PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "POSTAL_ADDRESS", "LOCATION",
                             "CARD_LAST_FOUR", "CARD_EXPIRY"]),
        ("created_at", "TEXT", []),
    ],
    "survey_responses": [
        ("id", "INTEGER PRIMARY KEY", []), ("account_id", "INTEGER REFERENCES accounts(id)", []),
        ("age", "INTEGER", ["AGE"]), ("rating", "INTEGER", []), ("comment", "TEXT", []), ("submitted_at", "TEXT", []),
    ],
    # Imported from the payment gateway's settlement files: no primary key, keyed by rowid.
    "gateway_settlements": [
        ("settlement_ref", "INTEGER", []), ("batch_date", "TEXT", []), ("amount", "REAL", []),
        ("currency", "TEXT", []), ("merchant_code", "TEXT", []),
    ],
}
VIEWS = {"v_active_accounts": ("accounts", ["id", "full_name", "email", "country", "created_at"], "status = 'active'")}

BASE_ROWS = {"accounts": 400, "payments": 600, "support_tickets": 250, "devices": 300, "web_events": 1200,
             "products": 40, "checkout_sessions": 300, "survey_responses": 150, "gateway_settlements": 200}

NOW = dt.datetime.combine(AS_OF, dt.time())
SINCE = dt.datetime(2023, 1, 1)
LAST_MONTH = NOW - dt.timedelta(days=30)


def _ts(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _rows(n: int, make: Callable[[int], Row]) -> list[Row]:
    return [redraw(lambda i=i: make(i), lambda row: row.values()) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument


def _accounts(ctx: Ctx, rng: random.Random, n: int) -> list[Row]:
    kid, day_after, on_as_of = rng.sample(range(n), 3)

    def make(i: int) -> Row:
        p = v.person(rng)
        created = v.when(rng, SINCE, NOW - dt.timedelta(days=10))
        status = rng.choices(["active", "suspended", "terminated"], [85, 5, 10])[0]
        # Terminated within the last five months: still inside the policy's 6-month deletion window,
        # so the demo holds no retention_expired case that the ground truth does not list.
        ended = v.when(rng, max(created, NOW - dt.timedelta(days=150)), NOW) if status == "terminated" else None
        return {"id": i + 1, "full_name": p.full_name, "email": p.email, "phone": p.phone, "country": p.country,
                "company_name": p.company,
                "username": f"{v.ascii_slug(p.first)[:1]}{v.ascii_slug(p.last)}{rng.randrange(10, 99)}",
                "password_hash": v.bcrypt_hash(rng), "time_zone": p.time_zone, "language": p.language,
                "date_of_birth": p.dob.isoformat(), "created_at": _ts(created), "status": status,
                "terminated_at": _ts(ended) if ended else None}

    rows = _rows(n, make)
    sixteen = AS_OF.replace(year=AS_OF.year - 16)
    rows[on_as_of]["date_of_birth"] = sixteen.isoformat()
    ctx.planter.decoy(Spot(UNDER_16, APP_DB, "accounts", "date_of_birth", str(on_as_of + 1),
                           form="ISO date, 16th birthday is as_of itself (boundary, not under 16)"))
    if ctx.plant:
        born = ctx.planter.kid_birth_date("accounts")
        rows[kid]["date_of_birth"] = born.isoformat()
        ctx.planter.violation(Spot(UNDER_16, APP_DB, "accounts", "date_of_birth", str(kid + 1),
                                   form="ISO date, under 16 on as_of"), born.isoformat())
        born = sixteen + dt.timedelta(days=1)
        rows[day_after]["date_of_birth"] = born.isoformat()
        ctx.planter.violation(Spot(UNDER_16, APP_DB, "accounts", "date_of_birth", str(day_after + 1),
                                   form="ISO date, 16th birthday is the day after as_of (boundary)"), born.isoformat())
    people.plant_accounts(ctx, rows, kid, {kid, day_after, on_as_of})
    return rows


def _masked(rng: random.Random, last4: str) -> str:
    return rng.choice([f"XXXX XXXX XXXX {last4}", f"************{last4}", f"XXXX-XXXX-XXXX-{last4}",
                       f"{rng.choice('45')}{v.digits(rng, 3)} XXXX XXXX {last4}"])


def _payments(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    plain, spaced, masked, ref, txn = rng.sample(range(n), 5)

    def make(i: int) -> Row:
        p = v.person(rng)
        line, pin, _ = v.address(rng)
        last4 = v.digits(rng, 4)
        amount = round(rng.uniform(199, 25000), 2)
        note = rng.choice([
            None, None, None, "COD converted to prepaid", f"GST invoice requested, send to {p.email}",
            f"Customer called from {p.phone} about a double charge", f"Refund of INR {amount} initiated",
            "Paid by UPI after the card was declined",
        ])
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1), "cardholder_name": p.full_name.upper(),
                "billing_address": line, "pin_code": pin,
                "card_expiry": f"{rng.randrange(1, 13):02d}/{rng.randrange(25, 32)}", "card_last4": last4,
                "card_display": _masked(rng, last4), "amount": amount,
                "currency": rng.choices(["INR", "USD", "AED"], [90, 7, 3])[0], "order_ref": v.order_ref(rng),
                "gateway_txn_id": v.luhn_id(rng, "9"), "note": note, "created_at": _ts(v.when(rng, SINCE, NOW))}

    rows = _rows(n, make)
    for at, fld, form in [(masked, "card_display", "masked card, last four only"),
                          (ref, "order_ref", "16-digit order ref with a card-like prefix, fails Luhn"),
                          (txn, "gateway_txn_id", "16-digit Luhn-valid id with no issuer prefix")]:
        ctx.planter.decoy(Spot(FULL_CARD, APP_DB, "payments", fld, str(at + 1), form=form))
    if ctx.plant:
        number = ctx.planter.card("VISA", "payments.card_display")
        rows[plain].update(card_display=number, card_last4=number[-4:])
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "payments", "card_display", str(plain + 1),
                                   form=f"plain 16 digits in a column, VISA ****{number[-4:]}"), number, number)
        number = ctx.planter.card("MASTERCARD", "payments.note")
        note = f"Customer read card {group(number, (4, 4, 4, 4), ' ')} out on the call, retry the payment manually"
        rows[spaced].update(note=note)
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "payments", "note", str(spaced + 1),
                                   form=f"spaced 4-4-4-4 in free text, MASTERCARD ****{number[-4:]}"), number, note)
    return rows


def _support_tickets(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    dashed, masked = rng.sample(range(n), 2)
    bodies = [
        "Hi team,\nI placed order {ref} but the payment failed twice. Please call me on {phone}.\nThanks,\n{name}",
        "Hello, I cannot log in with {email}. The password reset mail never arrives. Regards, {name}",
        "Refund for card XXXX-XXXX-XXXX-{last4} not received yet for order {ref}. Contact: {email}",
        "Please update the GST number on my invoices. You can reach me at {phone} or {email}.\n- {name}",
        "Shopify sync stopped at 02:00 IST and orders are missing since yesterday. {name}",
    ]

    def make(i: int, body: str | None = None) -> Row:
        p = v.person(rng)
        body = (body or rng.choice(bodies)).format(ref=v.order_ref(rng), phone=p.phone, name=p.full_name,
                                                   email=p.email, last4=v.digits(rng, 4))
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1),
                "subject": rng.choice(["Payment failed", "Cannot log in", "Refund not received", "Invoice correction",
                                       "Sync issue", "Double charge"]),
                "body": body, "channel": rng.choice(["email", "chat", "phone", "whatsapp"]),
                "status": rng.choice(["open", "pending", "resolved"]), "created_at": _ts(v.when(rng, SINCE, NOW))}

    rows = _rows(n, make)
    rows[masked] = redraw(lambda: make(masked, bodies[2]), lambda row: row.values())
    staff = ctx.rng("support_tickets.handled_by")  # its own stream: the other columns draw what they drew before
    agents = sorted({v.employee_number(staff) for _ in range(12)})
    for row in rows:
        row["handled_by"] = None if row["status"] == "open" and staff.random() < 0.5 else staff.choice(agents)
    ctx.planter.decoy(Spot(FULL_CARD, APP_DB, "support_tickets", "body", str(masked + 1),
                           form="masked card XXXX-XXXX-XXXX-nnnn and an order ref in free text"))
    if ctx.plant:
        number = ctx.planter.card("DISCOVER", "support_tickets.body")
        who = v.person(ctx.planter.rng("support_tickets.body"))
        body = (f"Hi, I was charged twice on my card {group(number, (4, 4, 4, 4), '-')} yesterday, "
                f"please check and refund.\n- {who.full_name}")
        rows[dashed]["body"] = body
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "support_tickets", "body", str(dashed + 1),
                                   form=f"dashed 4-4-4-4 in a ticket body, DISCOVER ****{number[-4:]}"), number, body)
    return rows


def _devices(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    decoy = rng.randrange(n)

    def make(i: int) -> Row:
        p = v.person(rng)
        if p.country_code == "IN":
            city, _, lat, lng, _ = next(c for c in v.CITIES_IN if c[0] == p.city)
        else:
            city, lat, lng = v.CITIES_INTL[p.country_code]
        lat, lng = v.near(rng, lat, lng)
        os_name, model = rng.choice(v.DEVICES)
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1), "device_id": v.device_uuid(rng),
                "imei": v.imei(rng), "mac": v.mac(rng), "os": os_name, "device_model": model,
                "carrier": rng.choice(v.CARRIERS[p.country_code]), "lat": lat, "lng": lng, "city": city,
                "last_seen_at": _ts(v.when(rng, LAST_MONTH, NOW))}

    rows = _rows(n, make)
    ctx.planter.decoy(Spot(FULL_CARD, APP_DB, "devices", "imei", str(decoy + 1), form="15-digit Luhn-valid IMEI"))
    return rows


def _web_events(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    in_url = rng.randrange(n)

    def make(i: int) -> Row:
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1) if rng.random() < 0.6 else None,
                "session_cookie": v.token(rng), "ip": v.client_ip(rng), "user_agent": rng.choice(v.USER_AGENTS),
                "referrer_url": rng.choice(v.REFERRERS) if rng.random() < 0.7 else None, "page": rng.choice(v.PAGES),
                "ts": _ts(v.when(rng, LAST_MONTH, NOW))}

    rows = _rows(n, make)
    if ctx.plant:
        number = ctx.planter.card("RUPAY508", "web_events.referrer_url")
        txn = v.luhn_id(ctx.planter.rng("web_events.txn"), "7")
        url = f"https://secure.paygate.example/v2/return?txn={txn}&card_number={number}&status=declined"
        rows[in_url].update(referrer_url=url, page="/checkout")
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "web_events", "referrer_url", str(in_url + 1),
                                   form=f"in a URL query string, RUPAY ****{number[-4:]}"), number, url)
    return rows


def _products(ctx: Ctx, rng: random.Random, n: int) -> list[Row]:
    names = ["Inventory Sync", "GST Invoicing", "Storefront Pro", "WhatsApp Commerce", "Courier Connect",
             "Returns Desk", "Loyalty Points", "Marketplace Bridge"]

    def make(i: int) -> Row:
        ean = "890" + v.digits(rng, 9)  # GS1 India prefix; EAN-13 check digit, not Luhn
        ean += str((10 - sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(ean)) % 10) % 10)
        # Four-part versions look like IPv4 addresses on purpose: an IP_ADDRESS decoy.
        return {"id": i + 1, "sku": f"SJ-{rng.choice(['INV', 'GST', 'SF', 'WA', 'CC'])}-{i + 1:04d}",
                "name": f"{rng.choice(names)} {rng.choice(['Starter', 'Growth', 'Scale'])}",
                "version": f"{rng.randrange(1, 12)}.{rng.randrange(10)}.{rng.randrange(10)}.{rng.randrange(100)}",
                "price": float(rng.choice([499, 999, 1499, 2499, 4999])), "barcode": ean}

    return _rows(n, make)


def _checkout_sessions(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    in_json = rng.randrange(n)

    def make(i: int) -> Row:
        p = v.person(rng)
        line, pin, city = v.address(rng)
        method = rng.choices(["card", "upi", "cod"], [50, 40, 10])[0]
        payment: dict[str, Any] = {"method": method}
        if method == "card":
            payment["card"] = {"brand": rng.choice(["VISA", "MASTERCARD", "RUPAY"]), "last4": v.digits(rng, 4),
                               "expiry": f"{rng.randrange(1, 13):02d}/{rng.randrange(25, 32)}"}
        payload = {"cart": {"items": [{"sku": f"SJ-SF-{rng.randrange(1, 40):04d}", "qty": rng.randrange(1, 4)}],
                            "total": round(rng.uniform(199, 9999), 2), "currency": "INR"},
                   "customer": {"email": p.email, "phone": p.phone},
                   "shipping": {"name": p.full_name, "line1": line, "city": city, "pin_code": pin},
                   "payment": payment}
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1), "payload": payload,
                "created_at": _ts(v.when(rng, LAST_MONTH, NOW))}

    rows = [redraw(lambda i=i: make(i), lambda row: (_json(row["payload"]),)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    if ctx.plant:
        number = ctx.planter.card("MASTERCARD2", "checkout_sessions.payload")
        rows[in_json]["payload"]["payment"] = {"method": "card", "card": {
            "brand": "MASTERCARD", "number": number, "expiry": "09/29", "last4": number[-4:]}}
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "checkout_sessions", "payload", str(in_json + 1),
                                   path="payment.card.number",
                                   form=f"string in a JSON document column, 2-series MASTERCARD ****{number[-4:]}"),
                              number, _json(rows[in_json]["payload"]))
    for row in rows:
        row["payload"] = _json(row["payload"])
    return rows


def _json(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _survey_responses(ctx: Ctx, rng: random.Random, n: int, accounts: int) -> list[Row]:
    kid, sixteen = rng.sample(range(n), 2)

    def make(i: int) -> Row:
        return {"id": i + 1, "account_id": rng.randrange(1, accounts + 1), "age": rng.randrange(18, 66),
                "rating": rng.randrange(1, 6),
                "comment": rng.choice([None, "Great support team", "Setup took too long", "Love the GST reports",
                                       "Please add Tally export", "Pricing is steep for small stores"]),
                "submitted_at": _ts(v.when(rng, SINCE, NOW))}

    rows = _rows(n, make)
    rows[sixteen]["age"] = 16
    ctx.planter.decoy(Spot(UNDER_16, APP_DB, "survey_responses", "age", str(sixteen + 1),
                           form="INTEGER age column, exactly 16"))
    if ctx.plant:
        age = ctx.planter.rng("survey_responses.age").randrange(12, 16)
        rows[kid]["age"] = age
        ctx.planter.violation(Spot(UNDER_16, APP_DB, "survey_responses", "age", str(kid + 1),
                                   form="INTEGER age column, under 16"), str(age))
    return rows


def _gateway_settlements(ctx: Ctx, rng: random.Random, n: int) -> list[Row]:
    as_int, fails, long_id = rng.sample(range(n), 3)

    def make(i: int) -> Row:
        # Settlement refs: card-shaped 16-digit numbers failing Luhn, or 19-digit ids with no issuer prefix.
        ref = v.order_ref(rng) if rng.random() < 0.5 else "1" + v.digits(rng, 18)
        if i == fails:
            ref = v.order_ref(rng)
        elif i == long_id:
            ref = "1" + v.digits(rng, 18)
        return {"settlement_ref": int(ref),
                "batch_date": (AS_OF - dt.timedelta(days=rng.randrange(1, 400))).isoformat(),
                "amount": round(rng.uniform(1000, 900000), 2), "currency": "INR",
                "merchant_code": f"SJM{rng.randrange(1000, 9999)}"}

    rows = _rows(n, make)
    ctx.planter.decoy(Spot(FULL_CARD, APP_DB, "gateway_settlements", "settlement_ref", str(fails + 1),
                           form="16-digit INTEGER failing Luhn"))
    ctx.planter.decoy(Spot(FULL_CARD, APP_DB, "gateway_settlements", "settlement_ref", str(long_id + 1),
                           form="19-digit INTEGER id with no issuer prefix"))
    if ctx.plant:
        number = ctx.planter.card("MASTERCARD", "gateway_settlements.settlement_ref")
        rows[as_int]["settlement_ref"] = int(number)
        ctx.planter.violation(Spot(FULL_CARD, APP_DB, "gateway_settlements", "settlement_ref", str(as_int + 1),
                                   form=f"INTEGER column value (key is the rowid), MASTERCARD ****{number[-4:]}"),
                              number, str(int(number)))
    return rows


def write_sql(ctx: Ctx) -> Written:
    path = ctx.out_dir / "app.db"
    for stale in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    n = {t: ctx.count(base) for t, base in BASE_ROWS.items()}
    acc = n["accounts"]
    makers: dict[str, Callable[[Ctx, random.Random, int], list[Row]]] = {
        "accounts": _accounts,
        "payments": lambda c, r, k: _payments(c, r, k, acc),
        "support_tickets": lambda c, r, k: _support_tickets(c, r, k, acc),
        "devices": lambda c, r, k: _devices(c, r, k, acc),
        "web_events": lambda c, r, k: _web_events(c, r, k, acc),
        "products": _products,
        "checkout_sessions": lambda c, r, k: _checkout_sessions(c, r, k, acc),
        "survey_responses": lambda c, r, k: _survey_responses(c, r, k, acc),
        "gateway_settlements": _gateway_settlements,
    }
    out = Written(files=[path])
    con = sqlite3.connect(path)
    try:
        with con:
            for table, columns in TABLES.items():
                con.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {d}' for c, d, _ in columns)})")
                rows = makers[table](ctx, ctx.rng(table), n[table])
                people.tie(ctx, table, len(rows), lambda i, account, rows=rows: rows[i].update(account_id=account))  # type: ignore[misc]  # mypy infers no lambda with a default argument
                names = [c for c, _, _ in columns]
                con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                [tuple(row[c] for c in names) for row in rows])
                out.records[f"{APP_DB}/{table}"] = len(rows)
                out.fields.update({f"{APP_DB}/{table}/{c}": types for c, _, types in columns})
            for view, (table, cols, where) in VIEWS.items():
                con.execute(f"CREATE VIEW {view} AS SELECT {', '.join(cols)} FROM {table} WHERE {where}")
                types = {c: t for c, _, t in TABLES[table]}
                out.fields.update({f"{APP_DB}/{view}/{c}": types[c] for c in cols})
                out.records[f"{APP_DB}/{view}"] = con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
    finally:
        con.close()
    return out

"""data/logs/: an nginx access log, JSON-lines app events, a rotated gzip API log, a worker log.

Keys are 1-based physical line numbers (contract.md §2); no log line ever
holds a newline, so record i is line i + 1.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from demo import people
from demo import vocab as v
from demo.files import json_line, jsonl_fields, write_lines
from demo.plant import AS_OF, FULL_CARD, UNDER_16, WEB_LOGS, Ctx, Spot, Written, group, redraw
from demo.sql import BASE_ROWS

NOW = dt.datetime.combine(AS_OF, dt.time())
IST = dt.timedelta(hours=5, minutes=30)

ACCESS_FIELDS = {
    "remote_addr": ["IP_ADDRESS"], "remote_user": ["USERNAME"], "time_local": [],
    "request": ["URL", "EMAIL_ADDRESS"], "status": [], "body_bytes_sent": [], "http_referer": ["URL"],
    "http_user_agent": ["USER_AGENT"],
}
APP_FIELDS = {
    "ts": [], "level": [], "event": [], "trace_id": [], "duration_ms": [], "user.id": [],
    "user.email": ["EMAIL_ADDRESS"], "user.age": ["AGE"], "client.ip": ["IP_ADDRESS"], "session.id": ["COOKIE_ID"],
    "device.id": ["DEVICE_ID"], "device.os": ["DEVICE_INFO"], "device.model": ["DEVICE_INFO"],
    "geo.lat": ["GEO_COORDINATES"], "geo.lon": ["GEO_COORDINATES"], "geo.city": ["LOCATION"],
    "checkout.order_ref": [], "checkout.amount": [], "checkout.currency": [], "checkout.payment.method": [],
    "checkout.payment.last4": ["CARD_LAST_FOUR"], "checkout.payment.card_number": [],
}
API_MESSAGE = ["IP_ADDRESS", "EMAIL_ADDRESS"]
WORKER_MESSAGE = ["EMAIL_ADDRESS", "PHONE_NUMBER"]


def _times(rng: random.Random, n: int, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Sorted moments: a log is written in time order."""
    return sorted(v.when(rng, start, end) for _ in range(n))


def _access_log(ctx: Ctx) -> tuple[list[str], Written]:
    rng = ctx.rng("access.log")
    n = ctx.count(1000)
    in_query, order_decoy = rng.sample(range(n), 2)
    times = _times(rng, n, NOW - dt.timedelta(days=1), NOW)

    def line(i: int, request: str | None = None) -> str:
        page = rng.choice(v.PAGES)
        user = "-"
        request = request or rng.choice([
            f"GET {page} HTTP/1.1", f"GET {page}?utm_source=google&utm_medium=cpc HTTP/1.1",
            f"GET /static/js/app.{v.token(rng, 8).lower()}.js HTTP/2.0", "POST /api/v1/cart HTTP/1.1",
            f"GET /api/v1/users/lookup?email={v.email(rng, rng.choice(v.FIRST_IN), rng.choice(v.LAST_IN))} HTTP/1.1",
            "ADMIN",
        ])
        if request == "ADMIN":  # the internal admin sits behind basic auth, so nginx logs the user name
            user = f"{v.ascii_slug(rng.choice(v.FIRST_IN))}.ops"
            request = f"GET /admin/orders?page={rng.randrange(1, 40)} HTTP/1.1"
        status = rng.choices([200, 304, 302, 404, 500], [80, 8, 5, 5, 2])[0]
        referer = rng.choice(["-", "-", *v.REFERRERS, f"https://scalejet.in{page}"])
        local = (times[i] + IST).strftime("%d/{}/%Y:%H:%M:%S +0530").format(v.MONTHS[(times[i] + IST).month - 1])
        return (f'{v.client_ip(rng)} - {user} [{local}] "{request}" {status} {rng.randrange(200, 90000)} '
                f'"{referer}" "{rng.choice(v.USER_AGENTS)}"')

    lines = [redraw(lambda i=i: line(i)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    lines[order_decoy] = redraw(lambda: line(order_decoy, f"GET /orders/{v.order_ref(rng)}/invoice.pdf HTTP/1.1"))
    ctx.planter.decoy(Spot(FULL_CARD, WEB_LOGS, "access.log", "request", str(order_decoy + 1),
                           form="16-digit order ref failing Luhn in a URL path"))
    if ctx.plant:
        number = ctx.planter.card("VISA", "access.log.request")
        ref = v.order_ref(ctx.planter.rng("access.log.ref"))
        request = f"GET /checkout/callback?order={ref}&card_number={number}&exp=1128 HTTP/1.1"
        lines[in_query] = redraw(lambda: line(in_query, request), lambda text: (text.replace(number, ""),))
        ctx.planter.violation(Spot(FULL_CARD, WEB_LOGS, "access.log", "request", str(in_query + 1),
                                   form=f"in a URL query string, VISA ****{number[-4:]}"), number, lines[in_query])
    fields = {f"{WEB_LOGS}/access.log/{f}": t for f, t in ACCESS_FIELDS.items()}
    return lines, Written(fields=fields, records={f"{WEB_LOGS}/access.log": n})


def _app_jsonl(ctx: Ctx) -> tuple[list[str], Written]:
    rng = ctx.rng("app.jsonl")
    n = ctx.count(600)
    accounts = ctx.count(BASE_ROWS["accounts"])  # user.id is an account id of app_db (the linkage infers it)
    card_at, kid, sixteen, trace_decoy = rng.sample(range(n), 4)
    times = _times(rng, n, NOW - dt.timedelta(days=1), NOW)

    def record(i: int, event: str | None = None) -> dict[str, Any]:
        p = v.person(rng)
        city, _, lat, lng, _ = rng.choice(v.CITIES_IN)
        lat, lng = v.near(rng, lat, lng)
        os_name, model = rng.choice(v.DEVICES)
        event = event or rng.choice(["page.viewed", "page.viewed", "feature.used", "checkout.completed",
                                     "profile.updated", "error.raised"])
        rec: dict[str, Any] = {
            "ts": times[i].strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "level": "error" if event == "error.raised" else "info", "event": event,
            "trace_id": int("1" + v.digits(rng, 18)),  # 19-digit ids: long digit runs that are no card
            "user": {"id": rng.randrange(1, accounts + 1), "email": p.email},
            "client": {"ip": v.client_ip(rng)}, "session": {"id": v.token(rng)},
            "device": {"id": v.device_uuid(rng), "os": os_name, "model": model},
            "geo": {"lat": lat, "lon": lng, "city": city}, "duration_ms": rng.randrange(3, 4000),
        }
        if event == "profile.updated":
            rec["user"]["age"] = rng.randrange(18, 61)
        if event in ("checkout.completed", "checkout.failed"):
            rec["checkout"] = {"order_ref": v.order_ref(rng), "amount": round(rng.uniform(199, 9999), 2),
                               "currency": "INR", "payment": {"method": "card", "last4": v.digits(rng, 4)}}
        return rec

    def draw(i: int, event: str | None = None) -> dict[str, Any]:
        return redraw(lambda: record(i, event), lambda rec: (json_line(rec),))

    records = [draw(i) for i in range(n)]
    records[sixteen] = draw(sixteen, "profile.updated")
    records[sixteen]["user"]["age"] = 16
    records[trace_decoy] = draw(trace_decoy, "checkout.completed")
    ctx.planter.decoy(Spot(UNDER_16, WEB_LOGS, "app.jsonl", "user.age", str(sixteen + 1),
                           form="nested JSON-lines age, exactly 16"))
    ctx.planter.decoy(Spot(FULL_CARD, WEB_LOGS, "app.jsonl", "trace_id", str(trace_decoy + 1),
                           form="19-digit integer id with no issuer prefix"))
    ctx.planter.decoy(Spot(FULL_CARD, WEB_LOGS, "app.jsonl", "checkout.order_ref", str(trace_decoy + 1),
                           form="16-digit order ref failing Luhn"))
    if ctx.plant:
        records[kid] = draw(kid, "profile.updated")
        age = ctx.planter.rng("app.jsonl.age").randrange(11, 16)
        records[kid]["user"]["age"] = age
        ctx.planter.violation(Spot(UNDER_16, WEB_LOGS, "app.jsonl", "user.age", str(kid + 1),
                                   form="nested JSON-lines age, under 16"), str(age))
        records[card_at] = draw(card_at, "checkout.failed")
        number = ctx.planter.card("JCB", "app.jsonl.checkout")
        records[card_at]["checkout"]["payment"]["card_number"] = number
        ctx.planter.violation(Spot(FULL_CARD, WEB_LOGS, "app.jsonl", "checkout.payment.card_number", str(card_at + 1),
                                   form=f"nested JSON-lines string, JCB ****{number[-4:]}"),
                              number, json_line(records[card_at]))
    people.tie(ctx, "app.jsonl", n, lambda i, account: records[i]["user"].update(id=account))
    fields = jsonl_fields(f"{WEB_LOGS}/app.jsonl", records, APP_FIELDS)
    return [json_line(r) for r in records], Written(fields=fields, records={f"{WEB_LOGS}/app.jsonl": n})


def _api_log(ctx: Ctx) -> tuple[list[str], Written]:
    """Rotated two days ago, hence .2.gz; ISO timestamp, level, message."""
    rng = ctx.rng("api.log.2.gz")
    n = ctx.count(500)
    card_at, epoch_decoy = rng.sample(range(n), 2)
    times = _times(rng, n, NOW - dt.timedelta(days=3), NOW - dt.timedelta(days=2))

    def line(i: int, message: str | None = None, level: str | None = None) -> str:
        epoch_ms = int((times[i] - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
        message = message or rng.choice([
            f"POST /v1/orders 201 {rng.randrange(5, 400)}ms request_id={epoch_ms}{rng.randrange(100, 999)} "
            f"client={v.client_ip(rng)}",
            f"GET /v1/products?page={rng.randrange(1, 9)} 200 {rng.randrange(2, 90)}ms client={v.client_ip(rng)}",
            f"password reset requested for {v.email(rng, rng.choice(v.FIRST_IN), rng.choice(v.LAST_IN))}",
            f"payment gateway timeout order={v.order_ref(rng)} after 30000ms",
            f"webhook shopify/orders-create accepted in {rng.randrange(5, 90)}ms",
        ])
        level = level or ("ERROR" if "timeout" in message else rng.choices(["INFO", "DEBUG", "WARN"], [85, 10, 5])[0])
        return f"{times[i].strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z {level} {message}"

    lines = [redraw(lambda i=i: line(i)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    stamp = int((times[epoch_decoy] - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    lines[epoch_decoy] = line(epoch_decoy, f"cache warmed at {stamp} ({rng.randrange(100, 900)} keys)")
    ctx.planter.decoy(Spot(FULL_CARD, WEB_LOGS, "api.log.2.gz", "message", str(epoch_decoy + 1),
                           form="13-digit epoch milliseconds"))
    if ctx.plant:
        number = ctx.planter.card("AMEX", "api.log.message")
        message = f"gateway declined charge: card {group(number, (4, 6, 5), ' ')} reason=do_not_honour"
        lines[card_at] = line(card_at, message, "ERROR")
        ctx.planter.violation(Spot(FULL_CARD, WEB_LOGS, "api.log.2.gz", "message", str(card_at + 1),
                                   form=f"spaced 4-6-5 in a gzip log message, AMEX ****{number[-4:]}"),
                              number, lines[card_at])
    fields = {f"{WEB_LOGS}/api.log.2.gz/message": API_MESSAGE}
    return lines, Written(fields=fields, records={f"{WEB_LOGS}/api.log.2.gz": n})


def _worker_log(ctx: Ctx) -> tuple[list[str], Written]:
    """Python logging's default layout: 'YYYY-MM-DD HH:MM:SS,mmm LEVEL [logger] message'."""
    rng = ctx.rng("worker.log")
    n = ctx.count(300)
    card_at = rng.randrange(n)
    times = _times(rng, n, NOW - dt.timedelta(hours=12), NOW)

    def line(i: int, level: str | None = None, message: str | None = None) -> str:
        p = v.person(rng)
        message = message or rng.choice([
            f"[worker.mail] Task send_invoice_email[{v.device_uuid(rng)}] succeeded in {rng.randrange(1, 90) / 100}s: "
            f"sent to {p.email}",
            f"[worker.sync] Synced {rng.randrange(1, 400)} orders for merchant SJM{rng.randrange(1000, 9999)}",
            f"[worker.sms] OTP sent to {p.phone}",
            f"[worker.hooks] Retrying webhook to https://hooks.{v.ascii_slug(p.company)[:12]}.in/scalejet (attempt 2)",
        ])
        stamp = times[i].strftime("%Y-%m-%d %H:%M:%S,%f")[:-3]
        return f"{stamp} {level or rng.choices(['INFO', 'WARNING'], [92, 8])[0]} {message}"

    lines = [redraw(lambda i=i: line(i)) for i in range(n)]  # type: ignore[misc]  # mypy infers no lambda with a default argument
    if ctx.plant:
        number = ctx.planter.card("VISA19", "worker.log.message")
        lines[card_at] = line(card_at, "ERROR", f"[worker.payments] Charge retry failed for card={number} attempt=3")
        ctx.planter.violation(Spot(FULL_CARD, WEB_LOGS, "worker.log", "message", str(card_at + 1),
                                   form=f"19-digit VISA in a plain-text log message, VISA ****{number[-4:]}"),
                              number, lines[card_at])
    fields = {f"{WEB_LOGS}/worker.log/message": WORKER_MESSAGE}
    return lines, Written(fields=fields, records={f"{WEB_LOGS}/worker.log": n})


WRITERS = {"access.log": _access_log, "app.jsonl": _app_jsonl, "api.log.2.gz": _api_log, "worker.log": _worker_log}
FOLDER = "logs"


def write_logs(ctx: Ctx) -> Written:
    out = Written()
    folder = ctx.out_dir / FOLDER
    for name, make in WRITERS.items():
        lines, written = make(ctx)
        out.add(written)
        out.files.append(write_lines(folder / name, lines))
    return out

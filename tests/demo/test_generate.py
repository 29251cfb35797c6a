"""The demo generator: deterministic bytes, planted violations exactly where expected.json says, nothing else.

The data is read back here with the standard library, pyarrow and a regex,
independently of pdd's own sources, so that a bug there cannot hide a bug in
the ground truth. Failure messages name places and masked cards (brand, last
four, or the card's index in the manifest), never a raw value. Pytest prints
the arguments of every frame and the parts of a failing assert, so helpers
that receive raw values hide their frames, and asserts compare counts, places
and masked names only.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml
from stdnum import luhn

from classifiers.cards import find_cards
from demo import AS_OF, Manifest, Spot, config_text, generate
from demo.__main__ import main
from pipeline.config.recognizers import load_recognizers

REPO = Path(__file__).resolve().parents[2]

# entities.md: the only type names a field may carry.
ENTITY_TYPES = {
    "PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "POSTAL_ADDRESS", "LOCATION", "COUNTRY", "GEO_COORDINATES",
    "COMPANY_NAME", "USERNAME", "CREDENTIAL", "DATE_OF_BIRTH", "AGE", "GOVERNMENT_ID", "CREDIT_CARD",
    "CARD_LAST_FOUR", "CARD_EXPIRY", "IP_ADDRESS", "USER_AGENT", "URL", "TIME_ZONE", "LANGUAGE", "DEVICE_INFO",
    "DEVICE_ID", "MAC_ADDRESS", "MOBILE_NETWORK", "COOKIE_ID",
}
ACCESS = re.compile(
    r'(?P<remote_addr>\S+) \S+ (?P<remote_user>\S+) \[(?P<time_local>[^\]]+)\] "(?P<request>[^"]*)" '
    r'(?P<status>\d{3}) (?P<body_bytes_sent>\d+) "(?P<http_referer>[^"]*)" "(?P<http_user_agent>[^"]*)"$'
)
# The two plain-text layouts the demo writes: ISO or Python-logging timestamp, then a level, then the message.
PLAIN = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}[.,]\d{3}Z? (?:DEBUG|INFO|WARN|WARNING|ERROR) (?P<message>.+)"
)

Place = tuple[str, str, str, str]  # source, dataset, field, key


# --- reading the demo back ---------------------------------------------------------------------------------------

def _leaves(obj: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for k, val in obj.items():
        if isinstance(val, dict):
            yield from _leaves(val, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", val


def _sql(db: Path) -> Iterator[tuple[Place, Any]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        for name, kind in con.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"):
            info = con.execute(f"PRAGMA table_info({name})").fetchall()
            cols = [r[1] for r in info]
            pk = [r[1] for r in info if r[5]]
            if kind == "view":  # no rowid: the contract's 0-based row offset
                rows: Any = ((i, *r) for i, r in enumerate(con.execute(f"SELECT * FROM {name}")))
            else:
                rows = con.execute(f"SELECT {pk[0] if pk else 'rowid'}, * FROM {name}")
            for key, *values in rows:
                for col, val in zip(cols, values, strict=True):
                    yield ("app_db", name, col, str(key)), val
    finally:
        con.close()


def _text_lines(path: Path) -> list[str]:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8").split("\n")[:-1]


def _file(source: str, path: Path) -> Iterator[tuple[Place, Any]]:
    name = path.name
    if name.endswith(".parquet"):
        for i, row in enumerate(pq.read_table(path).to_pylist()):
            for col, val in row.items():
                yield (source, name, col, str(i + 1)), val
        return
    lines = _text_lines(path)
    if name.endswith(".csv"):
        header = next(csv.reader(lines[:1]))
        for i, row in enumerate(csv.reader(lines[1:])):
            for col, val in zip(header, row, strict=True):
                yield (source, name, col, str(i + 2)), val
        return
    for i, line in enumerate(lines):
        key = str(i + 1)
        if name.endswith(".jsonl"):
            for field, val in _leaves(json.loads(line)):
                yield (source, name, field, key), val
        elif name == "access.log":
            m = ACCESS.match(line)
            assert m, f"{name} line {key} is not in nginx combined format"
            for field, val in m.groupdict().items():
                yield (source, name, field, key), None if val == "-" else val
        else:
            m = PLAIN.match(line)
            assert m, f"{name} line {key} has no leading timestamp and level"
            yield (source, name, "message", key), m["message"]


def read_back(out: Path) -> dict[Place, Any]:
    """Every non-null value the demo wrote, by its contract.md §2 place."""
    cells: dict[Place, Any] = {}
    parts = [_sql(out / "app.db")]
    parts += [_file("web_logs", p) for p in sorted((out / "logs").iterdir())]
    parts += [_file("exports", p) for p in sorted((out / "exports").iterdir())]
    parts += [_file("backups", p) for p in sorted((out / "backups").iterdir())]
    for part in parts:
        for place, val in part:
            if val is not None:
                assert place not in cells, f"two values at {place}"
                cells[place] = val
    return cells


def value_at(cells: dict[Place, Any], spot: Spot) -> Any:
    __tracebackhide__ = True
    val = cells[(spot.source, spot.dataset, spot.field, spot.key)]
    for part in (spot.path or "").split(".") if spot.path else []:
        val = (json.loads(val) if isinstance(val, str) else val)[part]
    return val


def place(spot: Spot) -> Place:
    return (spot.source, spot.dataset, spot.field, spot.key)


def card_hits(cells: dict[Place, Any]) -> dict[Place, list[str]]:
    """Places holding a full card number, with masked descriptions of what is there."""
    __tracebackhide__ = True
    out: dict[Place, list[str]] = {}
    for where, val in cells.items():
        hits = [f"{h.brand} ****{h.last4}" for h in find_cards(str(val))]
        if hits:
            out[where] = hits
    return out


def birth_date(val: Any) -> dt.date:
    __tracebackhide__ = True
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(str(val), fmt).date()
        except ValueError:
            pass
    raise AssertionError("a date of birth in none of the demo's formats")  # no value in the message


def age(val: Any, types: list[str]) -> int:
    __tracebackhide__ = True
    if "AGE" in types:
        return int(val)
    born = birth_date(val)
    return AS_OF.year - born.year - ((AS_OF.month, AS_OF.day) < (born.month, born.day))


def under_16(cells: dict[Place, Any], fields: dict[str, list[str]]) -> set[Place]:
    """Places of people younger than 16 on as_of, found through every DATE_OF_BIRTH or AGE field."""
    __tracebackhide__ = True
    found = set()
    for where, val in cells.items():
        types = fields["/".join(where[:3])]
        if {"DATE_OF_BIRTH", "AGE"} & set(types) and age(val, types) < 16:
            found.add(where)
    return found


def card_index(manifest: Manifest, digits: str) -> int:
    """Which planted card this is (its index in the manifest), or -1: how tests name a card without showing it."""
    __tracebackhide__ = True
    return manifest.card_numbers.index(digits) if digits in manifest.card_numbers else -1


# --- fixtures ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("planted"), seed=7)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("clean"), seed=7, clean=True)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("small"), seed=11, scale=0.1)


def _truth(m: Manifest) -> dict[str, Any]:
    return json.loads(m.expected.read_text(encoding="utf-8"))


# --- determinism -------------------------------------------------------------------------------------------------

def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("clean_mode", [False, True], ids=["planted", "clean"])
def test_same_seed_gives_identical_bytes(tmp_path: Path, clean_mode: bool) -> None:
    generate(tmp_path / "a", seed=7, clean=clean_mode)
    generate(tmp_path / "b", seed=7, clean=clean_mode)
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"files whose bytes differ between two runs with the same seed: {differ}"


def test_rerun_into_the_same_folder_rebuilds_it(planted: Manifest, tmp_path: Path) -> None:
    generate(tmp_path, seed=3)
    generate(tmp_path, seed=7)  # over an older demo: SQLite rebuilt fresh, every file rewritten
    reference = _tree(planted.out_dir)
    differ = [n for n, data in _tree(tmp_path).items() if reference[n] != data]
    assert not differ, f"files that keep traces of the earlier run: {differ}"


def test_another_seed_gives_other_data(planted: Manifest, tmp_path: Path) -> None:
    other = generate(tmp_path, seed=8)
    same_log = _tree(other.out_dir)["logs/access.log"] == _tree(planted.out_dir)["logs/access.log"]
    shared_cards = len(set(other.card_numbers) & set(planted.card_numbers))
    assert not same_log
    assert shared_cards == 0


# --- the ground truth --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["planted", "clean", "small"])
def test_fields_map_names_every_generated_field_with_known_types(which: str, request: pytest.FixtureRequest) -> None:
    m: Manifest = request.getfixturevalue(which)
    out = m.out_dir
    generated: set[str] = set()
    con = sqlite3.connect(out / "app.db")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"):
        generated |= {f"app_db/{name}/{r[1]}" for r in con.execute(f"PRAGMA table_info({name})")}
    con.close()
    generated |= {f"web_logs/access.log/{f}" for f in ACCESS.groupindex}
    generated |= {"web_logs/api.log.2.gz/message", "web_logs/worker.log/message"}
    for source, path in [("web_logs", out / "logs" / "app.jsonl"), ("exports", out / "exports" / "leads.jsonl")]:
        generated |= {f"{source}/{path.name}/{f}" for line in _text_lines(path) for f, _ in _leaves(json.loads(line))}
    generated |= {f"exports/signups.csv/{c}" for c in next(csv.reader(_text_lines(out / "exports" / "signups.csv")))}
    generated |= {f"exports/events.parquet/{c}" for c in pq.read_schema(out / "exports" / "events.parquet").names}
    for path in (out / "backups").iterdir():
        generated |= {f"backups/{path.name}/{c}" for c in next(csv.reader(_text_lines(path)))}

    fields = _truth(m)["fields"]
    assert set(fields) == generated
    own = {s.entity for s in load_recognizers(out / "recognizers.yaml") if s.new_type}  # the demo's staff numbers
    assert own == {"EMPLOYEE_NUMBER"}
    unknown = {f: t for f, types in fields.items() for t in types if t not in ENTITY_TYPES and t not in own}
    assert not unknown, f"types that neither entities.md nor the demo's recognizers file define: {unknown}"
    with_card = {f for f, types in fields.items() if "CREDIT_CARD" in types}
    planted_in = {f"{s.source}/{s.dataset}/{s.field}" for s in m.violations if s.rule == "full_card_number"}
    assert with_card == planted_in


def test_clean_mode_plants_nothing(clean: Manifest) -> None:
    truth = _truth(clean)
    assert truth["as_of"] == "2026-11-24"
    counts = (len(truth["violations"]), len(clean.violations), len(clean.card_numbers), len(clean.planted_values))
    assert counts == (0, 0, 0, 0)
    assert truth["decoys"], "decoys belong to clean data too: they are what must not be flagged"


def test_clean_mode_has_no_card_number_anywhere(clean: Manifest) -> None:
    hits = card_hits(read_back(clean.out_dir))
    assert not hits, f"card numbers in clean demo data (masked): {hits}"
    lines = _text_hits(clean.out_dir)
    assert not lines, f"text lines holding a card number in clean demo data: {lines}"


def test_clean_mode_has_nobody_under_16(clean: Manifest) -> None:
    assert not under_16(read_back(clean.out_dir), _truth(clean)["fields"])


@pytest.mark.parametrize("which", ["planted", "small"])
def test_each_planted_card_is_found_at_its_recorded_place(which: str, request: pytest.FixtureRequest) -> None:
    m: Manifest = request.getfixturevalue(which)
    cells = read_back(m.out_dir)
    spots = [s for s in m.violations if s.rule == "full_card_number"]
    n_planted = len(m.card_numbers)
    assert (len(spots), n_planted) == (12, 12)
    found = []
    for s in spots:
        found.append(_planted_card_at(m, cells, s))
    assert sorted(found) == list(range(12)), "each planted card sits at exactly one recorded place"


def _planted_card_at(m: Manifest, cells: dict[Place, Any], s: Spot) -> int:
    """The manifest index of the one card found at ``s``; fails naming the place and masked card only."""
    __tracebackhide__ = True
    text = str(value_at(cells, s))
    hits = list(find_cards(text))
    if len(hits) != 1:
        pytest.fail(f"{s.where}: {len(hits)} card numbers where one was planted")
    index = card_index(m, re.sub(r"[ -]", "", text[hits[0].start : hits[0].end]))
    if index < 0:
        pytest.fail(f"{s.where}: holds {hits[0].describe()}, which is not a planted card")
    if not s.form.endswith(f"{hits[0].brand} ****{hits[0].last4}"):
        pytest.fail(f"{s.where}: form {s.form!r} does not name {hits[0].describe()}")
    return index


@pytest.mark.parametrize("which", ["planted", "small"])
def test_no_card_number_outside_the_planted_records(which: str, request: pytest.FixtureRequest) -> None:
    m: Manifest = request.getfixturevalue(which)
    expected = {place(s) for s in m.violations if s.rule == "full_card_number"}
    hits = card_hits(read_back(m.out_dir))
    assert set(hits) == expected, f"unplanted (masked): { {p: h for p, h in hits.items() if p not in expected} }"
    # The same by physical line, independent of how a line splits into fields.
    planted_lines = {(s.dataset, s.key) for s in m.violations
                     if s.rule == "full_card_number" and s.source != "app_db" and not s.dataset.endswith(".parquet")}
    assert set(_text_hits(m.out_dir)) == planted_lines


def _text_hits(out: Path) -> list[tuple[str, str]]:
    """(file name, 1-based line) of every text line holding a card number, ground truth and config included."""
    texts = [p for p in sorted(out.rglob("*")) if p.is_file() and p.suffix not in (".db", ".parquet")]
    return [(p.name, str(i + 1)) for p in texts for i, line in enumerate(_text_lines(p))
            if next(find_cards(line), None)]


@pytest.mark.parametrize("which", ["planted", "small"])
def test_under_16_records_are_exactly_the_planted_ones(which: str, request: pytest.FixtureRequest) -> None:
    m: Manifest = request.getfixturevalue(which)
    kids = {place(s) for s in m.violations if s.rule == "under_16" and not s.link}
    assert len(kids) == 6
    assert under_16(read_back(m.out_dir), _truth(m)["fields"]) == kids
    forms = {(s.dataset, s.field): s.form for s in m.violations if s.rule == "under_16" and not s.link}
    assert set(forms) >= {("accounts", "date_of_birth"), ("signups.csv", "dob"), ("survey_responses", "age"),
                          ("app.jsonl", "user.age"), ("leads.jsonl", "date_of_birth")}
    assert any("day after as_of" in s.form for s in m.violations), "the one-day-short boundary case is planted"


def test_the_day_after_boundary_is_15_and_the_on_as_of_boundary_is_16(planted: Manifest) -> None:
    cells = read_back(planted.out_dir)
    after = [s for s in planted.violations if "day after as_of" in s.form]
    on = [s for s in planted.decoys if "as_of itself" in s.form]
    assert len(after) == 1 and len(on) >= 1
    sixteen = AS_OF.replace(year=AS_OF.year - 16)
    after_ok = birth_date(value_at(cells, after[0])) == sixteen + dt.timedelta(days=1)
    on_ok = [birth_date(value_at(cells, s)) == sixteen for s in on]
    assert after_ok, f"{after[0].where}: not born the day after as_of, 16 years earlier"
    assert all(on_ok), "a boundary decoy not born on as_of, 16 years earlier"


def test_signup_dates_of_birth_are_unambiguous(planted: Manifest) -> None:
    rows = csv.DictReader(_text_lines(planted.out_dir / "exports" / "signups.csv"))
    days_above_12 = sum(int(row["dob"][:2]) > 12 for row in rows)
    assert days_above_12 > 0, "some day above 12 fixes the dd/mm order"


def test_decoys_look_like_violations_and_are_not(planted: Manifest) -> None:
    cells = read_back(planted.out_dir)
    fields = _truth(planted)["fields"]
    kinds = " ".join(s.form for s in planted.decoys)
    for needed in ("masked", "fails Luhn", "failing Luhn", "IMEI", "no issuer prefix", "epoch", "exactly 16"):
        assert needed in kinds, f"no decoy of the kind {needed!r}"
    problems = [f"{s.where}: {p}" for s in planted.decoys for p in _decoy_problems(cells, fields, s)]
    assert not problems


def _decoy_problems(cells: dict[Place, Any], fields: dict[str, list[str]], s: Spot) -> list[str]:
    __tracebackhide__ = True
    text = str(value_at(cells, s))
    if s.rule == "under_16":
        return [] if age(text, fields[f"{s.source}/{s.dataset}/{s.field}"]) == 16 else ["the person is not 16"]
    if s.rule == "retention_expired":
        window = 9 if s.source == "backups" else 6
        ended = dt.date.fromisoformat(text[:10])
        return [] if ended >= _months_before(AS_OF, window) else ["terminated before the window"]
    problems = []
    if not re.search(r"\d{13,}|XXXX|\*{4}", text):
        problems.append("looks like no card at all")
    if next(find_cards(text), None) is not None:
        problems.append("is a card number")
    if "IMEI" in s.form and not (len(text) == 15 and luhn.is_valid(text)):
        problems.append("is no Luhn-valid 15-digit IMEI")
    if "Luhn" in s.form and "fail" in s.form and any(luhn.is_valid(d) for d in re.findall(r"\d{16}", text)):
        problems.append("passes Luhn")
    return problems


def _months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 - months, 12)
    return day.replace(year=day.year + y, month=m + 1)


@pytest.mark.parametrize("which", ["planted", "small"])
def test_person_level_violations_follow_the_accounts(which: str, request: pytest.FixtureRequest) -> None:
    """Every record of an expired or under-16 account is listed, through each reference field, and nothing else."""
    m: Manifest = request.getfixturevalue(which)
    cells = read_back(m.out_dir)
    ended = {int(k[3]): dt.date.fromisoformat(v[:10]) for k, v in cells.items()
             if k[:3] == ("app_db", "accounts", "terminated_at")}
    expired = {a for a, day in ended.items() if day < _months_before(AS_OF, 6)}
    kids = {int(k[3]) for k, v in cells.items() if k[:3] == ("app_db", "accounts", "date_of_birth")
            and age(v, ["DATE_OF_BIRTH"]) < 16}
    assert expired and len(kids) == 2
    want = {("retention_expired", "app_db", "accounts", "terminated_at", str(a)) for a in expired}
    want |= {("retention_expired", *k) for k, v in cells.items() if k[:3] == ("backups", "accounts-snapshot.csv",
             "terminated_at") and v and dt.date.fromisoformat(v[:10]) < _months_before(AS_OF, 9)}
    refs = {("account_id",), ("user.id",)}
    own = {(s.rule, s.source, s.dataset, s.key) for s in m.violations if not s.link and s.rule == "under_16"}
    for k, v in cells.items():
        if (k[2],) in refs and k[1] != "accounts-snapshot.csv":
            if int(v) in expired:
                want.add(("retention_expired", *k))
            if int(v) in kids and ("under_16", k[0], k[1], k[3]) not in own:
                want.add(("under_16", *k))
    got = {(s.rule, *place(s)) for s in m.violations if s.rule == "retention_expired" or s.link}
    assert got == want
    tied = {s.dataset for s in m.violations if s.link}
    assert {"payments", "support_tickets", "web_events", "app.jsonl", "events.parquet"} <= tied
    forms = " ".join(s.form for s in m.decoys if s.rule == "retention_expired")
    assert "terminated 184 days" in forms, "the account terminated exactly 6 months before as_of is a decoy"
    assert "backup" in forms, "a backup copy inside the backup window is a decoy"


# --- leaks -------------------------------------------------------------------------------------------------------

def _leaks(m: Manifest, text: str) -> list[str]:
    """Masked names of the planted raw values that ``text`` holds (card digits, birth dates)."""
    __tracebackhide__ = True
    out = [f"card #{i}" for i, n in enumerate(m.card_numbers) if n in text]
    out += [f"planted value #{i}" for i, val in enumerate(m.planted_values) if len(val) >= 8 and val in text]
    out += [h.describe() for h in find_cards(text)]
    return out


def test_expected_json_and_config_hold_no_raw_planted_value(planted: Manifest) -> None:
    for path in (planted.expected, planted.config):
        leaks = _leaks(planted, path.read_text(encoding="utf-8"))
        assert not leaks, f"{path.name} holds raw planted values: {leaks}"
    truth = _truth(planted)
    assert all(set(v) >= {"rule", "source", "dataset", "field", "key"} for v in truth["violations"])
    assert all(isinstance(v["key"], str) for v in truth["violations"])


def test_manifest_repr_shows_no_card(planted: Manifest) -> None:
    leaks = _leaks(planted, repr(planted))
    assert not leaks


def test_command_line_prints_a_masked_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path / "data"), "--seed", "7", "--scale", "0.2"]) == 0
    out = capsys.readouterr().out
    m = generate(tmp_path / "again", seed=7, scale=0.2)
    leaks = _leaks(m, out)
    assert not leaks, "the summary printed a raw planted value"
    assert "12 full card numbers" in out and "6 records of people under 16" in out
    assert out.count("\n") == 1, "one paragraph"


def test_command_line_refuses_a_bad_scale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--scale", "0"]) == 2
    assert "scale" in capsys.readouterr().err


# --- configs and options -----------------------------------------------------------------------------------------

def test_committed_config_matches_the_generator() -> None:
    assert (REPO / "demo" / "pdd.yaml").read_text(encoding="utf-8") == config_text("data/")


def test_generated_config_points_at_the_generated_folder(planted: Manifest) -> None:
    config = yaml.safe_load(planted.config.read_text(encoding="utf-8"))
    assert config["as_of"] == AS_OF
    by_name = {s["name"]: s for s in config["sources"]}
    assert {n: s["kind"] for n, s in by_name.items()} == {"app_db": "sql", "web_logs": "logs", "exports": "files",
                                                          "backups": "files"}
    assert by_name["backups"]["role"] == "backup"
    base = planted.config.parent
    assert (base / by_name["app_db"]["url"].removeprefix("sqlite:///")).is_file()
    assert sorted(base.glob(by_name["web_logs"]["path"])) == sorted((base / "logs").iterdir())
    assert sorted(base.glob(by_name["exports"]["path"])) == sorted((base / "exports").iterdir())
    assert sorted(base.glob(by_name["backups"]["path"])) == sorted((base / "backups").iterdir())


def test_scale_multiplies_row_counts(planted: Manifest, small: Manifest) -> None:
    assert planted.records["app_db/web_events"] == 1200
    assert small.records["app_db/web_events"] == 120
    assert sum(small.records.values()) < sum(planted.records.values()) / 5


def test_a_stray_file_in_a_scanned_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "old.log").write_text("x\n")
    with pytest.raises(ValueError, match=r"logs/old\.log"):
        generate(tmp_path, scale=0.1)

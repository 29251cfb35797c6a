"""The engine's direct path (classifiers.engine.PddAnalyzerEngine) answers exactly as Presidio's own analyze.

The direct path skips Presidio's per-call set-up only when it cannot change the answer (NoOp NLP engine, no
recognizer with context words or its own enhancer). These tests run both paths on the same engine instance
(the same recognizers), on fixed texts of every kind pdd recognizes and on generated ones, and check the
field classifier's memory of texts gives what a fresh classifier gives.

No failing example is printed raw: a generated text can hold a digit run, so the messages mask it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, Verbosity, given, settings
from hypothesis import strategies as st
from presidio_analyzer import AnalyzerEngine, RecognizerResult

import classifiers.field as field_mod
from classifiers.engine import PddAnalyzerEngine, build_analyzer
from classifiers.field import FieldClassifier


def _luhn_complete(prefix: str) -> str:
    """``prefix`` plus the Luhn check digit (built here so that no card number sits in the source)."""
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return prefix + str((10 - total % 10) % 10)


_CARD = _luhn_complete("4" + "1" * 14)

TEXTS = [
    "", " ", "-", "n/a", "asha.rao@example.in", "mailto:li.wei@example.com?subject=hi", "+91 98765 43210",
    "(415) 555-0134", "022-2658-4411", "10.0.0.7", "2001:db8::1", "version 1.2.3.4 released",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
    "https://shop.example.in/checkout?card=" + _CARD, _CARD, _CARD[:4] + " " + _CARD[4:8] + " " + _CARD[8:12]
    + " " + _CARD[12:], "ending 4242", "exp 09/27", "12/29", "Asha Rao", "Dr. Vikram Singh", "Li Wei",
    "14 MG Road, Indiranagar, Bengaluru 560038", "Pune", "India", "DE", "Asia/Kolkata", "en-IN", "fr",
    "ABCDE1234F", "2345 6789 0123", "ssn: 123-45-6789", "94105", "94105-1234", "560038",
    "Tata Consultancy Services Ltd",
    "Acme GmbH", "password=hunter2", "token: 3f2b9c1de4a5", "18.5204, 73.8567", "ac:de:48:00:11:22",
    "IMEI 490154203237518", "38400000-8cf0-11bd-b23e-10b96e4ef00d", "sessionid=7a8b9c0d1e2f3a4b5c6d7e8f",
    "Jio 405-857", "Samsung Galaxy S23 (SM-S911B)", "born 1990-04-12", "DOB: 12/04/1990", "age 15",
    '{"user": {"email": "a@b.in", "phone": "+91 98765 43210"}}', "order 1234567890123456 shipped",
    "a ticket body: customer Asha Rao (asha.rao@example.in, +91 98765 43210) asked about card ending 4242",
]


def _key(results: list[RecognizerResult]) -> list[tuple]:
    return [(r.entity_type, r.start, r.end, r.score,
             sorted((k, str(v)) for k, v in (r.recognition_metadata or {}).items()), r.analysis_explanation)
            for r in results]


def _masked(text: str) -> str:
    return f"<{len(text)} chars ending {text[-4:]!r}>"


@pytest.fixture(scope="module")
def engine() -> PddAnalyzerEngine:
    e = build_analyzer()
    assert isinstance(e, PddAnalyzerEngine)
    return e


def _both(engine: PddAnalyzerEngine, text: str) -> tuple[list[tuple], list[tuple]]:
    return _key(engine.analyze(text, language="en")), _key(AnalyzerEngine.analyze(engine, text, language="en"))


def test_no_model_takes_the_direct_path(engine: PddAnalyzerEngine) -> None:
    assert engine._direct is not None and len(engine._direct) == len(engine.registry.recognizers)


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_direct_path_equals_presidio(engine: PddAnalyzerEngine, i: int) -> None:
    direct, presidio = _both(engine, TEXTS[i])
    assert direct == presidio, f"text #{i} {_masked(TEXTS[i])}"


def test_the_fixed_texts_exercise_the_filters(engine: PddAnalyzerEngine) -> None:
    """The equality above means something: many texts give results, some several per text (duplicates removed)."""
    found = [engine.analyze(t, language="en") for t in TEXTS]
    assert sum(1 for f in found if f) >= len(TEXTS) // 2
    assert any(len(f) >= 3 for f in found)


_FRAGMENTS = st.sampled_from([
    "asha", "rao", "@", "example", ".in", ".com", "+91", "98765", "43210", "555-0134", "10.0", ".7", "::1", "Road",
    "MG", "Pune", "India", "Mozilla/5.0", "(Linux;", "Android 14)", "2026-11-24", "T10:00:00Z", "12/29", "exp",
    "ending", "4242", "ssn", "password", "=", ":", ",", "-", "/", "Asia/Kolkata", "en-IN", "DE", "Ltd", "Dr.",
    "Singh", "Li", "Wei", "{", "}", '"', "ABCDE1234F", "560038", "94105", "ac:de:48", "Jio", "IMEI", "dob",
])
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=12).flatmap(
    lambda parts: st.sampled_from(["", " ", ", "]).map(lambda sep: sep.join(parts)))


@settings(max_examples=300, deadline=None, verbosity=Verbosity.quiet, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_direct_path_equals_presidio_on_generated_text(engine: PddAnalyzerEngine, text: str) -> None:
    direct, presidio = _both(engine, text)
    assert direct == presidio, f"generated {_masked(text)}"


def test_a_call_with_options_goes_through_presidio(engine: PddAnalyzerEngine) -> None:
    text = "asha.rao@example.in"
    assert _key(engine.analyze(text, language="en", entities=["EMAIL_ADDRESS"])) == _key(
        AnalyzerEngine.analyze(engine, text, language="en", entities=["EMAIL_ADDRESS"]))
    assert engine.analyze(text, language="en", score_threshold=1.01) == []


def test_a_recognizer_added_later_is_not_missed() -> None:
    from presidio_analyzer import Pattern, PatternRecognizer

    engine = build_analyzer()
    engine.registry.add_recognizer(PatternRecognizer(supported_entity="ZZ_TEST", name="zz",
                                                     patterns=[Pattern("zz", r"\bzzq\d+\b", 0.9)]))
    assert "ZZ_TEST" in {r.entity_type for r in engine.analyze("ref zzq42", language="en")}


def test_a_spacy_model_keeps_presidios_path(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Zyxwort"}])
    nlp.to_disk(tmp_path / "m")
    engine = build_analyzer(str(tmp_path / "m"))
    assert engine._direct is None
    assert "PERSON" in {r.entity_type for r in engine.analyze("ask Zyxwort", language="en")}


# --- the field classifier's memory of texts --------------------------------------------------------------

def _decisions(c: FieldClassifier, field: str, values: list[str]) -> object:
    return c.classify(field, values, sampled=True)


def test_memory_gives_what_a_fresh_classifier_gives(engine: PddAnalyzerEngine) -> None:
    shared = FieldClassifier(analyzer=engine)
    columns = {"email": TEXTS[4:6] * 5, "contact": TEXTS[4:8] * 3, "notes": TEXTS, "city": ["Pune", "India", "Pune"],
               "payload": [TEXTS[-2]] * 4}
    for _ in range(2):  # the second round is answered from memory
        for name, values in columns.items():
            assert _decisions(shared, name, values) == _decisions(FieldClassifier(analyzer=engine), name, values), name
    assert shared._memo


def test_memory_is_bounded(engine: PddAnalyzerEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(field_mod, "MEMO_ENTRIES", 5)
    monkeypatch.setattr(field_mod, "MEMO_MAX_CHARS", 20)
    c = FieldClassifier(analyzer=engine)
    values = [f"user{i}@example.in" for i in range(12)] + ["x" * 30 + "@example.in"]
    got = _decisions(c, "email", values)
    assert len(c._memo) <= 5
    assert all(len(t) <= 20 for t in c._memo)
    assert got == _decisions(FieldClassifier(analyzer=engine), "email", values)


def test_spans_and_values_share_one_memory(engine: PddAnalyzerEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text read for its spans (a log template's joined slots, pipeline/templates/classify.py) and then
    classified as a value is analyzed once; both readers get what a fresh analysis gives."""
    from pipeline.templates.classify import text_hits

    fresh = FieldClassifier(analyzer=engine)
    want_spans = {t: _key(list(engine.analyze(t, language="en"))) for t in TEXTS}
    want = _decisions(fresh, "notes", TEXTS)
    calls: list[str] = []
    analyze = engine.analyze

    def counted(text: str, language: str) -> list[RecognizerResult]:
        calls.append(text)
        return analyze(text, language=language)

    monkeypatch.setattr(engine, "analyze", counted)
    c = FieldClassifier(analyzer=engine)
    hits = text_hits(c)
    for t in TEXTS:
        assert [(r[1], r[2]) for r in want_spans[t] if field_mod.to_pdd(r[0])] == hits(t), _masked(t)
        assert _key(list(c.spans(t))) == want_spans[t], _masked(t)
    assert _decisions(c, "notes", TEXTS) == want
    assert sorted(calls) == sorted(set(TEXTS))  # each text once, whichever reader asked first


# --- the batch path (analyze_batch) ---------------------------------------------------------------------

def _each(engine: PddAnalyzerEngine, texts: list[str]) -> list[list[tuple]]:
    return [_key(engine.analyze(t, language="en")) for t in texts]


def _batch(engine: PddAnalyzerEngine, texts: list[str]) -> list[list[tuple]]:
    return [_key(r) for r in engine.analyze_batch(texts)]


def test_batch_path_equals_the_per_text_path(engine: PddAnalyzerEngine) -> None:
    for texts in (TEXTS, TEXTS[::-1], TEXTS[:1], []):
        got, want = _batch(engine, texts), _each(engine, texts)
        bad = [i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
        assert not bad, f"texts #{bad} of a batch of {len(texts)}"


def test_the_batch_path_skips_recognizers_by_their_gates(engine: PddAnalyzerEngine) -> None:
    """The equality above is not trivial: most recognizers are gated, and time_zone's anchored gate is not."""
    gated = {r.name for r, gate in zip(engine._direct or (), engine._gates, strict=True) if gate is not None}
    assert len(gated) >= 20 and "pdd_time_zone" not in gated and "pdd_email" in gated


@settings(max_examples=150, deadline=None, verbosity=Verbosity.quiet, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, max_size=8))
def test_batch_path_equals_the_per_text_path_on_generated_texts(engine: PddAnalyzerEngine, texts: list[str]) -> None:
    got, want = _batch(engine, texts), _each(engine, texts)
    bad = [i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
    assert not bad, f"generated texts #{bad} of {[_masked(t) for t in texts]}"


def _column_texts(db: Path, per_column: int) -> list[list[str]]:
    """Each text column's distinct values (up to ``per_column``), read as a field's sample would give them."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = []
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for col in con.execute(f'PRAGMA table_info("{table}")').fetchall():
                rows = con.execute(f'SELECT DISTINCT CAST("{col[1]}" AS TEXT) FROM "{table}" '
                                   f'WHERE "{col[1]}" IS NOT NULL LIMIT {per_column}').fetchall()
                out.append([r[0][:field_mod.MAX_ANALYZED_CHARS] for r in rows
                            if isinstance(r[0], str) and r[0].strip()])
        return out
    finally:
        con.close()


_REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"


def test_batch_path_equals_the_per_text_path_on_real_texts(engine: PddAnalyzerEngine, tmp_path: Path) -> None:
    """The demo's database and log lines, and realdata's databases and logs (when shared/realdata is beside the
    clone), batch by batch as the field classifier asks them."""
    from demo.generate import generate

    data = generate(tmp_path / "demo").config.parent
    batches = _column_texts(data / "app.db", 200)
    logs = sorted((data / "logs").glob("*")) + sorted((_REALDATA / "logs").glob("*.log"))
    for db in sorted((_REALDATA / "db").glob("*.db")):
        batches += _column_texts(db, 40)
    for log in logs:
        lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
        batches += [lines[i:i + 200] for i in range(0, min(len(lines), 400), 200)]
    texts = 0
    for n, batch in enumerate(batches):
        got, want = _batch(engine, batch), _each(engine, batch)
        bad = [i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
        assert not bad, f"batch #{n}: texts #{bad}"
        texts += len(batch)
    assert texts > 5_000

"""Review decisions: the file is validated with line numbers, and applying it gives each field its status."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy import load_policy
from pipeline.report.model import EntityEntry, FieldEntry, Report, RunInfo, SourceEntry, ViolationEntry
from pipeline.review import Decisions, ReviewError, apply_decisions, load_decisions, save_decisions

GOOD = """review_version: 1
fields:
  - source: app_db
    dataset: users
    field: contact
    confirm: [EMAIL_ADDRESS]
    reject:
      - {type: PHONE_NUMBER, why: order ids that look like phones}
    by: alice
    at: 2026-11-30
    why: checked the signup form
accept:
  - rule: full_card_number
    source: app_db
    dataset: sandbox_cards
    why: payment provider sandbox, test cards only
    until: 2026-12-31
    by: bob
    at: 2026-11-30
"""


def _report(types: list[str], as_of: str = "2026-11-24") -> Report:
    ents = [EntityEntry(type=t, confidence=0.9, evidence=["value pattern"]) for t in types]
    return Report(run=RunInfo(id="r1", as_of=as_of, started_at="s", finished_at="f", tool_version="0"),
                  sources=[SourceEntry(name="app_db", kind="sql", status="ok", error=None, datasets=2, fields=2,
                                       rows_scanned=3)],
                  fields=[FieldEntry(source="app_db", dataset="users", field="contact", entities=ents, categories=[],
                                     declared=True, values_sampled=10),
                          FieldEntry(source="app_db", dataset="users", field="id", entities=[], categories=[],
                                     declared=True, values_sampled=10)],
                  violations=[ViolationEntry(rule="full_card_number", source="app_db", dataset="sandbox_cards",
                                             field="pan", key="7", path=None, evidence="VISA ending 1111")])


@pytest.fixture
def decisions(tmp_path: Path) -> Decisions:
    p = tmp_path / "pdd-review.yaml"
    p.write_text(GOOD)
    return load_decisions(p)


def _apply(report: Report, decisions: Decisions) -> Report:
    return apply_decisions(report, decisions, load_policy(), {"app_db": "controller"})


def test_missing_file_means_no_decision(tmp_path: Path) -> None:
    assert load_decisions(tmp_path / "none.yaml") == Decisions()


@pytest.mark.parametrize("text, message", [
    (GOOD.replace("    by: alice\n", ""), "line 3, fields[0].by: required key is missing"),
    (GOOD.replace("until: 2026-12-31", "until: someday"), "line 17, accept[0].until"),
    (GOOD.replace("    why: checked", "    wyh: checked"), "line 11, fields[0].wyh: unknown key"),
    (GOOD.replace("confirm: [EMAIL_ADDRESS]", "confirm: [PHONE_NUMBER]"), "both confirmed and rejected"),
    (GOOD.replace("accept:", "fields:"), "key 'fields' is given twice"),
    ("fields: [\n", "not valid YAML"),
])
def test_a_wrong_file_is_refused_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "pdd-review.yaml"
    p.write_text(text)
    with pytest.raises(ReviewError, match="pdd-review.yaml") as exc:
        load_decisions(p)
    assert message in str(exc.value)


def test_save_then_load_round_trips(decisions: Decisions, tmp_path: Path) -> None:
    p = tmp_path / "again.yaml"
    save_decisions(decisions, p)
    assert load_decisions(p) == decisions


def test_no_decision_is_suggested(decisions: Decisions) -> None:
    out = _apply(_report(["EMAIL_ADDRESS"]), decisions)
    assert out.fields[1].review.status == "suggested"


def test_rejected_type_stays_out_and_is_listed_with_its_reason(decisions: Decisions) -> None:
    out = _apply(_report(["EMAIL_ADDRESS", "PHONE_NUMBER"]), decisions)
    f = out.fields[0]
    assert [e.type for e in f.entities] == ["EMAIL_ADDRESS"]
    assert f.review.status == "confirmed"
    assert [(r.type, r.why, r.by) for r in f.review.rejected] == [
        ("PHONE_NUMBER", "order ids that look like phones", "alice")]


def test_confirmed_field_gaining_a_type_comes_back_changed(decisions: Decisions) -> None:
    f = _apply(_report(["EMAIL_ADDRESS", "IP_ADDRESS"]), decisions).fields[0]
    assert f.review.status == "changed" and f.review.changes == ["new type IP_ADDRESS"]


def test_confirmed_type_vanishing_comes_back_changed(decisions: Decisions) -> None:
    f = _apply(_report([]), decisions).fields[0]
    assert f.review.status == "changed" and f.review.changes == ["confirmed type EMAIL_ADDRESS no longer found"]


def test_added_type_is_asserted_and_recategorized(decisions: Decisions) -> None:
    decisions.fields[0].add = ["DATE_OF_BIRTH"]
    f = _apply(_report(["EMAIL_ADDRESS"]), decisions).fields[0]
    assert [e.type for e in f.entities] == ["EMAIL_ADDRESS", "DATE_OF_BIRTH"]
    assert f.entities[1].evidence == ["added by alice on 2026-11-30"]
    assert f.review.status == "confirmed" and f.declared is False  # the policy declares no birth date


def test_accepted_violation_counts_only_after_its_expiry(decisions: Decisions) -> None:
    before = _apply(_report(["EMAIL_ADDRESS"], as_of="2026-12-31"), decisions)
    assert before.violations[0].accepted is not None and before.violations[0].accepted.by == "bob"
    assert before.exit_code == 0
    after = _apply(_report(["EMAIL_ADDRESS"], as_of="2027-01-01"), decisions)
    assert after.violations[0].accepted is None and after.exit_code == 1
    assert any("expired on 2026-12-31" in n for n in after.notes)


def test_acceptance_of_another_key_does_not_cover(decisions: Decisions) -> None:
    decisions.accept[0].key = "8"
    assert _apply(_report([]), decisions).exit_code == 1


def test_a_decision_that_only_rejects_confirms_nothing(decisions: Decisions) -> None:
    decisions.fields[0].confirm = None
    f = _apply(_report(["EMAIL_ADDRESS", "PHONE_NUMBER"]), decisions).fields[0]
    assert f.review.status == "suggested" and [r.type for r in f.review.rejected] == ["PHONE_NUMBER"]
    decisions.fields[0].confirm = []  # confirmed: no personal type
    assert _apply(_report([]), decisions).fields[0].review.status == "confirmed"


# -- log templates (issue 24): a type rejected in one template's slot -------------------------------------------

def _log_report() -> Report:
    from pipeline.report.model import SlotEntry, TemplateEntry

    rep = _report(["EMAIL_ADDRESS", "PERSON_NAME"])
    f = rep.fields[0]
    f.dataset, f.field = "app.log", "message"
    f.templates = [
        TemplateEntry(id=3, template="job <*> started by <*>", count=40,
                      slots=[SlotEntry(index=1, entities=["PERSON_NAME"]),
                             SlotEntry(index=2, entities=["PERSON_NAME"])]),
        TemplateEntry(id=5, template="mail to <*>", count=9, slots=[SlotEntry(index=1, entities=["EMAIL_ADDRESS"])]),
        TemplateEntry(id=7, template="job <*> done", count=4, slots=[SlotEntry(index=1, entities=["PERSON_NAME"])]),
    ]
    return rep


def _log_decisions(tmp_path: Path, rejects: str) -> Decisions:
    p = tmp_path / "pdd-review.yaml"
    p.write_text(f"fields:\n  - source: app_db\n    dataset: app.log\n    field: message\n    by: carol\n"
                 f"    at: 2026-11-30\n    reject:\n{rejects}")
    return load_decisions(p)


def test_a_type_rejected_in_one_template_slot_leaves_the_field_and_other_slots(tmp_path: Path) -> None:
    d = _log_decisions(tmp_path, '      - {type: PERSON_NAME, template: "job <*> started by <*>", slot: 1, '
                                 'why: job names}\n')
    f = _apply(_log_report(), d).fields[0]
    assert {e.type for e in f.entities} == {"EMAIL_ADDRESS", "PERSON_NAME"}  # the field keeps the type
    by_text = {t.template: [(s.index, s.entities) for s in t.slots] for t in f.templates}
    assert by_text == {"job <*> started by <*>": [(2, ["PERSON_NAME"])], "mail to <*>": [(1, ["EMAIL_ADDRESS"])],
                       "job <*> done": [(1, ["PERSON_NAME"])]}
    [r] = f.review.rejected
    assert (r.type, r.template, r.slot, r.by) == ("PERSON_NAME", "job <*> started by <*>", 1, "carol")


def test_a_template_rejection_without_slot_covers_its_slots_and_drops_the_template(tmp_path: Path) -> None:
    d = _log_decisions(tmp_path, '      - {type: PERSON_NAME, template: "job <*> started by <*>", why: job names}\n')
    f = _apply(_log_report(), d).fields[0]
    assert [t.template for t in f.templates] == ["mail to <*>", "job <*> done"]


def test_a_field_rejection_reaches_every_template(tmp_path: Path) -> None:
    d = _log_decisions(tmp_path, "      - {type: PERSON_NAME, why: product names}\n")
    f = _apply(_log_report(), d).fields[0]
    assert [e.type for e in f.entities] == ["EMAIL_ADDRESS"]
    assert [t.template for t in f.templates] == ["mail to <*>"]
    assert [(r.type, r.template) for r in f.review.rejected] == [("PERSON_NAME", None)]


def test_a_rejection_of_another_template_text_changes_nothing(tmp_path: Path) -> None:
    d = _log_decisions(tmp_path, '      - {type: PERSON_NAME, template: "job <*> stopped by <*>", why: x}\n')
    f = _apply(_log_report(), d).fields[0]
    assert len(f.templates) == 3 and f.review.rejected == []


def test_a_slot_without_template_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match=r"line 8.*give its template"):
        _log_decisions(tmp_path, "      - {type: PERSON_NAME, slot: 2, why: x}\n")


def test_template_rejections_round_trip(tmp_path: Path) -> None:
    d = _log_decisions(tmp_path, '      - {type: PERSON_NAME, template: "job <*> done", slot: 1, why: x}\n'
                                 "      - {type: PHONE_NUMBER, why: y}\n")
    save_decisions(d, tmp_path / "again.yaml")
    assert load_decisions(tmp_path / "again.yaml") == d
    assert "slot" not in (tmp_path / "again.yaml").read_text().split("PHONE_NUMBER")[1]

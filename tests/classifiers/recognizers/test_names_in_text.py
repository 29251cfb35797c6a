"""PERSON_NAME inside free text: the frames (mail comments, labels, titles, salutations, closings), and what stays
out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.field import FieldClassifier
from classifiers.recognizers import names_in_text
from classifiers.recognizers.generic.person_name import PersonNameRecognizer
from classifiers.recognizers.strength import MEDIUM

REC = PersonNameRecognizer()


def found(text: str) -> list[str]:
    return sorted(text[a:b] for a, b, _ in names_in_text.find(text))


@pytest.mark.parametrize("text,names", [
    # mail servers name the recipient after the address, or before it
    ("postfix/bounce: bounce for anna@x.nl (Anna van der Berg)", ["Anna van der Berg"]),
    ("to=<kowalski@x.pl> (Grzegorz Brzęczyszczykiewicz), status=bounced", ["Grzegorz Brzęczyszczykiewicz"]),
    ('From: "Jörg Müller" <jm@y.de>', ["Jörg Müller"]),
    # labels in markup or key=value: the label says it is a name, so one unlisted word (or Thai) is enough
    ("<ns:Name.First>Shai</ns:Name.First><ns:Name.Last>Bassli</ns:Name.Last>", ["Bassli", "Shai"]),
    ("<ns:Name.First>สุทัศน</ns:Name.First>", ["สุทัศน"]),
    ("Vorname: Jürgen, Ort: Graz", ["Jürgen"]),
    # titles: any capitalized word after one
    ("Sehr geehrter Herr Mag. Huber, vielen Dank.", ["Herr Mag. Huber"]),
    ("Please call Mme Lefèvre tomorrow", ["Lefèvre"]),
    ("Assigned to Mrs. Hill today", ["Hill"]),
    ("Terugbelverzoek van mevr. Van Parys over de factuur", ["Van Parys"]),
    # salutations, self-introductions, closings and signatures in eight languages
    ("Beste Sanne, uw bestelling is verzonden.", ["Sanne"]),
    ("Buongiorno, sono Arturo Borromeo. Il mio ordine", ["Arturo Borromeo"]),
    ("Olá, aqui é Mariana dos Santos. Meu pedido", ["Mariana dos Santos"]),
    ("Bitte kündigen Sie mein Abo. Danke, Emilia Pärtzelt", ["Emilia Pärtzelt"]),
    ("Met vriendelijke groet,\nDaan de Jong", ["Daan de Jong"]),
    ("Cheers, Kadınana", ["Kadınana"]),                          # a signature: the closing ends the text
    ("Note from Larsson, Kristina: leave it at the door", ["Larsson, Kristina"]),
    ("contact form submitted by Priya Sharma", ["Priya Sharma"]),
    # near-misses: fillers, products, places, companies, lower case
    ("Mail delivery failed: bob@x.com (Mailbox full)", []),
    ("Dear Customer, your order shipped.", []),
    ("Hallo Team, bitte prüfen.", []),
    ("Regards, Customer Service", []),
    ("Thanks, Support Team", []),
    ("Shipped with DHL Express from Paris to New York.", []),
    ("the invoice from San Daniel de la Montaña arrived", []),
    ("I am very happy with the Kindle Paperwhite", []),
    ("Camino de Régulo Monreal 75, Murcia", []),                 # a street named after a person
    ("Via de Calisto Guardia 5 Piso 9, Palencia", []),
    ("<ns:Emp.OrgName>Wingtip Toys</ns:Emp.OrgName>", []),
    ("hi team, the berlin warehouse is closed", []),
])
def test_frames(text: str, names: list[str]) -> None:
    assert found(text) == sorted(names)


@pytest.mark.parametrize("text,name", [
    ("postfix/bounce: bounce for anna@x.nl (Anna van der Berg)", "Anna van der Berg"),
    ("Met vriendelijke groet,\nDaan de Jong", "Daan de Jong"),
    ("Sehr geehrte Frau Mag. Leeb, danke.", "Leeb"),
])
def test_the_recognizer_scores_framed_names_medium(scored, text: str, name: str) -> None:
    score, matched = scored(PersonNameRecognizer, text)  # directly and through the offline engine
    assert score == MEDIUM
    assert name in matched


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_spans_are_inside_and_nonempty(text: str) -> None:
    for a, b, _ in names_in_text.find(text):
        assert 0 <= a < b <= len(text)
        assert text[a:b].strip()
    assert all(r.score <= MEDIUM for r in REC.analyze(text, ["PERSON_NAME"]))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Dear", "Hallo", "Bonjour", "Hola", "Beste", "Regards,", "Mit freundlichen Grüßen,"]),
       st.sampled_from(["Customer", "Team", "Sir or Madam", "Kunde", "klant", "everyone", "Support Team"]))
def test_fillers_after_a_salutation_are_not_names(frame: str, filler: str) -> None:
    assert found(f"{frame} {filler}, the parcel from Berlin is late.") == []


@pytest.fixture(scope="module")
def classifier() -> FieldClassifier:
    return FieldClassifier()


def test_a_field_of_tickets_with_names_is_person_name(classifier: FieldClassifier) -> None:
    values = [f"Hallo, hier ist {n}. Paket fehlt." for n in ("Anna Weber", "Jürgen Huber", "Sanne de Vries")] * 3
    values += ["Wo bleibt mein Paket?", "Bestellung storniert."] * 4
    decision = classifier.classify("nachricht", values, sampled=True)
    assert "PERSON_NAME" in [d.type for d in decision.entities]


def test_one_name_in_a_field_of_comments_is_not_enough(classifier: FieldClassifier) -> None:
    values = ["Dear Priya, thanks for your order."] + [f"Order {i} shipped from Berlin to Paris." for i in range(30)]
    decision = classifier.classify("comments", values, sampled=True)
    assert "PERSON_NAME" not in [d.type for d in decision.entities]

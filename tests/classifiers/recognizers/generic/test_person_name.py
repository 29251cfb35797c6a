"""PERSON_NAME: known given + family names medium, titles and intro words in text medium; products and places not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.person_name import PersonNameRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("Ravi Kumar", MEDIUM, "Ravi Kumar"),
    ("Priya Sharma", MEDIUM, "Priya Sharma"),
    ("PRIYA SHARMA", MEDIUM, "PRIYA SHARMA"),
    ("Anna Müller", MEDIUM, "Anna Müller"),
    ("Müller, Anna", MEDIUM, "Müller, Anna"),
    ("Sofía García", MEDIUM, "Sofía García"),
    ("Liam O'Brien", MEDIUM, "Liam O'Brien"),
    ("Sai Krishna Reddy", MEDIUM, "Sai Krishna Reddy"),
    ("R. Iyer", MEDIUM, "R. Iyer"),
    ("Mr. Xavier Quorbel", MEDIUM, "Mr. Xavier Quorbel"),     # a title makes unknown words a name
    ("Smt. Lakshmi", MEDIUM, "Smt. Lakshmi"),
    ("Univ.-Prof. Dr. Maria Wagner", MEDIUM, "Univ.-Prof. Dr. Maria Wagner"),  # a chain of academic titles
    ("Dipl.-Ing. Eva Gruber", MEDIUM, "Dipl.-Ing. Eva Gruber"),
    ("Mag.a Sabine Berger", MEDIUM, "Mag.a Sabine Berger"),
    ("Dott.ssa Giulia Bianchi", MEDIUM, "Dott.ssa Giulia Bianchi"),
    ("Ludwig van Beethoven", MEDIUM, "Ludwig van Beethoven"),    # a particle before an unlisted family name
    ("Abdullah al-Rashid", MEDIUM, "Abdullah al-Rashid"),
    ("Maison de Provence", NONE, ""),
    ("राहुल शर्मा", MEDIUM, "राहुल शर्मा"),
    ("Will Smith", WEAK, "Will Smith"),                         # an everyday word as the given name: weak
    ("ravi kumar", WEAK, "ravi kumar"),                         # lower case
    ("Kavya Ishaan", WEAK, "Kavya Ishaan"),                     # two given names
    ("Ravi", WEAK, "Ravi"),
    ("Sharma", WEAK, "Sharma"),
    ("Hi Priya, your order has shipped", MEDIUM, "Priya"),
    ("Please call Mr. Sharma tomorrow", MEDIUM, "Sharma"),
    ('{"name": "Ananya Iyer", "plan": "pro"}', MEDIUM, "Ananya Iyer"),
    ("Regards, Karthik", MEDIUM, "Karthik"),
    ("the refund Ravi Kumar asked about", WEAK, "Ravi Kumar"),  # no frame (names_in_text.py reads "for X")
    # mail headers and contacts (classifiers/recognizers/mailboxes.py): each display name, by the lists
    ('"Tim Belden" <tim.belden@enron.com>', MEDIUM, "Tim Belden"),
    ("Ravi Kumar <ravi.kumar@example.in>", MEDIUM, "Ravi Kumar"),
    ("Allen, Phillip K </O=ENRON/OU=NA/CN=RECIPIENTS/CN=PALLEN>", MEDIUM, "Allen, Phillip K"),
    ("Public, Jane </O=ACME/OU=NA/CN=RECIPIENTS/CN=JPUBLIC>", MEDIUM, "Public, Jane"),  # the alias spells the name
    ('"Jane Public" <jane.public@example.com>', MEDIUM, "Jane Public"),
    ('"Jane Public" <jane@example.com>', WEAK, "Jane Public"),      # "public" is an everyday word
    ("Anna Müller <Anna Müller/HOU/ECT@ECT>", MEDIUM, "Anna Müller"),   # a Lotus Notes name
    ("Mark Taylor/ENRON@enronxgate", WEAK, "Mark Taylor"),            # "mark" is an everyday word
    ("CN=Anna Müller,OU=Sales,DC=acme,DC=com", MEDIUM, "Anna Müller"),
    ("Tim Belden, John Arnold, Mary Smith", MEDIUM, "John Arnold"),  # a list: per element
    ("Jane <jane@example.com>", WEAK, "Jane"),
    # near-misses: role and company mailboxes, lists of products and places
    ("Acme Ltd <sales@acme.com>", NONE, ""),
    ('"Support" <support@example.com>', NONE, ""),
    ('"Customer Service" <customer.service@example.com>', NONE, ""),
    ("Enron Announcements <announcements@enron.com>", NONE, ""),
    ("Sales Team <sales.team@example.com>", NONE, ""),
    ("Public, Jane </O=ACME/OU=NA/CN=RECIPIENTS/CN=HELPDESK>", NONE, ""),  # the alias does not spell it
    ("IT Helpdesk </O=ACME/OU=NA/CN=RECIPIENTS/CN=HELPDESK>", NONE, ""),
    ("noreply@example.com", NONE, ""),
    ("Blue Cotton Kurta, Rose Gold Watch, Masala Chai", NONE, ""),
    ("Mumbai, Pune, Chennai", NONE, ""),
    ("Paris, France", NONE, ""),
    ("N/A", NONE, ""),
    # near-misses
    ("Blue Cotton Kurta", NONE, ""),
    ("Rose Gold", NONE, ""),                                    # two everyday words
    ("Indigo Threads LLP", NONE, ""),
    ("MG Road", NONE, ""),
    ("New Delhi", NONE, ""),
    ("Masala Chai 250g", NONE, ""),
    ("Pending", NONE, ""),
    ("Will", NONE, ""),
    ("ravi", NONE, ""),                                         # a lower-case single word
    ("ravi.kumar", NONE, ""),
    ("Hi team, the build is green", NONE, ""),
    ("Dear customer, thanks", NONE, ""),
    ("Order shipped via Blue Dart", NONE, ""),
])
def test_person_name(text: str, score: float, found: str, scored) -> None:
    assert scored(PersonNameRecognizer, text) == (score, found)

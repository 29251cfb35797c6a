"""Names inside free text: a span-level evaluation, and a small spaCy NER trained to compare against pdd's rules.

    python -m benchmarks.names_in_text eval [--ner DIR]         # pdd's recognizers (and a NER pipeline) on the eval set
    python -m benchmarks.names_in_text train-ner --out DIR      # train a blank spaCy "xx" + ner on the train set
    python -m benchmarks.names_in_text fields --ner DIR [--split realdata|test]   # field level, with/without it

Two generated sets with a strict split, and the real-data free text:

- **train** (for tuning rules and training the NER): Faker names of the train locales
  (``TRAIN_LOCALES``) in ``TRAIN_TEMPLATES``;
- **eval**: Faker names of other locales (``EVAL_LOCALES``: Portuguese, Dutch, Austrian, Polish,
  Swedish, Czech, Turkish, Hindi, ...) and the real names of the congress-legislators CSV
  (``../shared/realdata/files``) in ``EVAL_TEMPLATES`` (other wording, other frames: bounce messages,
  mail headers, signatures, salutations in eight languages, names with no cue at all). Names come with
  titles (``Dr.``, ``Mag.``, ``Ing.``, ``Herr``, ``Mme``), particles (``van der``, ``von``, ``de la``,
  ``dos``, ``di``, ``al-``), double surnames, accents, ``Last, First``, and first names alone.
  Texts with no name at all (capitalized products, places, companies, ``Dear Customer``) measure false
  positives.
- **real data** (read in place, value level): ``JobCandidate.Resume`` (XML resumes, a name in each)
  and the free-text fields the labels say hold no name (order comments in seven languages, product
  descriptions, reviews, store surveys).

A span is found when a predicted span overlaps it; pdd's PERSON_NAME results count as *decisive* from
MEDIUM (0.5) up, the score at which a field of such values is asserted (classifiers/decide.py), and the
table also gives every score. Nothing is printed but counts and rates.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TRAIN_LOCALES = ("en_US", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT")
EVAL_LOCALES = ("en_GB", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "de_AT", "es_MX", "fr_CA", "pl_PL", "sv_SE", "cs_CZ",
                "tr_TR", "en_AU", "da_DK")
LANG = {"en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nl": "nl"}
TITLES = {"en": ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof."), "de": ("Herr", "Frau", "Dr.", "Prof. Dr.", "Mag.", "Ing.",
                                                              "Dipl.-Ing."),
          "fr": ("M.", "Mme", "Dr", "Pr"), "es": ("Sr.", "Sra.", "Dr.", "Dña."),
          "it": ("Sig.", "Dott.", "Ing.", "Avv."),
          "pt": ("Sr.", "Sra.", "Dr.", "Dra."), "nl": ("dhr.", "mevr.", "ir.", "drs.", "Dr.")}
PARTICLES = {"nl": ("van", "van der", "de", "van den", "ter"), "de": ("von", "von der", "zu"), "fr": ("de", "du", "Le"),
             "es": ("de", "de la", "del"), "it": ("di", "de", "da", "Lo"), "pt": ("dos", "da", "de"),
             "en": ("O'", "Mc", "al-", "bin", "ibn")}

TRAIN_TEMPLATES = {
    "en": ("Hello {name}, your order {order} has shipped.", "Thanks, {name}", "My name is {name} and I need help.",
           "Customer {name} reported a late delivery to {city}.", "Mail to {email} ({name}) returned: user unknown.",
           "Spoke with {name} on the phone, refund approved.", "Regards,\n{name}",
           "Hi {first}, the {product} is back in stock.",
           "Contact person: {name}", "Escalated by {name} after the {city} outage."),
    "de": ("Hallo {name}, Ihre Bestellung ist unterwegs.", "Mit freundlichen Grüßen\n{name}",
           "Kundin {name} meldet einen Defekt am {product}.", "Nachricht von {name}: bitte zurückrufen.",
           "Danke, {name}"),
    "fr": ("Bonjour {name}, votre commande {order} est expédiée.", "Cordialement,\n{name}",
           "Appel de {name} au sujet de la facture.", "Merci, {name}"),
    "es": ("Hola {name}, su pedido {order} va en camino.", "Gracias, {name}", "Reclamación de {name} por el {product}.",
           "Un saludo,\n{name}"),
    "it": ("Ciao {name}, il tuo ordine {order} è partito.", "Grazie, {name}", "Chiamata di {name} per la fattura.",
           "Cordiali saluti,\n{name}"),
}
EVAL_TEMPLATES = {
    "en": ("Delivery Status Notification (Failure): bounce for {email} ({name}), 550 5.1.1 mailbox unavailable",
           "From: {name} <{email}>\nSubject: warranty claim for the {product}",
           "Dear {name}, your refund for order {order} has been processed.",
           "Ticket opened by {name} via chat: the app crashes at login.",
           "{name} called about the invoice from {city}; please follow up on Monday.",
           "Kind regards,\n{name}\n{company}", "Assigned to {name}. Customer says the {product} arrived broken.",
           "Hi {first},\nthanks for your patience. Best, {name}",
           "Note from {name}: leave the parcel at the back door.",
           "Cheers, {first}"),
    "de": ("Sehr geehrte(r) {name}, vielen Dank für Ihre Nachricht.",
           "Zustellung an {email} ({name}) fehlgeschlagen: Postfach voll.",
           "Rückruf erbeten von {name} wegen Lieferung nach {city}.", "Viele Grüße\n{name}",
           "Liebe {first}, danke für Ihren Einkauf!"),
    "fr": ("Madame, Monsieur {name}, votre colis est en route.",
           "Message de {name} : le produit {product} est défectueux.",
           "Échec de remise à {email} ({name}).", "Bien à vous,\n{name}", "Bonjour {first}, merci pour votre retour."),
    "es": ("Estimado/a {name}: le confirmamos la devolución.", "Saludos cordiales,\n{name}",
           "Llamó {name} por la factura de {city}.", "Buenos días {first}, ya enviamos su pedido."),
    "pt": ("Prezado(a) {name}, recebemos o seu pedido {order}.", "Atenciosamente,\n{name}",
           "Recado de {name}: ligar depois das 18h.", "Olá {first}, tudo bem?"),
    "nl": ("Beste {name}, uw bestelling {order} is verzonden.", "Met vriendelijke groet,\n{name}",
           "Teruggestuurd: {email} ({name}) onbekend.", "Terugbelverzoek van {name} over de factuur."),
    "it": ("Gentile {name}, la ringraziamo per l'ordine {order}.", "Cordiali saluti\n{name}",
           "Richiesta di {name} per il reso del {product}."),
}
NEGATIVES = (
    "The {product} arrived in {city} on Monday.", "Dear Customer, your order {order} has shipped.",
    "Hi team, the {city} warehouse is closed until Friday.", "Please return the item to our {city} depot.",
    "Invoice {order} paid via {company}.", "Bitte Rücksendung an das Lager {city}.",
    "Merci pour votre commande chez {company}.", "Hola equipo, el pedido {order} llegó tarde a {city}.",
    "Olá, a encomenda {order} chegou danificada.", "Beste klant, uw pakket is onderweg naar {city}.",
    "Dear Sir or Madam, the {product} is out of stock.", "Shipped with DHL Express from {city} to New York.",
    "Regards, Customer Service", "Thanks, Support Team", "Mail delivery failed: {email} (Mailbox full)",
)
PRODUCTS = ("Galaxy S24", "Kindle Paperwhite", "Victoria Sponge", "Kerala Spice Mix", "Nike Air Max", "Apple Watch",
            "Rose Gold Necklace", "Jackson Guitar", "Marco Polo Tea", "Grace Kelly Bag")


@dataclass
class Sample:
    text: str
    spans: list[tuple[int, int]]
    source: str


def _person(fake, rng: random.Random, lang: str) -> tuple[str, str]:
    """(full name as written, first name) with titles, particles, double surnames and inversions."""
    first, last = fake.first_name(), fake.last_name()
    x = rng.random()
    if x < 0.12 and lang in PARTICLES:
        p = rng.choice(PARTICLES[lang])
        last = f"{p}{last}" if p.endswith(("'", "-")) or p == "Mc" else f"{p} {last}"
    elif x < 0.2:
        last = f"{last}-{fake.last_name()}" if lang in ("de", "en", "fr") else f"{last} {fake.last_name()}"
    y = rng.random()
    if y < 0.2:
        return f"{rng.choice(TITLES.get(lang, TITLES['en']))} {first} {last}", first
    if y < 0.3:
        return f"{rng.choice(TITLES.get(lang, TITLES['en']))} {last}", first
    if y < 0.38:
        return f"{last}, {first}", first
    if y < 0.48:
        return first, first
    if y < 0.55:
        return f"{first} {fake.first_name()[0]}. {last}", first
    return f"{first} {last}", first


def _fill(template: str, name: str, first: str, fake, rng: random.Random) -> Sample:
    slots = {"email": fake.email(), "order": f"{rng.randint(100000, 999999)}", "city": fake.city(),
             "company": fake.company(), "product": rng.choice(PRODUCTS)}
    out, spans, i = "", [], 0
    while i < len(template):
        j = template.find("{", i)
        if j < 0:
            out += template[i:]
            break
        out += template[i:j]
        k = template.index("}", j)
        slot = template[j + 1:k]
        value = name if slot == "name" else first if slot == "first" else slots[slot]
        if slot in ("name", "first"):
            spans.append((len(out), len(out) + len(value)))
        out += value
        i = k + 1
    return Sample(out, spans, "")


def _legislators(realdata: Path) -> list[tuple[str, str]]:
    path = realdata / "files" / "legislators-current.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [(r["full_name"], r["nickname"] or r["first_name"]) for r in csv.DictReader(f) if r["full_name"]]


def generated(split: str, n: int, seed: int, realdata: Path) -> list[Sample]:
    from faker import Faker

    rng = random.Random(f"names:{split}:{seed}")
    locales = TRAIN_LOCALES if split == "train" else EVAL_LOCALES
    templates = TRAIN_TEMPLATES if split == "train" else EVAL_TEMPLATES
    fakers = {loc: Faker(loc) for loc in locales}
    for i, f in enumerate(fakers.values()):
        f.seed_instance(seed * 100 + i)
    real = _legislators(realdata) if split == "eval" else []
    out: list[Sample] = []
    for _ in range(n):
        loc = rng.choice(locales)
        fake = fakers[loc]
        lang = LANG.get(loc[:2], "en")
        if rng.random() < 0.15:
            s = _fill(rng.choice(NEGATIVES), "", "", fake, rng)
            s.spans, s.source = [], "negative"
            out.append(s)
            continue
        lang_t = lang if lang in templates and rng.random() < 0.7 else "en"
        if real and rng.random() < 0.25:
            name, first = rng.choice(real)
            source = "legislators"
        else:
            name, first = _person(fake, rng, lang)
            source = loc
        s = _fill(rng.choice(templates[lang_t]), name, first, fake, rng)
        s.source = source
        out.append(s)
    return out


#: Real-data fields of free text: (database, table, column, holds a name in every value)
REAL_TEXT = (("adventureworks.db", "JobCandidate", "Resume", True),
             ("adventureworks.db", "ProductDescription", "Description", False),
             ("adventureworks.db", "ProductReview", "Comments", False),
             ("adventureworks.db", "Store", "Demographics", False),
             ("classicmodels.db", "Orders", "comments", False),
             ("classicmodels_deu.db", "Orders", "comments", False),
             ("classicmodels_fra.db", "Orders", "comments", False),
             ("classicmodels_esn.db", "Orders", "comments", False),
             ("classicmodels.db", "Products", "productDescription", False),
             ("classicmodels.db", "ProductLines", "textDescription", False))


def real_texts(realdata: Path, limit: int = 200) -> list[tuple[str, bool, list[str]]]:
    out = []
    for db, table, column, named in REAL_TEXT:
        path = realdata / "db" / db
        if not path.exists():
            continue
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                                              f'AND "{column}" != \'\' LIMIT {limit}')]
        finally:
            con.close()
        out.append((f"{db.removesuffix('.db')}/{table}.{column}", named, [str(r) for r in rows]))
    return out


# --- methods ---------------------------------------------------------------------------------------

class PddRules:
    name = "pdd rules + lexicons"

    def __init__(self) -> None:
        from classifiers.engine import build_analyzer
        from classifiers.field import MAX_ANALYZED_CHARS

        self.analyzer = build_analyzer()
        self.cut = MAX_ANALYZED_CHARS

    def spans(self, text: str) -> list[tuple[int, int, float]]:
        res = self.analyzer.analyze(text[:self.cut], language="en", entities=["PERSON_NAME"])
        return [(r.start, r.end, r.score) for r in res]


class Ner:
    def __init__(self, path: str) -> None:
        import spacy

        self.nlp = spacy.load(path)
        self.name = f"spaCy NER ({Path(path).name})"

    def spans(self, text: str) -> list[tuple[int, int, float]]:
        doc = self.nlp(text[:4000])
        return [(e.start_char, e.end_char, 1.0) for e in doc.ents if e.label_ in ("PERSON", "PER")]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(method, samples: list[Sample], min_score: float) -> dict:
    tp_pred = fp = tp_gold = fn = 0
    named_hit = named = clean_fp = clean = 0
    t0 = time.perf_counter()
    for s in samples:
        pred = [(a, b) for a, b, sc in method.spans(s.text) if sc >= min_score]
        for p in pred:
            if any(_overlaps(p, g) for g in s.spans):
                tp_pred += 1
            else:
                fp += 1
        for g in s.spans:
            if any(_overlaps(p, g) for p in pred):
                tp_gold += 1
            else:
                fn += 1
        if s.spans:
            named += 1
            named_hit += bool(pred)
        else:
            clean += 1
            clean_fp += bool(pred)
    p = tp_pred / (tp_pred + fp) if tp_pred + fp else 1.0
    r = tp_gold / (tp_gold + fn) if tp_gold + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "texts_with_name_found": round(named_hit / named, 3) if named else None,
            "texts_without_name_flagged": round(clean_fp / clean, 3) if clean else None,
            "ms_per_text": round(1000 * (time.perf_counter() - t0) / max(1, len(samples)), 2)}


def real_rates(method, texts, min_score: float) -> list[dict]:
    out = []
    for field, named, values in texts:
        hit = sum(bool([1 for *_, sc in method.spans(v) if sc >= min_score]) for v in values)
        out.append({"field": field, "holds_names": named, "values": len(values),
                    "values_with_name": round(hit / len(values), 3) if values else 0.0})
    return out


def cmd_eval(args: argparse.Namespace) -> None:
    from classifiers.recognizers.strength import MEDIUM

    realdata = Path(args.realdata)
    samples = generated("eval", args.n, args.seed, realdata)
    texts = real_texts(realdata)
    methods = [PddRules()] + [Ner(p) for p in args.ner]
    report = {"eval_texts": len(samples), "named": sum(bool(s.spans) for s in samples), "methods": {}}
    for m in methods:
        cuts = [("decisive", MEDIUM), ("any score", 0.0)] if isinstance(m, PddRules) else [("", 0.0)]
        for label, cut in cuts:
            key = f"{m.name} {label}".strip()
            by_source: dict[str, dict] = {}
            for src in ("legislators", "negative"):
                sub = [s for s in samples if s.source == src]
                if sub:
                    by_source[src] = score(m, sub, cut)
            report["methods"][key] = {"generated eval": score(m, samples, cut), "by source": by_source,
                                      "real data (value level)": real_rates(m, texts, cut)}
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False))


def cmd_train(args: argparse.Namespace) -> None:
    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    samples = generated("train", args.n, args.seed, Path(args.realdata))
    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = []
    for s in samples:
        doc = nlp.make_doc(s.text)
        ents = [doc.char_span(a, b, label="PERSON", alignment_mode="expand") for a, b in s.spans]
        spans = [e for e in ents if e is not None]
        examples.append(Example.from_dict(doc, {"entities": [(e.start_char, e.end_char, "PERSON") for e in spans]}))
    rng = random.Random(args.seed)
    optimizer = nlp.initialize(lambda: examples)
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    nlp.to_disk(args.out)
    size = sum(f.stat().st_size for f in Path(args.out).rglob("*") if f.is_file())
    print(json.dumps({"train_texts": len(samples), "epochs": args.epochs, "seconds": round(time.perf_counter() - t0),
                      "model_bytes": size, "out": args.out}))


def cmd_fields(args: argparse.Namespace) -> None:
    """Field level: scan a labelled set (the real data, or a generated split) with and without a spaCy model."""
    from benchmarks.classification.realdata import load_labels
    from benchmarks.classification.score import score as score_fields
    from pipeline.config.load import load_config
    from pipeline.engine.run import scan

    if args.split == "realdata":
        root = Path(args.realdata)
        truth, config = load_labels(root), load_config(root / "sources.yaml")
    else:
        from benchmarks.corpus.generate import generate
        from benchmarks.corpus.locales import SPLITS

        corpus = generate(Path(args.workdir) / args.split, split=args.split, **SPLITS[args.split])
        truth, config = corpus.ground_truth, load_config(corpus.config)
    out = {}
    for model in [None] + args.ner:
        cfg = config.model_copy(update={"classification": config.classification.model_copy(
            update={"spacy_model": model})})
        t0 = time.perf_counter()
        report = scan(cfg)
        seconds = time.perf_counter() - t0
        pred = {f"{f.source}/{f.dataset}/{f.field}": [e.type for e in f.entities] for f in report.fields}
        sc = score_fields(truth, pred).as_dict()
        person = sc["per_type"]["PERSON_NAME"]
        wrong = sorted(k for k, v in pred.items() if "PERSON_NAME" in v and "PERSON_NAME" not in truth.get(k, []))
        out[model or "no model (rules + lexicons)"] = {
            "micro": sc["micro"], "personal_fields": sc["personal_fields"], "PERSON_NAME": person,
            "PERSON_NAME false positives": wrong, "seconds": round(seconds, 1)}
    print(json.dumps(out, indent=1, ensure_ascii=False))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.names_in_text", description=__doc__.split("\n")[0])
    ap.add_argument("--realdata", default=str(Path(__file__).resolve().parents[2] / "shared" / "realdata"))
    ap.add_argument("--seed", type=int, default=1)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("eval")
    e.add_argument("--n", type=int, default=1500)
    e.add_argument("--ner", action="append", default=[], help="a spaCy pipeline folder to compare (repeatable)")
    e.add_argument("--out")
    t = sub.add_parser("train-ner")
    t.add_argument("--n", type=int, default=4000)
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--out", required=True)
    f = sub.add_parser("fields")
    f.add_argument("--split", default="realdata", help="realdata, or a generated split (train, test)")
    f.add_argument("--ner", action="append", default=[], help="a spaCy pipeline folder to compare (repeatable)")
    f.add_argument("--workdir", default="/tmp/pdd-names-fields")
    args = ap.parse_args(argv)
    {"eval": cmd_eval, "train-ner": cmd_train, "fields": cmd_fields}[args.cmd](args)


if __name__ == "__main__":
    main()

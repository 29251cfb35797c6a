"""Free text and JSON documents: fields that carry several types, or none, value by value.

A ticket body holds a name in one row, an e-mail and a phone in another and
nothing personal in a third; a field's ground truth is the union of what its
values hold (entities.md: "a field of free text carries every type that its
values contain"). Card numbers are planted rarely (about one row in 200) so
that only an exhaustive sweep or sparse-evidence logic finds them.
"""

from __future__ import annotations

import json
import uuid

from benchmarks.corpus import values as v
from benchmarks.corpus.decoys import PRODUCTS, _order_no
from benchmarks.corpus.kinds import N, Tagged, kind
from benchmarks.corpus.values import Row, pick

CARD_RATE = 0.006

# Slots: {name} PERSON_NAME, {email} EMAIL_ADDRESS, {phone} PHONE_NUMBER; {order} and {product} are not personal.
TICKETS: dict[str, tuple[str, ...]] = {
    "en": (
        "Hi, this is {name}. I ordered the {product} (order {order}) but it has not arrived yet. "
        "Please call me on {phone}.",
        "Hello team, please update my email to {email}. Thanks, {name}",
        "My payment failed twice for order {order}. You can reach me at {email} or {phone}.",
        "I would like to return the {product}, it arrived damaged. Order {order}.",
        "Where is my parcel? It has been 10 days since order {order}.",
        "Please cancel my subscription and delete my account. Regards, {name}",
        "The {product} was excellent, but the box was crushed. Can I get a partial refund?",
    ),
    "de": (
        "Hallo, hier ist {name}. Meine Bestellung {order} ist noch nicht angekommen. "
        "Bitte rufen Sie mich unter {phone} an.",
        "Bitte ändern Sie meine E-Mail-Adresse auf {email}. Danke, {name}",
        "Die Zahlung für Bestellung {order} ist fehlgeschlagen. Sie erreichen mich unter {email} oder {phone}.",
        "Ich möchte den Artikel {product} zurückgeben, er kam beschädigt an.",
        "Wo bleibt mein Paket? Bestellung {order} ist seit zehn Tagen unterwegs.",
        "Bitte kündigen Sie mein Abo. Mit freundlichen Grüßen, {name}",
    ),
    "fr": (
        "Bonjour, je suis {name}. Ma commande {order} n'est pas arrivée. Merci de me rappeler au {phone}.",
        "Merci de changer mon adresse e-mail pour {email}. Cordialement, {name}",
        "Le paiement de la commande {order} a échoué. Vous pouvez me joindre à {email} ou au {phone}.",
        "Je souhaite retourner le produit {product}, il est arrivé abîmé.",
        "Où est mon colis ? La commande {order} date de dix jours.",
    ),
    "es": (
        "Hola, soy {name}. Mi pedido {order} no ha llegado. Por favor llámenme al {phone}.",
        "Por favor cambien mi correo a {email}. Gracias, {name}",
        "El pago del pedido {order} falló. Pueden contactarme en {email} o al {phone}.",
        "Quiero devolver el producto {product}, llegó dañado.",
        "¿Dónde está mi paquete? El pedido {order} lleva diez días.",
    ),
    "pt": (
        "Olá, aqui é {name}. Meu pedido {order} ainda não chegou. Por favor liguem para {phone}.",
        "Por favor alterem meu e-mail para {email}. Obrigado, {name}",
        "O pagamento do pedido {order} falhou. Podem me contatar em {email} ou {phone}.",
        "Quero devolver o produto {product}, chegou danificado.",
        "Cadê minha encomenda? O pedido {order} já tem dez dias.",
    ),
    "it": (
        "Buongiorno, sono {name}. Il mio ordine {order} non è arrivato. Per favore chiamatemi al {phone}.",
        "Vi prego di cambiare la mia email in {email}. Grazie, {name}",
        "Il pagamento dell'ordine {order} non è andato a buon fine. Contattatemi a {email} o al {phone}.",
        "Vorrei restituire il prodotto {product}, è arrivato danneggiato.",
    ),
    "nl": (
        "Hallo, u spreekt met {name}. Mijn bestelling {order} is nog niet aangekomen. Bel mij op {phone}.",
        "Wilt u mijn e-mailadres wijzigen in {email}? Bedankt, {name}",
        "De betaling van bestelling {order} is mislukt. U kunt mij bereiken via {email} of {phone}.",
        "Ik wil het product {product} retourneren, het was beschadigd.",
    ),
    "hi": (
        "Namaste, main {name} bol raha hoon. Mera order {order} abhi tak nahi aaya. Please {phone} par call karein.",
        "Mera email {email} par update kar dijiye. Dhanyavaad, {name}",
        "Order {order} ka payment fail ho gaya. Mujhse {email} ya {phone} par sampark karein.",
        "Mujhe {product} return karna hai, packet toota hua tha.",
    ),
}
CARD_LINES = {
    "en": "Please charge my other card {card} instead.", "de": "Bitte belasten Sie stattdessen meine Karte {card}.",
    "fr": "Merci de débiter plutôt ma carte {card}.", "es": "Por favor cobren a mi tarjeta {card}.",
    "pt": "Por favor cobrem no meu cartão {card}.", "it": "Per favore addebitate sulla carta {card}.",
    "nl": "Gebruik alstublieft mijn kaart {card}.", "hi": "Meri card {card} se payment le lijiye.",
}
REVIEWS = (
    "Loved the {product}! Tastes just like the one we had in Kerala.", "The {product} arrived fresh, five stars.",
    "Not as good as the {product} I bought in Paris, but close.", "Packaging could be better. {product} was fine.",
    "Great value, will buy the {product} again for Diwali.", "Der {product} war lecker, schnelle Lieferung.",
    "Muy buen producto, el {product} llegó a tiempo.", "Ottimo {product}, consigliato!",
)
NOTES = ("Leave the parcel with the security guard.", "Fragile, handle with care.", "Gift wrap requested.",
         "Deliver after 6 pm.", "Customer prefers eco packaging.", "Back order, ships next week.")
SLOT_TYPES = {"name": "PERSON_NAME", "email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "card": "CREDIT_CARD",
              "ip": "IP_ADDRESS", "ua": "USER_AGENT"}


def fill(r: Row, template: str, **extra: str) -> Tagged:
    slots = {"name": lambda: v.full_name(r), "email": lambda: v.email(r), "phone": lambda: v.phone(r),
             "card": lambda: v.card_number(r), "ip": lambda: v.ip_any(r), "ua": lambda: v.user_agent(r),
             "order": lambda: _order_no(r), "product": lambda: pick(r, PRODUCTS)}
    used = [s for s in slots if "{" + s + "}" in template]  # slot order, not set order: values draw from r.rng
    text = template.format(**{s: (extra[s] if s in extra else slots[s]()) for s in used})
    return Tagged(text, frozenset(SLOT_TYPES[s] for s in used if s in SLOT_TYPES))


def ticket_body(r: Row) -> Tagged:
    lang = r.loc.lang
    t = fill(r, pick(r, TICKETS[lang]))
    if r.rng.random() < CARD_RATE:
        card = fill(r, CARD_LINES[lang])
        return Tagged(f"{t.value} {card.value}", t.types | card.types)
    return t


def delivery_note(r: Row) -> Tagged:
    if r.rng.random() < 0.25:
        return fill(r, pick(r, ("Call {phone} before delivery.", "Ring the bell, or call {phone}.",
                                "Alternate contact: {phone}")))
    return Tagged(pick(r, NOTES), frozenset())


def review_text(r: Row) -> Tagged:
    return fill(r, pick(r, REVIEWS))


def subject(r: Row) -> Tagged:
    return fill(r, pick(r, ("Order {order} not delivered", "Refund request for {product}", "Payment failed",
                            "Change of address", "Damaged item: {product}", "Invoice copy needed")))


def payload_json(r: Row) -> Tagged:
    """An event payload that embeds a few personal values, as apps write them."""
    doc: dict = {"event_id": str(uuid.UUID(int=r.rng.getrandbits(128), version=4))}
    types: set[str] = set()
    if r.rng.random() < 0.7:
        doc["user"] = {"email": v.email(r)}
        types.add("EMAIL_ADDRESS")
        if r.rng.random() < 0.5:
            doc["user"]["phone"] = v.phone(r)
            types.add("PHONE_NUMBER")
    if r.rng.random() < 0.5:
        doc["client"] = {"ip": v.ip_any(r), "os": v.os_name(r)}
        types |= {"IP_ADDRESS", "DEVICE_INFO"}
    doc["cart"] = {"items": r.rng.randint(1, 6), "total": r.rng.randint(99, 99999) / 100}
    return Tagged(json.dumps(doc, ensure_ascii=False), frozenset(types))


def _ts(r: Row) -> str:
    return f"2026-{r.rng.randint(1, 11):02d}-{r.rng.randint(1, 28):02d} {r.rng.randint(0, 23):02d}:" \
           f"{r.rng.randint(0, 59):02d}:{r.rng.randint(0, 59):02d},{r.rng.randint(0, 999):03d}"


def auth_line(r: Row) -> Tagged:
    t = fill(r, pick(r, (
        "INFO auth: login ok for {email} from {ip}", "WARN auth: failed password for {email} from {ip}",
        "INFO auth: password reset requested by {email}", "ERROR auth: rate limit exceeded for {ip}",
        "INFO auth: token refreshed request_id=" + str(uuid.UUID(int=r.rng.getrandbits(128), version=4)),
        "INFO auth: new device login from {ip} ua=\"{ua}\"", "DEBUG auth: cache warm, 1423 keys")))
    return Tagged(f"{_ts(r)} {t.value}", t.types)


def payment_line(r: Row) -> Tagged:
    if r.rng.random() < CARD_RATE:
        t = fill(r, "ERROR gateway: raw request logged by mistake pan={card} order=" + _order_no(r))
    else:
        t = fill(r, pick(r, (
            "INFO payment captured order={order} amount=" + f"{r.rng.randint(99, 99999) / 100:.2f}",
            "WARN gateway declined order={order} reason=insufficient_funds",
            "INFO refund issued order={order} txn=" + str(uuid.UUID(int=r.rng.getrandbits(128), version=4)),
            "INFO settlement batch " + str(r.rng.randint(1000, 9999)) + " closed")))
    return Tagged(f"{_ts(r)} {t.value}", t.types)


def sms_line(r: Row) -> Tagged:
    t = fill(r, pick(r, ("INFO sms: OTP sent to {phone}", "INFO sms: delivery report ok for {phone}",
                         "WARN sms: provider timeout, retrying", "INFO sms: queue depth 12")))
    return Tagged(f"{_ts(r)} {t.value}", t.types)


def app_message(r: Row) -> Tagged:
    return fill(r, pick(r, ("user signed in", "cart updated", "checkout started for order {order}",
                            "profile updated: email changed to {email}", "search query 'saffron'",
                            "payment page viewed", "contact form submitted by {name}")))


def request_body(r: Row) -> Tagged:
    x = r.rng.random()
    if x < 0.4:
        doc, types = {"email": v.email(r), "name": v.full_name(r)}, {"EMAIL_ADDRESS", "PERSON_NAME"}
    elif x < 0.6:
        doc, types = {"phone": v.phone(r), "otp_channel": "sms"}, {"PHONE_NUMBER"}
    else:
        doc, types = {"sku": f"SKU-{r.rng.randint(1, 99999):05d}", "qty": r.rng.randint(1, 4)}, set()
    return Tagged(json.dumps(doc, ensure_ascii=False), frozenset(types))


# Names as people write them in mail and chat: titles, particles, double surnames, "Family, Given", a
# first name alone. Kept apart from benchmarks/names_in_text.py's train templates (which tune the rules).
TITLES = {"en": ("Mr.", "Ms.", "Dr.", "Prof."), "de": ("Herr", "Frau", "Dr.", "Mag.", "Ing."),
          "fr": ("M.", "Mme", "Dr"), "es": ("Sr.", "Sra.", "Dr."), "pt": ("Sr.", "Sra.", "Dr."),
          "it": ("Sig.", "Dott.", "Ing."), "nl": ("dhr.", "mevr.", "ir."), "hi": ("Shri", "Smt.", "Dr.")}
PARTICLES = {"nl": ("van", "van der", "de"), "de": ("von",), "fr": ("de", "du"), "es": ("de", "del"),
             "pt": ("dos", "da"), "it": ("di", "De")}


def person_in_text(r: Row) -> str:
    first, last = r.first, r.last
    lang = r.loc.lang
    if lang in PARTICLES and r.rng.random() < 0.15 and " " not in last:
        last = f"{pick(r, PARTICLES[lang])} {last}"
    x = r.rng.random()
    if x < 0.2:
        return f"{pick(r, TITLES.get(lang, TITLES['en']))} {last}"
    if x < 0.3:
        return f"{pick(r, TITLES.get(lang, TITLES['en']))} {first} {last}"
    if x < 0.38:
        return f"{last}, {first}"
    if x < 0.48:
        return first
    return f"{first} {last}"


BOUNCES = (
    "postfix/bounce[{pid}]: {qid}: sender non-delivery notification: bounce for {email} ({person})",
    "postfix/smtp[{pid}]: {qid}: to=<{email}> ({person}), relay=none, dsn=5.1.1, status=bounced (user unknown)",
    "postfix/smtp[{pid}]: {qid}: to=<{email}>, relay=mx.{domain}, dsn=2.0.0, status=sent (250 OK)",
    "postfix/qmgr[{pid}]: {qid}: from=<noreply@shop.example>, size={size}, nrcpt=1 (queue active)",
    "postfix/smtpd[{pid}]: connect from unknown[{ip}]",
)


def bounce_line(r: Row) -> Tagged:
    """A mail log line: bounces name the recipient as mail servers do, "x@y (First Last)"."""
    t = pick(r, BOUNCES)
    email = v.email(r)
    text = t.format(pid=r.rng.randint(1000, 99999), qid=f"{r.rng.getrandbits(40):010X}", email=email,
                    person=person_in_text(r), domain=email.split("@")[-1], size=r.rng.randint(900, 90000),
                    ip=v.ip_any(r) if "{ip}" in t else "")
    types = {"EMAIL_ADDRESS"} if "{email}" in t else set()
    if "{person}" in t:
        types.add("PERSON_NAME")
    if "{ip}" in t:
        types.add("IP_ADDRESS")
    return Tagged(f"{_ts(r)} mail {text}", frozenset(types))


CHATS: dict[str, tuple[str, ...]] = {
    "en": ("Agent: Good morning {person}, how can I help?", "Dear {person}, your case {order} is resolved.",
           "Customer: the {product} is missing from my parcel", "Agent: I have issued a replacement for order {order}.",
           "Kind regards, {person}"),
    "de": ("Guten Tag {person}, wie kann ich helfen?", "Liebe Grüße, {person}", "Kunde: das Paket {order} fehlt.",
           "Agent: Ersatz für {product} ist unterwegs."),
    "fr": ("Bonjour {person}, que puis-je faire pour vous ?", "Bien cordialement, {person}",
           "Client : le colis {order} est incomplet.", "Agent : un remboursement est en cours."),
    "es": ("Buenas tardes {person}, ¿en qué le ayudo?", "Saludos, {person}", "Cliente: falta el {product}.",
           "Agente: ya enviamos el reemplazo."),
    "pt": ("Bom dia {person}, em que posso ajudar?", "Abraços, {person}", "Cliente: falta o {product} no pacote.",
           "Agente: o reembolso foi aprovado."),
    "it": ("Buonasera {person}, come posso aiutarla?", "Distinti saluti, {person}", "Cliente: manca il {product}.",
           "Operatore: il rimborso è in corso."),
    "nl": ("Goedemiddag {person}, waarmee kan ik helpen?", "Groeten, {person}", "Klant: het pakket {order} is leeg.",
           "Medewerker: de vervanging is verzonden."),
    "hi": ("Namaste {person}, main aapki kya madad karoon?", "Dhanyavaad, {person}", "Customer: {product} nahi mila.",
           "Agent: refund ho gaya hai."),
}


def chat_message(r: Row) -> Tagged:
    t = pick(r, CHATS[r.loc.lang])
    if "{person}" in t:
        t = t.replace("{person}", person_in_text(r))
        base = fill(r, t)
        return Tagged(base.value, base.types | {"PERSON_NAME"})
    return fill(r, t)


_TEXT = N(en="body message description ticket_text comments notes msg content details complaint",
          de="nachricht beschreibung text anliegen", fr="message description contenu",
          es="mensaje descripcion comentario",
          pt="mensagem descricao comentario", it="messaggio descrizione testo", nl="bericht omschrijving opmerking",
          hi="sandesh vivaran shikayat")
kind("ticket_body", (), ticket_body, _TEXT)
kind("delivery_note", (), delivery_note, N(
    en="delivery_notes instructions delivery_instructions remarks", de="lieferhinweis bemerkung",
    fr="instructions_livraison remarque", es="instrucciones_entrega observaciones", pt="observacoes instrucoes_entrega",
    it="note_consegna", nl="bezorginstructies"), null_rate=0.3)
kind("review_text", (), review_text, N(en="review_text review comment feedback", de="rezension", fr="avis",
                                       es="resena", pt="avaliacao_texto", it="recensione", nl="recensie"))
kind("subject", (), subject, N(en="subject title topic summary", de="betreff", fr="objet", es="asunto",
                               pt="assunto", it="oggetto", nl="onderwerp"))
kind("payload_json", (), payload_json, N(en="payload event_data data body_json context"))
kind("auth_line", (), auth_line, N(en="message"))
kind("payment_line", (), payment_line, N(en="message"))
kind("sms_line", (), sms_line, N(en="message"))
kind("app_message", (), app_message, N(en="msg message"))
kind("request_body", (), request_body, N(en="body"))
kind("bounce_line", (), bounce_line, N(en="message"))
kind("chat_message", (), chat_message, N(en="chat_text transcript chat_message", de="chatverlauf", fr="conversation",
                                         es="conversacion", pt="conversa", it="conversazione", nl="chatgesprek",
                                         hi="baatcheet"))

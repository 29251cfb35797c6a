"""PERSON_NAME inside free text, from the frames people write names in (no model; see docs/names.md).

Used by classifiers/recognizers/generic/person_name.py for every value that is not a whole name.

A name inside a sentence is only told from a product, a place or a company by
where it stands. This recognizer reads the frames, in the languages pdd's
users write in, and then checks that what stands in the frame looks like a
person's name:

========================  =====================================================  ==================
frame                     example                                                the words must be
========================  =====================================================  ==================
mail comment / display    ``bounce for x@y.org (Anna van der Berg)``,            name-shaped
                          ``From: "Dr. Jörg Müller" <jm@y.de>``
label in markup or k=v    ``<ns:Name.First>Shai</ns:Name.First>``,               name-shaped; one word
                          ``contact_person=Ana Souza``, ``Vorname: Jürgen``      needs a name label
title                     ``Mag. Huber``, ``Dipl.-Ing. Carla di Stefano``,       name-shaped
                          ``Mme Lefèvre``, ``dhr. De Vries``
salutation / closing      ``Dear Priya``, ``Liebe Ana``, ``Beste Sanne``,        one listed name
                          ``Met vriendelijke groet,\\nDaan Jansen``
self-introduction         ``my name is``, ``ich bin``, ``je suis``, ``soy``,      one listed name
                          ``sono``, ``aqui é``, ``u spreekt met``
reported by               ``submitted by``, ``Nachricht von``, ``Recado de``,    a listed given name
                          ``llamó``, ``spoke with``                              and a second word
========================  =====================================================  ==================

*Name-shaped*: one to five words, each capitalized (``O'Brien``, ``Jean-Luc``,
``Ångström``), an initial (``J.``) or a particle between them (``van der``,
``von``, ``de la``, ``dos``, ``di``, ``bin``, ``al-``), not a word of the
common-word list, of a product/place/company list or of a list of salutation
fillers (``Dear Customer``, ``Hallo Team``, ``Beste klant``). A *listed*
name is in classifiers/data/first_names.txt or surnames.txt.

PersonNameRecognizer scores every match MEDIUM; it lies inside longer text, so one value never makes
a field PERSON_NAME: classifiers/decide.py asserts it when about a fifth of
the field's values hold one (FULL_RATE_TEXT), i.e. the field supports it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from classifiers.recognizers.base import first_char_guard
from classifiers.recognizers.lexicon import LETTER, NOT_NAME, common_words, fold, person_names

#: Lower-case words that join the parts of a name (``Ludwig van Beethoven``, ``Maria de la Cruz``).
PARTICLES = frozenset("van von der den dem de du des la le las los da das do dos di del della dalla degli bin ibn "
                      "bint al el ter ten zu zur y".split())
#: Words that follow a salutation or sit in a name's place but are not a person.
_FILLERS = frozenset("""
    customer customers client clients team all everyone everybody sir sirs madam madame monsieur messieurs
    mesdames colleague colleagues friend friends folks guys there support service services admin administrator
    user users member members partner partners kunde kunden kundin kundinnen damen herren kolleginnen kollegen
    equipe tous toutes cliente clientes equipo todos todas amigo amigos usuario klant klanten allemaal heer
    mevrouw cliente prezado caro cara gentile signore signora signori tutti mailbox postmaster daemon mailer
    unknown undeliverable delivery failure notification returned system noreply jr sr ii iii iv phd md esq
    mr mrs ms dr prof
""".split())
#: a letter, with the combining marks of Thai (names in Thai script stand in labelled XML resumes)
_LETTER = rf"(?:{LETTER}|[\u0e00-\u0e7f])"
#: Words that start or join place names ("San Pedro de la Montaña", "New Douglas", "Lake Curtisfort").
_PLACE = frozenset("""
    san santa santo sao new north south east west lake port fort mount mont saint sankt st ste nueva nuevo villa
    ciudad puerto porto bad monte montana republica island isle bay beach valley heights springs falls ville
""".split())
#: Street types: "Camino de Régulo Monreal", "Rua da Maria Silva" name a street after a person, not the person.
_STREETS = frozenset("""
    via calle camino paseo avenida av avda avenue ave rua rue strada viale piazza corso largo vicolo plaza ronda
    glorieta carrera travessa travesia praca alameda boulevard bd chemin allee impasse place quai route straat laan
    weg plein gracht steenweg dreef street st road rd lane drive way
""".split())
_BEFORE = re.compile(rf"({_LETTER}+)\.?\s*$")
_WORD = re.compile(rf"[\"'(]*((?:{_LETTER}|['’\-.](?={_LETTER}))+\.?)[\"'),;:!?]*")

_TITLES = (r"Univ\.-Prof|Prof\.\s?Dr|Dr\.\s?med|Dr\.\s?phil|Dr\.\s?rer\.\s?nat|Dr\.\s?h\.\s?c|Mag\.a|"
           r"Mr|Mrs|Ms|Miss|Mx|Dr|Dra|Prof|Herr|Frau|Ing|Mag|Dipl\.-Ing|Dipl\.-Kfm|DI|Mme|Mlle|Sr|Sra|Srta|Dña|"
           r"Sig\.ra|Sig|Dott\.ssa|Dott|Avv|Shri|Sri|Smt|Dhr|Mevr|dhr|mevr|ir|drs|Drs|Ir")
_TITLE = re.compile(rf"(?<![\w.])(?:(?:{_TITLES})\.?\s+|M\.\s+)+(?=[^\W\d_])")
#: the titles a whole value starts with (``Univ.-Prof. Dr. Maria Wagner``, ``Dipl.-Ing. Eva Gruber``)
LEADING_TITLES = re.compile(rf"\s*(?:(?:{_TITLES})\.?\s+|M\.\s+)+(?=[^\W\d_])")
_MAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
_MAIL_COMMENT = re.compile(rf"{_MAIL}>?\s*\((?P<value>[^()\n]{{2,80}})\)")
_DISPLAY = re.compile(rf"(?:^|(?<=[\s:,;]))\"?(?P<value>[^\s\"<>:;,@()][^\"<>\n:;@()]{{1,78}}?)\"?\s*<{_MAIL}>")
_XML = re.compile(r"<(?:[\w\-]+:)?(?P<key>[A-Za-z][\w.\-]{0,40})(?:\s[^<>]*)?>\s*(?P<value>[^<>\n]{1,80}?)\s*</")
_KV = re.compile(r"(?<![\w.])(?P<key>[A-Za-z][\w.\-]{1,30})\"?\s*[:=]\s*[\"']?(?=[^\W\d_])")
#: Salutations and closings (the name follows), self-introductions, and "reported by" phrases, in the
#: languages of pdd's users. Each is a regex alternative; matching is case-insensitive.
_GREETINGS = r"""dear|dearest|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|
    hallo|liebe|lieber|sehr\s+geehrte(?:\(r\)|[rs])?|guten\s+tag|moin|servus|gr[üu]ß\s+gott|
    bonjour|bonsoir|salut|coucou|cher|ch[èe]re|madame,\s+monsieur|
    hola|estimad[oa]|estimado/a|querid[oa]|buen[oa]s\s+(?:d[íi]as|tardes|noches)|
    ol[áa]|oi|prezad[oa]|prezado\(a\)|bom\s+dia|boa\s+tarde|
    ciao|gentile|gentilissim[oa]|egregi[oa]|buongiorno|buonasera|salve|car[oa]|
    beste|geachte|hoi|goedemorgen|goedemiddag|
    namaste|namaskar"""
_CLOSINGS = r"""regards|best\s+regards|kind\s+regards|warm\s+regards|best\s+wishes|best|cheers|thanks|
    thank\s+you|many\s+thanks|sincerely|yours(?:\s+(?:sincerely|truly))?|signed|
    gr[üu](?:ß|ss)e|viele\s+gr[üu](?:ß|ss)e|liebe\s+gr[üu](?:ß|ss)e|beste\s+gr[üu](?:ß|ss)e|
    mit\s+freundlichen\s+gr[üu](?:ß|ss)en|freundliche\s+gr[üu](?:ß|ss)e|danke|vielen\s+dank|lg|vg|mfg|
    cordialement|bien\s+[àa]\s+vous|bien\s+cordialement|merci|amicalement|salutations|
    saludos(?:\s+cordiales)?|un\s+saludo|atentamente|gracias|muchas\s+gracias|
    atenciosamente|abra[çc]os|obrigad[oa]|cumprimentos|
    cordiali\s+saluti|distinti\s+saluti|saluti|grazie|
    met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|groeten|groet|bedankt|
    dhanyavaad|dhanyavad|shukriya"""
_INTROS = r"""my\s+name\s+is|my\s+name's|this\s+is|i\s+am|i'm|
    ich\s+bin|hier\s+ist|hier\s+spricht|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|
    je\s+suis|je\s+m'appelle|ici|c'est|moi\s+c'est|
    soy|me\s+llamo|mi\s+nombre\s+es|habla|
    sono|mi\s+chiamo|il\s+mio\s+nome\s+[èe]|parla|
    sou|me\s+chamo|meu\s+nome\s+[ée]|aqui\s+[ée]|aqui\s+fala|
    ik\s+ben|mijn\s+naam\s+is|u\s+spreekt\s+met|met|
    main|mera\s+naam|mera\s+naam\s+hai"""
_REPORTED = r"""by|from|with|for|of|
    von|mit|f[üu]r|
    de|par|avec|pour|
    por|con|para|llam[óo]|
    da|di|com|
    van|door|
    assigned\s+to|cc|attn|att"""


def _alt(words: str) -> str:
    return "|".join(w.strip() for w in words.replace("\n", "").split("|"))


_GREET = re.compile(rf"(?<![\w])(?:{_alt(_GREETINGS)})\s*[,!]?\s+(?=[^\W\d_])", re.IGNORECASE)
_CLOSE = re.compile(rf"(?<![\w])(?:{_alt(_CLOSINGS)})\s*[,.!:]?\s*\n?\s*(?=[^\W\d_])", re.IGNORECASE)
_INTRO = re.compile(rf"(?<![\w'])(?:{_alt(_INTROS)})\s*[,:]?\s+(?=[^\W\d_])", re.IGNORECASE)
_BY = re.compile(rf"(?<![\w])(?:{_alt(_REPORTED)})\s*:?\s+(?=[A-ZÀ-ÖØ-Þ])", re.IGNORECASE)

#: The frame patterns as written above: find()'s reference. find() runs each behind a look-ahead for the
#: first letters of its keywords (base.first_char_guard, read from the parsed pattern): the same matches, a
#: fraction of the time on text that holds no frame (most values); tests/classifiers/recognizers/test_fast_paths.py
#: checks them equal.
REFERENCE = {"_TITLE": _TITLE, "_GREET": _GREET, "_CLOSE": _CLOSE, "_INTRO": _INTRO, "_BY": _BY}
_TITLE = first_char_guard(_TITLE) or _TITLE
_GREET = first_char_guard(_GREET) or _GREET
_CLOSE = first_char_guard(_CLOSE) or _CLOSE
_INTRO = first_char_guard(_INTRO) or _INTRO
_BY = first_char_guard(_BY) or _BY

#: after "Family," a given name (and maybe a second one or an initial) that ends the name
_INVERTED = re.compile(rf"\s{{1,2}}[A-ZÀ-ÖØ-Þ]{_LETTER}*\.?(?:\s+[A-ZÀ-ÖØ-Þ]{_LETTER}*\.?)?"
                       rf"(?![\w'’-])(?!\s+[A-ZÀ-ÖØ-Þ])")



def _given_name(m: re.Match[str], text: str) -> bool:
    """The words after "Family," are a given name: listed, or not a key of the next ``key: value``."""
    word = m.group().split()[0].rstrip(".")
    return fold(word) in person_names()[0] or not re.match(r"\s*[:=]", text[m.end():])


#: what the words in a frame must show: shape only, one listed name, or a listed given name and a 2nd word
SHAPE, LISTED, GIVEN_PLUS, TITLED, SIGNED = 0, 1, 2, 3, 4


@lru_cache(maxsize=4096)
def _label_says_person(key: str) -> int:
    """For a markup tag or a key: 2 a specific person-name label, 1 the generic ``name``, 0 not a name."""
    from classifiers.column_names import name_evidence

    ev = name_evidence(key)
    best = max(ev.types.items(), key=lambda kv: kv[1][0], default=None)
    if ev.negative or best is None or best[0] != "PERSON_NAME" or best[1][0] < 0.4:
        return 0
    return 1 if best[1][1] == "name" and "." not in key else 2


def name_end(text: str, start: int, limit: int, caseless: bool = False) -> tuple[int, list[str]]:
    """End of the name-shaped run of words from ``start`` (``start`` when none) and its words.

    ``caseless``: words of scripts without capitals count too (a labelled value in Thai)."""
    end, words = start, list[str]()
    pos = start
    pending: list[tuple[int, str]] = []  # particles waiting for a capitalized word after them
    inverted = False
    while pos < limit and len(words) < 5:
        m = _WORD.match(text, pos, limit)
        if not m:
            break
        raw, w = m.group(0), m.group(1)
        bare = w.rstrip(".")
        if bare.lower() in PARTICLES and not w[0].isupper() or bare.lower() in ("al", "el") and "-" in w:
            pending.append((m.end(1), w))
        elif ((w[0].isupper() or caseless and not w[0].islower()) and (len(bare) > 1 or w.endswith("."))
              and not any(c.isdigit() for c in w)):
            words += [p for _, p in pending] + [w]
            pending = []
            end = m.end(1)
            if w.endswith(".") and len(bare) > 3:  # a sentence's full stop, not an initial
                end -= 1
                break
        else:
            break
        tail = raw[len(raw.rstrip("\"'),;:!?")):]
        given_after = _INVERTED.match(text, m.end(), limit) if tail == "," and not inverted else None
        if given_after and 1 <= len(words) <= 2 and not pending and _given_name(given_after, text):
            inverted = True  # "Family, Given": the given name(s) after the comma belong to the name
        elif tail:  # other punctuation after the word closes the name
            break
        gap = m.end()
        nxt = gap
        while nxt < limit and text[nxt] in " \t":
            nxt += 1
        if nxt == gap and gap < limit and text[gap] not in " \t" or nxt - gap > 2 and not words:
            break
        if text.startswith("\n", nxt):
            break
        pos = nxt
    return end, words


def plausible(words: list[str], need: int, labelled: bool = False) -> bool:
    """Whether the words of a frame are a person's name; ``labelled``: a name label says so (``Max`` is a name)."""
    firsts, lasts = person_names()
    common = common_words()
    core = [fold(w.rstrip(".")) for w in words if w.rstrip(".").lower() not in PARTICLES and len(w.rstrip(".")) > 1]
    if not core or any(w in _FILLERS or (w in NOT_NAME or w in _PLACE) and not labelled for w in core):
        return False
    if need in (TITLED, SIGNED):
        # "Mrs. Hill", "mevr. Van Parys": a title makes any capitalized word a name
        return need == TITLED or not all(w in common for w in core)
    if all(w in common for w in core):
        return False
    listed = [w for w in core if w not in common and (w in firsts or w in lasts)]
    if need == SHAPE:
        return len(core) > 1 or bool(listed) or labelled
    if need == LISTED:
        return bool(listed)
    return len(core) > 1 and (core[0] in firsts or core[-1] in lasts or core[-1] in firsts and core[0] in lasts) \
        and not all(w in common for w in core[:2])


#: texts shorter than this are whole values (person_name.py's whole-value rules read them)
MIN_TEXT = 8


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, frame) of every framed name in ``text``.

    Called by PersonNameRecognizer for text that is not a whole name (one recognizer, so the engine's
    per-recognizer cost on every value is paid once)."""
    if len(text) < MIN_TEXT or " " not in text and "<" not in text or not any(c.isupper() for c in text):
        return []  # a name in text needs words around it (or markup), and a capital
    found: dict[tuple[int, int], str] = {}

    def take(start: int, limit: int, need: int, pattern: str) -> None:
        end, words = name_end(text, start, limit, caseless=pattern == "labelled")
        if end <= start:
            return
        if pattern == "closing" and not text[end:].strip(" \t.!").split("\n", 1)[0]:
            need, pattern = SIGNED, "signature"  # the words after "Regards," end the text or its line
        if pattern == "reported by" and re.match(r"\s*\d", text[end:end + 4]):
            return  # "Cuesta de Renato Iglesias 26": a street named after a person, with its house number
        if plausible(words, need, pattern == "labelled"):
            found.setdefault((start, end), pattern)

    n = len(text)
    if "@" in text:
        # each frame needs its bracket: "(" after the address, "<" before it
        for m in _MAIL_COMMENT.finditer(text) if "(" in text else ():
            take(m.start("value"), m.end("value"), SHAPE, "mail comment")
        for m in _DISPLAY.finditer(text) if "<" in text else ():
            s = m.start("value")
            while s < m.end("value") and not text[s].isalpha():
                s += 1
            take(s, m.end("value"), SHAPE, "mail display name")
    if "<" in text:
        for m in _XML.finditer(text):
            label = _label_says_person(m.group("key"))
            if label:
                take(m.start("value"), m.end("value"), SHAPE if label == 2 else LISTED, "labelled")
    if ":" in text or "=" in text:
        for m in _KV.finditer(text):
            label = _label_says_person(m.group("key"))
            if label:
                take(m.end(), n, SHAPE if label == 2 else LISTED, "labelled")
    for m in _TITLE.finditer(text):
        take(m.end(), n, TITLED, "title")
    for rx, need, pattern in ((_GREET, LISTED, "salutation"), (_CLOSE, LISTED, "closing"),
                              (_INTRO, LISTED, "introduction"), (_BY, GIVEN_PLUS, "reported by")):
        for m in rx.finditer(text):
            if pattern == "reported by" and (w := _BEFORE.search(text, max(0, m.start() - 30), m.start())) \
                    and fold(w.group(1)) in _STREETS:
                continue
            take(m.end(), n, need, pattern)
    # a span inside another one ("Huber" in "Herr Mag. Huber") says nothing more
    return [(a, b, p) for (a, b), p in found.items()
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)]

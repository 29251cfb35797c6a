"""One decision rule: from name evidence and value evidence to a confidence per (field, type).

For each type T that a field's name or values point to:

1. **Value evidence** ``v = strength x support``. *strength* is the mean
   recognizer score of the values that hit (named bands,
   classifiers.recognizers.strength: 1.0 a checksum held, 0.85 the format
   proves it, 0.5 likely, 0.3 plausible, 0.05 the shape only). *support* is the
   hit rate, full at ``FULL_RATE`` of the examined values; for matches inside
   longer text (a ticket body, a log line, a JSON document), which a type
   never fills, full at ``FULL_RATE_TEXT``. The larger of the two readings counts.
   - Sparse strong evidence is not averaged away: when ``SPARSE_MIN_HITS``
     values hold a strong (>= ``STRONG_SCORE``) match inside longer text,
     support is at least ``SPARSE_SUPPORT`` however many values did not hit,
     and the strength is at least that of those strong matches however many
     other values hit only weakly (a log whose lines say ``for user root`` a
     few times and ``src@host`` often).
   - Medium matches inside text are also read apart from the field's weak ones (MEDIUM x their own
     support), so a few weak guesses do not dilute a field of medium matches below the threshold.
   - Weak guesses repeated over many values do not win: a weak score (0.3)
     stays below the threshold on every value of a column, and whole-value
     hits in a minority of a column (a few version strings shaped like IPs)
     get no floor. A medium score (0.5) decides only on most of a column.
2. **Name evidence** ``n``: the lexicon weight of the phrase that heads the
   column name (classifiers.column_names; modifiers count at half weight).
3. **Combined** as independent evidence: ``c = 1 - (1 - v)(1 - n)``.
4. **Negative name**: a name headed by a not-personal phrase (``login_count``,
   ``order_number``, ``sku``) scales ``c`` by ``NEGATIVE_NAME``.
5. **Contradicted name**: the name says T, and none of at least
   ``MIN_EXAMINED`` values matched it: ``c`` is scaled by
   ``CONTRADICTED_NAME`` when another type explains the values (an
   ``adresse_ip`` column of IPs, a ``contact_form`` column of URLs), else,
   when T has a value recognizer, by ``SILENT_NAME`` (a strong name survives
   values that say nothing; a medium one does not).
6. **Values over names** (classifiers/values.py's profile of the whole
   sample): a name alone never asserts a type that the values contradict.
   Text types (a person, company, place) are contradicted by values that are
   numbers (``salesRepEmployeeNumber`` named "sales rep", a district number);
   an address by numbers that are not fixed-width codes (an integer foreign
   key). A bare generic ``name`` column, or any person-name column, whose
   values are rarely names (``PERSON_NAME_SUPPORT``; lookup and catalogue
   tables: kinds, categories, products) is not a person's name. A field with
   nothing to examine (all null, empty, or one placeholder such as ``-``)
   gets no type from its name at all. The other way round, a column of at
   least ``NAMES_MIN`` values nearly all of which (``FULL_RATE``) are
   multi-word names the lists confirm is a column of person names whatever
   its name says: its mean score is read one band up (a weak match proves
   little alone, most of a column of them does) and a not-personal head
   (``ballotpedia_id``) does not mark it down; nor does it mark down a column
   of at least ``NAMES_MIN`` values nearly all of which are whole country names
   (a ``team`` column of ``Norway-3``, ``Czechia/Slovakia``). URLs are judged as a field whatever
   the name says: a column where nearly every value is another site (a
   directory of organisations' sites, feeds, contact forms) or one URL that
   recurs in every text holding one (boilerplate) is not URLs of visits. Each
   such decision says why in its evidence; a type asserted with no value
   evidence is marked ``name_only``.

T is asserted when ``c`` reaches the configured threshold. A field with no
type still reports how many values were examined (FieldDecision.values_sampled),
and every decision keeps its evidence, so a steward can see why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers.column_names import NameEvidence
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK
from classifiers.values import ValueProfile

FULL_RATE = 0.8
FULL_RATE_TEXT = 0.2
STRONG_SCORE = 0.85
MEDIUM_SCORE = 0.5
SPARSE_MIN_HITS = 2
SPARSE_SUPPORT = 0.9
NEGATIVE_NAME = 0.4
CONTRADICTED_NAME = 0.3
SILENT_NAME = 0.7
MIN_EXAMINED = 5
#: least values for a column-wide reading of names (classifiers.decide._names_column)
NAMES_MIN = 20
#: Least share of a field's values the name recognizer must confirm for PERSON_NAME: for a bare
#: generic ``name`` (of a product, a kind, a shop, a person?) and for any person-name phrase.
PERSON_NAME_SUPPORT = {"generic": 0.2, "specific": 0.05}
#: the generic head that names nothing on its own (column_names: "name" keeps its own meaning)
GENERIC_NAME = "name"
#: Types whose values are words: numbers contradict them.
TEXT_TYPES = frozenset({"PERSON_NAME", "COMPANY_NAME", "LOCATION", "COUNTRY"})


@dataclass
class TypeHits:
    """Value evidence for one type in one field's sample."""

    hits: int = 0
    score_sum: float = 0.0
    validators: set[str] = field(default_factory=set)
    #: values whose match was inside longer text (not the whole value), and their scores
    inside: int = 0
    inside_sum: float = 0.0
    strong_inside: int = 0
    strong_inside_sum: float = 0.0
    #: values whose match inside text scored MEDIUM or more (weak guesses elsewhere do not dilute them)
    medium_inside: int = 0

    def add(self, score: float, weight: int = 1, validator: str | None = None, inside: bool = False) -> None:
        self.hits += weight
        self.score_sum += score * weight
        if validator:
            self.validators.add(validator)
        if inside:
            self.inside += weight
            self.inside_sum += score * weight
            if score >= STRONG_SCORE:
                self.strong_inside += weight
                self.strong_inside_sum += score * weight
            if score >= MEDIUM_SCORE:
                self.medium_inside += weight

    @property
    def strength(self) -> float:
        return self.score_sum / self.hits if self.hits else 0.0

    @property
    def inside_strength(self) -> float:
        return self.inside_sum / self.inside if self.inside else 0.0


@dataclass(frozen=True)
class EntityDecision:
    type: str
    confidence: float
    evidence: list[str]
    hits: int
    examined: int
    #: asserted from the column name with no value evidence at all
    name_only: bool = False


def value_confidence(h: TypeHits, examined: int) -> float:
    if not examined or not h.hits:
        return 0.0
    column = h.strength * min(1.0, (h.hits / examined) / FULL_RATE)
    text_support = min(1.0, (h.inside / examined) / FULL_RATE_TEXT)
    sparse = 0.0
    if h.strong_inside >= SPARSE_MIN_HITS:
        text_support = max(text_support, SPARSE_SUPPORT)
        sparse = h.strong_inside_sum / h.strong_inside * SPARSE_SUPPORT
    # Medium matches inside text in a fifth of the values are read on their own, so that a few weak guesses
    # elsewhere in the field (a product called "Earl Grey") do not pull a field of names below the threshold.
    medium = MEDIUM_SCORE * min(1.0, (h.medium_inside / examined) / FULL_RATE_TEXT)
    return max(column, h.inside_strength * text_support, sparse, medium)


def _values_contradict(etype: str, phrase: str, h: TypeHits, prof: ValueProfile | None) -> str | None:
    """Why the field's values as a whole contradict a type its name says, or None."""
    if prof is None:
        return None
    if prof.empty:
        return f"no values to examine ({prof.empty})"
    if etype in TEXT_TYPES and prof.numbers and not h.hits:
        return f"values are numbers ({prof.numeric:.0%})"
    if etype == "POSTAL_ADDRESS" and prof.numbers and not prof.codes and not h.hits:
        return "values are numbers of varying width, not postal codes"
    # Names in scripts the lists do not cover, and initials, cannot be confirmed, so they cannot contradict:
    # the share is taken over the values written in Latin script.
    latin = prof.examined * prof.latin
    if etype == "PERSON_NAME" and prof.initials < 0.5:
        generic = phrase == GENERIC_NAME
        need = PERSON_NAME_SUPPORT["generic" if generic else "specific"]
        if latin >= (3 if generic else 20) and h.hits / latin < need:
            return f"values are rarely person names ({h.hits}/{round(latin)})"
    return None


def _names_column(h: TypeHits, examined: int, prof: ValueProfile | None) -> bool:
    """Nearly every value is a whole full name the name lists confirm: a column of person names.

    One weakly scored value proves little (``Jackson`` the city, ``Rose Gold`` the colour); most of a
    column of multi-word values agreeing with the lists does, whatever the column is called (an
    ``_id`` column of names: ``ballotpedia_id``, ``wikipedia_id``). In a mail-header column, the values that
    are bare addresses hold no display name and are left out of both shares."""
    if prof is None:
        return False
    named = examined * (1 - prof.nameless)  # a bare address in a From column cannot hold a name
    return (examined >= NAMES_MIN and named > 0 and h.hits >= FULL_RATE * named
            and h.inside <= (1 - FULL_RATE) * h.hits and prof.multiword >= FULL_RATE * (1 - prof.nameless)
            and not prof.numbers)


def _countries_column(h: TypeHits, examined: int) -> bool:
    """Nearly every value is a whole country name (plain or with a team suffix): a column of countries.

    A ``team`` or ``squad`` head says "not personal" for most values (a team id, a group name), not for a
    column whose values are all ``Norway-3``, ``Czechia/Slovakia``: those name a nationality."""
    return (examined >= NAMES_MIN and h.hits >= FULL_RATE * examined and h.inside <= (1 - FULL_RATE) * h.hits
            and h.strength >= MEDIUM_SCORE)


def _one_band_up(strength: float) -> float:
    """A mean score read one named band higher (WEAK -> MEDIUM, MEDIUM -> STRONG), linearly between bands."""
    if strength <= WEAK:
        return MEDIUM * strength / WEAK
    if strength <= MEDIUM:
        return MEDIUM + (strength - WEAK) * (STRONG - MEDIUM) / (MEDIUM - WEAK)
    return min(STRONG, STRONG + (strength - MEDIUM) * (STRONG - MEDIUM) / (MEDIUM - WEAK))


def _not_visits(prof: ValueProfile) -> str | None:
    """Why a field's URLs, as a whole, are not URLs of visits (classifiers/values.py), or None."""
    if prof.url_directory:
        return (f"values are {prof.url_hosts} different sites in {prof.url_values} values: a directory of sites, "
                "not visits")
    if prof.url_boilerplate:
        return f"the same URL in all {prof.text_url_values} texts that hold one: boilerplate, not a visit"
    return None


def decide(name: NameEvidence, hits: dict[str, TypeHits], examined: int, value_types: frozenset[str],
           threshold: float, profile: ValueProfile | None = None) -> list[EntityDecision]:
    """Decisions for every candidate type (asserted or not), best first."""
    values = {t: value_confidence(h, examined) for t, h in hits.items()}
    out = []
    for etype in sorted(set(hits) | set(name.types)):
        h = hits.get(etype, TypeHits())
        v = values.get(etype, 0.0)
        n, phrase = name.types.get(etype, (0.0, ""))
        names = etype == "PERSON_NAME" and _names_column(h, examined, profile)
        if names:
            v = max(v, _one_band_up(h.strength))
        conf = 1 - (1 - v) * (1 - n)
        evidence = []
        if h.hits:
            evidence.append(f"value pattern {h.hits}/{examined}")
            evidence += [f"validator {x}" for x in sorted(h.validators)]
            if h.strong_inside >= SPARSE_MIN_HITS and h.hits / examined < FULL_RATE * SPARSE_SUPPORT:
                evidence.append(f"{h.strong_inside} strong match(es) inside text")
        if n:
            evidence.append(f"column name '{phrase}'")
        countries = etype == "COUNTRY" and _countries_column(h, examined)
        if names:
            evidence.append(f"values are full names ({h.hits}/{examined})")
        elif countries:
            evidence.append(f"values are countries ({h.hits}/{examined})")
        elif name.negative:
            conf *= NEGATIVE_NAME
            evidence.append(f"column name says not personal ('{name.negative}')")
        if n and not h.hits and examined >= MIN_EXAMINED:
            other = max(((u, x) for u, x in values.items() if u != etype and u in value_types),
                        key=lambda p: p[1], default=None)
            if other and other[1] >= threshold:
                conf *= CONTRADICTED_NAME
                evidence.append(f"no value of {examined} matched; values are {other[0]}")
            elif etype in value_types:
                conf *= SILENT_NAME
                evidence.append(f"no value of {examined} matched")
        why = _values_contradict(etype, phrase, h, profile) if n else None
        if etype == "URL" and not why and profile is not None:
            why = _not_visits(profile)
        if n and not why and etype == "PERSON_NAME" and phrase == GENERIC_NAME and h.hits:
            # a bare "Name" column whose values are mostly another type (languages, countries) names those
            other = max(((u, x) for u, x in values.items() if u != etype and u in value_types),
                        key=lambda p: p[1], default=None)
            if other and other[1] >= threshold and hits[other[0]].hits >= 2 * h.hits:
                why = f"values are {other[0]} ({hits[other[0]].hits}/{examined}), not person names ({h.hits})"
        if why:
            conf = conf * CONTRADICTED_NAME if h.hits else 0.0
            evidence.append(why)
        out.append(EntityDecision(etype, round(conf, 3), evidence, h.hits, examined, name_only=bool(n and not h.hits)))
    out = _company_not_person(out, name, hits, values, examined)
    out.sort(key=lambda d: (-d.confidence, d.type))
    return out


#: Least share of values with a company shape (suffixes, trade words) for a person-name column to be companies.
COMPANY_SHARE = 0.3


def _company_not_person(out: list[EntityDecision], name: NameEvidence, hits: dict[str, TypeHits],
                        values: dict[str, float], examined: int) -> list[EntityDecision]:
    """A customer or ship-to name column whose values are companies, not people, holds company names.

    When the values contradicted a person-name phrase and many of them have a company's shape, the
    name's weight goes to COMPANY_NAME (the customer is a company)."""
    person = next((d for d in out if d.type == "PERSON_NAME"), None)
    company = hits.get("COMPANY_NAME")
    if (person is None or not any(e.startswith("values are rarely person names") for e in person.evidence)
            or company is None or company.hits < COMPANY_SHARE * examined):
        return out
    n = name.types.get("PERSON_NAME", (0.0, ""))[0]
    conf = 1 - (1 - values.get("COMPANY_NAME", 0.0)) * (1 - n)
    evidence = [f"value pattern {company.hits}/{examined}",
                f"column name '{name.types['PERSON_NAME'][1]}' with values that are companies"]
    return [d for d in out if d.type != "COMPANY_NAME"] + [
        EntityDecision("COMPANY_NAME", round(conf, 3), evidence, company.hits, examined)]


def asserted(decisions: list[EntityDecision], threshold: float) -> list[EntityDecision]:
    return [d for d in decisions if d.confidence >= threshold]

"""Value makers: one realistic value of each kind, for a row of a given locale.

Every maker takes a :class:`Row` (the row's random streams, its locale and a
lazily built person) and returns one value. Names, streets, cities and
companies come from Faker's locale providers; everything with a format or a
checksum (phones, national ids, cards, IMEIs, hashes, cookies) is built here so
that it is valid the way real data is: phones pass libphonenumber, Aadhaar
numbers pass Verhoeff, cards pass Luhn with a real issuer range.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import random
import string
import unicodedata
import uuid
from functools import cached_property

import phonenumbers
from faker import Faker
from stdnum import luhn, verhoeff
from stdnum.iso7064 import mod_11_10

from benchmarks.corpus.locales import Locale

AS_OF = dt.date(2026, 11, 24)
HEX = "0123456789abcdef"
ALNUM = string.ascii_letters + string.digits


class Row:
    """One record's context: random streams, locale, and the person it is about."""

    def __init__(self, rng: random.Random, fake: Faker, loc: Locale):
        self.rng = rng
        self.fake = fake
        self.loc = loc

    @cached_property
    def first(self) -> str:
        return self.fake.first_name()

    @cached_property
    def last(self) -> str:
        return self.fake.last_name()

    @cached_property
    def dob(self) -> dt.date:
        # Mostly adults; a few children, so that the under-16 rule has something to find.
        years = self.rng.randint(10, 15) if self.rng.random() < 0.04 else self.rng.randint(18, 85)
        return AS_OF - dt.timedelta(days=years * 365 + self.rng.randint(0, 364))

    @cached_property
    def age(self) -> int:
        d = self.dob
        return AS_OF.year - d.year - ((AS_OF.month, AS_OF.day) < (d.month, d.day))


def pick(r: Row, items):  # any sequence
    return items[r.rng.randrange(len(items))]


def rand(r: Row, alphabet: str, n: int) -> str:
    return "".join(r.rng.choice(alphabet) for _ in range(n))


# --- people -------------------------------------------------------------------------------------

def first_name(r: Row) -> str:
    return r.first


def last_name(r: Row) -> str:
    return r.last


def full_name(r: Row) -> str:
    x = r.rng.random()
    if x < 0.08:
        return f"{r.last}, {r.first}"
    if x < 0.15:
        return f"{r.first} {r.fake.first_name()} {r.last}"
    if x < 0.2:
        return f"{r.fake.prefix()} {r.first} {r.last}".strip() if hasattr(r.fake, "prefix") else f"{r.first} {r.last}"
    return f"{r.first} {r.last}"


def email(r: Row) -> str:
    x = r.rng.random()
    if x < 0.5:
        return r.fake.free_email()
    if x < 0.8:
        return r.fake.company_email()
    e = r.fake.email()
    return e.upper() if x > 0.97 else e


def username(r: Row) -> str:
    u = r.fake.user_name()
    x = r.rng.random()
    if x < 0.15:
        return f"{u}{r.rng.randint(1, 99)}"
    if x < 0.25:
        return f"{u}_{rand(r, string.ascii_lowercase, 2)}"
    if x < 0.3:
        return f"@{u}"
    return u


def company(r: Row) -> str:
    return r.fake.company()


# --- mail headers (From/To/Cc, their X- display forms, contact columns) ---------------------------

def _ascii(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii() and c.isalnum()).lower()


def _org(r: Row) -> str:
    return (_ascii(r.fake.company().split()[0]) or "acme").upper()


def _mailbox(r: Row, first: str, last: str, form: str) -> str:
    """One person's mailbox in a header form of real mail systems (Enron's X-From/X-To among them)."""
    local = r.rng.choice((f"{_ascii(first)}.{_ascii(last)}", f"{_ascii(first)[:1]}{_ascii(last)}"))
    address = f"{local}@{r.rng.choice((r.fake.free_email_domain(), r.fake.domain_name()))}"
    middle = f" {r.rng.choice(string.ascii_uppercase)}" if r.rng.random() < 0.4 else ""
    if form == "display":
        return f"{first}{middle} {last}"
    if form == "name-addr":
        return f'"{first} {last}" <{address}>' if r.rng.random() < 0.6 else f"{first} {last} <{address}>"
    if form == "x500":
        alias = f"{_ascii(first)[:1]}{_ascii(last)}".upper()
        return f"{last}, {first}{middle} </O={_org(r)}/OU=NA/CN=RECIPIENTS/CN={alias}>"
    if form == "notes":
        return f"{first}{middle} {last} <{first}{middle} {last}/HOU/{_org(r)}@{_org(r)}>"
    return address


def mail_sender(r: Row) -> str:
    """A From or Reply-To header: mostly a display name beside its address, some bare addresses."""
    return _mailbox(r, r.first, r.last, r.rng.choices(("name-addr", "x500", "address"), (0.65, 0.1, 0.25))[0])


def mail_display(r: Row) -> str:
    """An X-From header: the display form, a name alone or beside an Exchange or Notes path."""
    return _mailbox(r, r.first, r.last, r.rng.choices(("display", "x500", "notes"), (0.6, 0.25, 0.15))[0])


def mail_recipients(r: Row) -> str:
    """A To or Cc header: one to four recipients, each a name beside its address or a bare address."""
    people = [(r.fake.first_name(), r.fake.last_name()) for _ in range(r.rng.randint(1, 4))]
    return r.rng.choice((", ", "; ")).join(
        _mailbox(r, f, s, r.rng.choices(("name-addr", "address"), (0.75, 0.25))[0]) for f, s in people)


# --- phones -------------------------------------------------------------------------------------

_FOREIGN = ("IN", "US", "GB", "DE", "FR", "AE", "SG")


def _valid_number(r: Row, region: str) -> phonenumbers.PhoneNumber:
    kind = phonenumbers.PhoneNumberType.MOBILE if r.rng.random() < 0.8 else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    nsn = str(example.national_number)
    keep = 2 if len(nsn) > 8 else 1
    for _ in range(40):
        digits = nsn[:keep] + rand(r, string.digits, len(nsn) - keep)
        num = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=int(digits))
        if phonenumbers.is_valid_number(num):
            return num
    return example


def phone(r: Row) -> str:
    region = r.loc.region if r.rng.random() < 0.9 else pick(r, _FOREIGN)
    num = _valid_number(r, region)
    F = phonenumbers.PhoneNumberFormat
    x = r.rng.random()
    if region == "IN" and x < 0.35:
        nsn = str(num.national_number)
        return pick(r, (nsn, f"+91-{nsn}", f"+91 {nsn[:5]} {nsn[5:]}", f"91{nsn}", f"0{nsn}"))
    if x < 0.3:
        return phonenumbers.format_number(num, F.E164)
    if x < 0.6:
        return phonenumbers.format_number(num, F.INTERNATIONAL)
    if region != r.loc.region:
        return phonenumbers.format_number(num, F.INTERNATIONAL)
    nat = phonenumbers.format_number(num, F.NATIONAL)
    return nat.replace(" ", "") if x > 0.9 else nat


# --- addresses and places -----------------------------------------------------------------------

def street(r: Row) -> str:
    return r.fake.street_address()


def address_line2(r: Row) -> str:
    x = r.rng.random()
    if r.loc.lang == "de":
        return pick(r, (f"{r.rng.randint(1, 5)}. OG", f"Hinterhaus {r.rng.randint(1, 3)}", f"c/o {r.fake.last_name()}",
                        f"Wohnung {r.rng.randint(1, 40)}"))
    if r.loc.lang in ("fr",):
        return pick(r, (f"Bâtiment {rand(r, 'ABCD', 1)}", f"Appartement {r.rng.randint(1, 80)}",
                        f"{r.rng.randint(1, 9)}e étage"))
    if r.loc.lang in ("es", "pt", "it"):
        return pick(r, (f"Piso {r.rng.randint(1, 9)}", f"Apto {r.rng.randint(1, 120)}", f"Int. {r.rng.randint(1, 30)}",
                        f"Scala {rand(r, 'ABC', 1)}"))
    if r.loc.region == "IN":
        return pick(r, (f"Flat {r.rng.randint(101, 1204)}, {r.fake.last_name()} Apartments",
                        f"Near {r.fake.city()} Bus Stand",
                        f"Opp. {r.fake.last_name()} Nagar", f"Sector {r.rng.randint(1, 120)}"))
    return pick(r, (f"Apt. {r.rng.randint(1, 999)}", f"Suite {r.rng.randint(100, 999)}", f"Flat {r.rng.randint(1, 40)}",
                    f"Unit {r.rng.randint(1, 60)}")) if x < 0.9 else f"PO Box {r.rng.randint(100, 9999)}"


def postcode(r: Row) -> str:
    return r.fake.postcode()


def full_address(r: Row) -> str:
    a = r.fake.address().replace("\n", ", ")
    return a


@functools.cache
def _sorted_cities(locale: str) -> tuple[str, ...] | None:
    # Some Faker locales (it_IT) build their city list from a set, so its order, and the city a seed
    # draws, change with the process's string-hash seed; drawing from a sorted copy keeps a seed's bytes.
    from faker import Faker

    cities = next((p.cities for p in Faker(locale).providers if isinstance(getattr(p, "cities", None), list)), None)
    return tuple(sorted(cities)) if cities else None


def city(r: Row) -> str:
    cities = _sorted_cities(r.loc.code)
    return r.fake.random_element(cities) if cities else r.fake.city()


def region_name(r: Row) -> str:
    if hasattr(r.fake, "state"):
        return r.fake.state()
    return r.fake.administrative_unit()


def country(r: Row) -> str:
    if r.rng.random() < 0.85:
        return pick(r, r.loc.country_names)
    return r.fake.country()


def _country_name(r: Row) -> str:
    """A country as a name, not a two-letter code (``GB 1`` reads as a code with a number, not a team)."""
    while len(name := country(r)) <= 2:
        pass
    return name


def team(r: Row) -> str:
    """A team or delegation named for its country: ``Norway-3``, ``Norway 2``, ``Germany 1990``, ``USA (B)``,
    ``Czechia/Slovakia``."""
    name, other = _country_name(r), _country_name(r)
    x = r.rng.random()
    if x < 0.15:
        return f"{name}/{other}"
    if x < 0.35:
        return f"{name} {r.rng.randint(1960, 2026)}"
    if x < 0.5:
        return f"{name} ({r.rng.choice('ABC')})"
    if x < 0.6:
        return name
    return f"{name}{r.rng.choice(('-', ' ', ' - '))}{r.rng.randint(1, 9)}"


def country_code(r: Row) -> str:
    return r.loc.region if r.rng.random() < 0.85 else r.fake.country_code()


def latitude(r: Row) -> float:
    return round(r.rng.uniform(*r.loc.lat), r.rng.choice((4, 5, 6)))


def longitude(r: Row) -> float:
    return round(r.rng.uniform(*r.loc.lon), r.rng.choice((4, 5, 6)))


def lat_lon(r: Row) -> str:
    sep = pick(r, (",", ", ", " "))
    return f"{latitude(r):.5f}{sep}{longitude(r):.5f}"


# --- dates and ages -----------------------------------------------------------------------------

_MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")}


def dob_text(r: Row) -> str:
    d, loc = r.dob, r.loc
    x = r.rng.random()
    if x < 0.3:
        return d.isoformat()
    if x < 0.4 and loc.lang == "en":
        return f"{d.day} {_MONTHS['en'][d.month - 1]} {d.year}"
    sep = loc.date_sep
    if loc.date_order == "mdy":
        return f"{d.month:02d}{sep}{d.day:02d}{sep}{d.year}"
    if loc.date_order == "ymd":
        return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def dob_date(r: Row) -> dt.date:
    return r.dob


def age(r: Row) -> int:
    return r.age


# --- national ids -------------------------------------------------------------------------------

def _aadhaar(r: Row) -> str:
    body = str(r.rng.randint(2, 9)) + rand(r, string.digits, 10)
    n = body + verhoeff.calc_check_digit(body)
    return pick(r, (n, f"{n[:4]} {n[4:8]} {n[8:]}", f"{n[:4]}-{n[4:8]}-{n[8:]}"))


def _pan(r: Row) -> str:
    return rand(r, string.ascii_uppercase, 3) + "P" + rand(r, string.ascii_uppercase, 1) + rand(r, string.digits, 4) \
        + rand(r, string.ascii_uppercase, 1)


def _ssn(r: Row) -> str:
    return f"{r.rng.randint(1, 665):03d}-{r.rng.randint(1, 99):02d}-{r.rng.randint(1, 9999):04d}"


def _steuer_id(r: Row) -> str:
    while True:
        digits = [str(r.rng.randint(1, 9))] + [r.rng.choice(string.digits) for _ in range(9)]
        counts = sorted(digits.count(d) for d in set(digits))
        if len(set(digits)) in (8, 9) and counts[-1] in (2, 3):
            body = "".join(digits)
            return body + mod_11_10.calc_check_digit(body)


def _mod11_nif(r: Row, first: str) -> str:
    while True:
        body = first + rand(r, string.digits, 7)
        s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True))
        check = 11 - s % 11
        if check < 10:
            return body + str(check if check != 11 else 0)


def _sin(r: Row) -> str:
    body = str(r.rng.randint(1, 7)) + rand(r, string.digits, 7)
    n = body + luhn.calc_check_digit(body)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def _tfn(r: Row) -> str:
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        n = rand(r, string.digits, 9)
        if n[0] != "0" and sum(int(c) * w for c, w in zip(n, weights, strict=True)) % 11 == 0:
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def _bsn(r: Row) -> str:
    while True:
        n = rand(r, string.digits, 9)
        if n[0] != "0" and (sum(int(c) * w for c, w in zip(n[:8], range(9, 1, -1), strict=True)) - int(n[8])) % 11 == 0:
            return n


def _passport(r: Row) -> str:
    region = r.loc.region
    if region == "IN":
        return rand(r, "ABCJKLMNPRSTUVWZ", 1) + str(r.rng.randint(1, 9)) + rand(r, string.digits, 6)
    if region in ("DE", "AT"):
        return rand(r, "CFGHJK", 1) + rand(r, "CFGHJKLMNPRTVWXYZ0123456789", 8)
    if region in ("FR", "ES", "IT", "PT", "NL", "BR", "MX"):
        return rand(r, string.ascii_uppercase, 2) + rand(r, string.digits, 7)
    return rand(r, string.digits, 9)


def national_id(r: Row) -> str:
    """The id a national of the row's locale most often gives: Aadhaar, SSN, NINO, Steuer-ID, NIR, DNI, ..."""
    region, f = r.loc.region, r.fake
    if region == "IN":
        return _aadhaar(r) if r.rng.random() < 0.6 else _pan(r)
    makers = {
        "US": lambda: _ssn(r), "GB": lambda: f.ssn(), "DE": lambda: _steuer_id(r), "AT": lambda: f.ssn(),
        "FR": lambda: f.ssn(), "CA": lambda: _sin(r),
        "ES": lambda: (f.nif() if r.rng.random() < 0.8 else f.nie()), "MX": lambda: f.curp(), "BR": lambda: f.cpf(),
        "PT": lambda: _mod11_nif(r, pick(r, "123")), "IT": lambda: f.ssn(), "NL": lambda: _bsn(r),
        "AU": lambda: _tfn(r),
    }
    return makers[region]()


def aadhaar(r: Row) -> str:
    return _aadhaar(r)


def pan_card(r: Row) -> str:
    return _pan(r)


def passport(r: Row) -> str:
    return _passport(r)


# --- payment cards ------------------------------------------------------------------------------

_ISSUERS = (("4", 16), ("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15),
            ("37", 15), ("6011", 16), ("65", 16), ("6521", 16), ("508500", 16), ("3530", 16), ("36", 14),
            ("4", 19), ("6304", 18))


def card_digits(r: Row) -> str:
    prefix, length = pick(r, _ISSUERS)
    body = prefix + rand(r, string.digits, length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


def card_number(r: Row) -> str:
    d = card_digits(r)
    x = r.rng.random()
    if x < 0.5 or len(d) != 16:
        return d
    sep = " " if x < 0.8 else "-"
    return sep.join(d[i:i + 4] for i in range(0, 16, 4))


def card_last4(r: Row) -> str:
    return card_digits(r)[-4:]


def masked_card(r: Row) -> str:
    last = card_digits(r)[-4:]
    return pick(r, (f"XXXX-XXXX-XXXX-{last}", f"************{last}", f"**** **** **** {last}", f"•••• {last}",
                    f"{rand(r, string.digits, 6)}******{last}"))


def card_expiry(r: Row) -> str:
    m, y = r.rng.randint(1, 12), r.rng.randint(2024, 2033)
    return pick(r, (f"{m:02d}/{y % 100:02d}", f"{m:02d}/{y % 100:02d}", f"{m:02d}/{y}", f"{m}/{y % 100:02d}",
                    f"{y}-{m:02d}"))


# --- network, devices, web ----------------------------------------------------------------------

def ipv4(r: Row) -> str:
    return r.fake.ipv4_public() if r.rng.random() < 0.8 else r.fake.ipv4_private()


def ip_any(r: Row) -> str:
    return r.fake.ipv6() if r.rng.random() < 0.15 else ipv4(r)


_ANDROID = (("Samsung", "SM-S918B"), ("Samsung", "SM-A546E"), ("Xiaomi", "Redmi Note 12 Pro"), ("Xiaomi", "2201117TI"),
            ("OnePlus", "CPH2449"), ("Google", "Pixel 8 Pro"), ("Google", "Pixel 7a"), ("Vivo", "V2250"),
            ("OPPO", "CPH2381"), ("Realme", "RMX3686"), ("Motorola", "moto g84 5G"), ("Nokia", "G42 5G"))
_IPHONE = ("iPhone15,2", "iPhone14,5", "iPhone16,1", "iPhone13,2", "iPhone12,1")


def user_agent(r: Row) -> str:
    chrome = f"{r.rng.randint(110, 131)}.0.{r.rng.randint(4000, 6800)}.{r.rng.randint(10, 200)}"
    x = r.rng.random()
    if x < 0.35:
        _, model = pick(r, _ANDROID)
        return (f"Mozilla/5.0 (Linux; Android {r.rng.randint(10, 15)}; {model}) AppleWebKit/537.36 "
                f"(KHTML, like Gecko) Chrome/{chrome} Mobile Safari/537.36")
    if x < 0.55:
        v = f"{r.rng.randint(15, 18)}_{r.rng.randint(0, 6)}"
        return (f"Mozilla/5.0 (iPhone; CPU iPhone OS {v} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                f"Version/{v.split('_')[0]}.0 Mobile/15E148 Safari/604.1")
    if x < 0.8:
        return (f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                f"Chrome/{chrome} Safari/537.36" + (f" Edg/{chrome}" if r.rng.random() < 0.3 else ""))
    if x < 0.92:
        return (f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                f"Version/17.{r.rng.randint(0, 5)} Safari/605.1.15")
    if x < 0.97:
        v = r.rng.randint(115, 133)
        return f"Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
    return pick(r, ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))


def device_model(r: Row) -> str:
    if r.rng.random() < 0.3:
        return pick(r, _IPHONE)
    return pick(r, _ANDROID)[1]


def manufacturer(r: Row) -> str:
    return "Apple" if r.rng.random() < 0.25 else pick(r, _ANDROID)[0]


def os_name(r: Row) -> str:
    x = r.rng.random()
    if x < 0.5:
        return f"Android {r.rng.randint(9, 15)}"
    if x < 0.8:
        return f"iOS {r.rng.randint(15, 18)}.{r.rng.randint(0, 6)}" + (f".{r.rng.randint(1, 3)}" if x < 0.6 else "")
    return pick(r, ("Windows 10", "Windows 11", "macOS 14.5", "macOS 15.1", "Ubuntu 22.04", "iPadOS 17.5"))


def device_info(r: Row) -> str:
    man = manufacturer(r)
    model = pick(r, _IPHONE) if man == "Apple" else pick(r, _ANDROID)[1]
    return pick(r, (f"{man} {model}", f"{man} {model} / {os_name(r)}", f"{model} ({os_name(r)})"))


def imei(r: Row) -> str:
    body = pick(r, ("35", "86", "01", "35", "99")) + rand(r, string.digits, 12)
    return body + luhn.calc_check_digit(body)


def gaid(r: Row) -> str:
    return str(uuid.UUID(int=r.rng.getrandbits(128), version=4))


def idfa(r: Row) -> str:
    return gaid(r).upper()


def android_id(r: Row) -> str:
    return rand(r, HEX, 16)


def device_id(r: Row) -> str:
    x = r.rng.random()
    return gaid(r) if x < 0.5 else idfa(r) if x < 0.75 else android_id(r) if x < 0.9 else imei(r)


def mac(r: Row) -> str:
    octets = [rand(r, HEX, 2) for _ in range(6)]
    x = r.rng.random()
    if x < 0.6:
        return ":".join(octets)
    if x < 0.8:
        return "-".join(octets).upper()
    if x < 0.9:
        return ":".join(octets).upper()
    s = "".join(octets)
    return f"{s[:4]}.{s[4:8]}.{s[8:]}"


def carrier(r: Row) -> str:
    c = pick(r, r.loc.carriers)
    x = r.rng.random()
    if x < 0.1:
        return f"{c} 4G"
    if x < 0.15:
        return c.upper()
    return c


def mcc_mnc(r: Row) -> str:
    return f"{r.loc.mcc}{pick(r, ('-', ''))}{r.rng.randint(1, 99):02d}"


def url(r: Row) -> str:
    host = pick(r, ("www.kesarbazaar.in", "shop.example.com", "www.lumen-home.de", "m.kesarbazaar.in",
                    "www.mercado-sol.es", "loja.exemplo.com.br"))
    path = pick(r, ("/", "/p/kerala-spice-mix", "/c/home-decor", "/checkout", "/account/orders",
                    f"/blog/{r.fake.slug()}", "/search", "/cart"))
    q = ""
    if r.rng.random() < 0.4:
        q = f"?utm_source={pick(r, ('google', 'facebook', 'newsletter', 'instagram'))}&utm_medium=cpc" \
            f"&utm_campaign={pick(r, ('diwali', 'summer_sale', 'bfcm', 'launch'))}"
    return f"https://{host}{path}{q}"


def referrer(r: Row) -> str:
    x = r.rng.random()
    if x < 0.4:
        return pick(r, ("https://www.google.com/", "https://www.google.co.in/", "https://www.bing.com/",
                        "https://duckduckgo.com/", "https://www.google.de/"))
    if x < 0.55:
        return f"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.kesarbazaar.in%2F&h={rand(r, ALNUM, 12)}"
    if x < 0.65:
        return pick(r, ("android-app://com.google.android.gm/", "https://t.co/" + rand(r, ALNUM, 10)))
    return url(r)


def time_zone(r: Row) -> str:
    if r.rng.random() < 0.85:
        return pick(r, r.loc.time_zones)
    return r.fake.timezone()


def language(r: Row) -> str:
    tag = pick(r, r.loc.languages)
    x = r.rng.random()
    if x < 0.1:
        return tag.replace("-", "_")
    if x < 0.15:
        return tag.lower()
    return tag


_LANG_NAMES = ("English", "Hindi", "Deutsch", "Français", "Español", "Português", "Italiano", "Nederlands", "German",
               "French", "Spanish", "Tamil", "Marathi")


def language_name(r: Row) -> str:
    return pick(r, _LANG_NAMES)


# --- credentials and cookies --------------------------------------------------------------------

_B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def password_hash(r: Row) -> str:
    x = r.rng.random()
    if x < 0.5:
        return f"$2b${pick(r, ('10', '12'))}$" + rand(r, _B64, 53)
    if x < 0.75:
        salt = base64.b64encode(r.rng.randbytes(16)).decode().rstrip("=")
        h = base64.b64encode(r.rng.randbytes(32)).decode().rstrip("=")
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${h}"
    if x < 0.9:
        salt = rand(r, ALNUM, 22)
        h = base64.b64encode(r.rng.randbytes(32)).decode()
        return f"pbkdf2_sha256$600000${salt}${h}"
    return hashlib.sha256(r.rng.randbytes(16)).hexdigest()


def api_secret(r: Row) -> str:
    x = r.rng.random()
    if x < 0.3:
        return pick(r, ("sk_live_", "sk_test_", "rzp_live_")) + rand(r, ALNUM, 24)
    if x < 0.5:
        return "ghp_" + rand(r, ALNUM, 36)
    if x < 0.75:
        head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        body = base64.urlsafe_b64encode(
            f'{{"sub":"{r.rng.randint(1, 99999)}","iat":{r.rng.randint(1_700_000_000, 1_790_000_000)}}}'.encode()
        ).decode().rstrip("=")
        return f"{head}.{body}.{base64.urlsafe_b64encode(r.rng.randbytes(32)).decode().rstrip('=')}"
    return rand(r, HEX, 40)


def session_id(r: Row) -> str:
    x = r.rng.random()
    if x < 0.4:
        return rand(r, HEX, 32)
    if x < 0.6:
        return rand(r, string.ascii_lowercase + string.digits, 26)
    if x < 0.8:
        return base64.urlsafe_b64encode(r.rng.randbytes(32)).decode().rstrip("=")
    return "s%3A" + rand(r, ALNUM + "-_", 32) + "." + rand(r, ALNUM, 43)


def ga_cookie(r: Row) -> str:
    if r.rng.random() < 0.6:
        return (f"GA1.{pick(r, ('1', '2'))}.{r.rng.randint(10**8, 2 * 10**9)}"
                f".{r.rng.randint(1_650_000_000, 1_790_000_000)}")
    return f"fb.1.{r.rng.randint(1_650_000_000_000, 1_790_000_000_000)}.{r.rng.randint(10**8, 2 * 10**9)}"

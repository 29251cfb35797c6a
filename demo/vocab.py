"""Small curated vocabularies and value makers for the demo data.

Hand-kept lists instead of Faker: the demo must be byte-identical for a seed on
every machine and every release, and pdd should not ship a dependency only its
demo uses. Every maker takes the caller's ``random.Random`` so that each
dataset draws from its own stream (editing one dataset does not shift another).

No maker here produces a full card number on purpose; phone formats stay at 12
digits or fewer so that a separated phone number never reads as a 13-digit card.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import unicodedata
import uuid
from dataclasses import dataclass

from stdnum import luhn

FIRST_IN = [
    "Aarav", "Vivaan", "Aditya", "Priya", "Ananya", "Diya", "Ishaan", "Kavya", "Rohan", "Sneha", "Arjun",
    "Meera", "Rahul", "Pooja", "Vikram", "Neha", "Karthik", "Lakshmi", "Siddharth", "Divya", "Manish",
    "Anjali", "Suresh", "Deepika", "Farhan", "Zoya", "Harpreet", "Gurpreet", "Tenzin", "Nikhil", "Shreya",
    "Aniket", "Fatima", "Joseph", "Revathi", "Sanjay", "Tanvi", "Yash", "Bhavna", "Imran",
]
LAST_IN = [
    "Sharma", "Verma", "Iyer", "Reddy", "Nair", "Patel", "Shah", "Mehta", "Gupta", "Singh", "Khan", "Das",
    "Banerjee", "Chatterjee", "Menon", "Pillai", "Rao", "Kulkarni", "Deshpande", "Joshi", "Bhat", "Fernandes",
    "D'Souza", "Kapoor", "Malhotra", "Agarwal", "Chopra", "Sethi", "Ahmed", "Mukherjee", "Naidu", "Bose",
]
FIRST_INTL = [
    "Emma", "Liam", "Sofía", "Lucas", "Hannah", "Wei", "Yuki", "Olivia", "Noah", "Amira", "Chloé", "Mateo",
    "Ethan", "Grace", "Lena", "Omar", "Zoë", "Jonas", "Aisha", "Daniel",
]
LAST_INTL = [
    "Schmidt", "O'Brien", "García", "Martin", "Müller", "Zhang", "Tanaka", "Brown", "Wilson", "Al-Sayed",
    "Dubois", "Rossi", "Novak", "Kim", "Nguyen", "Jensen", "Hassan", "Lee", "Taylor", "Weber",
]

COMPANIES = [
    "Kesar Organics Pvt Ltd", "UrbanKurta", "Masala Box Foods", "Nimbu Naturals", "Indigo Threads LLP",
    "Himalayan Brew Co", "Sattva Skincare", "TerraClay Home", "Pahadi Honey", "Zari & Co", "Bluefin Gear",
    "Chaiwala Brothers", "Desi Crunch Snacks", "Khadi Kraft", "Monsoon Leather Works", "Soma Ayurveda",
    "Northwind Apparel Ltd", "Lumen Candles GmbH", "Harbour & Pine Pte Ltd", "Oasis Dates Trading LLC",
]

# (country name, ISO code, IANA time zone, language tags, weight)
COUNTRIES = [
    ("India", "IN", "Asia/Kolkata", ["en-IN", "hi-IN", "ta-IN", "mr-IN", "bn-IN", "kn-IN"], 70),
    ("United States", "US", "America/New_York", ["en-US", "es-US"], 8),
    ("United Kingdom", "GB", "Europe/London", ["en-GB"], 6),
    ("United Arab Emirates", "AE", "Asia/Dubai", ["ar-AE", "en-AE"], 6),
    ("Singapore", "SG", "Asia/Singapore", ["en-SG", "zh-SG"], 4),
    ("Germany", "DE", "Europe/Berlin", ["de-DE"], 3),
    ("Australia", "AU", "Australia/Sydney", ["en-AU"], 3),
]

# (city, base PIN code, latitude, longitude, STD code)
CITIES_IN = [
    ("Mumbai", 400001, 19.0760, 72.8777, "22"), ("New Delhi", 110001, 28.6139, 77.2090, "11"),
    ("Bengaluru", 560001, 12.9716, 77.5946, "80"), ("Chennai", 600001, 13.0827, 80.2707, "44"),
    ("Hyderabad", 500001, 17.3850, 78.4867, "40"), ("Pune", 411001, 18.5204, 73.8567, "20"),
    ("Kolkata", 700001, 22.5726, 88.3639, "33"), ("Ahmedabad", 380001, 23.0225, 72.5714, "79"),
    ("Jaipur", 302001, 26.9124, 75.7873, "141"), ("Kochi", 682001, 9.9312, 76.2673, "484"),
    ("Lucknow", 226001, 26.8467, 80.9462, "522"), ("Indore", 452001, 22.7196, 75.8577, "731"),
]
CITIES_INTL = {
    "US": ("New York", 40.7128, -74.0060), "GB": ("London", 51.5074, -0.1278), "AE": ("Dubai", 25.2048, 55.2708),
    "SG": ("Singapore", 1.3521, 103.8198), "DE": ("Berlin", 52.5200, 13.4050), "AU": ("Sydney", -33.8688, 151.2093),
}
STREETS = [
    "MG Road", "Linking Road", "Anna Salai", "Park Street", "Brigade Road", "FC Road", "Residency Road",
    "14th Cross, Indiranagar", "Nehru Place", "SV Road, Bandra West", "Banjara Hills Road No. 12", "Civil Lines",
]
BUILDINGS = ["Sai Krupa Apartments", "Green Acres", "Lotus Residency", "Shanti Niwas", "Prestige Towers",
             "Sunrise Villa"]

_WEBKIT = "AppleWebKit/537.36 (KHTML, like Gecko)"
_SAFARI = "AppleWebKit/605.1.15 (KHTML, like Gecko)"
USER_AGENTS = [
    f"Mozilla/5.0 (Linux; Android 14; SM-M346B) {_WEBKIT} Chrome/130.0.6723.102 Mobile Safari/537.36",
    f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) {_SAFARI} Version/17.5 Mobile/15E148 Safari/604.1",
    f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {_WEBKIT} Chrome/131.0.0.0 Safari/537.36",
    f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) {_SAFARI} Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    f"Mozilla/5.0 (Linux; Android 13; Redmi Note 12 Pro) {_WEBKIT} Chrome/129.0.6668.100 Mobile Safari/537.36",
]
DEVICES = [
    ("Android 14", "Samsung Galaxy M34"), ("Android 13", "Redmi Note 13 Pro"), ("Android 14", "OnePlus Nord CE 3"),
    ("iOS 17.5.1", "iPhone 15"), ("iOS 18.1", "iPhone 13"), ("Android 13", "Vivo Y56"),
    ("Android 14", "Realme Narzo 60"),
    ("Android 15", "Google Pixel 8"), ("Android 13", "Oppo A78"), ("iOS 16.7.10", "iPhone SE (2nd generation)"),
]
CARRIERS = {"IN": ["Jio", "Airtel", "Vi", "BSNL"], "US": ["Verizon", "T-Mobile"], "GB": ["Vodafone UK", "EE"],
            "AE": ["Etisalat", "du"], "SG": ["Singtel", "StarHub"], "DE": ["Telekom"], "AU": ["Telstra"]}
PAGES = ["/", "/pricing", "/features/inventory", "/features/storefront", "/integrations/shopify",
         "/blog/diwali-sale-playbook", "/signup", "/login", "/dashboard", "/dashboard/orders",
         "/help/articles/4102", "/checkout"]
REFERRERS = ["https://www.google.com/", "https://www.linkedin.com/", "https://t.co/Xq3kLm9", "https://www.instagram.com/",
             "https://scalejet.in/blog/gst-invoicing-basics", "https://duckduckgo.com/", "https://www.youtube.com/"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com", "hotmail.com", "icloud.com"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    email: str
    phone: str
    country: str
    country_code: str
    time_zone: str
    language: str
    company: str
    city: str
    dob: dt.date

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


def ascii_slug(text: str) -> str:
    """Lower-case ASCII for e-mail local parts and user names (García -> garcia, Müller -> muller)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def adult_dob(rng: random.Random) -> dt.date:
    """A birth date that makes the person 19-68 on as_of: nobody near 16 by accident."""
    return dt.date(1958, 1, 1) + dt.timedelta(days=rng.randrange(0, 49 * 365))


def person(rng: random.Random) -> Person:
    name, code, tz, langs, _ = rng.choices(COUNTRIES, weights=[c[4] for c in COUNTRIES])[0]
    if code == "IN":
        first, last = rng.choice(FIRST_IN), rng.choice(LAST_IN)
        city = rng.choice(CITIES_IN)[0]
    else:
        first, last = rng.choice(FIRST_INTL), rng.choice(LAST_INTL)
        city = CITIES_INTL[code][0]
    company = rng.choice(COMPANIES)
    return Person(first, last, email(rng, first, last, company), phone(rng, code), name, code, tz,
                  rng.choice(langs), company, city, adult_dob(rng))


def email(rng: random.Random, first: str, last: str, company: str | None = None) -> str:
    f, la = ascii_slug(first), ascii_slug(last)
    local = rng.choice([f"{f}.{la}", f"{f}{la[:1]}", f"{f[:1]}{la}", f"{f}_{la}"])
    if rng.random() < 0.4:
        local += str(rng.randrange(1, 9999))
    if company and rng.random() < 0.3:
        return f"{local}@{ascii_slug(company)[:14]}.in"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone(rng: random.Random, country_code: str) -> str:
    """A phone number in one of the formats people actually type for that country."""
    if country_code == "IN":
        mobile = str(rng.randrange(6, 10)) + _digits(rng, 9)
        city = rng.choice(CITIES_IN)
        return rng.choice([
            f"+91 {mobile[:5]} {mobile[5:]}", f"+91-{mobile}", f"0{mobile}", mobile,
            f"+91 {city[4]} {_digits(rng, 10 - len(city[4]))}",
        ])
    return {
        "US": lambda: f"+1 {rng.choice(['415', '212', '646'])}-555-01{_digits(rng, 2)}",
        "GB": lambda: rng.choice([f"+44 20 7946 0{_digits(rng, 3)}", f"+44 7700 900{_digits(rng, 3)}"]),
        "AE": lambda: f"+971 50 {_digits(rng, 3)} {_digits(rng, 4)}",
        "SG": lambda: f"+65 {rng.choice('89')}{_digits(rng, 3)} {_digits(rng, 4)}",
        "DE": lambda: f"+49 30 {_digits(rng, 7)}",
        "AU": lambda: f"+61 4{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}",
    }[country_code]()


def address(rng: random.Random) -> tuple[str, str, str]:
    """(billing address line, PIN code, city) somewhere in India."""
    city, pin, *_ = rng.choice(CITIES_IN)
    pin_code = str(pin + rng.randrange(0, 60))
    flat = f"Flat {rng.randrange(1, 20)}{rng.randrange(1, 4):02d}"
    line = f"{flat}, {rng.choice(BUILDINGS)}, {rng.choice(STREETS)}, {city} {pin_code}"
    return line, pin_code, city


def near(rng: random.Random, lat: float, lng: float) -> tuple[float, float]:
    return round(lat + rng.uniform(-0.05, 0.05), 6), round(lng + rng.uniform(-0.05, 0.05), 6)


def device_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def token(rng: random.Random, n: int = 32) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))


def bcrypt_hash(rng: random.Random) -> str:
    """bcrypt-shaped ($2b$, cost, 22-char salt + 31-char hash in bcrypt's alphabet); not a hash of anything."""
    alphabet = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits
    return f"$2b$12${''.join(rng.choice(alphabet) for _ in range(53))}"


def mac(rng: random.Random) -> str:
    return ":".join(f"{rng.randrange(256):02x}" for _ in range(6))


def ipv4(rng: random.Random) -> str:
    # Public-looking first octets only, so that a client address is never a private or reserved one.
    first = rng.choice([49, 103, 106, 117, 122, 152, 157, 182, 203])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    return "2401:4900:" + ":".join(f"{rng.randrange(0x10000):x}" for _ in range(6))


def client_ip(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.25 else ipv4(rng)


def imei(rng: random.Random) -> str:
    """15 Luhn-valid digits with a real-looking TAC: Luhn passes, yet it is no card (no issuer at length 15)."""
    body = rng.choice(["35", "86", "01"]) + _digits(rng, 12)
    return body + luhn.calc_check_digit(body)


def luhn_fail(body: str) -> str:
    """``body`` plus the one check digit that is wrong: a card-shaped id that fails Luhn."""
    return body + str((int(luhn.calc_check_digit(body)) + 1) % 10)


def order_ref(rng: random.Random) -> str:
    """16 digits starting like a Visa or Mastercard, deliberately failing Luhn."""
    return luhn_fail(rng.choice(["4", "5"]) + _digits(rng, 14))


def luhn_id(rng: random.Random, first: str = "9", length: int = 16) -> str:
    """A Luhn-valid id whose first digit belongs to no card issuer."""
    body = first + _digits(rng, length - 2)
    return body + luhn.calc_check_digit(body)


def employee_number(rng: random.Random) -> str:
    """Scalejet's staff number, ``SJE-`` and six digits whose last is a Luhn check digit: an identifier of the
    company's own that no built-in recognizer knows (demo/recognizers.yaml teaches it to pdd)."""
    body = _digits(rng, 5)
    return f"SJE-{body}{luhn.calc_check_digit(body)}"


def digits(rng: random.Random, n: int) -> str:
    return _digits(rng, n)


def when(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """A moment in [start, end), to the millisecond."""
    span_ms = int((end - start).total_seconds() * 1000)
    return start + dt.timedelta(milliseconds=rng.randrange(span_ms))

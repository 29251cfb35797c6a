"""Field-level rules of issue 10's second round: what a field's values say as a whole.

URLs of visits vs. directories of sites and boilerplate links. Values are
synthetic look-alikes of the real shapes (congress members' sites, vendors'
web-service roots, catalogue XML), not copies.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.field import FieldClassifier
from classifiers.values import profile


@pytest.fixture(scope="module")
def fc() -> FieldClassifier:
    return FieldClassifier()


def types(fc: FieldClassifier, field: str, values: list) -> list[str]:
    return [e.type for e in fc.classify(field, values, sampled=True).entities]


_SURNAMES = ["adler", "baines", "castro", "dunmore", "ellery", "fairfax", "garza", "holm", "ivers", "jansen",
             "kowal", "lindqvist", "moreau", "nakata", "ortega", "pruitt", "quill", "rasmus", "sato", "tully",
             "urban", "vance", "whitlock", "yates", "zeller", "abbott", "brandt", "coyle", "devine", "eames"]


# --- URLs: a directory of sites is not browsing data ----------------------------------------------

def test_one_official_site_per_row_is_not_visits(fc: FieldClassifier) -> None:
    sites = [f"https://www.{s}.senate.example.gov" for s in _SURNAMES]
    assert "URL" not in types(fc, "url", sites)
    d = fc.classify("url", sites, sampled=True)
    why = [e for c in d.candidates if c.type == "URL" for e in c.evidence]
    assert any("directory of sites" in e for e in why), why


def test_feeds_and_contact_forms_one_per_row_are_not_visits(fc: FieldClassifier) -> None:
    feeds = [f"http://{s}.house.example.gov/rss/feed?type=all" for s in _SURNAMES]
    forms = [f"https://{s}.house.example.gov/contact/email-{s}" for s in _SURNAMES]
    assert "URL" not in types(fc, "rss_url", feeds)
    assert "URL" not in types(fc, "contact_form", forms)


def test_a_few_vendor_service_roots_are_not_visits(fc: FieldClassifier) -> None:
    roots = ["www.litwarecorp.com/", "www.treyinstruments.net/", "www.adatum-parts.com/", "www.proseworks.com/",
             "www.wideworldtraders.com/"]
    assert "URL" not in types(fc, "PurchasingWebServiceURL", roots)


def test_landing_pages_and_referrers_are_visits(fc: FieldClassifier) -> None:
    hosts = ["www.shop.example.com", "m.shop.example.com", "www.lumen-home.de"]
    paths = ["/", "/p/kerala-spice-mix", "/c/home-decor", "/checkout", "/search?q=saffron", "/cart"]
    landing = [f"https://{hosts[i % 3]}{paths[i % 6]}" for i in range(60)]
    referrers = ["https://www.google.com/", "https://www.bing.com/", f"https://t.co/x{7}Kd", *landing[:20]] * 3
    assert "URL" in types(fc, "landing_page", landing)
    assert "URL" in types(fc, "referrer", referrers)


def test_a_handful_of_deep_links_from_different_sites_stay_visits(fc: FieldClassifier) -> None:
    """Five values are too few to call different hosts a directory unless they are all site roots."""
    refs = ["https://www.google.com/search?q=saffron", "https://l.facebook.com/l.php?u=x", "https://t.co/a8Kd2",
            "https://duckduckgo.com/?q=tea", "https://news.example.org/story/42"]
    assert "URL" in types(fc, "referrer", refs)


def test_the_same_link_in_every_document_is_boilerplate(fc: FieldClassifier) -> None:
    docs = [f'<?xml version="1.0"?><p:Desc xmlns:p="http://schemas.example.com/2004/catalog" ModelID="{i}">'
            f"<p:Summary>Model {i}, a light frame.</p:Summary><p:Manufacturer><p:Name>Cycles</p:Name>"
            "<p:ProductURL>HTTP://www.cycles-example.com</p:ProductURL></p:Manufacturer></p:Desc>" for i in range(6)]
    d = fc.classify("CatalogDescription", docs, sampled=True)
    assert "URL" not in [e.type for e in d.entities]
    assert any("boilerplate" in e for c in d.candidates if c.type == "URL" for e in c.evidence)


def test_different_links_in_texts_are_still_found(fc: FieldClassifier) -> None:
    bodies = [f"I was on https://shop.example.com/p/item-{i}?ref=mail and the page broke" for i in range(10)]
    assert "URL" in types(fc, "ticket_body", bodies + ["no link here"] * 10)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(20, 300), n_hosts=st.integers(1, 8), seed=st.integers(0, 10_000))
def test_visits_to_a_few_sites_are_never_a_directory(n: int, n_hosts: int, seed: int) -> None:
    """Property: however many visits, to however varied pages, a handful of sites is browsing data."""
    import random

    rng = random.Random(seed)
    values = [f"https://site{rng.randrange(n_hosts)}.example.com/{rng.choice(['', 'p/', 'c/'])}"
              f"{rng.randrange(10_000)}?utm_source={rng.choice(['a', 'b'])}" for _ in range(n)]
    from collections import Counter

    assert not profile(Counter(values)).url_directory


@settings(max_examples=30, deadline=None)
@given(n=st.integers(20, 300))
def test_one_site_per_value_is_a_directory(n: int) -> None:
    """Property: n values, each another organisation's site, are a directory whatever n is."""
    from collections import Counter

    assert profile(Counter(f"https://www.org{i}.example.org/" for i in range(n))).url_directory


# --- names in id-named columns: values over names -------------------------------------------------

_GIVEN = ["Maria", "John", "Anna", "Robert", "Linda", "James", "Susan", "David", "Karen", "Thomas"]
_FAMILY = ["Lindqvist", "Shaw", "Moreno", "Fischer", "Okafor", "Brennan", "Walsh", "Tanaka", "Rossi", "Keller"]


def _full_names(n: int) -> list[str]:
    out = []
    for i in range(n):
        name = f"{_GIVEN[i % 10]} {_FAMILY[(i * 3 + i // 10) % 10]}"
        out.append(f"{name} (politician)" if i % 7 == 0 else name)
    return out


@pytest.mark.parametrize("field", ["ballotpedia_id", "wikipedia_id", "ref_key"])
def test_an_id_column_of_full_names_holds_person_names(fc: FieldClassifier, field: str) -> None:
    d = fc.classify(field, _full_names(60), sampled=True)
    assert "PERSON_NAME" in [e.type for e in d.entities]
    assert any("values are full names" in e for c in d.candidates if c.type == "PERSON_NAME" for e in c.evidence)


@pytest.mark.parametrize("field,values", [
    # one word each: cities and surnames alike, the lists cannot tell
    ("place_id", ["Jackson", "Lincoln", "Madison", "Franklin", "Clinton", "Warren", "Marion", "Carroll"] * 4),
    # product and colour names that share words with names
    ("variant_id", ["Rose Gold", "Victoria Sponge", "Kerala Spice Mix", "Jasmine Tea", "Olive Green"] * 6),
    # too few values for a column-wide reading
    ("ballotpedia_id", _full_names(8)),
])
def test_no_names_column_from_single_words_products_or_few_values(fc: FieldClassifier, field: str,
                                                                  values: list[str]) -> None:
    assert "PERSON_NAME" not in types(fc, field, values)


def test_one_band_up_maps_named_bands() -> None:
    from classifiers.decide import _one_band_up
    from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

    assert _one_band_up(WEAK) == pytest.approx(MEDIUM)
    assert _one_band_up(MEDIUM) == pytest.approx(STRONG)
    assert _one_band_up(0.9) == pytest.approx(STRONG)
    assert WEAK < _one_band_up(0.2) < MEDIUM

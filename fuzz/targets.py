"""Coverage-guided fuzz targets (atheris) for the readers and the JSON walker.

    .venv/bin/python -m fuzz.targets TARGET [libFuzzer options]    # TARGET: log, jsonl, csv, parquet, json_walker
    .venv/bin/python -m fuzz.targets csv -max_total_time=60 fuzz/corpus/csv

A crash is any exception other than the reader's own SourceError (see fuzz/harness.py); libFuzzer then
writes the input to crash-<hash> in the current folder. tests/fuzz runs each target for a few seconds.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["pipeline", "classifiers", "fuzz"]):
    from fuzz.harness import TARGETS


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python -m fuzz.targets {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], lambda data: target(data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""A labelled corpus for benchmarking pdd's field classification.

``generate(out, seed, locales)`` writes SQLite tables, logs and files whose
every field has known entity types (ground_truth.json), plus a pdd sources
config. Built with Faker (pinned in the benchmark's requirements) for
locale-aware names, streets and companies, and with checksum-valid ids, cards,
phones and device identifiers built here. See generate.py for the layout.
"""

from benchmarks.corpus.generate import Corpus, generate, split_args
from benchmarks.corpus.locales import LOCALES, SPLITS

__all__ = ["LOCALES", "SPLITS", "Corpus", "generate", "split_args"]

"""Deterministic demo data for pdd, with planted violations and their ground truth.

``generate(out_dir, seed=7, clean=False, scale=1.0)`` writes a SQLite app
database, four logs and three exports that look like Scalejet's own, plants
about a dozen full card numbers and half a dozen under-16 records in varied
forms (unless ``clean``), places decoys next to them that must not be flagged,
and writes the ground truth to ``out_dir/expected.json``. ``python -m
demo`` is the command-line face of it.
"""

from demo.generate import Manifest, config_text, generate
from demo.plant import AS_OF, Spot

__all__ = ["AS_OF", "Manifest", "Spot", "config_text", "generate"]

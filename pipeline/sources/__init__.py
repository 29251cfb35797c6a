"""Source kinds. Each module here that defines a Source subclass with a ``kind``
registers that kind by being imported; this package imports all of them."""

import importlib
import pkgutil

from pipeline.sources.base import Batch, Dataset, ReadStats, Source, SourceError, kinds

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name != "base":
        importlib.import_module(f"{__name__}.{_mod.name}")


def open_source(config, settings) -> Source:
    """The Source object for one configured source."""
    return kinds()[config.kind](config, settings)


__all__ = ["Batch", "Dataset", "ReadStats", "Source", "SourceError", "kinds", "open_source"]

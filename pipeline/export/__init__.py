"""Exports of a report's findings to the catalogs and data maps teams already run (contract.md §5).

One module per target (fides.py, datahub.py, openmetadata.py), each built with the target's own client
library, an optional extra imported only when that export runs. base.py holds what they all read.
"""

from pipeline.export.base import ExportError, ExportOptions, MissingExtra, load

__all__ = ["ExportError", "ExportOptions", "MissingExtra", "load"]

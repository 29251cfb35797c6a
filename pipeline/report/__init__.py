from pipeline.report.model import (
    REPORT_VERSION,
    DatasetProblem,
    EntityEntry,
    FieldEntry,
    Report,
    RunInfo,
    SourceEntry,
    ViolationEntry,
)
from pipeline.report.writer import read_report, write_report

__all__ = ["REPORT_VERSION", "DatasetProblem", "EntityEntry", "FieldEntry", "Report", "RunInfo", "SourceEntry",
           "ViolationEntry", "read_report", "write_report"]

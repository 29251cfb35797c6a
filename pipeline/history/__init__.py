"""The run history (pipeline/history/store.py owns it) and the trend export."""

from pipeline.history.store import History, HistoryError, RunRow, history_url

__all__ = ["History", "HistoryError", "RunRow", "history_url"]

"""pdd's own Great Expectations: card numbers, ages on a date, the shape of a card's last four.

Each is a ColumnMapMetricProvider (the per-row condition, for pandas and for
SQLAlchemy) plus a ColumnMapExpectation that names it. Importing this module
registers them with Great Expectations; it imports great_expectations, so only
the contract check imports it, lazily.

On SQL stores the condition is computed where it can be: the last-four shape is
a regular expression in the store's own dialect. A card number (Luhn, issuer
ranges, any formatting, inside text) and a date of birth (many forms, day/month
order settled per column) cannot be written portably in SQL, so their SQL
implementation asks the store for the distinct candidate values (for cards,
only values that could hold one, filtered by the store: values.SQL_CARD_CANDIDATE),
decides them in Python with the scan's own rule (field evidence included), and
hands back a condition that the store evaluates for the counts: ``CAST(col AS VARCHAR) NOT IN (:bad ...)``. The bad
values travel only as bound parameters, and the engines are created with
``hide_parameters`` so that no driver error can echo them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, ClassVar, Literal

import pandas as pd
import sqlalchemy as sa
from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics import ColumnMapMetricProvider, column_condition_partial
from great_expectations.expectations.metrics.util import get_dialect_regex_expression

from pipeline.contracts.values import (
    SQL_CARD_CANDIDATE,
    card_flags,
    card_last_four_shaped,
    under_age_flags,
)

log = logging.getLogger("pdd.contracts")

#: Most distinct failing values put into one condition; beyond it the count is a lower bound (noted in the log).
MAX_BAD_VALUES = 5000
_CHUNK = 500


def _series(flags: Any, index: pd.Index) -> pd.Series:
    # A plain bool dtype: GE negates the series, and ~ on an object series of bools gives -1/-2.
    return pd.Series(list(flags), index=index, dtype=bool)


def _as_text(column: sa.ColumnClause) -> sa.ColumnElement:
    return sa.cast(column, sa.String)


def _fetch_distinct(engine: SqlAlchemyExecutionEngine, table: Any, column: sa.ColumnClause,
                    prefilter: Callable[[sa.ColumnElement], sa.ColumnElement] | None, cache_key: tuple) -> list:
    """Distinct (raw value, text) pairs of the column, optionally only those the store's prefilter keeps."""
    cache: dict = engine.__dict__.setdefault("_pdd_distinct_cache", {})
    key = (str(table), column.name, *cache_key)
    if key in cache:
        return cache[key]
    text = _as_text(column)
    query = sa.select(column, text).select_from(table).where(column.is_not(None)).distinct()
    if prefilter is not None:
        filtered = query.where(prefilter(text))
        try:
            filtered.compile(dialect=engine.engine.dialect)
            query = filtered
        except sa.exc.CompileError:  # a dialect without regular expressions: decide every distinct value
            pass
    rows = [(r[0], r[1]) for r in engine.execute_query(query).fetchall()]
    cache[key] = rows
    return rows


def _not_in(column: sa.ColumnClause, bad: list[str], what: str) -> sa.ColumnElement:
    """The expected condition: the value's text is none of the bad texts."""
    if not bad:
        return sa.true()
    if len(bad) > MAX_BAD_VALUES:
        log.warning("column %s: more than %d distinct values %s; the count is a lower bound",
                    column.name, MAX_BAD_VALUES, what)
        bad = bad[:MAX_BAD_VALUES]
    text = _as_text(column)
    parts = [text.in_(bad[i:i + _CHUNK]) for i in range(0, len(bad), _CHUNK)]
    return sa.not_(sa.or_(*parts))


class ColumnValuesNotContainCardNumber(ColumnMapMetricProvider):
    condition_metric_name = "column_values.pdd_not_contain_card_number"

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column: pd.Series, **kwargs: Any) -> pd.Series:
        return _series((not f for f in card_flags(str(column.name), list(column))), column.index)

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column: sa.ColumnClause, _table: Any, _execution_engine: SqlAlchemyExecutionEngine,
                    **kwargs: Any) -> sa.ColumnElement:
        rows = _fetch_distinct(_execution_engine, _table, column,
                               lambda text: text.regexp_match(SQL_CARD_CANDIDATE), ("card",))
        flags = card_flags(column.name, [raw for raw, _ in rows])
        bad = sorted({t for (_, t), f in zip(rows, flags, strict=True) if f})
        return _not_in(column, bad, "hold a card number")


class ColumnValuesAtLeastAgeOn(ColumnMapMetricProvider):
    condition_metric_name = "column_values.pdd_at_least_age_on"
    condition_value_keys = ("as_of", "value_kind", "min_age")

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column: pd.Series, as_of: str, value_kind: str, min_age: int, **kwargs: Any) -> pd.Series:
        flags = under_age_flags(list(column), dt.date.fromisoformat(as_of), value_kind, min_age)
        return _series((not f for f in flags), column.index)

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column: sa.ColumnClause, as_of: str, value_kind: str, min_age: int, _table: Any,
                    _execution_engine: SqlAlchemyExecutionEngine, **kwargs: Any) -> sa.ColumnElement:
        # Distinct birth dates or ages are few (a century of days at most), so all of them are decided here.
        rows = _fetch_distinct(_execution_engine, _table, column, None, ("age",))
        flags = under_age_flags([raw for raw, _ in rows], dt.date.fromisoformat(as_of), value_kind, min_age)
        bad = sorted({t for (_, t), f in zip(rows, flags, strict=True) if f})
        return _not_in(column, bad, f"under {min_age}")


class ColumnValuesMatchCardLastFourShape(ColumnMapMetricProvider):
    condition_metric_name = "column_values.pdd_match_card_last_four_shape"

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column: pd.Series, **kwargs: Any) -> pd.Series:
        return _series((card_last_four_shaped(v) for v in column), column.index)

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column: sa.ColumnClause, _dialect: Any, _table: Any,
                    _execution_engine: SqlAlchemyExecutionEngine, **kwargs: Any) -> sa.ColumnElement:
        expr = get_dialect_regex_expression(_as_text(column), "^[0-9]{4}$", _dialect)
        if expr is not None:
            return expr
        rows = _fetch_distinct(_execution_engine, _table, column, None, ("last4",))
        return _not_in(column, sorted({t for raw, t in rows if not card_last_four_shaped(raw)}),
                       "not shaped like a card's last four")


_METADATA: dict[str, Any] = {"maturity": "experimental", "tags": ["pdd", "privacy"], "contributors": ["pdd"]}


class ExpectColumnValuesToNotContainCardNumber(ColumnMapExpectation):
    """Expect no value to hold a full card number: 13-19 digits, Luhn-valid, in a known issuer range, however
    formatted and wherever in the value (free text, URLs, JSON)."""

    map_metric = "column_values.pdd_not_contain_card_number"
    success_keys = ("mostly",)
    args_keys = ("column",)
    library_metadata: ClassVar[dict[str, Any]] = _METADATA


# The underscore makes GE name it expect_column_values_to_be_at_least_16_on (CamelCase "Least16" gives "least16").
class ExpectColumnValuesToBeAtLeast_16On(ColumnMapExpectation):
    """Expect every value, a date of birth (``value_kind: dob``) or an age in years (``age``), to be a person of at
    least ``min_age`` (16) on ``as_of``. Birth dates in the future or over 130 years back are not counted."""

    as_of: str
    value_kind: Literal["dob", "age"] = "dob"
    min_age: int = 16

    map_metric = "column_values.pdd_at_least_age_on"
    success_keys = ("as_of", "value_kind", "min_age", "mostly")
    args_keys = ("column", "as_of")
    library_metadata: ClassVar[dict[str, Any]] = _METADATA


class ExpectColumnValuesToMatchCardLastFourShape(ColumnMapExpectation):
    """Expect every value to be exactly four digits, as the last four digits of a card are stored."""

    map_metric = "column_values.pdd_match_card_last_four_shape"
    success_keys = ("mostly",)
    args_keys = ("column",)
    library_metadata: ClassVar[dict[str, Any]] = _METADATA

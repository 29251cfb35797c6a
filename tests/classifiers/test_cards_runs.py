"""candidate_runs (Hyperscan finds the digit chains, the candidate pattern runs over them only) gives exactly
the matches of candidates(): the same texts, in the same order, at the same offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from classifiers.cards import candidate_runs, candidates

_PIECES = st.sampled_from(["4111111111111111", "1234567890123", "0", "7", "12", " ", "-", ".", "+", "_", "x", "A",
                           "\n", ":", "%", "%20", "=", "\u0664", "4111 1111 1111 1111", "  ", "--", "+4", "a1"])


def _expected(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in candidates(text)]


def _got(text: str) -> list[tuple[str, int]]:
    found = candidate_runs(text)
    if found is None:
        return []
    runs, match_of = found
    assert [match_of(j).group() for j in range(len(runs))] == runs
    return [(run, match_of(j).start()) for j, run in enumerate(runs)]


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example("4111111111111111")
@example("x4111111111111111 1234567890123-")
@example("1234567890123 -5 12 - 3456789012345678x 1234567890123  4567")
@example("+4111111111111111\n4111111111111111\n")
def test_candidate_runs_equal_candidates(text: str) -> None:
    assert _got(text) == _expected(text)


def test_no_run_is_none() -> None:
    assert candidate_runs("order 123456789012 shipped") is None
    assert candidate_runs("") is None

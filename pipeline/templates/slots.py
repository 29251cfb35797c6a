"""From a mined template to what the report says: ``<*>`` text, slot values, and no raw value in the text.

A template token holding one or more masks (``<:*:>``, ``<:ADDR:>``, ``blk_<:NUM:>``) is a token with
slots: each mask is one slot, its value in a sample line is the raw token's part where the mask stands.
Constant text is read by the recognizers too: a token they hit (a user name, an e-mail that one statement
always wrote with the same value) is a variable Drain kept as text, so it becomes a slot (its value: that
constant) and the text shows ``<*>``. Slots are numbered from 1 in the order they appear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.templates import masks

_MASK = re.compile(re.escape(masks.PREFIX) + r"[A-Z*]+" + re.escape(masks.SUFFIX))
SLOT_TEXT = "<*>"


@dataclass
class Slotted:
    """A template ready to classify: its text with ``<*>``, and per slot (1-based) the sampled values."""

    text: str
    values: dict[int, list[str]] = field(default_factory=dict)
    #: A value people write with spaces or dashes (a phone ``+91 98765 43210``, a grouped card number) falls
    #: into several slots: per group of slots (adjacent whole-token slots, or the slots of one token) the
    #: sampled texts they cover together.
    joined: dict[tuple[int, ...], list[str]] = field(default_factory=dict)


def _token_regex(token: str) -> re.Pattern[str]:
    """A raw token's pattern for a template token with masks: constant parts literal, each mask a group."""
    parts = _MASK.split(token)
    return re.compile("(.*?)".join(map(re.escape, parts)) + r"\Z", re.DOTALL)


def render(tokens: Sequence[str]) -> list[str]:
    """The template's tokens as people read them: every mask ``<*>``."""
    return [_MASK.sub(SLOT_TEXT, t) for t in tokens]


def slotted(tokens: Sequence[str], samples: Sequence[str],
            hits: Callable[[str], list[tuple[int, int]]]) -> Slotted:
    """The template's text and slot values; ``hits(text)`` gives the spans the recognizers found in it."""
    shown = render(tokens)
    text = " ".join(shown)
    # Constant tokens a recognizer hit in the rendered text become slots.
    starts, pos = [], 0
    for t in shown:
        starts.append(pos)
        pos += len(t) + 1
    hidden: set[int] = set()
    for lo, hi in hits(text):
        for i, t in enumerate(shown):
            if starts[i] < hi and lo < starts[i] + len(t) and not _MASK.search(tokens[i]):
                hidden.add(i)
    # Slot numbers per token.
    layout: list[tuple[int, list[int]]] = []  # (token index, slot numbers)
    n = 0
    for i, t in enumerate(tokens):
        k = 1 if i in hidden else len(_MASK.findall(t))
        if k:
            layout.append((i, list(range(n + 1, n + k + 1))))
            n += k
    out = Slotted(" ".join(SLOT_TEXT if i in hidden else s for i, s in enumerate(shown)),
                  {s: [] for _, nums in layout for s in nums})
    # A token that is one mask (or a hidden constant) is its value whole; others are matched part by part.
    patterns = {i: _token_regex(tokens[i]) for i, _ in layout if i not in hidden and not _MASK.fullmatch(tokens[i])}
    groups = _groups(tokens, hidden, layout)
    out.joined = {tuple(s for i in g for s in dict(layout)[i]): [] for g in groups}
    for message in samples:
        raw = message.split()
        if len(raw) != len(tokens):  # a mask that changed the token count: no slot value from this line
            continue
        for g, texts in zip(groups, out.joined.values(), strict=True):
            texts.append(" ".join(raw[i] for i in g))
        for i, nums in layout:
            pattern = patterns.get(i)
            m = pattern.match(raw[i]) if pattern else None
            if m is not None:
                for s, v in zip(nums, m.groups(), strict=True):
                    if v:
                        out.values[s].append(v)
            else:
                out.values[nums[0]].append(raw[i])  # the whole token: a hidden constant or a lone mask
    return out


def _groups(tokens: Sequence[str], hidden: set[int], layout: list[tuple[int, list[int]]]) -> list[tuple[int, ...]]:
    """Token positions whose slots may hold one value together: runs of adjacent tokens made of slots and
    punctuation only (``<*> <*>-<*>-<*>``, not ``request_id=<*>``), holding two slots or more."""
    slots = dict(layout)
    valueish = {i for i in slots if i in hidden or not any(c.isalnum() for c in _MASK.sub("", tokens[i]))}
    groups: list[tuple[int, ...]] = []
    run: list[int] = []
    for i in sorted(slots) + [len(tokens) + 1]:
        if i in valueish and run and run[-1] == i - 1:
            run.append(i)
            continue
        if sum(len(slots[j]) for j in run) > 1:
            groups.append(tuple(run))
        run = [i] if i in valueish else []
    return groups

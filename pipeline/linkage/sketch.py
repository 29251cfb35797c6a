"""A bounded sample of a field's distinct values (bottom-k of a 64-bit hash), to measure value overlap.

Two sketches built with the same hash estimate what share of one field's
distinct values are keys of another (containment), in constant memory, and
merge across key-range parts by union: what an inferred link needs, on stores
of any size. Only hashes are kept, never a value.
"""

from __future__ import annotations

import hashlib
from bisect import insort

K = 512


class Sketch:
    def __init__(self, hashes: list[int] | None = None, k: int = K):
        self.k = k
        self.hashes: list[int] = sorted(set(hashes or []))[:k]

    @property
    def full(self) -> bool:
        return len(self.hashes) >= self.k

    def add_many(self, values: set[str]) -> None:
        hs, k = self.hashes, self.k
        top = hs[-1] if len(hs) >= k else None
        blake = hashlib.blake2b
        for v in values:
            x = int.from_bytes(blake(v.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
            if top is not None and x >= top:
                continue
            if x in hs:
                continue
            insort(hs, x)
            if len(hs) > k:
                del hs[k:]
            if len(hs) >= k:
                top = hs[-1]

    def merge(self, other: Sketch) -> None:
        self.hashes = sorted(set(self.hashes) | set(other.hashes))[: self.k]

    def containment_in(self, keys: Sketch) -> tuple[float, int] | None:
        """Share of this field's distinct values that are in ``keys``, and how many values the estimate rests on."""
        mine = self.hashes
        if keys.full:
            mine = [x for x in mine if x <= keys.hashes[-1]]
        if not mine:
            return None
        ks = set(keys.hashes)
        return sum(1 for x in mine if x in ks) / len(mine), len(mine)

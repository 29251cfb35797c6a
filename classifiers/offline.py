"""Everything that could reach the network, pinned offline.

tldextract's default extractor downloads the public-suffix list before it
falls back to its bundled snapshot; on a network that drops packets it hangs.
pdd uses one extractor built with no URLs and no cache, i.e. the snapshot only.
"""

from functools import lru_cache

import tldextract


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def tld_extract(text: str) -> tldextract.tldextract.ExtractResult:
    return _extractor()(text)

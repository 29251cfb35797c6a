"""The policy map a config scans with: the map it names (or the bundled one), plus its recognizers' own types.

One function for every place that needs the map of a config (the scan, the
contracts check, the review, the page), so that a type a recognizers file adds
is known, and placed in its category, everywhere alike.
"""

from __future__ import annotations

from pipeline.config.model import Config
from pipeline.policy.model import PolicyError, PolicyMap, load_policy


def policy_for(config: Config) -> PolicyMap:
    """The config's policy map, extended with the new types of its recognizers file.

    Raises PolicyError naming the recognizers file and line when a recognizer's category is not an id of
    the map; RecognizersError when the file itself is wrong.
    """
    from pipeline.config.recognizers import configured_recognizers

    policy = load_policy(config.resolve(config.policy.map) if config.policy.map else None)
    specs = configured_recognizers(config)
    new: dict[str, str | None] = {}
    for i, spec in enumerate(specs):
        if not spec.new_type:
            continue
        if spec.category is not None and spec.category not in policy.categories:
            path = config.resolve(config.classification.recognizers or "")
            raise PolicyError(f"{path} line {spec.lines.get('category') or spec.lines.get('entry')}, "
                              f"recognizers[{i}].category: unknown policy category {spec.category!r} (the ids of "
                              f"the policy map: {', '.join(policy.categories)})")
        new[spec.entity] = spec.category
    return policy.extended(new) if new else policy

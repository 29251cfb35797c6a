from pipeline.policy.configured import policy_for  # the map with the config's recognizers' own types
from pipeline.policy.model import BUNDLED, PolicyError, PolicyMap, load_policy

__all__ = ["BUNDLED", "PolicyError", "PolicyMap", "load_policy", "policy_for"]

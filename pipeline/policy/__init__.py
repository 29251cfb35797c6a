from pipeline.policy.model import BUNDLED, PolicyError, PolicyMap, load_policy, policy_for

__all__ = ["BUNDLED", "PolicyError", "PolicyMap", "load_policy", "policy_for"]

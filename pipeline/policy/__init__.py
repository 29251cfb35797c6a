from pipeline.policy.model import BUNDLED, PolicyError, PolicyMap, load_policy

__all__ = ["BUNDLED", "PolicyError", "PolicyMap", "load_policy"]

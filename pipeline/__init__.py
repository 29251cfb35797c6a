"""pdd: personal data discovery. The library behind the `pdd` command, the DAGs and the contract checks."""

__version__ = "0.1.0"

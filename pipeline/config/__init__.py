"""The sources config's typed model; reading a config file is pipeline/config/load.py (``load_config``).

The loader is not re-exported here: it needs the registry of source kinds (pipeline/sources), and the
sources need this model, so importing the model must not import the loader.
"""

from pipeline.config.model import (
    AccountDecl,
    Config,
    LinkageSettings,
    LinkDecl,
    PathSourceConfig,
    SourceConfig,
    SqlSourceConfig,
)

__all__ = ["AccountDecl", "Config", "LinkDecl", "LinkageSettings", "PathSourceConfig", "SourceConfig",
           "SqlSourceConfig"]

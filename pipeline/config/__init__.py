from pipeline.config.load import ConfigError, load_config
from pipeline.config.model import (
    AccountDecl,
    LinkageSettings,
    LinkDecl,
    Config,
    PathSourceConfig,
    SourceConfig,
    SqlSourceConfig,
)

__all__ = ["AccountDecl", "LinkageSettings", "LinkDecl", "Config", "ConfigError", "PathSourceConfig", "SourceConfig", "SqlSourceConfig", "load_config"]

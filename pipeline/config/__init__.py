from pipeline.config.load import ConfigError, load_config
from pipeline.config.model import (
    Config,
    PathSourceConfig,
    SourceConfig,
    SqlSourceConfig,
)

__all__ = ["Config", "ConfigError", "PathSourceConfig", "SourceConfig", "SqlSourceConfig", "load_config"]

"""Plan-compliance checker for Chinese local intellectual-property plans."""

__version__ = "0.1.0"

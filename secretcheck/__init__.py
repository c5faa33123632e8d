"""secretcheck: a secrets-hygiene static analyzer and pre-commit hook."""

from __future__ import annotations

__version__ = "0.1.0"

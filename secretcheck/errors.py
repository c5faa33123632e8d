"""The library raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class SecretcheckError(Exception):
    """Base of every error the library raises on purpose."""


class ConfigError(SecretcheckError):
    """A config file or flag is wrong; the message names the file and the key."""


class RulePackError(SecretcheckError):
    """A rule pack is malformed; the message names the file and the key."""


class UsageError(SecretcheckError):
    """The command line asks for something impossible (a missing path, say)."""

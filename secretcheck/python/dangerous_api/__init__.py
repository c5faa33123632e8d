"""Dangerous-API checks: calls that are risky whatever data they get (no taint source)."""

"""Credential checks (SC101-SC105): names, sinks, fallbacks and comparisons."""

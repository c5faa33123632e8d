"""Sink tables, one module per injection category: CATEGORY, SINKS and their PREFILTER."""

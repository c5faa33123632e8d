"""Detectors: each takes a file's text and returns `Hit`s for the rules it runs."""

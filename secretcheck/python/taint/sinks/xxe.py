"""SC209 sinks: untrusted XML parsed by a parser that expands entities.

How it detects: taint into the standard library parsers (`xml.etree`, `xml.dom.minidom`,
`pulldom`, `xml.sax`) and lxml's `fromstring`/`XML`/`parse`/`iterparse` unless a parser is
passed (a hardened `XMLParser(resolve_entities=False)`); `defusedxml` is never a sink.

What it deliberately misses: values of unknown origin, and parsers configured elsewhere.
"""

from __future__ import annotations

import ast

from secretcheck.python.astsyntax import dotted, is_false
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import WEB_FRAMEWORK, SinkPrefilter

CATEGORY = "xxe"
_STDLIB = frozenset(
    f"{m}.{f}"
    for m in ("xml.etree.ElementTree", "xml.etree.cElementTree", "xml.dom.minidom",
              "xml.dom.pulldom", "xml.sax")
    for f in ("fromstring", "XML", "parse", "parseString", "iterparse", "fromstringlist")
)  # fmt: skip
_LXML = frozenset(f"lxml.etree.{f}" for f in ("fromstring", "XML", "parse", "iterparse"))


def _resolving_parser(site: CallSite) -> bool:
    parser = site.argument(1, "parser")
    if parser is None:
        return True
    if isinstance(parser, ast.Call) and dotted(parser.func).endswith("XMLParser"):
        resolve = CallSite(parser, frozenset()).keyword("resolve_entities")
        return not is_false(resolve)
    return False


SINKS = (
    Sink(_STDLIB, (0, "source", "text", "string")),
    Sink(_LXML, (0, "source", "text"), when=_resolving_parser),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True, requires=WEB_FRAMEWORK)

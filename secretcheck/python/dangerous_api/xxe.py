"""SC241: an XML parser that expands entities or fetches external resources.

How it detects, resolved through the file's imports:
- lxml parsers configured to resolve: `etree.XMLParser(...)`
  with `resolve_entities=True`, `no_network=False` or `load_dtd=True`/`dtd_validation=True`
  (high confidence);
- lxml `fromstring`/`XML`/`parse`/`iterparse` of non-literal data with no `parser=`: lxml's
  default parser expands entities (medium confidence);
- the standard library (`xml.sax`, `xml.dom.minidom`, `xml.dom.pulldom`, `xml.etree`,
  `xml.parsers.expat.ParserCreate`) parsing non-literal data in a file that does not import
  `defusedxml` (low confidence: modern expat refuses external entities, but entity expansion
  attacks remain).
A parse of a string literal is never reported, nor anything imported from `defusedxml`.

What it deliberately misses: parsers built in one module and used in another. SC209 is the
taint rule for request data reaching a parser; when both fire on a call, SC209 leads the merged
finding (this rule's specificity is lower).
"""

from __future__ import annotations

import ast

from secretcheck.findings import Confidence
from secretcheck.python.astsyntax import dotted, is_false, is_true, keyword
from secretcheck.python.dangerous_api.calls import (
    LXML_PARSE,
    LXML_PARSER,
    STDLIB,
    XXE,
)
from secretcheck.python.dangerous_api.common import ApiCheck

PREFILTER = XXE
# `import xml.etree.ElementTree as ET` resolves; `from xml.etree import ElementTree` too.
_RESOLVING = (("resolve_entities", True), ("no_network", False), ("load_dtd", True),
              ("dtd_validation", True))  # fmt: skip


class Check(ApiCheck):
    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        if name in LXML_PARSER:
            for key, dangerous in _RESOLVING:
                value = keyword(node, key)
                if value is not None and (is_true(value) if dangerous else is_false(value)):
                    self.report(node, detail=f"lxml XMLParser({key}={dangerous})",
                                confidence=Confidence.HIGH)  # fmt: skip
                    return
        elif name in LXML_PARSE:
            if self.argument(node, 1, "parser") is None and self._data(node):
                self.report(node, detail=f"{name} with lxml's default (entity-expanding) parser",
                            confidence=Confidence.MEDIUM)  # fmt: skip
        elif (
            name in STDLIB
            and not self.imports_module("defusedxml")
            and (name.endswith(("ParserCreate", "make_parser")) or self._data(node))
            # An explicit parser (Django passes a hardened expat parser) is the caller's choice.
            and self._explicit_parser(name, node) is None
        ):
            self.report(node, detail=f"{name} without defusedxml", confidence=Confidence.LOW)

    def _explicit_parser(self, name: str, node: ast.Call) -> ast.expr | None:
        # xml.sax.parse(source, handler) and iterparse(source, events) take other things second.
        if name.startswith("xml.sax.") or name.endswith("iterparse"):
            return keyword(node, "parser")
        return self.argument(node, 1, "parser")

    def _data(self, node: ast.Call) -> bool:
        """True when the parsed document is not a literal in the file."""
        data = self.argument(node, 0, "source") or self.argument(node, 0, "text")
        if isinstance(data, ast.Call) and dotted(data.func).split(".")[-1] == "tostring":
            return False  # a document this program just serialized (pretty-printing)
        return data is not None and self.string_value(self.resolve_constant(data)) is None


run_ast = Check.run_ast

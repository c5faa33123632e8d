"""SC208 sinks: untrusted data used as the source of a server-side template.

How it detects: taint into `render_template_string`, `jinja2.Template`,
`Environment.from_string`, Django `Template`, Mako `Template` and Bottle `template()` /
`SimpleTemplate` source arguments. Template
*context* values are escaped and are not sinks. A template source built from a value of unknown
origin is reported at medium confidence. Jinja's sandbox is made to render untrusted templates
(its documentation's own use): `from_string` on a `SandboxedEnvironment` (or the immutable
one), made in the same function or inline, is no sink.

`.from_string` is matched by method name (an `Environment` is seldom typed), except on a class:
`ViewType.from_string(name)` is the alternate-constructor idiom (a classmethod that parses a
name into an enum member or a value object), not Jinja's `Environment.from_string`, which is
called on an instance (`env.from_string`, `JINJA_ENV.from_string`, `Environment().from_string`).
A receiver counts as a class when it is a CapWords name, or a dotted name ending in one, that the
analysis did not resolve to jinja2.

What it deliberately misses: templates loaded from attacker-chosen files (see SC205), and a
template text stored first and rendered later by other code (a saved notification body: the
store is no source here).
"""

from __future__ import annotations

import ast
import re

from secretcheck.python.astsyntax import dotted
from secretcheck.python.taint.flows import CallSite, Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "template-injection"
_SANDBOXES = ("SandboxedEnvironment.", "ImmutableSandboxedEnvironment.")


def _unsandboxed(site: CallSite) -> bool:
    """Not `SandboxedEnvironment().from_string(text)` nor `env.from_string(text)` where `env =
    jinja2.sandbox.SandboxedEnvironment()`: the sandbox refuses unsafe attribute access."""
    return not any(
        n.startswith("jinja2.sandbox.") and n.rsplit(".", 2)[-2] + "." in _SANDBOXES
        for n in site.names
    )


# A class name by PEP 8: CapWords with a lower-case letter (`ViewType`), not a constant
# (`JINJA_ENV`, `ENV`), which names an instance.
_CAP_WORDS = re.compile(r"_?[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")


def _not_on_a_class(site: CallSite) -> bool:
    """Is `X.from_string(...)` called on something other than a class (see the docstring)?"""
    func = site.node.func
    if not isinstance(func, ast.Attribute) or func.attr != "from_string":
        return True
    if any(name.startswith("jinja2.") for name in site.names):
        return True  # `Environment = jinja2.Environment()`, or resolved through an import
    receiver = dotted(func.value)  # '' for a call result or a subscript: an instance
    return not (receiver and _CAP_WORDS.fullmatch(receiver.split(".")[-1]))


def _template_sink(site: CallSite) -> bool:
    return _unsandboxed(site) and _not_on_a_class(site)


SINKS = (
    Sink(
        frozenset(
            {
                "flask.render_template_string",
                "jinja2.Template",
                ".from_string",
                "django.template.Template",
                "mako.template.Template",
            }
        ),
        (0, "source", "text", "template_string"),
        unknown="built",
        when=_template_sink,
    ),
    # Bottle's `template(tpl, **variables)` and its kin render `tpl` as template source when it
    # holds "{", "%", "$" or a line break, and look it up as a file name otherwise; the
    # keywords are the template's variables, escaped, so only the first argument is a sink.
    Sink(
        frozenset({"bottle.template", "bottle.jinja2_template", "bottle.mako_template",
                   "bottle.cheetah_template"}),
    ),
    Sink(frozenset({"bottle.SimpleTemplate"}), (0, "source")),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True)

"""SC208 sinks: untrusted data used as the source of a server-side template.

How it detects: taint into `render_template_string`, `jinja2.Template`,
`Environment.from_string`, Django `Template` and Mako `Template` source arguments. Template
*context* values are escaped and are not sinks. A template source built from a value of unknown
origin is reported at medium confidence. Jinja's sandbox is made to render untrusted templates
(its documentation's own use): `from_string` on a `SandboxedEnvironment` (or the immutable
one), made in the same function or inline, is no sink.

What it deliberately misses: templates loaded from attacker-chosen files (see SC205), and a
template text stored first and rendered later by other code (a saved notification body: the
store is no source here).
"""

from __future__ import annotations

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
        when=_unsandboxed,
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True)

"""SC208 sinks: untrusted data used as the source of a server-side template.

How it detects: taint into `render_template_string`, `jinja2.Template`,
`Environment.from_string`, Django `Template` and Mako `Template` source arguments. Template
*context* values are escaped and are not sinks. A template source built from a value of unknown
origin is reported at medium confidence.

What it deliberately misses: templates loaded from attacker-chosen files (see SC205).
"""

from __future__ import annotations

from secretcheck.python.taint.flows import Sink
from secretcheck.python.taint.prefilter import SinkPrefilter

CATEGORY = "template-injection"
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
    ),
)
# Which files and lines may hold one of these sinks: derived from SINKS, never written twice.
PREFILTER = SinkPrefilter(SINKS, gated=True)

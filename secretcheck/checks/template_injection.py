"""SC208 sinks: untrusted data used as the source of a server-side template.

How it detects: taint into `render_template_string`, `jinja2.Template`,
`Environment.from_string`, Django `Template` and Mako `Template` source arguments. Template
*context* values are escaped and are not sinks. A template source built from a value of unknown
origin is reported at medium confidence.

What it deliberately misses: templates loaded from attacker-chosen files (see SC205).
"""

from __future__ import annotations

from secretcheck.analysis.taint import Sink

CATEGORY = "ssti"
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

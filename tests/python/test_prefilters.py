"""Every taint prefilter covers every sink of its table, and the registry links hold.

The prefilters are derived from `SINKS` (`python/taint/prefilter.py`); these tests hold that
derivation to its promise by writing, for each sink, the plainest file that reaches it from a
web request and asking the file test and the line pattern to see it.
"""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.taint.flows import ALL_CATEGORIES
from secretcheck.python.taint.prefilter import SinkPrefilter, has_entry_point
from secretcheck.python.taint.sinks import (
    code_injection,
    command_injection,
    deserialization,
    open_redirect,
    path_traversal,
    sql_injection,
    ssrf,
    template_injection,
    xss,
    xxe,
)
from secretcheck.python.taint.sources import REQUEST_ATTRS, REQUEST_METHODS
from secretcheck.rulepacks import load_catalogue

SINK_MODULES: tuple[ModuleType, ...] = (
    code_injection, command_injection, deserialization, open_redirect, path_traversal,
    sql_injection, ssrf, template_injection, xss, xxe,
)  # fmt: skip


def _reaching(name: str) -> tuple[str, str]:
    """A Flask view that passes request data to the sink `name`, and the line that must be
    picked (the call, or for a client method the line that makes the client; `Class` may also
    be a module such as `ElementTree`, and then the call line may be the one picked)."""
    parts = name.split(".")
    if not parts[0]:
        call = line = f"target{name}(value)"
        imports = ""
    elif len(parts) >= 3 and parts[-2][:1].isupper():
        module, cls = ".".join(parts[:-2]), parts[-2]
        imports = f"import {module}\n"
        line = f"client = {module}.{cls}()"
        call = f"{line}\n    client.{parts[-1]}(value)"
    elif parts[0] == "builtins":
        call = line = f"{parts[-1]}(value)"
        imports = ""
    else:
        imports = f"import {'.'.join(parts[:-1])}\n"
        call = line = f"{name}(value)"
    text = (
        f"from flask import request\n{imports}\n\ndef view():\n"
        f"    value = request.args['q']\n    {call}\n"
    )
    return text, line


CASES = [
    pytest.param(module, name, id=f"{module.__name__.rsplit('.', 1)[1]}:{name}")
    for module in SINK_MODULES
    for name in sorted({n for sink in module.SINKS for n in sink.names})
]


@pytest.mark.parametrize(("module", "name"), CASES)
def test_prefilter_sees_every_sink(module: ModuleType, name: str) -> None:
    prefilter: SinkPrefilter = module.PREFILTER
    text, line = _reaching(name)
    assert prefilter.search(text), f"the file test misses {name}:\n{text}"
    picked = {text.count("\n", 0, m.start()) + 1 for m in prefilter.lines.finditer(text)}
    lines = text.splitlines()
    wanted = {lines.index(f"    {line}") + 1}
    if line.startswith("client = "):
        wanted.add(len(lines))  # `client.fromstring(value)`: a module's function, called
    assert wanted & picked, f"the line pattern misses {name} in {line!r}"


def test_prefilters_skip_files_without_a_sink() -> None:
    text = "from flask import request\n\ndef view():\n    return request.args['q'].upper()\n"
    assert not [m.__name__ for m in SINK_MODULES if m.PREFILTER.search(text)]


def test_missing_sinks_are_in_the_tables() -> None:
    """`os.chmod` (a path sink the old hand-written line pattern did not list) and the
    HTTP-client methods beyond `requests`' module functions."""
    assert "os.chmod" in {n for s in path_traversal.SINKS for n in s.names}
    http = {n for s in ssrf.SINKS for n in s.names}
    assert len(http) >= 140
    assert {
        "httpx.AsyncClient.post",
        "aiohttp.ClientSession.ws_connect",
        "urllib3.PoolManager.request",
        "tornado.httpclient.AsyncHTTPClient.fetch",
    } <= http


def test_every_taint_rule_links_to_a_sink_module_of_its_own_category() -> None:
    catalogue = load_catalogue()
    taint_rules = [r for r in catalogue.active() if isinstance(CHECKS.get(r.check), TaintEntry)]
    assert len(taint_rules) == len(SINK_MODULES)
    modules = {m.__name__: m for m in SINK_MODULES}
    for rule in taint_rules:
        module = modules[CHECKS[rule.check].module]
        assert rule.category == module.CATEGORY, rule.code
        assert module.CATEGORY in ALL_CATEGORIES
    assert {m.CATEGORY for m in SINK_MODULES} == ALL_CATEGORIES


def test_every_registered_check_module_exists_and_has_a_check() -> None:
    import importlib

    for name, entry in CHECKS.items():
        module = importlib.import_module(entry.module)
        assert hasattr(module, "Check") or isinstance(entry, TaintEntry), name
        assert re.fullmatch(r"secretcheck\.python\.\w+(\.\w+)*", entry.module)


@pytest.mark.parametrize("read", sorted(REQUEST_ATTRS | REQUEST_METHODS))
def test_every_request_read_the_engine_knows_is_an_entry_point(read: str) -> None:
    # A view whose only input is `request.full_path` or `request.referrer` was skipped before
    # the taint run when the entry-point pattern listed its reads by hand.
    text = f"import flask\n\n\ndef view():\n    return flask.request.{read}\n"
    assert has_entry_point(text, web=True)
    assert not has_entry_point(text, web=False)


def _credential_sink_calls() -> list[str]:
    from secretcheck.python.credentials import credential_sinks

    return sorted({*credential_sinks._POSITIONAL, *credential_sinks._DOTTED})


@pytest.mark.parametrize("name", _credential_sink_calls())
def test_the_credential_sink_prefilter_sees_every_sink_the_check_reads(name: str) -> None:
    # The check's table and the prefilter's regex are written apart (the check module is
    # imported only for files the prefilter passes): a sink missing from the regex is never read.
    text = f'x = client.{name}(user, "k8Hd92jfQz7Lp3Xv")\n'
    assert CHECKS["credential-sinks"].prefilter.search(text), text

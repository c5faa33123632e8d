"""Regexes compiled when first used (issue 10, one file at most 1.0x bandit's CPU): the deferred
forms must give `re`'s own answers, and a scan that does not need them must not compile them."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys

import pytest

from secretcheck.examples import expand
from secretcheck.lazyre import LazyPattern
from secretcheck.python.registry import CHECKS, TaintEntry
from secretcheck.python.textgate import GatedPattern, ignores_case

DEFERRED = ("secretcheck.redact", "secretcheck.suppress", "secretcheck.analysis.literals",
            "secretcheck.analysis.values", "secretcheck.analysis.configfiles",
            "secretcheck.engines.keyvalue", "secretcheck.engines.weak_credentials",
            "secretcheck.python.taint.prefilter")  # fmt: skip


# Tests of the file's name, asked of every file (a lock file? a key file? live config?), so
# compiled in every scan.
EVERY_FILE = {
    "secretcheck.analysis.values._BENIGN_FILES",
    "secretcheck.engines.keyvalue._KEY_FILE",
    "secretcheck.engines.weak_credentials._TEMPLATE",
    "secretcheck.engines.weak_credentials._LIVE_ENV",
    "secretcheck.engines.weak_credentials._SETTINGS",
}


def lazy_patterns() -> list[tuple[str, str, LazyPattern]]:
    found = []
    for name in DEFERRED:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            found += [(name, key, v) for v in values if isinstance(v, LazyPattern)]
    return found


def sample_texts() -> list[str]:
    token = expand("{{password:14}}", 5)
    return [
        "",
        f'PASSWORD = "{token}"  # noqa: SC101\n',
        f"postgres://app:{token}@db.internal:5432/x\n…[12 chars redacted] boundary=---x\n",
        "DB_PASSWORD=${{ secrets.DB }}\npassword: changeme\n<add key='k' value='v'/>\n",
        "0f6b0a5c-3d7e-4c2a-9b1e-2f4a5c6d7e8f deadbeef sha256-abc integrity é\u0130\n",
    ]


@pytest.mark.parametrize(("module", "name", "lazy"), lazy_patterns(), ids=lambda v: str(v)[:40])
def test_a_lazy_pattern_answers_as_re_does(module: str, name: str, lazy: LazyPattern) -> None:
    compiled = re.compile(lazy.pattern, lazy.flags)
    for text in sample_texts():
        for method in ("search", "match", "fullmatch"):
            got, want = getattr(lazy, method)(text), getattr(compiled, method)(text)
            assert (got and got.span(), got and got.groups()) == (
                want and want.span(),
                want and want.groups(),
            )
        spans = [m.span() for m in compiled.finditer(text)]
        assert [m.span() for m in lazy.finditer(text)] == spans
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.split(text) == compiled.split(text)
        assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy.compiled.pattern == lazy.pattern and lazy.compiled.flags == compiled.flags


def gated_patterns() -> list[GatedPattern]:
    found: list[GatedPattern] = []
    for entry in CHECKS.values():
        prefilter = importlib.import_module(entry.module) and entry.prefilter
        for candidate in (prefilter, getattr(prefilter, "gate", None),
                          getattr(prefilter, "pattern", None)):  # fmt: skip
            if isinstance(candidate, GatedPattern):
                found.append(candidate)
    return found


def test_case_folding_is_read_from_the_text_as_re_reads_it() -> None:
    patterns = [g.pattern for g in gated_patterns()]
    assert len(patterns) > 10
    patterns += ["(?i)x", "(?m)(?i)x", "(?mi)x", "(?x) (?i) x", "(?i:x)", "(?-i:x)", "x", "(?s)x"]
    for source in patterns:
        assert ignores_case(source) == bool(re.compile(source).flags & re.IGNORECASE), source


def test_a_taint_rule_keeps_its_line_pattern_source_and_compiles_it_on_use() -> None:
    entries = [e for e in CHECKS.values() if isinstance(e, TaintEntry)]
    assert entries
    for entry in entries:
        prefilter = entry.prefilter
        assert entry.lines == prefilter.pattern  # type: ignore[attr-defined]
        assert prefilter.lines.pattern == entry.lines  # type: ignore[attr-defined]
        assert prefilter.lines.flags & re.MULTILINE  # type: ignore[attr-defined]


def test_a_clean_python_file_compiles_none_of_the_deferred_patterns() -> None:
    """Through the real scan path in a fresh interpreter: a Python file without findings needs
    no redaction, no suppression comment parser, no config-file reader, no taint line pattern."""
    probe = (
        "from secretcheck.api import scan_text\n"
        "import importlib, json, sys\n"
        "from secretcheck.lazyre import LazyPattern\n"
        "from secretcheck.python.taint.prefilter import SinkPrefilter\n"
        "text = 'import os' + chr(10) + 'NAME = os.environ[0]' + chr(10)\n"
        "assert scan_text(text, 'app.py').findings == ()\n"
        f"names = {list(DEFERRED)!r}\n"
        "def lazy(n):\n"
        "    for k, v in vars(sys.modules[n]).items():\n"
        "        for p in v if isinstance(v, tuple) else (v,):\n"
        "            if isinstance(p, LazyPattern):\n"
        "                yield f'{n}.{k}', p\n"
        "found = [kp for n in names if n in sys.modules for kp in lazy(n)]\n"
        "done = [k for k, p in found if p._compiled is not None]\n"
        "import gc\n"
        "done += ['taint lines' for o in gc.get_objects()"
        " if isinstance(o, SinkPrefilter) and o._lines is not None]\n"
        "print(json.dumps([len(found), done]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    total, done = json.loads(out.stdout)
    assert total > 50  # the modules were imported, their patterns left uncompiled
    assert set(done) <= EVERY_FILE, done


def test_the_packaged_rules_are_found_where_importlib_resources_finds_them() -> None:
    from importlib import resources

    from secretcheck.rulepacks import packaged_rules

    assert packaged_rules() == resources.files("secretcheck.rules")


def test_a_scan_that_writes_nothing_imports_no_writer_module() -> None:
    """`importlib.resources`, `tempfile` and `secrets` serve writes (cache entries, the stored
    catalogue, baselines) and zip installs: a scan of text that writes none of them, with the
    catalogue already stored, must not import them."""
    # Only what secretcheck imports counts: a site hook of the machine's may load some of these
    # at interpreter start (a sandbox's certifi .pth pulls in importlib.resources and tempfile).
    probe = (
        "import json, sys\nbefore = set(sys.modules)\n"
        "from secretcheck.api import scan_text\n"
        "from secretcheck.rulepacks import load_catalogue\n"
        "load_catalogue()\n"
        "text = 'import os' + chr(10) + 'NAME = os.environ[0]' + chr(10)\n"
        "assert scan_text(text, 'app.py').findings == ()\n"
        "names = ('importlib.resources', 'tempfile', 'secrets')\n"
        "print(json.dumps([n for n in names if n in sys.modules and n not in before]))\n"
    )
    for _ in range(2):  # the first run may store the catalogue (and import tempfile for it)
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
        )
    assert json.loads(out.stdout) == []

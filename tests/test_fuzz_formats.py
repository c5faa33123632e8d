"""Fuzz (issue 9, item 6): random bytes and Python-ish text through every report format.

For any input the CLI answers with a documented exit code (0 clean, 1 findings, 2 usage or
config error, 3 the scan itself failed), the JSON and SARIF reports parse, and no generated
token embedded in the input appears in any output. Slow: run by the slow CI step.
"""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leakcheck import leaks

from secretcheck.report import FORMATS

pytestmark = pytest.mark.slow

EXIT_CODES = {0, 1, 2, 3}
ALNUM = string.ascii_letters + string.digits

tokens = st.one_of(
    st.text(ALNUM, min_size=36, max_size=36).map("ghp_".__add__),
    st.text(string.ascii_uppercase + "234567", min_size=16, max_size=16).map("AKIA".__add__),
    st.text(ALNUM, min_size=24, max_size=32).map("sk_live_".__add__),
)
# Pieces of Python and of config files, line breaks of every kind, and broken syntax.
FRAGMENTS = [
    "import os", "def f(x):", "    return x", "class A:", "if x == 1:", "password = ",
    "token=", "api_key: ", '"', "'", '"""', "(", ")", "[", "]", "{", "}", ",", ":", "=",
    "#", "# secretcheck: ignore", "\\", "\n", "\r\n", "\r", "\f", "\v", "\x1c", "\x85",
    "\u2028", "\t", " ", "\x00", "é", "𝔘", "os.environ['K']", "subprocess.run(cmd, shell=True)",
    "https://user:", "@host/path?q=", "-p ", "--password ", "export ", "lambda: ", "f'{x}'",
]  # fmt: skip
SEPARATORS = [" ", "\n", "=", '"', "'", ": ", "(", ", ", "\f", "\u2028", "#"]


@st.composite
def python_ish(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """Text of fragments with tokens spliced in after a separator; (bytes, tokens)."""
    parts: list[str] = []
    secrets: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        if draw(st.integers(0, 5)) == 0:
            secret = draw(tokens)
            secrets.append(secret)
            parts += [draw(st.sampled_from(SEPARATORS)), secret, draw(st.sampled_from(SEPARATORS))]
        else:
            parts.append(draw(st.sampled_from(FRAGMENTS)))
    return "".join(parts).encode("utf-8", "surrogatepass"), secrets


@st.composite
def random_bytes(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """Random bytes with a token on a line of its own in the middle; (bytes, tokens)."""
    secret = draw(tokens)
    before, after = draw(st.binary(max_size=400)), draw(st.binary(max_size=400))
    return before + b"\n" + secret.encode() + b"\n" + after, [secret]


def _check(root: Path, secrets: list[str]) -> None:
    outputs: dict[str, str] = {}
    for fmt in FORMATS:
        result = run_cli("scan", "--format", fmt, ".", cwd=root)
        assert result.exception is None, repr(result.exception)
        assert result.exit_code in EXIT_CODES, (fmt, result.exit_code, result.stderr)
        if fmt in ("json", "sarif") and result.exit_code in (0, 1):
            json.loads(result.stdout)
        outputs[fmt] = result.stdout
        outputs[f"text:stderr-{fmt}"] = result.stderr
    assert leaks(outputs, secrets) == []


_FUZZ = {
    "deadline": None,
    "max_examples": 150,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@settings(**_FUZZ)  # type: ignore[arg-type]
@given(case=st.one_of(python_ish(), random_bytes()), name=st.sampled_from(["a.py", "c.yaml"]))
def test_fuzzed_input_through_every_format(
    case: tuple[bytes, list[str]], name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    content, secrets = case
    root = write_tree(tmp_path_factory.mktemp("fuzz"), {name: content, "b.env": content})
    _check(root, secrets)


def _seeded_case(seed: int) -> tuple[bytes, list[str]]:
    """A fuzz input from a seeded generator, for the subprocess runs (no Hypothesis there)."""
    rng = random.Random(seed)
    secret = "ghp_" + "".join(rng.choice(ALNUM) for _ in range(36))
    parts = [rng.choice(FRAGMENTS) for _ in range(60)]
    parts.insert(rng.randrange(len(parts)), f"\n{secret}\n")
    noise = bytes(rng.randrange(256) for _ in range(200))
    return "".join(parts).encode() + noise, [secret]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fuzzed_input_through_the_installed_command(seed: int, tmp_path: Path) -> None:
    """The same through a real process: what CI runs, with its real stdout encoding."""
    content, secrets = _seeded_case(seed)
    root = write_tree(tmp_path, {"a.py": content, "b.yaml": content})
    env = {**os.environ, "NO_COLOR": "1"}
    outputs = {}
    for fmt in FORMATS:
        done = subprocess.run(
            [str(Path(sys.executable).parent / "secretcheck"), "scan", "--format", fmt, "."],
            cwd=root, capture_output=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode in EXIT_CODES, (fmt, done.returncode, done.stderr[-500:])
        stdout = done.stdout.decode("utf-8")
        if fmt in ("json", "sarif") and done.returncode in (0, 1):
            json.loads(stdout)
        outputs[fmt] = stdout
        outputs[f"text:stderr-{fmt}"] = done.stderr.decode("utf-8", "replace")
    assert leaks(outputs, secrets) == []

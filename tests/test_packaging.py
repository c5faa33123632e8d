"""The wheel lists its packages by hand (rules/ ships as secretcheck.rules): a new folder of
modules that is not listed installs nowhere, which only the slow wheel test would notice."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_every_folder_of_modules_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "secretcheck").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert folders, "no modules found"
    assert folders - listed == set()
    assert "secretcheck.rules" in listed

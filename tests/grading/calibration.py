"""Load benchmarks/grading/build.py (a script, not a package) for the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BUILD_SCRIPT = Path(__file__).parents[2] / "benchmarks" / "grading" / "build.py"


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calibration_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

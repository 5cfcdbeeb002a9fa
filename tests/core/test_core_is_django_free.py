"""The core is a library: importing any of its modules must not import Django."""
from __future__ import annotations

import pkgutil
import subprocess
import sys

import vigil.core


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(vigil.core.__path__, "vigil.core."))


def test_every_core_module_imports_without_django():
    modules = _core_modules()
    assert len(modules) > 20
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
            "print(','.join(bad))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

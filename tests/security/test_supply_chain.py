"""The deployment lock file pins every runtime dependency, and its whole closure."""
from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.security.conftest import sqlite_pass_only

pytestmark = sqlite_pass_only

ROOT = Path(__file__).resolve().parents[2]


def lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert "==" in line, f"unpinned line in requirements.lock: {line!r}"
            name, version = line.split("==", 1)
            pins[canonicalize_name(name)] = version.strip()
    return pins


def runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(s) for s in project["dependencies"] + project["optional-dependencies"]["postgres"]]


def test_lock_pins_every_runtime_dependency():
    pins = lock()
    requirements = runtime_requirements()
    assert len(requirements) >= 15
    for req in requirements:
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} (pyproject) is not pinned in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), \
            f"requirements.lock pins {name}=={pins[name]}, outside pyproject's {req.specifier}"


def test_lock_holds_the_whole_closure_and_no_test_tools():
    pins = lock()
    env = default_environment()
    for name in pins:
        for spec in metadata.distribution(name).requires or []:
            sub = Requirement(spec)
            if sub.marker is None or sub.marker.evaluate({**env, "extra": ""}):
                assert canonicalize_name(sub.name) in pins, f"{name} needs {sub.name}, missing from the lock"
    for tool in ("pytest", "selenium", "hypothesis", "pip-audit"):
        assert tool not in pins, f"test tool {tool} in the deployment lock"

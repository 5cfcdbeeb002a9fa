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


def _lock_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("vigil_lock_script", ROOT / "scripts" / "lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lock_differences(pins: dict[str, str], wanted: dict[str, str]) -> list[str]:
    """How a lock's pins differ from ``wanted`` (pyproject's closure at the installed versions)."""
    out = [f"{name}: locked {pins.get(name)}, installed {version}" for name, version in sorted(wanted.items())
           if pins.get(name) != version]
    return out + [f"{name}=={pins[name]}: locked but no longer needed" for name in sorted(set(pins) - set(wanted))]


def test_lock_matches_pyproject_and_the_installed_versions():
    """A dependency added to pyproject.toml, or upgraded in .venv, without re-running
    scripts/lock.py fails here (the same comparison as ``scripts/lock.py --check``)."""
    script = _lock_script()
    wanted = {canonicalize_name(n): v for n, v in script.closure().items()}
    assert "cryptography" in wanted and len(wanted) >= 40
    stale = lock_differences(lock(), wanted)
    assert not stale, "requirements.lock is stale: run .venv/bin/python scripts/lock.py\n" + "\n".join(stale)
    assert (ROOT / "requirements.lock").read_text() == script.render(script.closure())
    some = next(iter(wanted))
    edited = {**wanted, some: "0.0.0"}
    edited.pop(next(n for n in wanted if n != some))
    assert len(lock_differences(edited, wanted)) == 2  # a wrong version and a missing pin are both reported

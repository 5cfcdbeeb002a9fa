from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

VIGIL = [sys.executable, "-m", "vigil"]


def runner(home: Path):
    """Run the real ``vigil`` command in VIGIL_HOME ``home`` (its own SQLite database)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VIGIL_EVIDENCE_DIR")}
    env.update(VIGIL_HOME=str(home), DJANGO_SETTINGS_MODULE="vigil.site.settings")

    def run(*args: str, check: bool = True, input: str | None = None, extra_env: dict | None = None):
        result = subprocess.run([*VIGIL, *args], env={**env, **(extra_env or {})}, capture_output=True,
                                text=True, input=input, timeout=600)
        if check and result.returncode != 0:
            raise AssertionError(f"vigil {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
        return result

    run.home = home
    return run


@pytest.fixture
def run_vigil(tmp_path):
    return runner(tmp_path / "home")


@pytest.fixture(scope="module")
def demo_vigil(tmp_path_factory):
    """A runner whose database holds the demo data (built once per test module)."""
    run = runner(tmp_path_factory.mktemp("demo") / "home")
    run("demo", "--synthetic", "15", "--seed", "3")
    return run


def sqlite_rows(home: Path, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(home / "vigil.sqlite3") as conn:
        return conn.execute(sql).fetchall()

"""Helpers for the security tests: run the real ``vigil`` command in a home of its own."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "vigil" / "sample"


def vigil_env(home: Path, database_url: str | None = None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VIGIL_EVIDENCE_DIR", "DJANGO_SETTINGS_MODULE")}
    env.update(VIGIL_HOME=str(home), DJANGO_SETTINGS_MODULE="vigil.site.settings", PYTHONDONTWRITEBYTECODE="1",
               VIGIL_NO_PROGRESS="1", **extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def runner(home: Path, database_url: str | None = None):
    """``run(*args)`` runs ``python -m vigil ARGS`` against ``home`` (and ``database_url`` if given)."""
    home.mkdir(parents=True, exist_ok=True)

    def run(*args: str, check: bool = True, timeout: float = 600, **extra):
        done = subprocess.run([sys.executable, "-m", "vigil", *args], env=vigil_env(home, database_url, **extra),
                              capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"vigil {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done

    run.home = home
    run.database_url = database_url
    run.env = lambda **extra: vigil_env(home, database_url, **extra)
    return run


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated, empty SQLite database made once; copy it rather than migrating again."""
    run = runner(tmp_path_factory.mktemp("template") / "home")
    run("init", "--no-input")
    return run.home / "vigil.sqlite3"


@pytest.fixture
def fresh_home(tmp_path, template_db):
    """``fresh_home(name)``: a runner on a new home holding a copy of the migrated database."""
    import shutil

    def make(name: str = "home"):
        home = tmp_path / name
        home.mkdir(parents=True)
        shutil.copyfile(template_db, home / "vigil.sqlite3")
        return runner(home)

    return make


#: For tests that never touch the configured database (subprocesses on their own SQLite homes,
#: pure parsers): they run in the SQLite pass of scripts/test.sh and are skipped in the PostgreSQL pass.
sqlite_pass_only = pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"),
                                      reason="independent of the database: run in the SQLite pass")

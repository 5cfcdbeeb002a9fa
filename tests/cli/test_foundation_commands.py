"""vigil --version, init and export as a user runs them: a real process on a real database."""
from __future__ import annotations

import csv
import io
import json

import vigil
from tests.cli.conftest import sqlite_rows


def test_version(run_vigil):
    assert run_vigil("--version").stdout.strip() == f"vigil {vigil.__version__}"


def test_init_creates_database_and_admin(run_vigil):
    result = run_vigil("init", "--no-input", extra_env={"VIGIL_ADMIN_PASSWORD": "a-long-test-password"})
    assert "administrator 'admin' ready" in result.stdout
    rows = sqlite_rows(run_vigil.home, "select username, is_superuser from auth_user")
    assert rows == [("admin", 1)]
    hashed = sqlite_rows(run_vigil.home, "select password from auth_user")[0][0]
    assert hashed.startswith("argon2$")
    roles = sqlite_rows(run_vigil.home, "select name from auth_group order by name")
    assert [r[0] for r in roles] == ["administrator", "researcher", "reviewer", "viewer"]


def test_init_rejects_a_weak_password_clearly(run_vigil):
    result = run_vigil("init", "--no-input", check=False, extra_env={"VIGIL_ADMIN_PASSWORD": "short"})
    assert result.returncode == 2
    assert "vigil init: error:" in result.stderr and "too short" in result.stderr


def test_init_without_password_in_no_input_mode(run_vigil):
    result = run_vigil("init", "--no-input")
    assert "no administrator created" in result.stdout
    assert sqlite_rows(run_vigil.home, "select count(*) from auth_user") == [(0,)]


def test_export_formats_agree_with_each_other_and_the_database(demo_vigil):
    run_vigil = demo_vigil
    for kind in ("cases", "persons", "mentions", "documents", "claims"):
        jsonl = [json.loads(line) for line in run_vigil("export", kind).stdout.splitlines()]
        rows = list(csv.DictReader(io.StringIO(run_vigil("export", kind, "--format", "csv").stdout)))
        assert len(jsonl) == len(rows), kind
    table = {"cases": "records_statusevent", "persons": "records_person", "mentions": "records_mention",
             "documents": "records_document", "claims": "records_claim"}
    for kind, name in table.items():
        where = " where merged_into_id is null" if kind == "persons" else ""
        count = sqlite_rows(run_vigil.home, f"select count(*) from {name}{where}")[0][0]
        assert len(run_vigil("export", kind).stdout.splitlines()) == count, kind
    mentions = [json.loads(line) for line in run_vigil("export", "mentions").stdout.splitlines()]
    assert mentions and all(m["source"] and (m["document"] or m["record_id"]) for m in mentions)


def test_export_never_contains_sensitive_fields(demo_vigil):
    run_vigil = demo_vigil
    secret = "SECRET-CONTACT-+98-912-000-0000"
    import sqlite3

    with sqlite3.connect(run_vigil.home / "vigil.sqlite3") as conn:
        conn.execute("update records_source set contact_details = ?, private_notes = ?", (secret, secret))
        conn.execute("update records_person set private_notes = ?", (secret,))
        conn.execute("update records_document set private_notes = ?", (secret,))
    for kind in ("cases", "persons", "mentions", "documents", "claims"):
        for fmt in ("jsonl", "csv"):
            assert secret not in run_vigil("export", kind, "--format", fmt).stdout


def test_commands_on_an_uninitialised_database_say_run_init(run_vigil):
    result = run_vigil("export", "cases", check=False)
    assert result.returncode == 2
    assert "run 'vigil init' first" in result.stderr and "Traceback" not in result.stderr

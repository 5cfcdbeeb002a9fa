"""Encryption at rest of the SENSITIVE fields (docs/security/encryption.md), on a real database:
the raw columns (history tables included) hold ciphertext, the ORM reads plain text, rotation
re-encrypts, a missing or wrong key is a clear error naming the field, and a backup made by
the real ``vigil`` command holds no plain text and needs the key to be read."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.security.conftest import sqlite_pass_only

NOTE, CONTACT, DOC_NOTE = "SECRET-NOTE-5f3a witness in Evin", "SECRET-CONTACT-+98 912 000 0000", "SECRET-DOC-0c7e"


@pytest.fixture
def keys(monkeypatch, tmp_path):
    """``keys(*ids)`` configures VIGIL_FIELD_KEYS with the named keys (made on first use), first primary."""
    from vigil.core.fieldcrypt import new_key

    made: dict[str, str] = {}
    monkeypatch.setenv("VIGIL_FIELD_KEY_FILE", str(tmp_path / "no-key-file"))

    def use(*names: str) -> list[str]:
        if names:
            monkeypatch.setenv("VIGIL_FIELD_KEYS", ",".join(made.setdefault(n, new_key()) for n in names))
        else:
            monkeypatch.delenv("VIGIL_FIELD_KEYS", raising=False)
        return [made[n] for n in names]

    return use


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cur:
        cur.execute(f"SELECT {column} FROM {table} WHERE {column} <> ''")
        return [r[0] for r in cur.fetchall()]


def every_text_in_the_database() -> str:
    """Every value of every table, as stored."""
    parts = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names(cur):
            cur.execute(f'SELECT * FROM "{table}"')
            parts += [str(v) for row in cur.fetchall() for v in row]
    return "\n".join(parts)


@pytest.fixture
def records(db, actor, evidence_dir, source):
    """A source, a person and a document carrying SENSITIVE values, each edited once (history rows)."""
    from vigil.records.actions import capture_document, edit_person
    from vigil.records.models import Person

    source.contact_details, source.private_notes = CONTACT, NOTE
    source.save()
    person = Person.objects.create(name_latin="Ali Karimi", private_notes="first note")
    edit_person(person, actor, reason="witness statement received", private_notes=NOTE)
    document, _ = capture_document(b"a report", source=source, actor=actor, text="a report")
    document.private_notes = DOC_NOTE
    document.save()
    return {"source": source, "person": person, "document": document}


def test_raw_columns_hold_ciphertext_and_the_orm_reads_plain_text(keys, records):
    from vigil.core.fieldcrypt import PREFIX
    from vigil.records.models import Document, Person, Source

    keys("a")
    for obj in records.values():
        obj.save()  # written again with the key configured
    stored = raw("records_source", "contact_details") + raw("records_source", "private_notes") \
        + raw("records_person", "private_notes") + raw("records_document", "private_notes")
    assert len(stored) == 4 and all(v.startswith(PREFIX) for v in stored)
    assert not any(s in v for v in stored for s in (NOTE, CONTACT, DOC_NOTE, "Evin"))
    source = Source.objects.get(pk=records["source"].pk)
    assert (source.contact_details, source.private_notes) == (CONTACT, NOTE)
    assert Person.objects.get(pk=records["person"].pk).private_notes == NOTE
    assert Document.objects.values_list("private_notes", flat=True).get() == DOC_NOTE


def test_encrypt_all_leaves_no_plain_text_in_any_table_history_included(keys, records, actor):
    from vigil.records.actions.keys import encrypt_all, key_status
    from vigil.records.models import AuditEvent, Person

    assert NOTE in every_text_in_the_database()  # written before encryption was on: legacy plain rows
    assert "plain" in key_status()["records.HistoricalPerson.private_notes"]
    keys("a")
    changed = encrypt_all(actor)
    assert changed["records.HistoricalPerson.private_notes"] >= 2 and changed["records.Source.contact_details"] == 1
    everything = every_text_in_the_database()
    for secret in (NOTE, CONTACT, DOC_NOTE, "first note"):
        assert secret not in everything, secret
    history = Person.history.filter(id=records["person"].pk).order_by("history_id")
    assert [h.private_notes for h in history] == ["first note", NOTE]  # history still reads
    assert all("plain" not in counts for counts in key_status().values())
    assert AuditEvent.objects.filter(action="keys.encrypt").count() == 1


def test_new_history_rows_are_written_encrypted(keys, db, actor):
    from vigil.records.actions import edit_person
    from vigil.records.models import Person

    keys("a")
    person = Person.objects.create(name_latin="Reza Ahmadi")
    edit_person(person, actor, reason="family contacted", private_notes=NOTE)
    edit_person(person, actor, reason="correction", private_notes=NOTE + " (corrected)")
    assert len(raw("records_historicalperson", "private_notes")) == 2
    assert NOTE not in every_text_in_the_database()
    assert person.history.first().private_notes == NOTE + " (corrected)"


def test_rotation_reencrypts_under_the_new_key(keys, records, actor):
    from vigil.core.fieldcrypt import key_id
    from vigil.records.actions.keys import encrypt_all, key_status
    from vigil.records.models import Person

    old, = keys("old")
    encrypt_all(actor)
    new, old_again = keys("new", "old")
    assert old_again == old
    encrypt_all(actor)
    counts = key_status()
    assert counts["records.Person.private_notes"] == {key_id(new): 1}
    assert counts["records.HistoricalPerson.private_notes"] == {key_id(new): 2}
    keys("new")  # the old key retired: everything still reads
    assert Person.objects.get(pk=records["person"].pk).private_notes == NOTE
    keys("old")  # and the old key alone no longer reads anything
    with pytest.raises(Exception, match=re.escape(key_id(new))):
        Person.objects.get(pk=records["person"].pk)


def test_missing_or_wrong_key_is_a_clear_error_naming_the_field(keys, records, actor):
    from vigil.core.fieldcrypt import FieldKeyError
    from vigil.records.actions.keys import encrypt_all
    from vigil.records.models import Person, Source

    keys("a")
    encrypt_all(actor)
    keys()
    with pytest.raises(FieldKeyError, match=r"records\.Person\.private_notes is encrypted but no field key"):
        Person.objects.get(pk=records["person"].pk)
    keys("wrong")
    with pytest.raises(FieldKeyError, match=r"records\.Source\.contact_details is encrypted with key \w{8}, "
                                            r"which is not among the configured keys"):
        Source.objects.get(pk=records["source"].pk)
    keys("a")
    stored = raw("records_person", "private_notes")[0]
    tampered = stored[:-6] + ("AAAAAA" if not stored.endswith("AAAAAA") else "BBBBBB")
    with connection.cursor() as cur:
        cur.execute("UPDATE records_person SET private_notes = %s WHERE id = %s", [tampered, records["person"].pk])
    with pytest.raises(FieldKeyError, match=r"records\.Person\.private_notes does not decrypt"):
        Person.objects.get(pk=records["person"].pk)


def test_plain_rows_still_read_and_encryption_is_off_without_a_key(keys, records):
    from vigil.records.models import Person

    keys()
    records["person"].save()
    assert raw("records_person", "private_notes") == [NOTE]
    assert Person.objects.get(pk=records["person"].pk).private_notes == NOTE


def test_decrypt_all_turns_encryption_off(keys, records, actor):
    from vigil.records.actions.keys import decrypt_all, encrypt_all

    keys("a")
    encrypt_all(actor)
    decrypt_all(actor)
    keys()
    assert raw("records_person", "private_notes") == [NOTE]
    assert sorted(raw("records_historicalperson", "private_notes")) == sorted(["first note", NOTE])


def test_no_code_filters_on_an_encrypted_field():
    """The database cannot compare ciphertext: no query may filter or order on these fields."""
    root = Path(__file__).resolve().parents[2] / "src" / "vigil"
    lookup = re.compile(r"\b(private_notes|contact_details)(__\w+)?\s*=|[\"'](-?)(private_notes|contact_details)(__\w+)?[\"']")
    query = re.compile(r"\.(filter|exclude|get|order_by|annotate|aggregate|distinct)\(|\bQ\(|search_fields|ordering")
    offending = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if query.search(line) and lookup.search(line):
                offending.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    assert not offending, offending


# --- the real command: generate, encrypt, back up, restore ------------------------------------

SEED = f"""
import django; django.setup()
from vigil.records.actions import Actor, edit_person, ensure_source
from vigil.records.models import Person
ensure_source("Informant", Actor(label="t"), kind="family", contact_details={CONTACT!r}, private_notes={NOTE!r})
person = Person.objects.create(name_latin="Ali Karimi")
edit_person(person, Actor(label="t"), reason="statement", private_notes={NOTE!r})
"""
READ = "import django; django.setup()\nfrom vigil.records.models import Source\nprint(Source.objects.get().contact_details)"


def _python(run, code: str, **extra):
    return subprocess.run([sys.executable, "-c", code], env=run.env(**extra), capture_output=True, text=True,
                          timeout=300)


def _database_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in home.glob("vigil.sqlite3*"))


@sqlite_pass_only
def test_vigil_keys_then_backup_holds_no_plain_text_and_restore_needs_the_key(fresh_home, tmp_path):
    run = fresh_home("laptop")
    assert _python(run, SEED).returncode == 0
    assert CONTACT.encode() in _database_bytes(run.home)
    made = run("keys", "generate")
    key_file = run.home / "field-keys"
    assert "written to" in made.stdout and key_file.stat().st_mode & 0o077 == 0
    run("keys", "encrypt")
    for secret in (NOTE, CONTACT):  # not in any table, nor in a free page or the write-ahead log
        assert secret.encode() not in _database_bytes(run.home), secret
    assert "plain" not in run("keys", "status").stdout
    run("backup", str(tmp_path / "backup"))
    backup_bytes = b"".join(p.read_bytes() for p in (tmp_path / "backup").rglob("*") if p.is_file())
    assert CONTACT.encode() not in backup_bytes and NOTE.encode() not in backup_bytes
    restored = fresh_home("new-laptop")
    (restored.home / "vigil.sqlite3").unlink()
    done = restored("restore", str(tmp_path / "backup"))
    assert "not configured" in done.stderr  # restore warns: the key is needed
    failed = _python(restored, READ)
    assert failed.returncode != 0 and "records.Source.contact_details is encrypted but no field key" in failed.stderr
    assert _python(restored, READ, VIGIL_FIELD_KEY_FILE=str(key_file)).stdout.strip() == CONTACT


@sqlite_pass_only
def test_vigil_keys_rotate_and_retire(fresh_home):
    run = fresh_home()
    assert _python(run, SEED).returncode == 0
    run("keys", "generate")
    first = run("keys", "status").stdout.split()[1].rstrip(",")
    run("keys", "encrypt")
    assert "already exists" in run("keys", "generate", check=False).stderr
    run("keys", "rotate")
    status = run("keys", "status").stdout
    second = status.split()[1].rstrip(",")
    assert second != first and f"primary {second}" in status and f"{first} " not in status.split("\n", 1)[1]
    run("keys", "retire", first)
    assert first not in run("keys", "status").stdout
    assert _python(run, READ).stdout.strip() == CONTACT
    refused = run("keys", "retire", second, check=False)
    assert refused.returncode == 2 and "still encrypts values" in refused.stderr
    (run.home / "field-keys").chmod(0o644)
    loose = run("keys", "status", check=False)
    assert loose.returncode == 2 and "readable by other users" in loose.stderr


@pytest.mark.postgres
def test_postgres_backup_of_encrypted_fields_holds_no_plain_text(tmp_path):
    import uuid

    from tests.security.conftest import runner
    from tests.security.test_backup import _pg_database, _postgres_url

    url = _postgres_url()
    names = [f"vigil_enc_src_{uuid.uuid4().hex[:8]}", f"vigil_enc_dst_{uuid.uuid4().hex[:8]}"]
    src_url, dst_url = (_pg_database(url, n) for n in names)
    try:
        run = runner(tmp_path / "src", src_url)
        run("init", "--no-input")
        assert _python(run, SEED).returncode == 0
        run("keys", "generate")
        run("keys", "encrypt")  # then VACUUM FULL of the tables concerned
        run("backup", str(tmp_path / "backup"))
        dump = subprocess.run(["pg_restore", "-f", "-", str(tmp_path / "backup" / "database.pgdump")],
                              capture_output=True, text=True, check=True).stdout
        assert "vigil-enc:1:" in dump and CONTACT not in dump and NOTE not in dump
        target = runner(tmp_path / "dst", dst_url)
        assert "not configured" in target("restore", str(tmp_path / "backup")).stderr
        assert "no field key" in _python(target, READ).stderr
        key_file = str(tmp_path / "src" / "field-keys")
        assert _python(target, READ, VIGIL_FIELD_KEY_FILE=key_file).stdout.strip() == CONTACT
    finally:
        for name in names:
            _pg_database(url, name, drop=True)

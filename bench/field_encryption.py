"""Cost of encryption at rest of the SENSITIVE fields on SQLite: reading and writing persons
whose private notes are plain vs encrypted, and `vigil keys encrypt` over the whole table.

    .venv/bin/python bench/field_encryption.py [--persons 20000] [--repeat 5]

Builds a temporary SQLite database with N persons, each with a ~300-character private note
(bulk_create: no history rows), then prints wall and CPU seconds (median of the runs) for:
reading every person through the ORM, writing N notes with bulk_update, and encrypting the
existing plain notes (encrypt_all) followed by purge_old_copies (checkpoint + VACUUM).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

NOTE = "Witness statement taken by phone from the family; the caller asked not to be named. " * 4


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeat`` runs of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def read_all() -> None:
    from vigil.records.models import Person

    notes = [p.private_notes for p in Person.objects.all()]
    assert notes[0] == NOTE.strip()


def write_all() -> None:
    from vigil.records.models import Person

    persons = list(Person.objects.only("pk"))
    for person in persons:
        person.private_notes = NOTE.strip()
    Person.objects.bulk_update(persons, ["private_notes"], batch_size=2000)


def measure(label: str, repeat: int) -> None:
    for name, fn in (("read all persons (ORM)", read_all), ("write every note (bulk_update)", write_all)):
        wall, cpu = timed(fn, repeat)
        print(f"  {label:<9} {name:<32} wall {wall:6.2f} s  cpu {cpu:6.2f} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="vigil-bench-crypt-")
    os.environ.update(VIGIL_HOME=home, DATABASE_URL=f"sqlite:///{home}/bench.sqlite3")
    os.environ.pop("VIGIL_FIELD_KEYS", None)
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from vigil.core.fieldcrypt import new_key
    from vigil.records.actions import Actor
    from vigil.records.actions.keys import encrypt_all, purge_old_copies
    from vigil.records.models import Person

    Person.objects.bulk_create([Person(name_latin=f"Person {i}", private_notes=NOTE.strip())
                                for i in range(args.persons)], batch_size=5000)
    print(f"{args.persons:,} persons, notes of {len(NOTE.strip())} characters, median of {args.repeat} runs")
    measure("plain", args.repeat)
    os.environ["VIGIL_FIELD_KEYS"] = new_key()
    w, c = time.perf_counter(), time.process_time()
    changed = encrypt_all(Actor(label="bench"))
    purge_old_copies()
    print(f"  encrypt_all + purge: {changed['records.Person.private_notes']:,} notes, "
          f"wall {time.perf_counter() - w:.2f} s  cpu {time.process_time() - c:.2f} s")
    measure("encrypted", args.repeat)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

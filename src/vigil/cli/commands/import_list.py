"""vigil import FILE --source NAME --mapping MAPPING.toml [--dry-run] [--update] [--strict]."""
from __future__ import annotations

from pathlib import Path

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("import", help="import another organisation's list through a mapping file")
    parser.add_argument("file", type=Path)
    parser.add_argument("--source", required=True, help="the organisation that published the list")
    parser.add_argument("--source-kind", default="list")
    parser.add_argument("--mapping", required=True,
                        help="mapping TOML file, or the name of a built-in mapping (dpic, tdcj, …)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    parser.add_argument("--update", action="store_true", help="change stored records whose row changed")
    parser.add_argument("--strict", action="store_true", help="import nothing if any row has an error")
    parser.set_defaults(func=run)


def load(mapping: str):
    from vigil.core import tabular

    try:
        if Path(mapping).is_file():
            return tabular.load_mapping(mapping)
        return tabular.builtin_mapping(mapping)
    except tabular.TabularError as exc:
        raise CommandError(str(exc)) from exc


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.core import tabular
    from vigil.ingest.lists import ImportRefused, import_list
    from vigil.records.actions import Actor, ensure_source

    mapping = load(args.mapping)
    actor = Actor.cli()
    source = ensure_source(args.source, actor, kind=args.source_kind)
    try:
        report = import_list(args.file, source=source, mapping=mapping, actor=actor, dry_run=args.dry_run,
                             update=args.update, strict=args.strict)
    except (tabular.TabularError, ImportRefused) as exc:
        raise CommandError(str(exc)) from exc
    print("\n".join(report.lines()))
    return 1 if report.plan.errors else 0

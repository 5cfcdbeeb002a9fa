"""vigil stats: figures with their method; snapshots and what changed between them."""
from __future__ import annotations

import sys

from vigil.core.stats.filters import GROUP_FIELDS

ACTIONS = ("figures", "snapshot", "snapshots", "diff", "refresh")


def add(sub) -> None:
    parser = sub.add_parser("stats", help="count cases by period, charge, place, … (and snapshots)",
                            description="vigil stats [--by FIELD]... | stats snapshot [--name N] | "
                                        "stats snapshots | stats diff A B | stats refresh (after bulk writes "
                                        "or a restore: the public site recounts its figures and pages)")
    parser.add_argument("action", nargs="?", default="figures", choices=ACTIONS)
    parser.add_argument("refs", nargs="*", help="for diff: two snapshot ids or names")
    parser.add_argument("--by", action="append", choices=GROUP_FIELDS, default=[], help="group by (repeatable)")
    parser.add_argument("--period", default="", help="2025 | 2025-03 | 1403 (Iranian) | 2025-01-01..2025-10-15")
    parser.add_argument("--status", default="executed")
    parser.add_argument("--grades", default="headline", help="headline (default) | documented | all | comma list")
    for name in ("charge", "sex", "province", "prison", "city", "ethnicity", "nationality", "country"):
        parser.add_argument(f"--{name}", default="")
    for name in ("juvenile", "public", "officially-announced"):
        parser.add_argument(f"--{name}", default=None, help="yes | no")
    parser.add_argument("--published-only", action="store_true")
    parser.add_argument("--per-capita", action="store_true", help="add cases per million by province")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--cases", action="store_true", help="list the case ids behind each figure")
    parser.add_argument("--name", default="", help="snapshot name")
    parser.add_argument("--note", default="")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup
    from vigil.cli.main import CommandError
    from vigil.core.stats import Filter

    setup()
    try:
        flt = Filter.from_args(args)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    return {"figures": _figures, "snapshot": _snapshot, "snapshots": _list, "diff": _diff,
            "refresh": _refresh}[args.action](args, flt)


def _refresh(args, flt) -> int:
    from vigil.publish.versions import refresh

    figures, pages = refresh()
    print(f"public data version moved to figures {figures}, pages {pages}: cached pages and columns are recomputed")
    return 0


def _figures(args, flt) -> int:
    from vigil.core.stats import render
    from vigil.statistics import queries

    figures = {"total": queries.figure(flt)} if not args.by else {}
    figures.update({f"by_{by}": queries.figure(flt, by) for by in args.by})
    capita = queries.per_capita_figure(flt) if args.per_capita else None
    if args.format == "json":
        data = {name: fig.to_dict() for name, fig in figures.items()}
        if capita:
            data["per_capita"] = capita
        print(render.dumps(data))
    elif args.format == "csv":
        rows = [row for name, fig in figures.items() for row in render.figure_rows(name, fig)]
        render.write_csv(rows + (render.per_capita_rows(capita) if capita else []), sys.stdout)
    else:
        print("\n\n".join(render.figure_table(fig, name, args.cases) for name, fig in figures.items()))
        if capita:
            print("\n" + render.per_capita_table(capita))
    return 0


def _snapshot(args, flt) -> int:
    from django.utils import timezone

    from vigil.records.actions import Actor, take_snapshot

    name = args.name or f"snapshot {timezone.now():%Y-%m-%d %H:%M}"
    snap = take_snapshot(name, Actor.cli(), flt=flt, note=args.note)
    print(f"snapshot {snap.pk} '{snap.name}' taken at {snap.taken_at:%Y-%m-%d %H:%M:%S}: "
          f"{snap.figures['total']['value']:,} cases counted")
    return 0


def _list(args, flt) -> int:
    from vigil.statistics.models import Snapshot

    for snap in Snapshot.objects.all():
        print(f"{snap.pk:>5}  {snap.taken_at:%Y-%m-%d %H:%M}  {len(snap.case_ids):>8,}  {snap.name}")
    return 0


def _diff(args, flt) -> int:
    from vigil.cli.main import CommandError
    from vigil.core.stats import render
    from vigil.statistics.snapshots import diff, find_snapshot

    if len(args.refs) != 2:
        raise CommandError("diff needs two snapshots: vigil stats diff A B")
    try:
        a, b = (find_snapshot(ref) for ref in args.refs)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc
    result = diff(a, b)
    print(render.dumps(result) if args.format == "json" else render.diff_text(result))
    return 0

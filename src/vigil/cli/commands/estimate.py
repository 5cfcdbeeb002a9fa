"""vigil estimate: multiple systems estimation of the undocumented (experimental)."""
from __future__ import annotations

import json
from pathlib import Path

from vigil.cli.main import CommandError

METHODS = ("loglinear-stepwise", "loglinear-main", "dga", "lcmcr")


def add(sub) -> None:
    parser = sub.add_parser("estimate", help="estimate undocumented cases by multiple systems estimation")
    parser.add_argument("table", nargs="?", type=Path, help="capture-pattern CSV (0/1 column per list + count)")
    parser.add_argument("--method", choices=METHODS, default="loglinear-stepwise")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--from-db", action="store_true", help="build the table from linked cases in the database")
    parser.add_argument("--sources", help="with --from-db: comma-separated source names, one list each")
    parser.add_argument("--status", default="executed", help="with --from-db: the status counted")
    parser.add_argument("--year", type=int, help="with --from-db: only events dated in this Gregorian year")
    parser.add_argument("--where", default="", help="with --from-db: statistics filters as a query string, "
                        "e.g. 'period=1403&charge=drug&province=Tehran' (default grades: all but disputed)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.core.estimate import EstimateError, TableError, estimate

    table = _db_table(args) if args.from_db else args.table
    if table is None:
        raise CommandError("give a capture-pattern CSV or --from-db --sources A,B,C")
    try:
        result = estimate(table, method=args.method)
    except (EstimateError, TableError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print(json.dumps(result, indent=2) if args.json else _text(result))
    return 0


def _text(result: dict) -> str:
    lines = [f"EXPERIMENTAL estimate ({result['method']}; model {result['model']}): "
             f"{result['estimate']:,.1f} (95% interval {result['lower']:,.1f}–{result['upper']:,.1f}); "
             f"{result['observed']:,} documented"]
    lines += [f"warning: {w}" for w in result["warnings"]]
    return "\n".join(lines)


def _db_table(args):
    if not args.sources:
        raise CommandError("--from-db needs --sources A,B,C (two or more source names)")
    from vigil.cli.django_setup import setup

    setup()
    from vigil.core.estimate import from_memberships
    from vigil.statistics.capture import memberships

    names = [s.strip() for s in args.sources.split(",") if s.strip()]
    try:
        found = memberships(names, status=args.status, year=args.year, where=args.where)
    except ValueError as exc:
        raise CommandError(f"--where: {exc}") from exc
    return from_memberships(found, lists=names)

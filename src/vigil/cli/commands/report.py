"""vigil report: the monitor's annual or monthly report (HTML or PDF, English or Persian)."""
from __future__ import annotations


def add(sub) -> None:
    parser = sub.add_parser("report", help="write an annual or monthly report (HTML or PDF, en or fa)")
    parser.add_argument("--period", required=True, help="2025 (year) or 2025-03 (month)")
    parser.add_argument("--lang", choices=("en", "fa"), default="en")
    parser.add_argument("--format", choices=("html", "pdf"), default="html")
    parser.add_argument("--output", default="", help="file to write (default vigil-report-PERIOD-LANG.FORMAT)")
    parser.add_argument("--grades", default="documented", help="documented (default) | headline | all | comma list")
    parser.add_argument("--all-records", action="store_true",
                        help="count and name unpublished cases too (internal reports only)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup
    from vigil.cli.main import CommandError

    setup()
    from vigil.watch.report import write_report

    try:
        path = write_report(args.period, lang=args.lang, fmt=args.format, output=args.output or None,
                            grades=args.grades, published_only=not args.all_records)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    print(path)
    return 0

"""vigil check: compute a claimed figure from the database and say whether it holds."""
from __future__ import annotations

from pathlib import Path


def add(sub) -> None:
    parser = sub.add_parser("check", help="check a sentence's figure (or a document's) against the database")
    parser.add_argument("text", nargs="?", help="the sentence with the figure")
    parser.add_argument("--document", type=Path, help="check every claim in this text file, and against each other")
    parser.add_argument("--date", default=None, help="the document's date (resolves 'since …', 'so far')")
    parser.add_argument("--grades", default="documented", help="grades counted (default documented: all but disputed)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup
    from vigil.cli.main import CommandError
    from vigil.core.stats import render
    from vigil.core.stats.claims import check_claim, check_document
    from vigil.core.stats.filters import parse_grades

    if bool(args.text) == bool(args.document):
        raise CommandError('give either a sentence or --document FILE')
    setup()
    from vigil.statistics.queries import DatabaseCounter

    try:
        grades = parse_grades(args.grades)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if args.document:
        result = check_document(args.document.read_text(encoding="utf-8"), DatabaseCounter(),
                                grades=grades, published=args.date)
        print(render.dumps(result) if args.json else render.document_text(result))
        return 0
    verdict = check_claim(args.text, DatabaseCounter(), grades=grades, published=args.date).to_dict()
    print(render.dumps(verdict) if args.json else render.verdict_text(verdict))
    return 0

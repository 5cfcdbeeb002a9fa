"""vigil extract: reports to cases, groups, campaigns and claims (JSON Lines, eval/FORMAT.md)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("extract", help="extract structured cases from report files (JSON Lines out)")
    parser.add_argument("files", nargs="*", type=Path, help="text or HTML report files")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'yesterday', 'on Monday', …)")
    parser.add_argument("--language", choices=("en", "fa"), help="override language detection")
    parser.add_argument("--jsonl", type=Path, help="batch input in the docs.jsonl format")
    parser.add_argument("--extractor", help="extractor name (default: $VIGIL_EXTRACTOR or 'rules')")
    parser.add_argument("--link", action="store_true", help="add a 'person' id to each case, linking across documents")
    parser.set_defaults(func=run)


def run(args) -> int:
    if not args.files and not args.jsonl:
        raise CommandError("give report files or --jsonl DOCS.jsonl")
    records = list(_records(args))
    from vigil.core.extract import extract_jsonl

    try:
        outputs = list(extract_jsonl(records, extractor=args.extractor))
    except KeyError as exc:
        raise CommandError(str(exc.args[0])) from exc
    if args.link:
        outputs = link_outputs(outputs, {str(r.get("id")): r.get("publisher") or "" for r in records})
    for output in outputs:
        sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
    return 0


def _records(args):
    if args.jsonl:
        yield from _jsonl_records(args.jsonl)
    for path in args.files:
        yield _file_record(path, args)


def _jsonl_records(path: Path):
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise CommandError(f"{path}:{number}: field 'text': missing or not a string")
        yield record


def _file_record(path: Path, args) -> dict:
    from vigil.core.reading import UnreadableDocument, read_text

    try:
        read = read_text(path.read_bytes(), str(path))
    except (OSError, UnreadableDocument) as exc:
        raise CommandError(str(exc)) from exc
    return {"id": str(path), "language": args.language or read.language, "published": args.published,
            "text": read.text}


def link_outputs(outputs: list[dict], publishers: dict[str, str]) -> list[dict]:
    """Add a ``person`` id to every case (see vigil.core.link.documents)."""
    from vigil.core.link.documents import link_documents

    return link_documents(outputs, publishers)

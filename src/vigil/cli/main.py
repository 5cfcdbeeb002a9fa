"""Entry point of the ``vigil`` console script.

Each subcommand lives in its own module under ``vigil.cli.commands`` with ``add(subparsers)``
(registering its arguments and ``func``). Commands that touch the database call
:func:`vigil.cli.django_setup.setup` first; the core-only ones never import Django.
"""
from __future__ import annotations

import argparse
import importlib
import sys

import vigil

COMMANDS = ("init", "serve", "demo", "export", "extract", "ingest", "watch_feeds", "import_list", "verify",
            "estimate", "link", "review", "stats", "check", "token", "watch", "digest", "report", "totp", "backup", "restore",
            "keys")


class CommandError(Exception):
    """A user-facing error: printed without a traceback, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vigil", description="Document executions and the death penalty.")
    parser.add_argument("--version", action="version", version=f"vigil {vigil.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"vigil.cli.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("vigil.cli.commands"):
                continue
            raise
        module.add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return args.func(args) or 0
    except CommandError as exc:
        print(f"vigil {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a read-only or full database or disk: a clear error naming the path
        from vigil.cli.faults import report_fault
        return report_fault(args.command, exc)


if __name__ == "__main__":
    sys.exit(main())

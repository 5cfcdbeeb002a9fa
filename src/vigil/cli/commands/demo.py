"""vigil demo: load the bundled sample data, run the pipeline, print a summary (and serve)."""
from __future__ import annotations

import sys


def add(sub) -> None:
    parser = sub.add_parser("demo", help="load sample data into the configured database and run the pipeline")
    parser.add_argument("--synthetic", type=int, default=200, help="number of synthetic reports to add (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help="serve the site afterwards")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from vigil.ingest.demo import load_demo, summary

    counts = load_demo(synthetic=args.synthetic, seed=args.seed)
    print(summary(counts))
    sys.stdout.flush()
    if args.serve:
        from vigil.cli.commands.serve import serve

        serve(args.host, args.port)
    return 0

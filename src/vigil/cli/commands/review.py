"""vigil review: the queue of uncertain pairs; merge or split with a reason; undo."""
from __future__ import annotations

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("review", help="review uncertain linkage pairs")
    actions = parser.add_subparsers(dest="review_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="open pairs, most probable first")
    listing.add_argument("--limit", type=int, default=20)
    for name, kind in (("merge", "must_link"), ("split", "cannot_link")):
        act = actions.add_parser(name, help=f"decide a pair: {kind.replace('_', ' ')}")
        act.add_argument("mention_a")
        act.add_argument("mention_b")
        act.add_argument("--reason", required=True)
        act.set_defaults(kind=kind)
    undo = actions.add_parser("undo", help="withdraw a human decision by its id")
    undo.add_argument("decision", type=int)
    undo.add_argument("--reason", required=True)
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.records.actions import Actor

    actor = Actor.cli()
    if args.review_action == "list":
        return _list(args.limit)
    if args.review_action == "undo":
        return _undo(args, actor)
    return _decide(args, actor)


def _list(limit: int) -> int:
    from vigil.review.models import ReviewPair

    pairs = ReviewPair.objects.filter(open=True).select_related("mention_a__source", "mention_b__source")[:limit]
    for pair in pairs:
        a, b = pair.mention_a, pair.mention_b
        print(f"{pair.probability:.2f}  {a.public_id} {a.data.get('name')!r} ({a.source.public_name}, "
              f"{a.data.get('date')})  ~  {b.public_id} {b.data.get('name')!r} ({b.source.public_name}, "
              f"{b.data.get('date')})")
    print(f"{ReviewPair.objects.filter(open=True).count()} open pairs")
    return 0


def _mention(public_id: str):
    from vigil.records.models import Mention

    mention = Mention.objects.filter(public_id=public_id).first()
    if mention is None:
        raise CommandError(f"no mention with id {public_id!r}")
    return mention


def _decide(args, actor) -> int:
    from vigil.review.decisions import decide

    try:
        decision = decide(_mention(args.mention_a), _mention(args.mention_b), args.kind, actor, args.reason)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    print(f"decision {decision.pk}: {decision.decision} (applies at the next 'vigil link')")
    return 0


def _undo(args, actor) -> int:
    from vigil.records.models import LinkDecision
    from vigil.review.decisions import undo

    decision = LinkDecision.objects.filter(pk=args.decision, automatic=False).first()
    if decision is None:
        raise CommandError(f"no human decision {args.decision}")
    undo(decision, actor, args.reason)
    print(f"decision {decision.pk} withdrawn")
    return 0

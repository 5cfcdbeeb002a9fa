"""vigil watch: the watch list, subscriptions, change alerts and campaign facts.

``vigil watch run`` detects status changes since the last run and sends the alerts; run it
after every ``vigil link`` (``vigil watch run --link`` does both).
"""
from __future__ import annotations

import json

ACTIONS = ("list", "subscribe", "unsubscribe", "subscriptions", "run", "alerts", "load-campaigns", "campaigns")


def add(sub) -> None:
    parser = sub.add_parser("watch", help="watch list, subscriptions and alerts (run after vigil link)",
                            description="vigil watch list | subscribe KIND VALUE --email/--webhook | run [--link] | "
                                        "alerts | load-campaigns [FILE] | campaigns")
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("args", nargs="*", help="subscribe: KIND VALUE (person|prison|province|charge); "
                                                "unsubscribe: ID; load-campaigns: optional JSON file")
    parser.add_argument("--email", default="")
    parser.add_argument("--user", default="", help="username of a subscriber")
    parser.add_argument("--webhook", default="", help="webhook URL")
    parser.add_argument("--secret", default="", help="webhook secret (random when omitted; printed once)")
    parser.add_argument("--link", action="store_true", help="run: link mentions first (vigil link)")
    parser.add_argument("--published-only", action="store_true", help="list: published persons only")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    return {"list": _list, "subscribe": _subscribe, "unsubscribe": _unsubscribe, "subscriptions": _subscriptions,
            "run": _run, "alerts": _alerts, "load-campaigns": _load, "campaigns": _campaigns}[args.action](args)


def _list(args) -> int:
    from vigil.watch.status import watch_list

    rows = [e.to_dict() for e in watch_list(published_only=args.published_only)]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        days = f"{r['days_at_risk']:>5} days" if r["days_at_risk"] is not None else "  undated"
        print(f"{r['person']}  {days}  {r['status']:<8} {r['name'][:30]:<30} {r['prison'][:28]:<28} "
              f"latest {r['date'] or '?'} ({', '.join(r['sources'])})")
    print(f"{len(rows)} people at imminent risk")
    return 0


def _subscribe(args) -> int:
    from django.contrib.auth import get_user_model

    from vigil.cli.main import CommandError
    from vigil.records.actions import Actor, subscribe

    if len(args.args) != 2:
        raise CommandError("subscribe needs KIND VALUE, e.g. vigil watch subscribe prison 'Evin Prison' --email a@b.org")
    user = get_user_model().objects.filter(username=args.user).first() if args.user else None
    if args.user and user is None:
        raise CommandError(f"no user {args.user!r}")
    try:
        sub = subscribe(args.args[0], args.args[1], Actor.cli(), user=user, email=args.email,
                        webhook_url=args.webhook, webhook_secret=args.secret)
    except Exception as exc:  # noqa: BLE001 - validation errors are user errors
        raise CommandError(str(exc)) from exc
    print(f"subscription {sub.pk}: {sub}")
    if sub.webhook_url and not args.secret:
        print(f"webhook secret (keep it; X-Vigil-Signature is sha256=HMAC of the body): {sub.webhook_secret}")
    return 0


def _unsubscribe(args) -> int:
    from vigil.records.actions import Actor, unsubscribe
    from vigil.watch.models import Subscription

    for pk in args.args:
        unsubscribe(Subscription.objects.get(pk=int(pk)), Actor.cli(), reason="vigil watch unsubscribe")
    return 0


def _subscriptions(args) -> int:
    from vigil.watch.models import Subscription

    for sub in Subscription.objects.filter(active=True):
        print(f"{sub.pk:>5}  {sub.kind:<9} {sub.value:<30} {sub.recipient or '-'}  {sub.webhook_url or ''}")
    return 0


def _run(args) -> int:
    from vigil.records.actions import Actor
    from vigil.watch.notify import notify_changes

    actor = Actor.cli()
    if args.link:
        from vigil.review.linking import link_all

        print("link: " + ", ".join(f"{k} {v}" for k, v in link_all(actor).items()))
    counts = notify_changes(actor)
    print(f"changes {counts['changes']}, alerts sent {counts['sent']}, failed {counts['failed']}")
    return 1 if counts["failed"] else 0


def _alerts(args) -> int:
    from vigil.watch.models import Alert

    for alert in Alert.objects.order_by("-created_at")[:50]:
        print(f"{alert.created_at:%Y-%m-%d %H:%M}  {alert.channel:<7} {alert.result:<6} x{alert.attempts} "
              f"{alert.recipient}  {alert.subject}")
    return 0


def _load(args) -> int:
    from vigil.records.actions import Actor, load_campaigns
    from vigil.watch.campaigns import bundled_campaigns

    if args.args:
        with open(args.args[0], encoding="utf-8") as handle:
            data = json.load(handle)
        campaigns = data["campaigns"] if isinstance(data, dict) else data
    else:
        campaigns = bundled_campaigns()
    counts = load_campaigns(campaigns, Actor.cli(), reason="vigil watch load-campaigns")
    print(f"campaigns {counts['campaigns']} ({counts['created']} new)")
    return 0


def _campaigns(args) -> int:
    from vigil.watch.campaigns import timelines
    from vigil.watch.status import watch_list

    at_risk = [e.to_dict() for e in watch_list()]
    items = timelines(at_risk)
    if args.format == "json":
        print(json.dumps(items, ensure_ascii=False, indent=1, default=str))
        return 0
    for item in items:
        print(f"{item['name']} ({item['started'] or 'undated'}): {item['outcome']}")
        for w in item["weeks"]:
            growth = f" (+{w['growth']})" if w["growth"] else ""
            print(f"  week {w['week']:>3}  {w['date']}  {w['prison_count']:>3} prisons{growth}")
        if item["participants"]:
            print(f"  participants {item['participants']}, days {item['days'] or '?'}")
        print(f"  people at risk in these prisons: {len(item['at_risk'])}")
    return 0

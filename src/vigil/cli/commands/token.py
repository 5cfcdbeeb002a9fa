"""vigil token: create, list and revoke API tokens (only a SHA-256 of each token is stored)."""
from __future__ import annotations

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("token", help="manage API tokens")
    actions = parser.add_subparsers(dest="token_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a token for a user (printed once)")
    create.add_argument("user")
    create.add_argument("--name", default="", help="what the token is for")
    listing = actions.add_parser("list", help="a user's tokens (prefix, created, last used)")
    listing.add_argument("user")
    revoke = actions.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("token_id", type=int)
    parser.set_defaults(func=run)


def _user(username: str):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"no user called {username!r}")
    return user


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.api.models import ApiToken
    from vigil.api.tokens import create_token, revoke_token

    if args.token_action == "create":
        token, raw = create_token(_user(args.user), name=args.name)
        print(raw)
        print(f"token {token.pk} for {args.user}: store it now, it is not shown again", flush=True)
    elif args.token_action == "list":
        for token in ApiToken.objects.filter(user=_user(args.user)):
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
            used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
            print(f"{token.pk}\t{token.prefix}…\t{token.name}\t{token.created_at:%Y-%m-%d}\tlast used {used}\t{state}")
    else:
        token = ApiToken.objects.filter(pk=args.token_id).first()
        if token is None:
            raise CommandError(f"no token {args.token_id}")
        revoke_token(token)
        print(f"token {token.pk} revoked")
    return 0

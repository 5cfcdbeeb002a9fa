"""vigil totp enable|disable USER: the optional second factor of a reviewer or administrator."""
from __future__ import annotations

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("totp", help="enrol or remove a user's authenticator app (TOTP)")
    parser.add_argument("action", choices=("enable", "disable"))
    parser.add_argument("username")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from django.contrib.auth import get_user_model

    from vigil.accounts.totp import new_secret, provisioning_uri
    from vigil.accounts.models import TOTPDevice
    from vigil.records.actions import Actor, audit

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        raise CommandError(f"no user named {args.username!r}")
    if args.action == "disable":
        TOTPDevice.objects.filter(user=user).delete()
        audit("account.totp_disable", Actor.cli(), user=user.username)
        print(f"TOTP removed for {user.username}")
        return 0
    device, _ = TOTPDevice.objects.update_or_create(user=user, defaults={"secret": new_secret(), "enabled": True,
                                                                        "last_step": 0})
    audit("account.totp_enable", Actor.cli(), user=user.username)
    print("Add this to the user's authenticator app (shown once; keep it secret):")
    print(provisioning_uri(device.secret, user.username))
    return 0

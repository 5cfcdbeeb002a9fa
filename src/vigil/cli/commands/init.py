"""vigil init: create or migrate the database and create an administrator account."""
from __future__ import annotations

import getpass
import os

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("init", help="create/migrate the database and an admin account")
    parser.add_argument("--no-input", action="store_true", help="never prompt (for scripts)")
    parser.add_argument("--admin", default=os.environ.get("VIGIL_ADMIN_USER", "admin"), help="admin user name")
    parser.add_argument("--email", default=os.environ.get("VIGIL_ADMIN_EMAIL", ""))
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from django.conf import settings

    print(f"database ready: {settings.DATABASES['default']['NAME']}")
    password = os.environ.get("VIGIL_ADMIN_PASSWORD")
    if password is None and not args.no_input:
        password = getpass.getpass(f"password for {args.admin} (empty to skip): ") or None
    if password:
        create_admin(args.admin, args.email, password)
        print(f"administrator '{args.admin}' ready")
    elif args.no_input:
        print("no administrator created (set VIGIL_ADMIN_PASSWORD to create one)")
    return 0


def create_admin(username: str, email: str, password: str) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    try:
        validate_password(password)
    except ValidationError as exc:
        raise CommandError("; ".join(exc.messages)) from exc
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name="administrator"))

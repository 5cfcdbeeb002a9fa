"""Start Django for the commands that use the database."""
from __future__ import annotations

import os


def setup(migrate: bool = False) -> None:
    """Configure Django; migrate when asked, else refuse clearly if the database is not up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.site.settings")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    elif pending_migrations():
        from django.conf import settings

        from vigil.cli.main import CommandError

        name = settings.DATABASES["default"]["NAME"]
        raise CommandError(f"the database {name} is not initialised or not up to date: run 'vigil init' first")


def pending_migrations() -> list:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())

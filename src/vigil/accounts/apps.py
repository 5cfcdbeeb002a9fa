from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "vigil.accounts"
    label = "accounts"

    def ready(self) -> None:
        from vigil.accounts.signals import ensure_roles

        # Sent once per app with models; idempotent, and the last call sees every permission.
        post_migrate.connect(ensure_roles, dispatch_uid="vigil-ensure-roles")

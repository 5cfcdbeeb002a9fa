from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "vigil.accounts"
    label = "accounts"

    def ready(self) -> None:
        from vigil.accounts.signals import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)

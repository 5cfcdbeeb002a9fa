from django.apps import AppConfig
from django.db.models.signals import post_migrate


def grant_token_admin(sender, **kwargs) -> None:
    """Administrators may see and revoke API tokens in the Django admin (idempotent).

    Connected after vigil.accounts' role setup, so it runs after that has set each group's
    records permissions."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="administrator").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="api", codename__in=["view_apitoken", "change_apitoken"]))


class ApiConfig(AppConfig):
    name = "vigil.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        post_migrate.connect(grant_token_admin, dispatch_uid="vigil-api-token-admin")

from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "vigil.workspace"
    label = "workspace"
    verbose_name = "Researchers' workspace"

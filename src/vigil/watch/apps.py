from django.apps import AppConfig


class WatchConfig(AppConfig):
    name = "vigil.watch"
    label = "watch"
    verbose_name = "Watch lists, alerts and reports"
    default_auto_field = "django.db.models.BigAutoField"

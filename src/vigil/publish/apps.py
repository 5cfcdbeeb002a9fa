from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "vigil.publish"
    label = "publish"

    def ready(self) -> None:
        from vigil.publish import versions

        versions.connect()

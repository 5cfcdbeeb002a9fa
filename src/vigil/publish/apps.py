from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "vigil.publish"
    label = "publish"

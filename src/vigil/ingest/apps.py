from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "vigil.ingest"
    label = "ingest"

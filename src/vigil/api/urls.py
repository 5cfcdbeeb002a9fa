"""API URLs, generated from vigil.api.endpoints (paths are mounted under /api/)."""
from django.http import JsonResponse
from django.urls import path

from vigil.api.endpoints import ENDPOINTS
from vigil.api.http import Endpoint, api_view
from vigil.api.schema import openapi

app_name = "api"


def _schema_view(request):
    return JsonResponse(openapi(), json_dumps_params={"ensure_ascii": False})


def _route(endpoint: Endpoint) -> str:
    return endpoint.path.removeprefix("/api/").replace("{id}", "<str:id>")


urlpatterns = [path("openapi.json", api_view(Endpoint("/api/openapi.json", "GET", _schema_view, "openapi",
                                                      "OpenAPI document", "")), name="openapi")]
urlpatterns += [path(_route(ep), api_view(ep), name=ep.name) for ep in ENDPOINTS]

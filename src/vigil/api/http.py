"""The request wrapper every API view goes through: method, token, rate limit, role, errors."""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Callable

from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from vigil.accounts.roles import has_role
from vigil.api import ratelimit, tokens

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str, **headers: str):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


@dataclass
class Endpoint:
    """One API operation: its path (OpenAPI style, ``{id}`` for the stable id), method and view.

    The URL patterns and the OpenAPI document are both generated from the list of endpoints.
    """

    path: str
    method: str
    view: Callable
    name: str
    summary: str
    response: str
    params: list[str] = field(default_factory=list)
    role: str | None = None
    body: str | None = None
    paginated: bool = False
    status: int = 200


def error(status: int, message: str, **headers) -> JsonResponse:
    response = JsonResponse({"error": message, "status": status}, status=status)
    for key, value in headers.items():
        response[key.replace("_", "-")] = value
    return response


def _bearer(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _authenticate(request):
    """Set request.api_token / api_user / api_private; an invalid token is an ApiError(401)."""
    raw = _bearer(request)
    request.api_token = tokens.authenticate(raw) if raw else None
    if raw is not None and request.api_token is None:
        raise ApiError(401, "invalid or revoked token", WWW_Authenticate='Bearer realm="vigil"')
    request.api_user = request.api_token.user if request.api_token else None
    request.api_private = bool(request.api_user and has_role(request.api_user, "viewer"))


def _limit(request):
    token = getattr(request, "api_token", None)
    client, kind = (f"t{token.pk}", "token") if token else (ratelimit.client_ip(request), "anonymous")
    allowed, retry = ratelimit.hit(client, kind)
    if not allowed:
        raise ApiError(429, f"rate limit exceeded; retry in {retry} s", Retry_After=str(retry))


def _require(request, role: str | None):
    if role is None:
        return
    if request.api_user is None:
        raise ApiError(401, "this operation needs a token: Authorization: Bearer <token>",
                       WWW_Authenticate='Bearer realm="vigil"')
    if not has_role(request.api_user, role):
        raise ApiError(403, f"this operation needs the {role} role")


def _respond(endpoint: Endpoint, request, kwargs):
    """The view's answer; anonymous GETs through the response cache (same answer for everyone)."""
    if endpoint.method != "GET" or request.api_token is not None:
        return endpoint.view(request, **kwargs)
    from vigil.api import cache

    key, hit = cache.lookup(request)
    if hit is not None:
        return hit
    response = endpoint.view(request, **kwargs)
    cache.store(key, response)
    return response


def api_view(endpoint: Endpoint) -> Callable:
    """Wrap an endpoint's view: only its method, bearer auth, rate limit, role, JSON errors.

    CSRF does not apply: the API never reads the session cookie, only the bearer token.
    """
    @csrf_exempt
    @functools.wraps(endpoint.view)
    def wrapped(request, **kwargs):
        try:
            if request.method not in (endpoint.method, "HEAD" if endpoint.method == "GET" else None):
                raise ApiError(405, f"method {request.method} not allowed; use {endpoint.method}",
                               Allow=endpoint.method)
            try:
                _authenticate(request)
            finally:
                _limit(request)
            _require(request, endpoint.role)
            response = _respond(endpoint, request, kwargs)
        except ApiError as exc:
            response = error(exc.status, exc.message, **exc.headers)
        except Http404 as exc:
            response = error(404, str(exc) or "not found")
        if endpoint.method == "GET":
            response["Access-Control-Allow-Origin"] = "*"
        response["Vary"] = "Authorization"
        response["Cache-Control"] = "private, no-store" if getattr(request, "api_private", False) else "public, max-age=60"
        return response

    return wrapped


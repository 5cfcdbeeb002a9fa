"""Production settings: ``DJANGO_SETTINGS_MODULE=vigil.site.settings_production``.

Everything in :mod:`vigil.site.settings`, hardened: DEBUG off, a secret key that must come
from the environment, secure cookies, HSTS, HTTPS redirect (``VIGIL_SSL_REDIRECT=0`` when
a proxy already redirects) and the strict Content-Security-Policy of
:mod:`vigil.publish.middleware`. ``django-admin check --deploy`` reports no issues.
"""
from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from vigil.site.settings import *  # noqa: F401,F403
from vigil.site.settings import MIDDLEWARE

MIN_SECRET_KEY_LENGTH = 50


def _secret_key() -> str:
    key = os.environ.get("VIGIL_SECRET_KEY", "")
    if len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5:
        raise ImproperlyConfigured(
            f"VIGIL_SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_LENGTH} characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'")
    return key


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


DEBUG = False
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h for h in os.environ.get("VIGIL_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("VIGIL_SESSION_SECONDS", str(12 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

SECURE_SSL_REDIRECT = _flag("VIGIL_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if _flag("VIGIL_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("VIGIL_HSTS_SECONDS", str(365 * 86400)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("VIGIL_HSTS_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("VIGIL_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The strict CSP lives with the public site; make sure it is present whatever the base says.
CSP_MIDDLEWARE = "vigil.publish.middleware.ContentSecurityPolicyMiddleware"
MIDDLEWARE = MIDDLEWARE if CSP_MIDDLEWARE in MIDDLEWARE else [CSP_MIDDLEWARE, *MIDDLEWARE]

"""Page-level security and language middleware for the public site."""
from __future__ import annotations

from django.conf import settings
from django.utils import translation

#: Only this site's own resources: no CDN, no external fonts, no inline script or style.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header (unless a view already set one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response


class QueryLanguageMiddleware:
    """``?lang=fa`` (or ``en``) switches the interface language and remembers it in the
    language cookie, so later links need no parameter. Place after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lang = request.GET.get("lang", "")
        chosen = lang if lang in dict(settings.LANGUAGES) else None
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        if chosen:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, chosen, max_age=365 * 86400, samesite="Lax")
            response.headers.setdefault("Content-Language", chosen)
        return response

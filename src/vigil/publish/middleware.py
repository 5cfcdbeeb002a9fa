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
        chosen = query_language(request)
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        if chosen:
            set_language_cookie(response, chosen)
            response.headers.setdefault("Content-Language", chosen)
        return response


def query_language(request) -> str | None:
    """The language asked for by ``?lang=``, if it is one of the site's languages."""
    lang = request.GET.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else None


def set_language_cookie(response, lang: str) -> None:
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=365 * 86400, samesite="Lax")


class FrontCacheMiddleware:
    """Answers an anonymous GET of a cached public page from the front cache before the
    inner middleware runs, and keeps such pages on their way out (:mod:`vigil.publish.front`).
    Place after the security and static-file middleware, before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from vigil.publish import front

        found = front.key_for(request)
        if found is None:
            return self.get_response(request)
        hit = front.lookup(found[0])
        if hit is not None:
            return hit
        response = self.get_response(request)
        front.keep(*found, response)
        return response

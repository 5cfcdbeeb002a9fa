"""Fetching reports over HTTP, politely and within bounds."""
from __future__ import annotations

from dataclasses import dataclass

import vigil

USER_AGENT = f"Vigil/{vigil.__version__} (human-rights documentation; +https://github.com/vigil-project)"
MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 20.0


class FetchError(Exception):
    """A URL could not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content: bytes
    media_type: str


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, client=None) -> Fetched:
    """GET ``url`` following redirects; refuse bodies over ``max_bytes`` without reading them whole."""
    import httpx

    own = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            content = _read_bounded(response, url, max_bytes)
            media_type = response.headers.get("content-type", "").split(";")[0].strip()
            return Fetched(url, str(response.url), response.status_code, content, media_type)
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from exc
    finally:
        if own:
            client.close()


def _read_bounded(response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {declared} bytes exceeds the limit of {max_bytes}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: more than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)

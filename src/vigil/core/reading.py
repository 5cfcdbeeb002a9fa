"""From captured bytes to the working text: decoding, HTML main-text extraction, language."""
from __future__ import annotations

from dataclasses import dataclass

from vigil.core.text import detect_language

HTML_TYPES = ("text/html", "application/xhtml+xml")


class UnreadableDocument(ValueError):
    """The bytes cannot be turned into text; the message names the origin."""


@dataclass(frozen=True)
class ReadText:
    text: str
    title: str
    language: str
    media_type: str


def media_type_of(name: str, content: bytes) -> str:
    lowered = name.lower()
    head = content[:512].lstrip().lower()
    if lowered.endswith((".html", ".htm", ".xhtml")) or head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "text/plain"


def decode(content: bytes, origin: str) -> str:
    for encoding in ("utf-8-sig", "utf-16") if content[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError as exc:
            error = exc
    raise UnreadableDocument(f"{origin}: not valid UTF-8 text at byte {error.start}")


def read_text(content: bytes, origin: str, media_type: str | None = None) -> ReadText:
    """Decode ``content`` and, for HTML, extract the main text and title (trafilatura)."""
    media_type = media_type or media_type_of(origin, content)
    raw = decode(content, origin)
    title = ""
    if media_type in HTML_TYPES:
        import trafilatura

        text = trafilatura.extract(raw, include_comments=False, include_tables=True) or ""
        meta = trafilatura.extract_metadata(raw)
        title = (meta.title if meta else "") or ""
    else:
        text = raw
    return ReadText(text=text.strip(), title=title, language=detect_language(text), media_type=media_type)

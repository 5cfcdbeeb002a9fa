"""From captured bytes to the working text: decoding, HTML main-text extraction, language."""
from __future__ import annotations

from dataclasses import dataclass

from vigil.core.text import detect_language

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_PDF_PAGES = 500
#: Longer texts are refused with a clear error (a book-length report is ~1 million characters;
#: extraction of 5 million takes ~20 s): hostile inputs stay bounded in time.
MAX_TEXT_CHARS = 5_000_000


class UnreadableDocument(ValueError):
    """The bytes cannot be turned into text; the message names the origin."""


@dataclass(frozen=True)
class ReadText:
    text: str
    title: str
    language: str
    media_type: str


def media_type_of(name: str, content: bytes) -> str:
    """Guess the media type from the name and the first bytes."""
    lowered = name.lower()
    head = content[:512].lstrip().lower()
    if content.startswith(b"%PDF-") or lowered.endswith(".pdf"):
        return "application/pdf"
    if lowered.endswith(".eml"):
        return "message/rfc822"
    if lowered.endswith((".html", ".htm", ".xhtml")) or head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "text/plain"


def decode(content: bytes, origin: str) -> str:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is a clear error."""
    encoding = "utf-16" if content[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{origin}: not valid {encoding} text at byte {exc.start}") from exc


def read_text(content: bytes, origin: str, media_type: str | None = None) -> ReadText:
    """Decode ``content`` and, for HTML, extract the main text and title (trafilatura)."""
    media_type = media_type or media_type_of(origin, content)
    reader = {"application/pdf": _pdf_text, "message/rfc822": _email_text}.get(media_type)
    if reader is not _pdf_text:
        _check_size(content, origin)
    if reader is None:
        reader = _html_text if media_type in HTML_TYPES else _plain_text
    text, title = reader(content, origin)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(f"{origin}: {len(text):,} characters of text (limit {MAX_TEXT_CHARS:,}); "
                                 "split the document")
    return ReadText(text=text.strip(), title=title, language=detect_language(text), media_type=media_type)


def _plain_text(content: bytes, origin: str) -> tuple[str, str]:
    return decode(content, origin), ""


def _check_size(content: bytes, origin: str) -> None:
    """Text, HTML or e-mail over 4 bytes per allowed character is refused before parsing."""
    if len(content) > 4 * MAX_TEXT_CHARS:
        raise UnreadableDocument(f"{origin}: {len(content):,} bytes of text (limit {MAX_TEXT_CHARS:,} characters); "
                                 "split the document")


# trafilatura drops non-printable characters, ZWNJ among them, which Persian words need
# («شده‌اند»): it is swapped for a printable placeholder absent from the page and back.
_ZWNJ = "\u200c"
_PLACEHOLDERS = ("\u2e4e", "\u2e4d", "\u2e3b", "\u2e3a")


def _html_text(content: bytes, origin: str) -> tuple[str, str]:
    """Main text and title of an HTML page (trafilatura); scripts and markup are dropped."""
    import trafilatura

    raw = decode(content, origin)
    placeholder = next((p for p in _PLACEHOLDERS if p not in raw), None)
    if placeholder:
        raw = raw.replace(_ZWNJ, placeholder)
    doc = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True, fast=True,
                                      with_metadata=True)
    text, title = (doc.text or "", doc.title or "") if doc is not None else ("", "")
    if placeholder:
        text, title = text.replace(placeholder, _ZWNJ), title.replace(placeholder, _ZWNJ)
    return text, title


def _pdf_text(content: bytes, origin: str) -> tuple[str, str]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UnreadableDocument(f"{origin}: PDF has {len(reader.pages)} pages (limit {MAX_PDF_PAGES})")
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
        title = (reader.metadata.title if reader.metadata else "") or ""
    except UnreadableDocument:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            AssertionError, OSError) as exc:  # pypdf raises all of these on broken files
        raise UnreadableDocument(f"{origin}: unreadable PDF ({type(exc).__name__}: {exc})") from exc
    return text, str(title)


def _email_text(content: bytes, origin: str) -> tuple[str, str]:
    """Subject and body of an e-mail; an HTML-only body goes through the HTML reader."""
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(content)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", str(message.get("subject", ""))
    payload = body.get_content()
    if body.get_content_type() == "text/html":
        payload, _ = _html_text(payload.encode("utf-8"), origin)
    return payload, str(message.get("subject", ""))

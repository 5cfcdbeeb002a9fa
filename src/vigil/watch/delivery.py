"""Sending alerts: e-mail through Django's SMTP backend, and signed webhooks through httpx.

A webhook body is JSON; its signature is ``sha256=<hex HMAC-SHA256 of the body bytes with
the subscription's secret>`` in the ``X-Vigil-Signature`` header (the GitHub convention), so
a receiver recomputes it over the raw body and compares in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass

import httpx
from django.conf import settings
from django.core.mail import EmailMessage

SIGNATURE_HEADER = "X-Vigil-Signature"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
RETRIES = 3
BACKOFF = 0.5


@dataclass
class Delivery:
    """The result of one delivery: ok, how many attempts, and what each attempt returned."""

    ok: bool
    attempts: int
    log: list[str]

    @property
    def response(self) -> str:
        return "\n".join(self.log)


def signature(body: bytes, secret: str) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of the exact body bytes with the secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """True when ``header`` is the signature of ``body`` (for receivers and tests)."""
    return hmac.compare_digest(signature(body, secret), header or "")


def encode(payload: dict) -> bytes:
    """The canonical JSON body of a payload (UTF-8, sorted keys)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def send_email(subject: str, body: str, to: str) -> Delivery:
    """One e-mail through the configured backend (SMTP: VIGIL_SMTP_HOST/PORT/USER/PASSWORD/FROM)."""
    try:
        sent = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - any transport error is the recorded result
        return Delivery(False, 1, [f"error: {type(exc).__name__}: {exc}"])
    return Delivery(bool(sent), 1, ["250 accepted" if sent else "not sent"])


def post_webhook(url: str, body: bytes, secret: str, *, retries: int = RETRIES, backoff: float = BACKOFF) -> Delivery:
    """POST a signed body; retry on connection errors and 5xx/429 answers (not on other 4xx)."""
    headers = {"Content-Type": "application/json; charset=utf-8", SIGNATURE_HEADER: signature(body, secret),
               "User-Agent": "Vigil-alerts/1"}
    log: list[str] = []
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client:
        for attempt in range(1, retries + 1):
            try:
                answer = client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                log.append(f"attempt {attempt}: {type(exc).__name__}: {exc}")
            else:
                log.append(f"attempt {attempt}: HTTP {answer.status_code}")
                if answer.is_success:
                    return Delivery(True, attempt, log)
                if answer.status_code < 500 and answer.status_code != 429:
                    return Delivery(False, attempt, log)
            if attempt < retries:
                time.sleep(backoff * 2 ** (attempt - 1))
    return Delivery(False, retries, log)

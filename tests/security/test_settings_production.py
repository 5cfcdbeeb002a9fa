"""Production settings: check --deploy clean, a required secret key, security headers."""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.security.conftest import sqlite_pass_only

pytestmark = sqlite_pass_only

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def _env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"VIGIL_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "vigil.site.settings_production",
                "VIGIL_SECRET_KEY": secrets.token_urlsafe(64), "VIGIL_ALLOWED_HOSTS": "testserver", **extra})
    return env


def test_check_deploy_reports_no_issues(tmp_path):
    done = subprocess.run([str(Path(PY).with_name("django-admin")), "check", "--deploy", "--fail-level", "WARNING",
                           "--settings=vigil.site.settings_production"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_secret_key_is_required(tmp_path):
    for bad in ("", "short", "a" * 80):
        done = subprocess.run([PY, "-c", "import django; django.setup()"], env=_env(tmp_path, VIGIL_SECRET_KEY=bad),
                              capture_output=True, text=True, timeout=60)
        assert done.returncode != 0
        assert "VIGIL_SECRET_KEY must be set" in done.stderr


PROBE = r"""
import django
django.setup()
from django.test import Client
c = Client()
plain = c.get("/accounts/login/")
print("REDIRECT", plain.status_code, plain.headers.get("Location"))
r = c.get("/accounts/login/", secure=True)
print("STATUS", r.status_code)
for name in ("Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
             "Referrer-Policy", "Cross-Origin-Opener-Policy"):
    print("H", name, "=", r.headers.get(name))
print("COOKIE", r.cookies["csrftoken"]["secure"], r.cookies["csrftoken"]["samesite"])
from django.conf import settings
print("DEBUG", settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.PASSWORD_HASHERS[0])
"""


def test_production_responses_carry_security_headers(tmp_path):
    done = subprocess.run([PY, "-c", PROBE], env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "REDIRECT 301 https://testserver/accounts/login/" in out
    assert "STATUS 200" in out
    headers = dict(line[2:].split(" = ", 1) for line in out.splitlines() if line.startswith("H "))
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "COOKIE True Lax" in out
    assert "DEBUG False True django.contrib.auth.hashers.Argon2PasswordHasher" in out


def test_ssl_redirect_can_be_left_to_a_proxy(tmp_path):
    done = subprocess.run([PY, "-c", PROBE], env=_env(tmp_path, VIGIL_SSL_REDIRECT="0"), capture_output=True,
                          text=True, timeout=120)
    assert "REDIRECT 200 None" in done.stdout, done.stderr

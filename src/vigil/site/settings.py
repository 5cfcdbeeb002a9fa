"""Django settings for Vigil. Everything deployment-specific comes from the environment."""
from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from vigil.site.config import database_url, vigil_home

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = os.environ.get("VIGIL_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("VIGIL_SECRET_KEY") or "insecure-development-key-change-me"
ALLOWED_HOSTS = [h for h in os.environ.get("VIGIL_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "vigil.accounts",
    "vigil.records",
    "vigil.ingest",
    "vigil.review",
    "vigil.publish",
    "vigil.statistics",
    "vigil.watch",
    "vigil.api",
    "vigil.workspace",
]

MIDDLEWARE = [
    "vigil.publish.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vigil.publish.middleware.FrontCacheMiddleware",  # VIGIL_FRONT_CACHE=0 leaves it out (benchmarks)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "vigil.publish.middleware.QueryLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

if os.environ.get("VIGIL_FRONT_CACHE", "1") == "0":
    MIDDLEWARE.remove("vigil.publish.middleware.FrontCacheMiddleware")

ROOT_URLCONF = "vigil.site.urls"
WSGI_APPLICATION = "vigil.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]


def _database() -> dict:
    config = dj_database_url.parse(database_url(), conn_max_age=60)
    if config["ENGINE"].endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    return config


DATABASES = {"default": _database()}
# "publish": rendered public pages and aggregates, shared by all server processes (vigil.publish.cache).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "publish": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": str(vigil_home() / "cache" / "publish"), "OPTIONS": {"MAX_ENTRIES": 5000}}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fa", "فارسی")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("VIGIL_STATIC_ROOT") or vigil_home() / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: browsers send "Origin: null" on form posts under no-referrer, which
# fails the CSRF check; same-origin still sends nothing to other sites.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LOGIN_URL = "/accounts/login/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("VIGIL_LOG_LEVEL", "WARNING")},
}

# Alerts (vigil.watch): Django's SMTP backend, configured from the environment.
EMAIL_HOST = os.environ.get("VIGIL_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("VIGIL_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("VIGIL_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("VIGIL_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("VIGIL_SMTP_TLS", "") == "1"
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = os.environ.get("VIGIL_SMTP_FROM", "vigil@localhost")

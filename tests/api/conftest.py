from tests.webapp_fixtures import _fast_hasher, _fresh_cache, people, site, tokens  # noqa: F401

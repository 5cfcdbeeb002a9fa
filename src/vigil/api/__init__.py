"""The JSON API: a read API over published records (more with a token) and a
token-authenticated write API for ingestion and review. See docs/api.md."""

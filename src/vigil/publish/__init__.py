"""Publishing: the public site, API and feeds (read-only views over published records)."""

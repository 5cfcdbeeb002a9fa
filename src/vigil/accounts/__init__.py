"""Accounts and roles: viewer, researcher, reviewer, administrator."""

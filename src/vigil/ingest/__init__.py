"""Ingestion: capturing reports and other organisations' lists into the case database."""

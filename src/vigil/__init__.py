"""Vigil: documenting executions and the death penalty."""

__version__ = "0.1.0"

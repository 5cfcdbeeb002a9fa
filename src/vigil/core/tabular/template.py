"""Column templates such as ``"{First Name} {Last Name}"``.

A template is literal text with ``{Column name}`` placeholders; ``{{`` and ``}}`` stand for
literal braces. A template without placeholders is a constant. Column names may contain
any character except braces (``{Number / Race / Sex of Victims}`` is fine).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


@dataclass(frozen=True)
class Template:
    """A parsed template: literal strings and column references, in order."""

    text: str
    parts: tuple[str | tuple[str], ...]
    columns: tuple[str, ...] = ()  # the column names referred to, in order of appearance

    def __post_init__(self) -> None:
        cols = tuple(p[0] for p in self.parts if isinstance(p, tuple))
        object.__setattr__(self, "columns", cols)

    @property
    def is_constant(self) -> bool:
        return not self.columns

    def render(self, values: dict[str, str]) -> str:
        """Fill in the template with trimmed cell values; empty when every column is empty.

        Missing columns count as empty. The result is trimmed at both ends; inner
        spacing of the cells themselves is kept as written.
        """
        if len(self.parts) == 1:
            part = self.parts[0]
            return part.strip() if isinstance(part, str) else (values.get(part[0]) or "").strip()
        if self.columns and not any((values.get(c) or "").strip() for c in self.columns):
            return ""
        out = [p if isinstance(p, str) else (values.get(p[0]) or "").strip() for p in self.parts]
        return "".join(out).strip()


def parse_template(text: str) -> Template:
    """Parse ``text``; raise ``ValueError`` with a short reason when it is malformed."""
    parts: list[str | tuple[str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        tok = m.group(0)
        if tok in ("{{", "}}"):
            parts.append(tok[0])
        elif tok in ("{", "}"):
            raise ValueError(f"unmatched '{tok}' at position {m.start()} (write '{tok * 2}' for a literal brace)")
        else:
            name = m.group(1)
            if not name.strip():
                raise ValueError("empty placeholder '{}'")
            parts.append((name,))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return Template(text, tuple(parts))

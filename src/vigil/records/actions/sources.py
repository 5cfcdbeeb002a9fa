"""Actions on sources."""
from __future__ import annotations

from django.db import transaction

from vigil.records import vocab
from vigil.records.actions.audit import Actor, audit
from vigil.records.models import Source

_KINDS = {k for k, _ in vocab.SOURCE_KINDS}


@transaction.atomic
def ensure_source(name: str, actor: Actor, *, kind: str = "other", **fields) -> Source:
    """Return the source called ``name``, creating it (audited) if it does not exist."""
    name = name.strip()
    if not name:
        raise ValueError("a source needs a name")
    if kind not in _KINDS:
        raise ValueError(f"unknown source kind {kind!r}; expected one of {sorted(_KINDS)}")
    source = Source.objects.filter(name=name).first()
    if source is None:
        source = Source.objects.create(name=name, kind=kind, **fields)
        audit("source.create", actor, source, kind=kind)
    return source

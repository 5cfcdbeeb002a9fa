"""Candidate duplicates of a name being entered: same cross-script name key, or shared word keys."""
from __future__ import annotations

from django.db.models import Q

from vigil.core.names import token_keys
from vigil.records.models import PersonName
from vigil.records.naming import name_key

MIN_SCORE = 0.5


def _overlap(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(len(sa), len(sb)) if sa and sb else 0.0


def _core(token: str) -> str:
    """The part of a word key found inside a whole-name key (later words lose a leading 'a')."""
    return token[1:] if token.startswith("a") and len(token) > 1 else token


def score_persons(name: str, limit: int = 10) -> list[tuple[int, float, str]]:
    """``[(person pk, score, 'exact'|'words')]``, best first: 1.0 for the same name key,
    else the share of word keys in common (at least MIN_SCORE)."""
    key, tokens = name_key(name), token_keys(name)
    if not key:
        return []
    scores: dict[int, tuple[float, str]] = {pk: (1.0, "exact") for pk in
                                           PersonName.objects.filter(key=key).values_list("person_id", flat=True)[:100]}
    partial = Q()
    for token in tokens:
        if len(_core(token)) >= 3:
            partial |= Q(key__contains=_core(token))
    if partial:
        for pk, other in PersonName.objects.filter(partial).values_list("person_id", "name")[:1000]:
            score = _overlap(tokens, token_keys(other))
            if score >= MIN_SCORE and score > scores.get(pk, (0.0, ""))[0]:
                scores[pk] = (score, "words")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(pk, round(score, 3), how) for pk, (score, how) in ranked]


def candidates(name: str, limit: int = 10) -> list[dict]:
    """Candidate persons as JSON-ready dicts (id, names, published, latest event, score)."""
    from vigil.records.models import Person

    ranked = score_persons(name, limit)
    persons = Person.objects.in_bulk([pk for pk, _, _ in ranked])
    out = []
    for pk, score, how in ranked:
        person = persons[pk]
        case = person.cases.first()
        event = case.events.last() if case else None
        out.append({"id": person.public_id, "name_latin": person.name_latin, "name_fa": person.name_fa,
                    "published": person.published, "score": score, "match": how,
                    "status": event.status if event else "", "date": event.date if event else "",
                    "prison": event.prison if event else "", "url": f"/workspace/persons/{person.public_id}/"})
    return out

"""Ties generic group actors ("rebels", "civilians") to the country the text names for them."""
from __future__ import annotations

from core.actors.scan import Candidate
from core.actors.table import AliasTable


def qualified_id(group_id: str, country_id: str) -> str:
    return f"{group_id}-{country_id}"


def qualify_groups(cands: list[Candidate], table: AliasTable) -> None:
    """ "Yemeni rebels … the rebels" become one actor, Rebels (Yemen), apart from Syria's rebels.

    Without this every article's "rebels" would share one row across the corpus. A mention the text
    qualifies ("Yemeni rebels", "the Syrian opposition") names its country; a bare mention takes the
    country of the article's qualified mentions of the same group when they name only one. Bare
    mentions in an article that qualifies none, or several, stay generic: guessing would be worse."""
    countries_of: dict[str, set[str]] = {}
    for c in cands:
        if c.qualifier and _is_group(c.actor_id, table):
            countries_of.setdefault(c.actor_id, set()).add(c.qualifier)
    for c in cands:
        if not _is_group(c.actor_id, table):
            continue
        country = c.qualifier or _only(countries_of.get(c.actor_id, ()))
        if country is None or table.actor(country) is None:
            continue
        group = table.actor(c.actor_id)
        c.name = f"{group.name} ({table.actor(country).name})"
        c.kind = group.kind
        c.actor_id = qualified_id(c.actor_id, country)


def _is_group(actor_id: str, table: AliasTable) -> bool:
    actor = table.actor(actor_id)
    return actor is not None and actor.kind == "group"


def _only(values) -> str | None:
    values = set(values)
    return values.pop() if len(values) == 1 else None

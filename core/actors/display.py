"""Human-readable labels for actors: kind names and "person · Turkey" captions for the GUI."""
from __future__ import annotations

from core.model import Actor

KIND_LABELS = {
    "country": "Country / government",
    "international-organisation": "International organisation",
    "organisation": "Organisation",
    "armed-group": "Armed group",
    "party": "Political party",
    "company": "Company",
    "person": "Person",
    "media": "Media",
    "group": "Group",
    "other": "Other",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


def describe_actor(actor: Actor, actors: dict[str, Actor] | None = None) -> str:
    """ "Person · Turkey" — the actor's kind and, when known, the name of what it speaks for.

    `actors` (id -> Actor) names the affiliation; the bundled alias table is used when it is missing.
    """
    label = kind_label(actor.kind)
    if not actor.affiliation:
        return label
    owner = (actors or {}).get(actor.affiliation)
    if owner is None:
        from core.actors.table import load_alias_table

        owner = load_alias_table().actor(actor.affiliation)
    return f"{label} · {owner.name if owner else actor.affiliation}"

"""Which actor an id stands for under the user's corrections: merges, automatic surname joins, names, folding."""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from core.analysis.corrections import Corrections
from core.analysis.schema import GROUPINGS
from core.model import Actor


class ActorResolver:
    """Answers actor questions for one corrections state, memoised (the answers never change in a state).

    `people`: the first-seen actor per raw id over the article set; `auto_merges`: the automatic joins
    made by the analysis (surname -> full name), which a user's own merge of the same id overrides.
    """

    def __init__(self, corrections: Corrections, people: Mapping[str, Actor], auto_merges: Mapping[str, str]):
        self.corrections = corrections
        self.people = people
        self.auto_merges = auto_merges
        self._canonical: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._registry: dict[str, Actor] | None = None

    def canonical(self, actor_id: str | None) -> str | None:
        """The actor an id now stands for: the user's merges first, then automatic surname joins."""
        if not isinstance(actor_id, str):  # None, or NaN from a pandas column
            return self.corrections.canonical(actor_id)
        try:
            return self._canonical[actor_id]
        except KeyError:
            pass
        result = self.corrections.canonical(actor_id)
        if result in self.auto_merges and result not in self.corrections.actor_merges:
            result = self.corrections.canonical(self.auto_merges[result])
        self._canonical[actor_id] = result
        return result

    def registry(self) -> dict[str, Actor]:
        """Every canonical actor id (after merges) -> Actor with the user's name applied."""
        if self._registry is None:
            merged: dict[str, Actor] = {}
            for actor_id, actor in self.people.items():
                target = self.canonical(actor_id)
                merged.setdefault(target, self.people.get(target, actor))  # type: ignore[arg-type]
            for actor_id, name in self.corrections.actor_names.items():
                if actor_id in merged:
                    merged[actor_id] = replace(merged[actor_id], name=name)
            self._registry = merged
        return self._registry

    def name(self, actor_id: str | None) -> str:
        if not isinstance(actor_id, str):
            return ""
        if actor_id not in self._names:
            actor = self.registry().get(self.canonical(actor_id) or "")
            self._names[actor_id] = actor.name if actor else actor_id
        return self._names[actor_id]

    def visible(self, actor_id: str | None) -> bool:
        return isinstance(actor_id, str) and self.canonical(actor_id) not in self.corrections.hidden_actors

    def stance_holder(self, actor_id: str | None, group_by: str = "none") -> str | None:
        """The row a statement counts under: the actor itself, or (grouping by government, party or
        organisation) the first body of that kind the text ties a person to."""
        if not isinstance(actor_id, str):  # None, or NaN from a pandas column
            return None
        actor_id = self.canonical(actor_id)
        kinds = GROUPINGS.get(group_by, ())
        if kinds:
            registry = self.registry()
            actor = registry.get(actor_id)  # type: ignore[arg-type]
            if actor is not None and actor.kind == "person":
                for body in actor.memberships or ((actor.affiliation,) if actor.affiliation else ()):
                    group = self.canonical(body)
                    found = registry.get(group)  # type: ignore[arg-type]
                    if found is not None and found.kind in kinds:
                        return group
        return actor_id

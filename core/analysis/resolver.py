"""Which actor an id stands for under the user's corrections: merges, automatic surname joins, names, folding."""
from __future__ import annotations

import weakref
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

    def __init__(self, corrections: Corrections, people: Mapping[str, Actor], auto_merges: Mapping[str, str],
                 previous: "ActorResolver | None" = None):
        self.corrections = corrections
        self.people = people
        self.auto_merges = auto_merges
        self._canonical: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._registry: dict[str, Actor] | None = None
        self._merged: dict[str, Actor] | None = None  # the registry before the user's names
        self._members: dict[str, list[str]] | None = None
        # When only names differ from `previous` (same article set, merges and hidden actors): the
        # canonical ids whose name changed, and what does not depend on names is taken over from it.
        self.previous: weakref.ref | None = None  # weak: a chain of states must not keep every resolver
        # what the tables built in this resolver's state left for a state derived from it: (raw, columns)
        self.statement_state: tuple | None = None
        self.event_actors: tuple | None = None
        self.matrices: tuple | None = None  # (raw, {stance_matrix key: matrix})
        self.renamed: frozenset[str] | None = None
        if (previous is not None and previous.people is people and previous.auto_merges is auto_merges
                and previous.corrections.actor_merges == corrections.actor_merges
                and previous.corrections.hidden_actors == corrections.hidden_actors):
            self._take_over(previous)

    def _take_over(self, previous: "ActorResolver") -> None:
        before, after = previous.corrections.actor_names, self.corrections.actor_names
        renamed = frozenset(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        self.previous, self.renamed = weakref.ref(previous), renamed
        self._canonical = dict(previous._canonical)
        self._merged, self._members = previous._merged, previous._members
        self._names = {x: n for x, n in previous._names.items() if self._canonical.get(x, x) not in renamed}

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

    def derived_from(self, other: "ActorResolver") -> bool:
        """Whether this resolver differs from `other` only in the names of `renamed`."""
        return self.previous is not None and self.previous() is other

    def registry(self) -> dict[str, Actor]:
        """Every canonical actor id (after merges) -> Actor with the user's name applied."""
        if self._registry is None:
            if self._merged is None:
                merged: dict[str, Actor] = {}
                for actor_id, actor in self.people.items():
                    target = self.canonical(actor_id)
                    merged.setdefault(target, self.people.get(target, actor))  # type: ignore[arg-type]
                self._merged = merged
            registry = dict(self._merged)
            for actor_id, name in self.corrections.actor_names.items():
                if actor_id in registry:
                    registry[actor_id] = replace(registry[actor_id], name=name)
            self._registry = registry
        return self._registry

    def members(self) -> dict[str, list[str]]:
        """Canonical id -> the raw ids that stand for it (shared by states that differ only in names)."""
        if self._members is None:
            members: dict[str, list[str]] = {}
            for actor_id in self.people:
                members.setdefault(self.canonical(actor_id), []).append(actor_id)  # type: ignore[arg-type]
            self._members = members
        return self._members

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

"""The user's corrections as data: stored with the project and re-applied after every (re-)analysis."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping


def _frozen(mapping: Mapping | None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Corrections:
    """Every kind of correction, keyed by stable ids (article id, actor id, statement/event id)."""

    published: Mapping[str, str] = field(default_factory=lambda: _frozen({}))  # article id -> ISO date
    actor_names: Mapping[str, str] = field(default_factory=lambda: _frozen({}))  # actor id -> display name
    actor_merges: Mapping[str, str] = field(default_factory=lambda: _frozen({}))  # actor id -> merged into id
    hidden_actors: frozenset[str] = frozenset()
    # statement id -> "support" | "oppose" | "neutral" | "rejected"
    polarity: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    # statement id -> new topic/target label
    targets: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    # event id -> ISO date typed by the user, or "" for "this date is wrong, treat as undated"
    event_dates: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    # issue key -> the label the user gave it; issue key -> the issue it was merged into
    issue_names: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    issue_merges: Mapping[str, str] = field(default_factory=lambda: _frozen({}))

    def with_entry(self, name: str, key: str, value: str | None) -> "Corrections":
        """A copy with one mapping entry set (or removed when value is None)."""
        updated = dict(getattr(self, name))
        if value is None:
            updated.pop(key, None)
        else:
            updated[key] = value
        return replace(self, **{name: _frozen(updated)})

    def with_hidden(self, actor_id: str, hidden: bool) -> "Corrections":
        hidden_set = set(self.hidden_actors)
        (hidden_set.add if hidden else hidden_set.discard)(actor_id)
        return replace(self, hidden_actors=frozenset(hidden_set))

    def canonical(self, actor_id: str | None) -> str | None:
        """Follow merges to the actor an id now stands for (merges may chain)."""
        seen = set()
        while actor_id in self.actor_merges and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.actor_merges[actor_id]
        return actor_id

    def as_dict(self) -> dict:
        return {
            "published": dict(self.published),
            "actor_names": dict(self.actor_names),
            "actor_merges": dict(self.actor_merges),
            "hidden_actors": sorted(self.hidden_actors),
            "polarity": dict(self.polarity),
            "targets": dict(self.targets),
            "event_dates": dict(self.event_dates),
            "issue_names": dict(self.issue_names),
            "issue_merges": dict(self.issue_merges),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "Corrections":
        def mapping(key: str) -> Mapping[str, str]:
            raw = data.get(key) or {}
            return _frozen({str(k): str(v) for k, v in raw.items()} if isinstance(raw, Mapping) else {})

        hidden = data.get("hidden_actors") or []
        return cls(
            published=mapping("published"),
            actor_names=mapping("actor_names"),
            actor_merges=mapping("actor_merges"),
            hidden_actors=frozenset(str(h) for h in hidden) if isinstance(hidden, list) else frozenset(),
            polarity=mapping("polarity"),
            targets=mapping("targets"),
            event_dates=mapping("event_dates"),
            issue_names=mapping("issue_names"),
            issue_merges=mapping("issue_merges"),
        )

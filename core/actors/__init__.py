"""Actors: finds who is named in an article and maps each mention to one canonical actor.

Public API: `load_alias_table`, `find_actors`, `AliasTable`; `describe_actor`/`kind_label` for
showing an actor's kind and affiliation; `add_user_alias` for writing the user's alias CSV.
"""
from core.actors.display import KIND_LABELS, describe_actor, kind_label
from core.actors.resolve import find_actors
from core.actors.table import AliasTable, add_user_alias, load_alias_table, slugify

__all__ = ["AliasTable", "KIND_LABELS", "add_user_alias", "describe_actor", "find_actors", "kind_label",
           "load_alias_table", "slugify"]

"""The alias table: every known way of naming an actor, built from pycountry plus editable CSVs."""
from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from core.actors.lexicon import lexicon
from core.model import Actor
from core.resources import resource_path

log = logging.getLogger(__name__)

# Word pieces the matcher compares: dotted acronyms ("U.S."), runs of word characters, single symbols.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+|[^\w\s]")
# Actor id that the resolver replaces by the article's main government ("the army", "government forces").
STATE_FOCUS = "@state"
# Actor id that the resolver replaces by the nearest country before it in the sentence ("its army").
STATE_NEAR = "@near"
BLOCKED = "-"
ALIAS_COLUMNS = ("alias", "actor_id", "name", "kind", "affiliation", "via")


def slugify(text: str) -> str:
    """Stable actor id from a name: ASCII, lower case, hyphen separated ("Bashar al-Assad" -> "bashar-al-assad")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def normalise_token(token: str) -> str:
    return token.replace("’", "'").replace("‘", "'")


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(normalise_token(m.group()) for m in TOKEN_RE.finditer(text))


@dataclass(frozen=True)
class AliasEntry:
    """One way of naming one actor, and how it names it (name, alias, nationality, capital, group)."""

    alias: str
    actor_id: str
    via: str = "alias"
    # A capital city names the government only outside locative phrases ("in Damascus" is a place).
    locative_sensitive: bool = False


@dataclass
class AliasTable:
    """Aliases keyed by their token sequence, plus the canonical actors they point to.

    Aliases with an upper-case letter match case-sensitively ("US" is not "us"); all-lower-case
    aliases ("rebels", "the displaced") match in any capitalisation.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    exact: dict[tuple[str, ...], AliasEntry] = field(default_factory=dict)
    folded: dict[tuple[str, ...], AliasEntry] = field(default_factory=dict)
    titles: frozenset[tuple[str, ...]] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    # Lower-case noun phrase -> "state" or the id of a group actor ("opposition" -> "opposition").
    state_nouns: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_len: int = 1
    # Never actors by themselves: provinces/states (pycountry subdivisions, ASCII-folded) and
    # currency codes ("USD"), which NER likes to call organisations.
    not_actors: frozenset[str] = frozenset()
    # One-word names that are also US states or given names ("Georgia", "Jordan").
    ambiguous: frozenset[str] = frozenset()
    # First word -> longest alias starting with it, so most words cost one dict look-up.
    first_words: dict[str, int] = field(default_factory=dict)
    _surnames: dict[str, str] | None = field(default=None, repr=False)

    def add_actor(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        self._surnames = None

    def add_alias(self, alias: str, entry: AliasEntry) -> None:
        alias = alias.strip()
        if any(ch.isupper() for ch in alias) and alias.lower().startswith("the "):
            # Proper names match without their article; the mention is the name itself.
            alias = alias[4:]
        toks = tokens_of(alias)
        if not toks:
            return
        if any(ch.isupper() for ch in alias):
            self.exact[toks] = entry
        else:
            self.folded[tuple(t.lower() for t in toks)] = entry
        self.max_len = max(self.max_len, len(toks))
        first = toks[0].lower()
        self.first_words[first] = max(self.first_words.get(first, 0), len(toks))

    def lookup(self, toks: tuple[str, ...]) -> AliasEntry | None:
        entry = self.exact.get(toks)
        if entry is None:
            entry = self.folded.get(tuple(t.lower() for t in toks))
        return entry

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def surname_index(self) -> dict[str, str]:
        """Surname -> person id for table people whose surname is unambiguous ("Lavrov")."""
        if self._surnames is not None:
            return self._surnames
        index: dict[str, set[str]] = {}
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            key = surname_key(actor.name)
            if key:
                index.setdefault(key, set()).add(actor.id)
        self._surnames = {k: next(iter(v)) for k, v in index.items() if len(v) == 1}
        return self._surnames


_PARTICLE_RE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)[-\s]", re.IGNORECASE)


def surname_key(name: str) -> str:
    """The last name without Arabic article: "Bashar al-Assad" -> "assad"."""
    words = name.replace("’", "'").split()
    if not words:
        return ""
    last = _PARTICLE_RE.sub("", words[-1])
    return slugify(last)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


def _words(path: Path, column: str) -> list[str]:
    return [row[column].lower() for row in _read_csv(path) if row.get(column)]


def _add_countries(table: AliasTable) -> None:
    import pycountry

    curated = {row["code"]: row for row in _read_csv(resource_path("actors", "countries.csv"))}
    for country in pycountry.countries:
        row = curated.get(country.alpha_2, {})
        name = row.get("name") or getattr(country, "common_name", None) or country.name
        if "," in name:  # "Korea, Republic of" style names are not how news names a country
            continue
        actor_id = slugify(name)
        table.add_actor(Actor(actor_id, name, "country"))
        names = {name, country.name, getattr(country, "common_name", "") or "",
                 getattr(country, "official_name", "") or ""}
        for alias in names:
            if alias and "," not in alias:
                table.add_alias(alias, AliasEntry(alias, actor_id, "name"))
        for alias in filter(None, row.get("aliases", "").split("|")):
            if alias not in names:  # an ISO name stays a name even when the curated list repeats it
                table.add_alias(alias, AliasEntry(alias, actor_id, "alias"))
        for alias in filter(None, row.get("demonyms", "").split("|")):
            table.add_alias(alias, AliasEntry(alias, actor_id, "nationality"))
        for alias in filter(None, row.get("capitals", "").split("|")):
            table.add_alias(alias, AliasEntry(alias, actor_id, "capital", locative_sensitive=True))
        for alias in filter(None, row.get("seats", "").split("|")):
            table.add_alias(alias, AliasEntry(alias, actor_id, "capital"))


def _not_actor_names() -> frozenset[str]:
    import pycountry

    names = {c.alpha_3 for c in pycountry.currencies}
    for sub in pycountry.subdivisions:
        folded = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode("ascii")
        names.add(folded)
    return frozenset(names)


def _add_alias_rows(table: AliasTable, path: Path) -> None:
    for row in _read_csv(path):
        alias = row.get("alias", "")
        actor_id = row.get("actor_id", "")
        if not alias:
            continue
        if not actor_id or actor_id == BLOCKED:
            table.add_alias(alias, AliasEntry(alias, BLOCKED, "alias"))
            continue
        known = table.actors.get(actor_id)
        name = row.get("name") or (known.name if known else alias)
        kind = row.get("kind") or (known.kind if known else "other")
        affiliation = row.get("affiliation") or (known.affiliation if known else None) or None
        table.add_actor(Actor(actor_id, name, kind, affiliation))
        via = row.get("via") or "alias"
        table.add_alias(alias, AliasEntry(alias, actor_id, via, locative_sensitive=via == "capital"))


# Bare references to a government; the resolver picks the article's main government for them.
_FOCUS_PHRASES = tuple(lexicon()["focus_phrases"])
_NEAR_NOUNS = tuple(lexicon()["near_nouns"])


def _add_state_phrases(table: AliasTable) -> None:
    """ "the army" -> the article's main government; "its army"/"whose army" -> the country just named."""
    for phrase in _FOCUS_PHRASES:
        table.add_alias(phrase, AliasEntry(phrase, STATE_FOCUS, "alias"))
    for noun in _NEAR_NOUNS:
        for owner in ("its", "whose"):
            phrase = f"{owner} {noun}"
            table.add_alias(phrase, AliasEntry(phrase, STATE_NEAR, "alias"))


def _add_party_adjectives(table: AliasTable) -> None:
    """ "Republican nominee X", "Labour MP X": a party's adjective works as a nationality word does for a
    country. Derived from the party's own names ("X Party" -> "X"; a member plural "Xs" -> "X")."""
    forms: dict[str, str] = {}
    for toks, entry in list(table.exact.items()):
        actor = table.actors.get(entry.actor_id)
        if actor is None or actor.kind != "party":
            continue
        if len(toks) == 2 and toks[1] == "Party" and " ".join(toks) == actor.name:
            forms.setdefault(toks[0], actor.id)
        elif len(toks) == 1 and entry.via == "alias" and toks[0].endswith("s") and toks[0][:1].isupper():
            forms.setdefault(toks[0][:-1], actor.id)
    for form, actor_id in forms.items():
        if table.lookup((form,)) is None:
            table.add_alias(form, AliasEntry(form, actor_id, "nationality"))


def build_table(user_table: Path | None = None) -> AliasTable:
    table = AliasTable()
    table.titles = frozenset(tokens_of(t) for t in _words(resource_path("actors", "titles.csv"), "title"))
    table.title_modifiers = frozenset(_words(resource_path("actors", "title_modifiers.csv"), "word"))
    for row in _read_csv(resource_path("actors", "state_nouns.csv")):
        role = row["role"]
        table.state_nouns[tokens_of(row["word"].lower())] = "state" if role == "state" else role.split(":", 1)[1]
    _add_countries(table)
    table.not_actors = _not_actor_names()
    table.ambiguous = frozenset(row["alias"] for row in _read_csv(resource_path("actors", "ambiguous.csv")))
    _add_state_phrases(table)
    _add_alias_rows(table, resource_path("actors", "aliases.csv"))
    _add_party_adjectives(table)
    if user_table is not None:
        try:
            _add_alias_rows(table, Path(user_table))
        except (OSError, csv.Error, KeyError, UnicodeDecodeError) as exc:
            log.warning("user alias table %s not read: %s", user_table, exc)
    return table


def add_user_alias(path: Path, alias: str, actor_id: str, name: str = "", kind: str = "",
                   affiliation: str = "", via: str = "alias") -> None:
    """Append one row to a user's alias CSV (created with its header if missing).

    For the GUI's "this is also X" / "this is not an actor" actions: pass actor_id "-" to block.
    Re-analysing with `load_alias_table(path)` applies it.
    """
    path = Path(path)
    new = not path.exists() or path.stat().st_size == 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(ALIAS_COLUMNS)
        writer.writerow([alias.strip(), actor_id.strip(), name, kind, affiliation or "", via])


@lru_cache(maxsize=1)
def _default_table() -> AliasTable:
    return build_table()


def load_alias_table(user_table: Path | None = None) -> AliasTable:
    """The bundled alias table (built once per process), extended/overridden by a user CSV.

    The user CSV has the bundled columns (alias, actor_id, name, kind, affiliation, via); a row
    with an empty actor_id or "-" stops that alias from naming any actor.
    """
    if user_table is None:
        return _default_table()
    path = Path(user_table)
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, -1)
    # Cached per file version, so calling this once per article costs nothing after an edit is read.
    return _user_table(str(path.resolve()), stamp)


@lru_cache(maxsize=4)
def _user_table(path: str, stamp: tuple[int, int]) -> AliasTable:
    return build_table(Path(path))

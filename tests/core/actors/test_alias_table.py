"""Tests for the actor alias table: bundled CSVs, pycountry names, user extensions."""
from __future__ import annotations

import csv

import pycountry
import pytest

from core.actors import add_user_alias, find_actors, load_alias_table, slugify
from core.actors.table import build_table, surname_key, tokens_of
from core.resources import resource_path

KINDS = {"country", "organisation", "international-organisation", "armed-group", "party", "company",
         "person", "media", "group", "other"}
VIAS = {"name", "surname", "alias", "nationality", "capital", "title", "group", "pronoun"}


def _rows(name):
    with resource_path("actors", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))


def test_default_table_is_built_once():
    assert load_alias_table() is load_alias_table()


def test_every_actor_is_well_typed_and_affiliations_exist():
    table = load_alias_table()
    for actor in table.actors.values():
        assert actor.kind in KINDS, actor
        assert actor.id == actor.id.strip() and " " not in actor.id, actor
        if actor.affiliation:
            assert actor.affiliation in table.actors, actor


def test_every_alias_row_points_to_a_known_actor_with_a_known_via():
    table = load_alias_table()
    for row in _rows("aliases.csv"):
        assert row["actor_id"] in table.actors or row["actor_id"] in ("", "-"), row
        assert (row["via"] or "alias") in VIAS, row


def test_curated_countries_are_iso_codes_with_unique_names():
    rows = _rows("countries.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["code"]) is not None, row


def test_every_iso_country_with_a_plain_name_is_an_actor():
    table = load_alias_table()
    countries = {a.id for a in table.actors.values() if a.kind == "country"}
    assert len(countries) >= 240
    assert {"turkey", "russia", "syria", "united-states", "iran", "united-kingdom", "south-korea"} <= countries


@pytest.mark.parametrize("alias,actor_id,via", [
    ("U.S.", "united-states", "alias"),
    ("US", "united-states", "alias"),
    ("United States of America", "united-states", "name"),
    ("America", "united-states", "alias"),
    ("UN", "united-nations", "alias"),
    ("U.N.", "united-nations", "alias"),
    ("United Nations", "united-nations", "name"),
    ("Russian Federation", "russia", "name"),
    ("Türkiye", "turkey", "name"),
    ("Syrian Arab Republic", "syria", "name"),
    ("Republic of Korea", "south-korea", "alias"),
    ("Turkish", "turkey", "nationality"),
    ("Syrians", "syria", "nationality"),
    ("Damascus", "syria", "capital"),
    ("Kremlin", "russia", "capital"),
    ("State Department", "united-states", "capital"),
    ("rebels", "rebels", "group"),
    ("Rebels", "rebels", "group"),
    ("the displaced", "displaced-people", "group"),
])
def test_lookup(alias, actor_id, via):
    entry = load_alias_table().lookup(tokens_of(alias))
    assert entry is not None and (entry.actor_id, entry.via) == (actor_id, via)


@pytest.mark.parametrize("text", ["us", "Idlib", "Aleppo", "Sochi", "Send", "the"])
def test_not_aliases(text):
    assert load_alias_table().lookup(tokens_of(text)) is None


def test_capitals_are_read_as_governments_only_outside_place_phrases():
    assert load_alias_table().lookup(("Damascus",)).locative_sensitive
    assert not load_alias_table().lookup(("Kremlin",)).locative_sensitive


def test_user_table_overrides_names_and_adds_people(tmp_path):
    user = tmp_path / "aliases.csv"
    user.write_text("alias,actor_id,name,kind,affiliation,via\n"
                    "# a comment line\n"
                    "Jim Jeffrey,jim-jeffrey,Jim Jeffrey,person,united-states,name\n"
                    "Turkey,turkey,Türkiye,country,,name\n", encoding="utf-8")
    table = load_alias_table(user)
    assert table.actor("jim-jeffrey").affiliation == "united-states"
    assert table.actor("turkey").name == "Türkiye"
    assert load_alias_table().actor("turkey").name == "Turkey"


def test_unreadable_user_table_falls_back_to_the_bundled_one(tmp_path):
    table = load_alias_table(tmp_path / "missing.csv")
    assert table.actor("syria") is not None


def test_build_table_is_deterministic():
    assert build_table().actors == build_table().actors


@pytest.mark.parametrize("name,slug", [
    ("Bashar al-Assad", "bashar-al-assad"),
    ("António Guterres", "antonio-guterres"),
    ("U.S. State Department", "u-s-state-department"),
    ("  Syrian Observatory for Human Rights ", "syrian-observatory-for-human-rights"),
])
def test_slugify(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name,key", [
    ("Bashar al-Assad", "assad"),
    ("Bashar Assad", "assad"),
    ("Assad", "assad"),
    ("Abdel Fattah el-Sisi", "sisi"),
    ("Sergei Lavrov", "lavrov"),
])
def test_surname_key(name, key):
    assert surname_key(name) == key


def test_add_user_alias_round_trips_through_load(tmp_path, blank_nlp):
    path = tmp_path / "user" / "aliases.csv"
    add_user_alias(path, "Tiger Forces", "tiger-forces", "Tiger Forces", "armed-group", "syria", "name")
    add_user_alias(path, "Observatory", "-")
    table = load_alias_table(path)
    _, mentions = find_actors(blank_nlp("The Tiger Forces advanced, the Observatory said."), "u", table)
    assert [(m.text, m.actor_id) for m in mentions] == [("Tiger Forces", "tiger-forces")]
    assert path.read_text(encoding="utf-8").splitlines()[0] == "alias,actor_id,name,kind,affiliation,via"


def test_user_table_is_cached_until_the_file_changes(tmp_path):
    path = tmp_path / "aliases.csv"
    add_user_alias(path, "Tiger Forces", "tiger-forces", "Tiger Forces", "armed-group", "syria", "name")
    first = load_alias_table(path)
    assert load_alias_table(path) is first
    add_user_alias(path, "Qalaat al-Madiq Brigade", "madiq-brigade", "Madiq Brigade", "armed-group")
    second = load_alias_table(path)
    assert second is not first and second.actor("madiq-brigade") is not None

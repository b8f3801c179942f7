"""The `Case` record and the `Builder` that writes hostile input files and records a case for each."""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

SEED = 20240611
# Strings that must never appear in an output: they live only outside every dropped folder.
SECRET_MARKER = "HOSTILE-SECRET-7f3a9c"
PASSWD_MARKER = "root:x:0:0:"
ENV_MARKER_NAME = "HOSTILE_ENV_MARKER"
ENV_MARKER = "HOSTILE-ENV-51e0d2"
LEAK_MARKERS = (SECRET_MARKER, PASSWD_MARKER, ENV_MARKER)


@dataclass(frozen=True)
class Case:
    """One hostile input: what to run it through and what a well-behaved app should do with it.

    `expect` is "result" when the input holds something a robust app could analyse (exit 0),
    "message" when refusing it with a clear, coded message is the right answer.
    """

    name: str
    category: str
    paths: tuple[str, ...]
    command: str = "analyze"  # "analyze", "annotate", or "open" (load a project file, as the GUI does)
    expect: str = "message"
    args: tuple[str, ...] = ()
    note: str = ""


class Builder:
    """Writes each case's files under `root/cases/<name>/` and collects the cases."""

    def __init__(self, root: Path, seed: int = SEED):
        self.root = Path(root)
        self.cases: list[Case] = []
        self.names: set[str] = set()
        self.rng = random.Random(seed)
        self.outside = self.root / "outside"
        self.outside.mkdir(parents=True, exist_ok=True)
        secret = self.outside / "secret.txt"
        if not secret.exists():
            secret.write_text(f"{SECRET_MARKER} This file lies outside every dropped folder.\n", encoding="utf-8")
        self.secret = secret

    def folder(self, name: str) -> Path:
        if name in self.names:
            raise ValueError(f"duplicate case name {name}")
        folder = self.root / "cases" / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def add(self, category: str, name: str, paths, *, command: str = "analyze", expect: str = "message",
            args=(), note: str = "") -> Case:
        case = Case(name, category, tuple(str(p) for p in paths), command, expect, tuple(args), note)
        self.names.add(name)
        self.cases.append(case)
        return case

    def file(self, category: str, name: str, filename: str, data, *, command: str = "analyze",
             expect: str = "message", args=(), note: str = "") -> Case:
        """A case made of one file; `data` is bytes, str (written as UTF-8) or a callable writing to the path."""
        path = self.folder(name) / filename
        write(path, data)
        return self.add(category, name, [path], command=command, expect=expect, args=args, note=note)

    def annotate(self, name: str, data, *, expect: str = "message", args=(), note: str = "",
                 category: str = "annotate") -> Case:
        return self.file(category, name, "input.jsonl", data, command="annotate", expect=expect, args=args,
                         note=note)


def write(path: Path, data) -> None:
    if callable(data):
        data(path)
    elif isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)


def symlink(target, link: Path) -> Path:
    if os.path.lexists(link):
        os.unlink(link)
    os.symlink(str(target), str(link))
    return link


# --- text that reads like news -------------------------------------------------------------------

PEOPLE = ["Sergei Lavrov", "Mevlut Cavusoglu", "Antonio Guterres", "Bashar al-Assad", "Recep Tayyip Erdogan",
          "Hassan Rouhani", "Emmanuel Macron", "Angela Merkel", "Staffan de Mistura", "Mike Pompeo"]
COUNTRIES = ["Russia", "Turkey", "Iran", "Syria", "France", "Germany", "the United States", "Israel",
             "Saudi Arabia", "Qatar", "Egypt", "Jordan", "Iraq", "Lebanon", "China"]
ORGS = ["the United Nations", "NATO", "the European Union", "Hezbollah", "the Red Cross", "the Arab League"]
VERBS = ["said", "warned", "denied", "urged", "rejected", "welcomed", "condemned", "supported"]
OBJECTS = ["the offensive", "the ceasefire", "the talks in Geneva", "the sanctions", "the agreement",
           "the deployment", "the aid convoy", "the proposal"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def sentence(rng: random.Random) -> str:
    who = rng.choice(PEOPLE + COUNTRIES + ORGS)
    who = who[0].upper() + who[1:]
    return f"{who} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on {rng.choice(WEEKDAYS)}."


def article(rng: random.Random, n: int = 6, title: str = "Turkey warns Russia over Idlib") -> str:
    """A short, plausible news text (headline, dateline, sentences)."""
    body = " ".join(sentence(rng) for _ in range(n))
    return f"{title}\n\nANKARA, Sept 4, 2018 (Reuters) - {body}\n"

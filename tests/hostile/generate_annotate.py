"""Hostile JSONL for `standpoint annotate`: malformed lines, wrong types, bad encodings, huge records, odd paths."""
from __future__ import annotations

import json
import os

from tests.hostile.common import Builder, article, symlink

LEAD = "Russia said on Wednesday it opposed the offensive. Turkey warned Iran on Friday."
GOOD = json.dumps({"id": "good", "text": LEAD, "dct": "2018-09-04"})


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def generate(b: Builder) -> None:
    # Each bad line sits after a good one: a good record must not be lost because of its neighbour.
    lines = {
        "malformed-line": "{not json",
        "truncated-line": GOOD[: len(GOOD) // 2],
        "trailing-comma": '{"id": "a", "text": "Russia said no.",}',
        "single-quotes": "{'id': 'a', 'text': 'Russia said no.'}",
        "missing-text": {"id": "a"},
        "missing-id": {"text": LEAD},
        "text-null": {"id": "a", "text": None},
        "text-number": {"id": "a", "text": 12},
        "text-list": {"id": "a", "text": ["Russia", "said"]},
        "text-object": {"id": "a", "text": {"x": 1}},
        "text-bool": {"id": "a", "text": True},
        "text-empty": {"id": "a", "text": ""},
        "text-whitespace": {"id": "a", "text": " \n\t "},
        "id-null": {"id": None, "text": LEAD},
        "id-object": {"id": {"x": [1, 2]}, "text": LEAD},
        "id-newline-escape": {"id": "a\n\x1b[2J", "text": LEAD},
        "list-not-object": [{"id": "a", "text": LEAD}],
        "string-not-object": "just a string",
        "number-line": 42,
        "null-line": None,
        "dct-number": {"id": "a", "text": LEAD, "dct": 20180904},
        "dct-list": {"id": "a", "text": LEAD, "dct": ["2018"]},
        "dct-impossible": {"id": "a", "text": LEAD, "dct": "2018-02-30"},
        "dct-year-0": {"id": "a", "text": LEAD, "dct": "0000-01-01"},
        "dct-huge-year": {"id": "a", "text": LEAD, "dct": "99999-01-01"},
        "mentions-not-list": {"id": "a", "text": LEAD, "mentions": 5},
        "mentions-dict": {"id": "a", "text": LEAD, "mentions": {"start": 0, "end": 6}},
        "mentions-strings": {"id": "a", "text": LEAD, "mentions": ["Russia"]},
        "mentions-missing-end": {"id": "a", "text": LEAD, "mentions": [{"start": 0}]},
        "mentions-text-offsets": {"id": "a", "text": LEAD, "mentions": [{"start": "x", "end": "y"}]},
        "mentions-float-offsets": {"id": "a", "text": LEAD, "mentions": [{"start": 0.5, "end": 1e300}]},
        "mentions-negative": {"id": "a", "text": LEAD, "mentions": [{"start": -10, "end": -1}]},
        "mentions-10k": {"id": "a", "text": LEAD, "mentions": [{"start": 0, "end": 6}] * 10_000},
        "entity-not-dict": {"id": "a", "text": LEAD, "entity1": [0, 6], "entity2": "Turkey"},
        "entity-bad-offsets": {"id": "a", "text": LEAD, "entity1": {"start": None, "end": None}},
        "nan-infinity": '{"id": NaN, "text": "Russia said no.", "dct": Infinity}',
        "duplicate-keys": '{"id": "a", "text": "Russia said no.", "text": null}',
        "nested-100k": "[" * 100_000 + "]" * 100_000,
        "nested-object-100k": '{"id": "a", "text": "x", "m": ' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}",
        "huge-int-id": '{"id": ' + "9" * 100_000 + ', "text": "Russia said no."}',
        "control-chars-text": {"id": "a", "text": "Russia\x00 said\x1b[2J on Monday \x07it opposed\x0b the plan."},
        "lone-surrogate-escape": '{"id": "a", "text": "Russia \\ud800 said no."}',
    }
    for label, line in lines.items():
        b.annotate(f"annotate-{label}", _lines(GOOD, line),
                   note=f"a good record, then: {label}")
    b.annotate("annotate-good-only", _lines(GOOD), expect="result", note="one good record (control)")
    b.annotate("annotate-non-utf8", GOOD.encode() + b"\n" + '{"id": "b", "text": "Fran\u00e7ois said no."}'
               .encode("latin-1") + b"\n", note="a Latin-1 line")
    b.annotate("annotate-utf8-bom", "\ufeff" + _lines(GOOD), expect="result", note="starts with a UTF-8 BOM")
    b.annotate("annotate-utf16", _lines(GOOD).encode("utf-16"), note="the whole file in UTF-16")
    b.annotate("annotate-crlf", _lines(GOOD, GOOD).replace("\n", "\r\n"), expect="result", note="CRLF line ends")
    b.annotate("annotate-empty-file", b"", expect="result", note="an empty file")
    b.annotate("annotate-blank-lines", "\n \n\t\n" * 1000, expect="result", note="only blank lines")
    b.annotate("annotate-json-array-file", json.dumps([json.loads(GOOD)] * 3), note="one JSON array, not JSONL")
    b.annotate("annotate-text-6mb", _lines({"id": "big", "text": (LEAD + " ") * (6 * 2**20 // (len(LEAD) + 1))}),
               note="a 6 MB text")
    b.annotate("annotate-text-1000001", _lines({"id": "max", "text": ("Russia said no. " * 62_501)[:1_000_001]}),
               note="one character over spaCy's max_length")
    b.annotate("annotate-text-1mb-no-stop", _lines({"id": "l", "text": "Russia warned Turkey " * 47_000}),
               expect="result", note="a 1 MB text without a full stop")
    b.annotate("annotate-line-20mb", _lines({"id": "l", "text": "x", "pad": "y" * 20_000_000}),
               note="a 20 MB line (the text is tiny)")
    b.annotate("annotate-records-20k", "".join(json.dumps({"id": str(i), "text": "Go."}) + "\n" for i in range(20_000)),
               expect="result", note="20,000 tiny records")
    b.annotate("annotate-records-2k-articles", "".join(json.dumps({"id": str(i), "text": article(b.rng)}) + "\n"
                                                       for i in range(2_000)),
               expect="result", note="2,000 article-sized records (all held in memory?)")
    b.annotate("annotate-layers-unknown", _lines(GOOD), args=("--layers", "timexes,evil"), note="--layers evil")
    b.annotate("annotate-layers-empty", _lines(GOOD), args=("--layers", ""), expect="result", note="--layers ''")
    folder = b.folder("annotate-input-folder")
    b.add("annotate", folder.name, [folder], command="annotate", note="the input is a folder")
    folder = b.folder("annotate-input-fifo")
    os.mkfifo(folder / "in.jsonl")
    b.add("annotate", folder.name, [folder / "in.jsonl"], command="annotate", note="the input is a FIFO")
    for device in ("zero", "urandom"):
        folder = b.folder(f"annotate-input-dev-{device}")
        b.add("annotate", folder.name, [symlink(f"/dev/{device}", folder / "in.jsonl")], command="annotate",
              note=f"the input is a link to /dev/{device}")
    folder = b.folder("annotate-input-loop")
    b.add("annotate", folder.name, [symlink(folder / "in.jsonl", folder / "in.jsonl")], command="annotate",
          note="the input is a symlink loop")
    b.add("annotate", "annotate-input-name-300-bytes", [b.root / "cases" / ("j" * 294 + ".jsonl")],
          command="annotate", note="an input name of 300 bytes")
    for label, out in (("output-is-input", None), ("output-missing-folder", "no/such/out.jsonl"),
                       ("output-is-folder", "."), ("output-dev-full", "/dev/full")):
        case = b.annotate(f"annotate-{label}", _lines(GOOD), note=f"output: {label}")
        target = case.paths[0] if out is None else (out if out.startswith("/") else
                                                     os.path.join(os.path.dirname(case.paths[0]), out))
        b.cases[-1] = type(case)(**{**case.__dict__, "args": ("-o", target)})

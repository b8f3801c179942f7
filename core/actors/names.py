"""Finds people and organisations the alias table does not know: NER entities and capitalised names."""
from __future__ import annotations

from collections import Counter, defaultdict

from core.actors.lexicon import org_kind_patterns
from core.actors.lexicon import words as word_list
from core.actors.scan import Candidate, Word
from core.actors.table import AliasTable

# Words that join the capitalised parts of one name ("Syrian Observatory for Human Rights", "al-Assad").
_CONNECTORS = word_list("connectors")
# Capitalised words that never start or make up a name on their own.
_FUNCTION = word_list("function_words")
# Page furniture and headline words that NER sometimes takes for names.
_FURNITURE = word_list("furniture_words")
_ORG_KINDS = org_kind_patterns()
_PLACE_NOUNS = word_list("place_nouns")
_DIRECTIONS = word_list("directions")
_PLACE_PREPOSITIONS = word_list("place_prepositions")
# "at Apple", "from Apple" are as common as "at Idlib": organisations are only ruled out by these.
_ORG_PLACE_PREPOSITIONS = word_list("org_place_prepositions")


def in_place_context(words: list[Word], i: int, j: int,
                     prepositions: frozenset[str] = _PLACE_PREPOSITIONS) -> bool:
    """ "in Ramat Gan", "the towns of al-Latamenah, Khan Sheikhoun and ...": a place, not a person.

    The look back over a list only counts when words[i:j] is itself inside a coordination
    ("..., Daraa and other"), so "in San Francisco, Apple CEO Steve Jobs" keeps Apple.
    """
    if i > 0 and words[i - 1].text.lower() in prepositions:
        return True
    in_list = (i > 0 and words[i - 1].text.lower() in ("and", "or")) or (
        j < len(words) and words[j].text.lower() in (",", "and", "or"))
    if not in_list:
        return i > 0 and words[i - 1].text.lower() in _DIRECTIONS
    k = i - 1
    while k >= 0 and k > i - 12:
        low = words[k].text.lower()
        if low in _PLACE_NOUNS or low in prepositions or low in _DIRECTIONS:
            return True  # "eastern Ghouta, Daraa and ...": one of a list of places
        if not (low in (",", "and", "of", "-", "or") or words[k].is_cap or low in _CONNECTORS):
            return False
        k -= 1
    return False


def place_after(words: list[Word], j: int) -> bool:
    return j < len(words) and words[j].text.lower() in _PLACE_NOUNS | {"countryside", "governorate", "city"}


_SPEECH_AFTER = word_list("name_speech_verbs")


def org_kind(name: str) -> str | None:
    for kind, pattern in _ORG_KINDS:
        if pattern.search(name):
            return kind
    return None


def _nameish(word: Word) -> bool:
    return word.is_cap and word.text.lower() not in _FUNCTION and any(ch.isalpha() for ch in word.text)


# Lower-case words after a hyphen that end a name rather than continue it ("Assad-backed").
_HYPHEN_SUFFIXES = word_list("hyphen_suffixes")


def _hyphen_part(words: list[Word], j: int) -> bool:
    """ "Ki-moon", "Lashkar-e-Taiba": a lower-case piece glued into a name by hyphens."""
    w = words[j]
    return (w.text.isalpha() and w.text.islower() and w.text not in _HYPHEN_SUFFIXES and len(w.text) <= 6
            and words[j - 1].text == "-" and words[j - 1].start == words[j - 2].end == w.start - 1)


def capitalised_runs(words: list[Word], taken: list[bool], blocked: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with inner connectors and hyphens) not already claimed.

    "and" stays inside a run only when the run ends as an organisation's name ("Securities and
    Exchange Commission"); elsewhere it separates names ("Khan Sheikhoun and Maarat al-Numan").
    """
    runs = []
    i = 0
    n = len(words)
    while i < n:
        if taken[i] or blocked[i] or not _nameish(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j] and not blocked[j]:
            w = words[j]
            if _nameish(w) or w.text.isupper() and w.text.isalpha():
                j += 1
            elif w.text == "." and len(words[j - 1].text) == 1 and words[j - 1].text.isupper() \
                    and j + 1 < n and _nameish(words[j + 1]) and not taken[j + 1]:
                j += 1  # "Mary J. Blige"
            elif j >= 2 and _hyphen_part(words, j):
                j += 1
            elif (w.text in ("-", "&") or w.text.lower() in _CONNECTORS or w.text == "and") and j + 1 < n \
                    and not taken[j + 1] and words[j + 1].start - w.end <= 1 and (
                        _nameish(words[j + 1]) or words[j + 1].text.lower() in _CONNECTORS
                        or words[j + 1].text == "-" and j + 2 < n and _nameish(words[j + 2])  # "el-Sisi"
                        or w.text == "-" and j + 2 < n and _hyphen_part(words, j + 1)):
                j += 1
            else:
                break
        while j > i + 1 and (words[j - 1].text in ("-", "and") or words[j - 1].text.lower() in _CONNECTORS):
            j -= 1
        runs.extend(_split_at_and(words, i, j))
        i = j
    return runs


def _split_at_and(words: list[Word], i: int, j: int) -> list[tuple[int, int]]:
    """Cuts at "and", then glues a piece to the next when only the pair ends as an organisation."""
    ands = [k for k in range(i, j) if words[k].text == "and"]
    if not ands:
        return [(i, j)]
    bounds = [i, *ands, j]
    pieces = [(a + (a != i), b) for a, b in zip(bounds, bounds[1:]) if a + (a != i) < b]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and org_kind(words[b - 1].text) and not org_kind(words[merged[-1][1] - 1].text):
            merged[-1] = (merged[-1][0], b)  # "Securities" + "Exchange Commission"
        else:
            merged.append((a, b))
    return merged


def strip_titles(words: list[Word], i: int, j: int, table: AliasTable) -> int:
    """Index of the first word after leading titles ("Foreign Minister Sergei Lavrov" -> "Sergei")."""
    changed = True
    while changed and i < j:
        changed = False
        for size in (3, 2, 1):
            key = tuple(w.text.lower() for w in words[i:i + size])
            if i + size < j and key in table.titles:
                i += size
                if i < j and words[i].text == ".":
                    i += 1
                changed = True
                break
        if not changed and i < j - 1 and words[i].text.lower() in table.title_modifiers:
            i += 1
            changed = True
    return i


def ner_labels(doc, words: list[Word]) -> list[str]:
    """The NER label over each word ('' when none or when the doc has no NER)."""
    labels = [""] * len(words)
    if not doc.has_annotation("ENT_IOB"):
        return labels
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    k = 0
    for idx, w in enumerate(words):
        while k < len(spans) and spans[k][1] <= w.start:
            k += 1
        if k < len(spans) and spans[k][0] <= w.start and w.end <= spans[k][1]:
            labels[idx] = spans[k][2]
    return labels


def pos_tags(doc, words: list[Word]) -> list[str]:
    """The coarse POS tag of the token starting each word ('' without a tagger)."""
    if not doc.has_annotation("POS"):
        return [""] * len(words)
    by_start = {t.idx: t.pos_ for t in doc}
    return [by_start.get(w.start, "") for w in words]


def sentence_initial(words: list[Word], i: int, sent_starts: set[int]) -> bool:
    return words[i].start in sent_starts or (i > 0 and words[i - 1].text in ('"', "“", "(", "-"))


_PARTICLES = word_list("particles")
_GLUE = _CONNECTORS | {"-", "&", "and", "."}
# "Lord", "Sir": a rank that belongs to the name after it ("Attorney General Lord Goldsmith" is "Lord Goldsmith").
_NAME_HONORIFICS = word_list("name_honorifics")


def split_run(words: list[Word], i: int, j: int, labels: list[str], table: AliasTable) -> list[tuple[int, int]]:
    """Cuts a capitalised run where NER changes label or a title starts inside it.

    "Apple CEO Steve Jobs" -> "Apple", "CEO Steve Jobs"; "Foreign Minister Sergei Lavrov" stays whole
    (the title is stripped later). A run the NER tags as one organisation is never cut at a title.
    """
    cuts = []
    for k in range(i + 1, j):
        if labels[k] != labels[k - 1] and (labels[k] or labels[k - 1]) \
                and words[k].text.lower() not in _GLUE and words[k - 1].text.lower() not in _GLUE \
                and not _honorific_of_surname(words, k, j, labels):
            cuts.append(k)
        elif words[k - 1].text.lower() not in table.title_modifiers and any(
                tuple(w.text.lower() for w in words[k:k + s]) in table.titles for s in (1, 2, 3)) \
                and not any(tuple(w.text.lower() for w in words[k - s:k]) in table.titles for s in (1, 2, 3)):
            cuts.append(k)
    bounds = [i, *cuts, j]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def _honorific_of_surname(words: list[Word], k: int, j: int, labels: list[str]) -> bool:
    """ "Lord Goldsmith": an honorific of rank right before a lone name (NER's piece of one word), which it
    belongs to; before a full name ("Sir Menzies Campbell") it is a courtesy title and is cut off."""
    return words[k - 1].text.lower() in _NAME_HONORIFICS and (k + 1 == j or labels[k + 1] != labels[k])


def classify_runs(words: list[Word], runs: list[tuple[int, int]], table: AliasTable, labels: list[str],
                  sent_starts: set[int], headline: list[bool], title_before,
                  pos: list[str] | None = None) -> list[Candidate]:
    """Turns capitalised runs into person/organisation candidates when there is evidence enough.

    `title_before(i)` says whether a title or role ("spokeswoman", "representative for Syria,")
    sits right before word i. Single words become "surname" candidates that the resolver keeps
    only when they name someone known (or, with NER, an organisation).
    """
    found: list[Candidate] = []
    trained = any(labels)
    votes: dict[str, Counter] = defaultdict(Counter)
    for w, label in zip(words, labels):
        if label:
            votes[w.text][label in ("GPE", "LOC", "FAC")] += 1

    lower_words = {w.text for w in words if w.text[:1].islower()}

    def place_word(text: str) -> bool:
        # NER wavers on a town's name ("Idlib" ORG here, GPE there): the article-wide majority decides.
        counts = votes.get(text)
        return bool(counts) and counts[True] >= counts[False]

    for run_i, run_j in runs:
        if headline[run_i]:
            # Headlines are Title Case: capitals prove nothing, so only names known from the body
            # (or the table) are read there; the resolver drops the rest.
            for i, j in split_run(words, run_i, run_j, labels, table):
                i = strip_titles(words, i, j, table)
                if j - i > 1:
                    found.append(Candidate(i, j, "", "known", "name", name=_joined(words, i, j), kind="headline"))
                else:
                    found.append(Candidate(i, j, "", "surname", "name"))
            continue
        for i, j in split_run(words, run_i, run_j, labels, table):
            cand = _classify(words, i, j, table, labels, sent_starts, title_before, pos, trained, place_word,
                             lower_words)
            if cand is not None:
                found.append(cand)
    return found


def _classify(words, i, j, table, labels, sent_starts, title_before, pos, trained, place_word,
              lower_words) -> Candidate | None:
    initial = sentence_initial(words, i, sent_starts)
    if pos and initial and pos[i] not in ("PROPN", "") and j - i > 1:
        i += 1  # "Later Lavrov said": the tagger knows "Later" is no name
    while i < j and words[i].text.lower() in _GLUE and not words[i].text[:1].isupper():
        i += 1  # "Shares of Apple Inc." lost "Shares": "of" cannot start a name ("De Mistura" can)
    while j > i and words[j - 1].text.lower() in _GLUE:
        j -= 1
    if tuple(w.text.lower() for w in words[i:j]) in table.titles:
        return None  # "Secretary of State" on its own
    if labels[i] != "ORG":
        i = strip_titles(words, i, j, table)
        while i < j and words[i].text.lower() in _GLUE and not words[i].text[:1].isupper():
            i += 1
    if i >= j or (j - i == 1 and tuple([words[i].text.lower()]) in table.titles):
        return None
    honorific = words[i].text.lower() in _NAME_HONORIFICS
    if honorific and j - i > 2:
        i += 1  # "Sir Menzies Campbell": a courtesy title before a full name, which it vouches for
    text = _joined(words, i, j)
    single = " " not in text  # one word, perhaps hyphenated ("Holtz-Eakin") or dotted ("E.P.A.")
    lowered = {w.text.lower() for w in words[i:j]}
    if lowered & _FURNITURE or any(ch.isdigit() for ch in text) or len(text) < 2:
        return None
    if single and honorific:
        return None  # "Lord", "Sir" alone name nobody
    # NER labels "Goldsmith" in "Lord Goldsmith"
    label = labels[i + 1] if words[i].text.lower() in _NAME_HONORIFICS else labels[i]
    kind = org_kind(text) if not single or label == "ORG" else None
    if kind is not None and label not in ("PERSON", "GPE", "LOC", "FAC", "DATE", "EVENT", "LAW"):
        return Candidate(i, j, "", "name", "name", name=text, kind=kind)
    titled = title_before(i)
    speaks = j < len(words) and words[j].text.lower() in _SPEECH_AFTER and not single and label in ("", "PERSON")
    cue = titled or speaks or honorific
    if single:
        # A single word names a person only as the surname of someone known (the resolver decides);
        # with NER saying ORG it falls back to an organisation ("Apple").
        if label == "ORG" and (pos and pos[i] in ("VERB", "ADJ", "ADV", "ADP", "AUX", "DET", "PRON", "NUM")
                               or words[i].text.lower() in lower_words):
            return None  # "Armed", "Media", "Board": the tagger or the article's own lower case says so
        if text in table.not_actors:
            return None  # a province or state named alone, or a currency code
        after_place = i > 1 and words[i - 1].text.lower() in _PLACE_PREPOSITIONS and (
            labels[i - 2] in ("GPE", "LOC", "FAC", "NORP") or place_word(words[i - 2].text)
            or i > 2 and words[i - 3].text.lower() == "from")  # "from Aleppo to Hama"
        # "GM" is as much a name as "IBM"; "EB-5", "F-16" are codes
        code = j < len(words) and words[j].text == "-" and words[j].start == words[j - 1].end
        if label == "ORG" and (len(text) > 2 or text.isupper() and not code) \
                and not in_place_context(words, i, j, _ORG_PLACE_PREPOSITIONS) \
                and not place_after(words, j) and not after_place \
                and not place_word(words[i].text):
            return Candidate(i, j, "", "surname", "ner", name=text, kind="organisation")
        if label in ("", "PERSON", "NORP"):
            # After a title ("King Abdullah", "Mr. Smith") or before "said" when NER calls it a
            # person ("Nauert added"), a lone name is a person even if nobody is named in full.
            speaker = label == "PERSON" and j < len(words) and words[j].text.lower() in _SPEECH_AFTER
            return Candidate(i, j, "", "surname", "name", name=text, kind="person", titled=titled or speaker)
        # NER's place or other label on a lone word still yields to a known surname ("Erdogan said").
        return Candidate(i, j, "", "surname", "name", name=text)
    if j - i == 2 and words[i].text.lower() in _PARTICLES:
        # "De Mistura", "Van der Leyen": a surname with its particle, for someone named in full.
        return Candidate(i, j, "", "surname", "name", name=text, kind="person", titled=titled)
    if not cue and in_place_context(words, i, j):
        # "in Ramat Gan" is a place; "in Steve Jobs' place" still names someone known in full.
        return Candidate(i, j, "", "known", "name", name=_joined(words, i, j), kind="person") \
            if label == "PERSON" else None
    if label == "PERSON" or (cue and label in ("", "PERSON", "ORG", "NORP")) or (not trained and cue):
        return Candidate(i, j, "", "name", "name", name=_joined(words, i, j), kind="person",
                         initial=initial and not title_before(i))
    if not trained and not initial and j - i <= 3 and words[i].text.lower() not in _PARTICLES:
        # Without NER, "Jim Jeffrey" with no title is a person only if "Jeffrey" recurs alone.
        return Candidate(i, j, "", "name", "name", name=_joined(words, i, j), kind="person", weak=True)
    if label == "ORG" and (not initial or not pos or pos[i] == "PROPN") and len(text) > 3 \
            and not place_after(words, j):
        return Candidate(i, j, "", "name", "ner", name=_joined(words, i, j), kind="organisation")
    return None


def _joined(words: list[Word], i: int, j: int) -> str:
    parts = [words[i].text]
    for k in range(i + 1, j):
        gap = "" if words[k].start == words[k - 1].end else " "
        parts.append(gap + words[k].text)
    return "".join(parts)

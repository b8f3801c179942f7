"""Person joins across a corpus: middle initials, a surname named alone, and who stays apart."""
import pytest

from core.analysis.name_joins import body_merges, name_merges, person_merges
from core.analysis.raw import PeopleTally
from core.model import Actor, Mention


def person(actor_id, name, affiliation=None, memberships=()):
    return Actor(actor_id, name, "person", affiliation, memberships)


@pytest.mark.parametrize("people, mentions, expected", [
    # middle names and initials do not make another person
    ({"donald-trump": "Donald Trump", "donald-j-trump": "Donald J. Trump"}, {}, {"donald-j-trump": "donald-trump"}),
    # a surname alone goes to the one full name of that surname
    ({"lavrov": "Lavrov", "sergei-lavrov": "Sergei Lavrov"}, {}, {"lavrov": "sergei-lavrov"}),
    # several people share the surname: the one the corpus names far more often
    ({"obama": "Obama", "barack-obama": "Barack Obama", "michelle-obama": "Michelle Obama"},
     {"barack-obama": 40, "michelle-obama": 5}, {"obama": "barack-obama"}),
    # ... and no join when neither dominates
    ({"clinton": "Clinton", "hillary-clinton": "Hillary Clinton", "bill-clinton": "Bill Clinton"},
     {"hillary-clinton": 30, "bill-clinton": 20}, {}),
    # a generational suffix is not a surname
    ({"martin-luther-king-jr": "Martin Luther King Jr.", "martin-king": "Martin King"}, {},
     {"martin-luther-king-jr": "martin-king"}),
    # different first names stay apart
    ({"ted-cruz": "Ted Cruz", "heidi-cruz": "Heidi Cruz"}, {}, {}),
], ids=["initials", "surname", "dominant", "no-dominant", "suffix", "apart"])
def test_person_merges(people, mentions, expected):
    assert person_merges({k: person(k, v) for k, v in people.items()}, mentions) == expected


def body(actor_id, name, kind="organisation"):
    return Actor(actor_id, name, kind)


@pytest.mark.parametrize("bodies, mentions, expected", [
    # an institution word, a legal suffix or a country word does not make another body
    ({"treasury": "Treasury", "treasury-department": "Treasury Department", "us-treasury": "US Treasury"},
     {"treasury": 9, "treasury-department": 4}, {"treasury-department": "treasury", "us-treasury": "treasury"}),
    ({"justice-department": "Justice Department", "department-of-justice": "Department of Justice"}, {},
     {"department-of-justice": "justice-department"}),
    ({"apple": "Apple", "apple-inc": "Apple Inc."}, {"apple": 5}, {"apple-inc": "apple"}),
    # ... but another word does ("Apple Corps" is the Beatles' company)
    ({"apple": "Apple", "apple-corps": "Apple Corps"}, {}, {}),
    # two countries name a body of the same name: each keeps its own
    ({"senate": "Senate", "us-senate": "US Senate", "iraqi-senate": "Iraqi Senate"}, {}, {}),
    # an acronym goes to the one body whose initials it is, link words left out
    ({"sec": "SEC", "securities-and-exchange-commission": "Securities and Exchange Commission"}, {},
     {"sec": "securities-and-exchange-commission"}),
    # ... also when the text dropped the name's last word
    ({"fdic": "FDIC", "federal-deposit-insurance": "Federal Deposit Insurance"}, {},
     {"fdic": "federal-deposit-insurance"}),
    # ... to the most named of several, or to none
    ({"dnc": "DNC", "democratic-national-committee": "Democratic National Committee",
      "democratic-national-convention": "Democratic National Convention"},
     {"democratic-national-committee": 10, "democratic-national-convention": 2},
     {"dnc": "democratic-national-committee"}),
    ({"dnc": "DNC", "democratic-national-committee": "Democratic National Committee",
      "democratic-national-convention": "Democratic National Convention"},
     {"democratic-national-committee": 3, "democratic-national-convention": 2}, {}),
    ({"gm": "GM", "general-motors": "General Motors"}, {}, {"gm": "general-motors"}),
    # letters that are nobody's initials stay apart
    ({"ibm": "IBM", "international-monetary-fund": "International Monetary Fund"}, {}, {}),
    # a clipped first word goes to the body it clips, to the most named of several, or to none
    ({"fed": "Fed", "federal-reserve": "Federal Reserve"}, {}, {"fed": "federal-reserve"}),
    ({"fed": "Fed", "the-fed": "The Fed", "federal-reserve": "Federal Reserve",
      "federal-deposit-insurance": "Federal Deposit Insurance"},
     {"fed": 3, "the-fed": 1, "federal-reserve": 27, "federal-deposit-insurance": 6},
     {"the-fed": "federal-reserve", "fed": "federal-reserve"}),
    ({"fed": "Fed", "federal-reserve": "Federal Reserve", "federal-deposit-insurance": "Federal Deposit Insurance"},
     {"federal-reserve": 8, "federal-deposit-insurance": 6}, {}),
    # ... not a word that starts a longer name as it is, nor one too short to be a clipping
    ({"dow": "Dow", "dow-chemical": "Dow Chemical", "downey-savings": "Downey Savings"}, {}, {}),
    ({"fe": "Fe", "federal-reserve": "Federal Reserve"}, {}, {}),
], ids=["institution-suffix-country", "department-of", "legal-suffix", "other-word", "two-countries",
        "acronym", "acronym-dropped-word", "acronym-two-letters", "acronym-dominant", "acronym-ambiguous", "not-initials",
        "clipped", "clipped-dominant", "clipped-ambiguous", "clipped-not-a-name", "clipped-too-short"])
def test_body_merges(bodies, mentions, expected):
    assert body_merges({k: body(k, v) for k, v in bodies.items()}, mentions) == expected


def test_memberships_are_voted_across_articles():
    tally = PeopleTally()
    x = "donald-trump"
    tally.add([person(x, "Donald Trump", "republican-party", ("republican-party",))], [])
    tally.add([person(x, "Donald Trump", "united-states", ("united-states", "republican-party"))], [])
    tally.add([person(x, "Donald Trump")], [Mention("a", 0, 0, 5, "Trump", x)])
    actor = tally.registry()[x]
    assert actor.memberships == ("republican-party", "united-states") and actor.affiliation == "republican-party"
    assert tally.mentions[x] == 1


@pytest.mark.parametrize("actors, mentions, expected", [
    # NER took a surname named alone for an organisation: the person named in full far more often
    ({"bernie-sanders": person("bernie-sanders", "Bernie Sanders"), "sanders": body("sanders", "Sanders")},
     {"bernie-sanders": 21, "sanders": 2}, {"sanders": "bernie-sanders"}),
    # ... the one person of that surname who dominates
    ({"bernie-sanders": person("bernie-sanders", "Bernie Sanders"), "sanders": body("sanders", "Sanders"),
      "bernard-sanders": person("bernard-sanders", "Bernard Sanders")},
     {"bernie-sanders": 21, "sanders": 2}, {"sanders": "bernie-sanders"}),
    # a company named more often than the person of its name stays a company
    ({"michael-dell": person("michael-dell", "Michael Dell"), "dell": body("dell", "Dell")},
     {"michael-dell": 3, "dell": 12}, {}),
    # two people of that surname and neither dominates: no join
    ({"michael-brown": person("michael-brown", "Michael Brown"),
      "sherrod-brown": person("sherrod-brown", "Sherrod Brown"), "brown": body("brown", "Brown")}, {"michael-brown": 4, "sherrod-brown": 4, "brown": 1}, {}),
    # an acronym or a company is no surname
    ({"gm-smith": person("gm-smith", "Gary Gm"), "gm": body("gm", "GM")}, {"gm-smith": 9}, {}),
    ({"john-apple": person("john-apple", "John Apple"), "apple": body("apple", "Apple", "company")},
     {"john-apple": 9}, {}),
], ids=["surname-org", "surname-org-dominant", "company-named-more", "two-people", "acronym", "company-kind"])
def test_surname_organisations_join_people(actors, mentions, expected):
    assert name_merges(actors, mentions) == expected

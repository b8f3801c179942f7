"""Person joins across a corpus: middle initials, a surname named alone, and who stays apart."""
import pytest

from core.analysis.raw import PeopleTally, person_merges
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


def test_memberships_are_voted_across_articles():
    tally = PeopleTally()
    x = "donald-trump"
    tally.add([person(x, "Donald Trump", "republican-party", ("republican-party",))], [])
    tally.add([person(x, "Donald Trump", "united-states", ("united-states", "republican-party"))], [])
    tally.add([person(x, "Donald Trump")], [Mention("a", 0, 0, 5, "Trump", x)])
    actor = tally.registry()[x]
    assert actor.memberships == ("republican-party", "united-states") and actor.affiliation == "republican-party"
    assert tally.mentions[x] == 1

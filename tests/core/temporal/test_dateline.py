"""Publication dates from datelines and file names."""
from __future__ import annotations

from datetime import date

import pytest

from core.temporal import publication_date_from_filename, publication_date_from_text

TEXT_CASES = [
    ("WASHINGTON, Aug. 29, 2018 (Reuters) - The United States warned...", date(2018, 8, 29)),
    ("May 3, 2018 -- Officials said...", date(2018, 5, 3)),
    ("2018-08-29\nIdlib braces for an offensive", date(2018, 8, 29)),
    ("BEIRUT, 29 August 2018 (AFP) - Syrian forces...", date(2018, 8, 29)),
    ("Published 08/29/2018\nSyrian forces...", date(2018, 8, 29)),
    ("WASHINGTON, Aug. 29 (Reuters) - no year anywhere", None),
    ("BEIRUT, Aug. 29 -- Syrian forces, who retook Aleppo in July 2016, massed again.", None),
    ("Berlin, 29.08.2018. Die Regierung...", date(2018, 8, 29)),
    ("Officials may meet on May 3. In 2019 maybe.", None),
    ("Title\nA photo taken on May 17, 2018 shows Putin and Assad shaking hands in the resort of Sochi.\nText", None),
    ("Idlib braces for offensive\nUpdated: Wednesday, 29 August 2018\nSyrian forces...", date(2018, 8, 29)),
    ("Officials may meet soon. Nothing dated here.", None),
]


@pytest.mark.parametrize("text,expected", TEXT_CASES)
def test_publication_date_from_text(text, expected):
    assert publication_date_from_text(text) == expected


NAME_CASES = [
    ("2018-08-29-idlib.txt", date(2018, 8, 29)),
    ("20180829_x.html", date(2018, 8, 29)),
    ("/data/news/reuters_2018_08_29.txt", date(2018, 8, 29)),
    ("idlib-offensive.txt", None),
    ("report-20181345.txt", None),
]


@pytest.mark.parametrize("name,expected", NAME_CASES)
def test_publication_date_from_filename(name, expected):
    assert publication_date_from_filename(name) == expected


def test_seed_article_has_no_dateline(seed_text):
    """Its only full date near the top is in a photo caption, not a dateline."""
    assert publication_date_from_text(seed_text) is None


@pytest.mark.parametrize("text,expected", [
    ("WASHINGTON, Aug. 29 (Reuters) - The United States warned...", "Aug. 29"),
    ("Title\nMOSCOW, 29 August (AFP) \u2014 Russia said...", "29 August"),
    ("Idlib braces\nWednesday, Aug. 29 -- Syrian forces massed.", "Aug. 29"),
    ("WASHINGTON, Aug. 29, 2018 (Reuters) - a full date is a publication date", None),
    ("Title\nOn Aug. 29 the army moved.", None),  # a date in a sentence is no dateline
    ("may 3 - we may go", None),
])
def test_yearless_dateline_is_shown_not_guessed(text, expected):
    from core.temporal import yearless_dateline

    assert yearless_dateline(text) == expected
    if expected:
        assert publication_date_from_text(text) is None

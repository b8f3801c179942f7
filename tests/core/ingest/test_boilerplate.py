"""Page furniture around pasted articles is removed before analysis."""
import pytest

from core.ingest.boilerplate import clean_text, latin_share


@pytest.mark.parametrize(
    "line",
    [
        "Send in e-mailSend in e-mail",
        "Share on Facebook",
        ">> Syria, Turkey, Russia and U.S. to square off in Idlib | Explainer",
        "Advertisement",
        "Credit: Mikhail Klimentyev, Sputnik, Kremlin Pool Photo via AP, File",
        "בנימין נתניהו השקת ספר",
    ],
)
def test_furniture_lines_are_dropped(line):
    text = f"Turkey warned against the offensive.\n\n{line}\n\nRussia backed it."
    cleaned = clean_text(text)
    assert line not in cleaned
    assert "Turkey warned against the offensive." in cleaned
    assert "Russia backed it." in cleaned


@pytest.mark.parametrize(
    "end_line",
    ["Click the alert icon to follow topics:", "Already signed up? LOG IN", "From $1 for the first month",
     "Related articles", "Subscribe now"],
)
def test_everything_after_an_end_marker_is_dropped(end_line):
    text = f"Turkey warned against the offensive.\n\n{end_line}\n\nNetanyahu's Israel Is About to Slam the Door"
    cleaned = clean_text(text)
    assert cleaned == "Turkey warned against the offensive."


def test_caption_repeated_with_credit_is_kept_once_without_credit():
    caption = "Russian President Vladimir Putin shakes hands with Syrian President Bashar al-Assad on May 17, 2018."
    text = f"{caption}\n{caption}Credit: Mikhail Klimentyev, Sputnik, Kremlin Pool Photo via AP, File\n\nBody."
    cleaned = clean_text(text)
    assert cleaned.count("May 17, 2018") == 1
    assert "Credit" not in cleaned and "Sputnik" not in cleaned


def test_paragraphs_stay_separated():
    assert clean_text("One.\n\n\n\nTwo.\nThree.") == "One.\n\nTwo.\nThree."


@pytest.mark.parametrize("line, expected", [("Turkey", 1.0), ("עדי שטרן", 0.0), ("123 --", 1.0)])
def test_latin_share(line, expected):
    assert latin_share(line) == expected


def test_seed_article_body_survives_and_furniture_goes(seed_text):
    cleaned = clean_text(seed_text)
    assert cleaned.startswith("Assad Offensive on Syria's Rebel-held Idlib")
    assert "Evacuations from eastern Ghouta" in cleaned
    for furniture in ("Send in e-mail", "Click the alert icon", "LOG IN", "Netanyahu", "Lindbergh", "Credit:", ">>"):
        assert furniture not in cleaned

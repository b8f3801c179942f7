"""The compact result blobs: exact round trips, text and ids restored from the article, damaged blobs refused."""
import json
import zlib
from dataclasses import replace

import pytest

from core.io.compact import MAGIC, decode_result, encode_result, encoded, is_compact
from core.model import Mention
from tests.core.conftest import make_result


@pytest.mark.parametrize("published", [None, __import__("datetime").date(2018, 8, 29)])
def test_round_trip_is_exact(published):
    result = make_result(published=published)
    assert decode_result(encode_result(result), result.article) == result


def test_text_that_is_not_the_articles_slice_is_kept():
    result = make_result()
    odd = Mention("a1", 0, 0, 6, "TURKEY!", "turkey")  # not text[0:6]
    result = replace(result, mentions=(odd,) + result.mentions[1:])
    back = decode_result(encode_result(result), result.article)
    assert back.mentions[0].text == "TURKEY!" and back == result


def test_slices_and_ids_are_not_stored_twice():
    result = make_result()
    raw = zlib.decompress(encode_result(result)[len(MAGIC):]).decode()
    assert "Rebels hold Idlib" not in raw and '"a1"' not in raw


def test_encoded_is_made_once_per_result():
    result = make_result()
    assert encoded(result) is encoded(result)


def _blob(header, row) -> bytes:
    return MAGIC + zlib.compress(json.dumps([header, row]).encode())


def _parts(result):
    return json.loads(zlib.decompress(encode_result(result)[len(MAGIC):]))


@pytest.mark.parametrize("damage", [
    lambda h, r: b"not a blob",
    lambda h, r: MAGIC + b"\x00garbage",
    lambda h, r: MAGIC + zlib.compress(b"[1, 2"),
    lambda h, r: _blob(h, r[:3]),  # too few values
    lambda h, r: _blob(h, [r[0], [["a1", "zero", 0, 5, 0]]] + r[2:]),  # an index that is not a number
    lambda h, r: _blob(h, [r[0], "sentences"] + r[2:]),  # a string for a list
    lambda h, r: _blob({**h, "Sentence": "index"}, r),  # a malformed header
])
def test_damaged_blobs_raise_value_error(damage):
    result = make_result()
    header, row = _parts(result)
    with pytest.raises(ValueError):
        decode_result(damage(header, row), result.article)


def test_a_field_missing_from_an_older_blob_takes_its_default():
    result = make_result()
    header, row = _parts(result)
    at = header["Statement"].index("weak_cue")
    header["Statement"] = header["Statement"][:at] + header["Statement"][at + 1:]
    row[5] = [s[:at] + s[at + 1:] for s in row[5]]
    back = decode_result(_blob(header, row), result.article)
    assert back == result  # weak_cue is False, its default, in the sample


def test_a_blob_that_inflates_beyond_the_limit_is_refused(monkeypatch):
    import core.io.compact as compact

    monkeypatch.setattr(compact, "MAX_BYTES", 100)
    result = make_result()
    with pytest.raises(ValueError, match="large"):
        decode_result(encode_result(result), result.article)
    assert is_compact(encode_result(result)) and not is_compact('{"json": 1}')

"""The app icon files are present at every size, and the .ico/.icns written by packaging/make_icons.py are readable."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_sizes(qapp, size):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / f"standpoint-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_ico_holds_every_windows_size(qapp):
    from PySide6.QtGui import QImageReader

    data = (ICONS / "standpoint.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = sorted(data[6 + 16 * i] or 256 for i in range(count))
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    assert QImageReader(str(ICONS / "standpoint.ico")).imageCount() == 7


def test_icns_entries_are_pngs_up_to_1024():
    data = (ICONS / "standpoint.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    codes, pos = [], 8
    while pos < len(data):
        code, length = data[pos:pos + 4].decode("ascii"), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        assert data[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n", code
        codes.append(code)
        pos += length
    assert pos == len(data)
    assert {"ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"} <= set(codes)


def test_svg_source_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "standpoint.svg"))
    assert renderer.isValid() and renderer.defaultSize().width() == 256

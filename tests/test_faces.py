"""TrueType faces: rebuilt from the cache exactly as ReportLab parses them, subsets made once, builds independent of the cache."""

from __future__ import annotations

import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from handbook import cache
from handbook.render.faces import truetype
from handbook.resources import fonts_dir
from tests.conftest import DEFAULT_MANIFEST


def comparable(font) -> dict:
    assert font.face._ttf_data
    face = {k: v for k, v in vars(font.face).items() if k not in ("_pdfScale", "_subsets")}
    names = {k: type(v).__name__ for k, v in face.items()}
    return {"font": {k: v for k, v in vars(font).items() if k not in ("face", "encoding", "state")}, "face": face, "types": names}


def test_a_face_rebuilt_from_the_cache_is_the_face_reportlab_parses(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = fonts_dir() / "Lato-Italic.ttf"
    parsed = truetype("LatoTest", path)  # parses and stores
    assert any((tmp_path / "handbook").glob("face-*"))
    rebuilt = truetype("LatoTest", path)
    assert rebuilt is not parsed
    assert rebuilt.face._ttf_data == path.read_bytes()  # the bytes that named the entry are the bytes embedded
    assert comparable(rebuilt) == comparable(TTFont("LatoTest", str(path))) == comparable(parsed)
    assert rebuilt.face._pdfScale(1234) == parsed.face._pdfScale(1234)
    assert rebuilt.stringWidth("Medical coding \u2013 \u201cquoted\u201d", 10.5) == parsed.stringWidth(
        "Medical coding \u2013 \u201cquoted\u201d", 10.5
    )


def test_a_damaged_cache_entry_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = fonts_dir() / "Lato-Bold.ttf"
    truetype("LatoTest", path)
    (entry,) = (tmp_path / "handbook").glob("face-*")
    cache.store("face", entry.name.removeprefix("face-"), {"face": {"unitsPerEm": "not a number"}, "font": {}, "names": []})
    assert comparable(truetype("LatoTest", path)) == comparable(TTFont("LatoTest", str(path)))


@pytest.mark.slow
def test_the_same_bytes_with_a_cold_and_a_warm_cache(tmp_path):
    def build(name: str) -> bytes:
        out = tmp_path / f"{name}.pdf"
        env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [sys.executable, "-m", "handbook", "build", str(DEFAULT_MANIFEST), "-o", str(out)], check=True, env=env, capture_output=True
        )
        return out.read_bytes()

    cold = build("cold")
    assert list((tmp_path / "cache" / "handbook").glob("face-*")), "the first build stores the font metrics"
    assert build("warm") == cold


def test_a_subset_is_made_once_and_is_the_subset_reportlab_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = fonts_dir() / "Lato-Regular.ttf"
    face = truetype("LatoTest", path).face
    characters = [0] + [ord(c) for c in "Medical coding"]
    first = face.makeSubset(characters)
    assert face.makeSubset(list(characters)) is first
    assert first == TTFont("LatoTest", str(path)).face.makeSubset(characters)
    assert face.makeSubset(characters[:-1]) != first


def test_to_unicode_maps_list_only_the_codes_a_subset_uses(tmp_path):
    import re

    from pypdf import PdfReader

    from handbook.build import build_handbook

    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "h.pdf").output
    maps = []
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            maps.append(font.get_object()["/ToUnicode"].get_object().get_data().decode())
    assert maps
    for cmap in maps:
        pairs = re.findall(r"^<([0-9A-F]{2})> <([0-9A-F]{4})>$", cmap, re.MULTILINE)
        assert pairs and all(char != "0000" for _, char in pairs)
        assert f"{len(pairs)} beginbfchar" in cmap


def test_used_codes_only_drops_the_codes_reportlab_maps_to_nothing():
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    from handbook.render.faces import used_codes_only

    cmap = used_codes_only(makeToUnicodeCMap("F", [0, 0, 65, 66]), 2)
    assert "2 beginbfchar" in cmap and "<02> <0041>" in cmap and "<03> <0042>" in cmap and "<0000>" not in cmap

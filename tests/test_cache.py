"""The on-disk cache: plain data back as stored, anything damaged or unwritable ignored."""

from __future__ import annotations

import os

import pytest

from handbook import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "handbook"


def test_stored_data_comes_back(folder):
    value = {"widths": [1, 2, 3], "points": frozenset({65, 66}), "name": b"Lato"}
    cache.store("kind", "abc", value)
    assert cache.fetch("kind", "abc") == value
    assert [p.name for p in folder.iterdir()] == ["kind-abc"]  # no partial file left behind


def test_missing_or_damaged_entries_read_as_nothing(folder):
    assert cache.fetch("kind", "absent") is None
    cache.store("kind", "abc", list(range(1000)))
    entry = folder / "kind-abc"
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.fetch("kind", "abc") is None


def test_what_is_not_plain_data_is_not_stored(folder):
    cache.store("kind", "abc", {"f": lambda: 1})
    assert cache.fetch("kind", "abc") is None


def test_an_unwritable_cache_folder_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cache.store("kind", "abc", [1])  # no error
    assert cache.fetch("kind", "abc") is None


def test_keys_differ_with_the_bytes_and_with_the_versions():
    assert cache.key([b"font"]) == cache.key([b"font"])
    assert cache.key([b"font"]) != cache.key([b"fonts"])
    assert cache.key([b"font", b"s"]) != cache.key([b"fonts"])
    assert cache.key([b"font"], "reportlab 4.0") != cache.key([b"font"], "reportlab 4.1")


def test_the_folder_keeps_the_newer_half_when_it_grows_past_its_limit(folder, monkeypatch):
    monkeypatch.setattr(cache, "ENTRIES_KEPT", 10)
    for n in range(11):
        cache.store("kind", f"e{n:02d}", n)
        os.utime(folder / f"kind-e{n:02d}", ns=(n * 10**9, n * 10**9))
    cache.store("kind", "newest", 99)
    left = sorted(p.name for p in folder.iterdir())
    assert left == ["kind-e06", "kind-e07", "kind-e08", "kind-e09", "kind-e10", "kind-newest"]
    assert cache.fetch("kind", "newest") == 99


# What is cached is found only by the bytes it came from: an input edited with its size and
# modification time kept builds exactly what a build without any cache builds.


def overwrite_keeping_size_and_time(path, data: bytes) -> None:
    before = path.stat()
    assert len(data) == before.st_size, "the edit must keep the file's size"
    path.write_bytes(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def same_crc32(original: bytes, edited: bytes, filler: int) -> bytes:
    """`edited`, whose last `filler` bytes are 'a's, with those bytes changed so its CRC-32 is `original`'s.

    CRC-32 is affine over GF(2): flipping bits 1 to 3 of an 'a' (giving one of 'acegikmo')
    changes the CRC by a fixed vector, so the flips that reach the target solve a linear system.
    """
    import binascii

    assert len(original) == len(edited) and edited.endswith(b"a" * filler)
    start = len(edited) - filler
    base = binascii.crc32(edited)
    columns = []  # (effect on the CRC, (position, bit))
    for position in range(start, len(edited)):
        for bit in (1, 2, 3):
            flipped = bytearray(edited)
            flipped[position] ^= 1 << bit
            columns.append((binascii.crc32(bytes(flipped)) ^ base, (position, bit)))
    target = binascii.crc32(original) ^ base
    rows: list[tuple[int, set]] = []  # reduced basis: (vector, the flips that make it)
    for vector, flip in columns:
        made = {flip}
        for pivot, pivot_made in rows:
            if vector ^ pivot < vector:
                vector ^= pivot
                made ^= pivot_made
        if vector:
            rows.append((vector, made))
            rows.sort(key=lambda row: -row[0])
    chosen: set = set()
    for pivot, pivot_made in rows:
        if target ^ pivot < target:
            target ^= pivot
            chosen ^= pivot_made
    assert target == 0, "no combination of flips reaches the CRC"
    forged = bytearray(edited)
    for position, bit in chosen:
        forged[position] ^= 1 << bit
    assert binascii.crc32(bytes(forged)) == binascii.crc32(original)
    return bytes(forged)


def build_in_new_process(manifest, out, cache_home, *extra, no_cache=False):
    """Build `manifest` (or, with extra options such as --school, what they name) in a new process."""
    import subprocess
    import sys

    env = {"XDG_CACHE_HOME": str(cache_home), "SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin"}
    if no_cache:
        env["HANDBOOK_NO_CACHE"] = "1"
    source = list(extra) or [str(manifest)]
    subprocess.run(
        [sys.executable, "-m", "handbook", "build", *source, "-o", str(out)], check=True, env=env, capture_output=True, cwd=manifest.parent
    )
    return out.read_bytes()


def salary_section(annual: str, comment: bytes) -> bytes:
    return (
        (
            'title: Pay\nblocks:\n  - salary_table:\n      source: A survey\n      period: "2025"\n'
            f"      rows:\n        - {{label: Median annual wage, annual: {annual}}}\n"
        ).encode()
        + b"# "
        + comment
    )


@pytest.mark.slow
def test_a_yaml_file_edited_to_the_same_length_and_crc32_is_read_again(project, tmp_path):
    from pypdf import PdfReader

    manifest = project.manifest("sections/pay.yaml")
    section = project.root / "sections" / "pay.yaml"
    before = salary_section("42630", b"a" * 16)
    section.parent.mkdir(parents=True, exist_ok=True)
    section.write_bytes(before)
    build_in_new_process(manifest, tmp_path / "before.pdf", tmp_path / "cache")
    after = same_crc32(before, salary_section("52630", b"a" * 16), 16)
    overwrite_keeping_size_and_time(section, after)
    warm = build_in_new_process(manifest, tmp_path / "warm.pdf", tmp_path / "cache")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "warm.pdf").pages)
    assert "$52,630" in text and "$42,630" not in text
    assert warm == build_in_new_process(manifest, tmp_path / "cold.pdf", tmp_path / "cache", no_cache=True)


def test_a_font_edited_in_place_gives_its_own_metrics(tmp_path, monkeypatch):
    from reportlab.pdfbase.ttfonts import TTFont

    from handbook.render.faces import truetype
    from handbook.resources import fonts_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    regular, italic = ((fonts_dir() / name).read_bytes() for name in ("Lato-Regular.ttf", "Lato-Italic.ttf"))
    size = max(len(regular), len(italic))
    face = tmp_path / "Face.ttf"
    face.write_bytes(regular.ljust(size, b"\0"))
    truetype("EditedBefore", face)  # parsed and stored
    overwrite_keeping_size_and_time(face, italic.ljust(size, b"\0"))
    words = "Medical coding careers"
    assert truetype("EditedAfter", face).stringWidth(words, 10) == TTFont("EditedFresh", str(face)).stringWidth(words, 10)


def test_a_font_whose_cmap_changed_in_place_gives_its_own_coverage(tmp_path, monkeypatch):
    import shutil
    import struct

    from handbook import fonts

    folder = tmp_path / "fonts"
    shutil.copytree(fonts.fonts_dir(), folder)
    monkeypatch.setattr(fonts, "fonts_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fonts.covered_characters.cache_clear()
    before = fonts.covered_characters("Lato")
    # In the (3, 1) cmap subtable, map the first character of every segment to glyph 0: not drawable.
    path = folder / "Lato-Regular.ttf"
    data = bytearray(path.read_bytes())
    tables = struct.unpack(">H", data[4:6])[0]
    cmap = next(
        struct.unpack(">I", data[12 + 16 * i + 8 : 12 + 16 * i + 12])[0]
        for i in range(tables)
        if data[12 + 16 * i : 16 + 16 * i] == b"cmap"
    )
    records = range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0])
    offsets = {
        struct.unpack(">HH", data[cmap + 4 + 8 * i : cmap + 8 + 8 * i]): struct.unpack(">I", data[cmap + 8 + 8 * i : cmap + 12 + 8 * i])[0]
        for i in records
    }
    start = cmap + offsets[(3, 1)]
    segments = struct.unpack(">H", data[start + 6 : start + 8])[0] // 2
    starts_at = start + 16 + 2 * segments
    for s in range(segments - 1):  # the last segment is the 0xFFFF end marker
        first = struct.unpack(">H", data[starts_at + 2 * s : starts_at + 2 * s + 2])[0]
        data[starts_at + 2 * segments + 2 * s : starts_at + 2 * segments + 2 * s + 2] = struct.pack(">H", -first & 0xFFFF)
        data[starts_at + 4 * segments + 2 * s : starts_at + 4 * segments + 2 * s + 2] = b"\0\0"
    overwrite_keeping_size_and_time(path, bytes(data))
    fonts.covered_characters.cache_clear()
    after = fonts.covered_characters("Lato")
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    assert after == fonts.covered_characters("Lato") != before
    fonts.covered_characters.cache_clear()


def pdf_text(pdf) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_files_edited_between_the_editions_of_one_process_are_read_again(project, monkeypatch):
    """A batch worker keeps parsed files, validated sections and pictures: each is used only while its bytes are the same."""
    import csv

    from PIL import Image

    from handbook.build import build_handbook
    from handbook.node_cache import NodeCache

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    rows = [
        ["AREA_TITLE", "OCC_CODE", "OCC_TITLE", "TOT_EMP", "A_MEDIAN", "H_MEDIAN"],
        ["Sample Nation", "29-2072", "Medical Records Specialists", "1,900", "46,800", "22.50"],
    ]
    data = project.root / "data" / "oews.csv"
    data.parent.mkdir()
    with data.open("w", newline="") as out:
        csv.writer(out).writerows(rows)
    picture = project.root / "assets" / "picture.png"
    picture.parent.mkdir()
    Image.new("RGB", (40, 20), (30, 80, 140)).save(picture, compress_level=0)
    project.section("text", "- paragraph: The wage in this guide is 42630 dollars.")
    project.section(
        "pay",
        """
        - salary_table:
            source: BLS
            period: "2025"
            import: {file: data/oews.csv, occupation: 29-2072}
        - image: {file: assets/picture.png, alt: A blue box}
    """,
    )
    manifest = project.manifest("sections/text.yaml", "sections/pay.yaml")
    node_cache = NodeCache()
    build_handbook(manifest, project.root / "first.pdf", cache=node_cache)
    assert "42630" in pdf_text(project.root / "first.pdf") and "$46,800" in pdf_text(project.root / "first.pdf")

    text = project.root / "sections" / "text.yaml"
    overwrite_keeping_size_and_time(text, text.read_bytes().replace(b"42630", b"52630"))
    overwrite_keeping_size_and_time(data, data.read_bytes().replace(b"46,800", b"56,800"))
    edited = project.root / "edited.png"
    Image.new("RGB", (40, 20), (200, 40, 40)).save(edited, compress_level=0)
    overwrite_keeping_size_and_time(picture, edited.read_bytes())

    build_handbook(manifest, project.root / "second.pdf", cache=node_cache)
    text_now = pdf_text(project.root / "second.pdf")
    assert "52630" in text_now and "$56,800" in text_now
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    build_handbook(manifest, project.root / "fresh.pdf")
    assert (project.root / "second.pdf").read_bytes() == (project.root / "fresh.pdf").read_bytes()


@pytest.mark.slow
def test_no_cache_builds_the_default_handbook_and_every_school_edition_byte_for_byte(tmp_path):
    from tests.conftest import DEFAULT_MANIFEST, ROOT

    for school in (None, *sorted((ROOT / "schools").glob("*.yaml"))):
        extra = ("--school", str(school)) if school else ()
        name = school.stem if school else "default"
        warm_home = tmp_path / "cache"
        build_in_new_process(DEFAULT_MANIFEST, tmp_path / f"{name}-first.pdf", warm_home, *extra)
        warm = build_in_new_process(DEFAULT_MANIFEST, tmp_path / f"{name}-warm.pdf", warm_home, *extra)
        cold = build_in_new_process(DEFAULT_MANIFEST, tmp_path / f"{name}-none.pdf", tmp_path / "unused", *extra, no_cache=True)
        assert warm == cold, f"{name}: a build with the cache differs from one without it"
    assert not (tmp_path / "unused").exists(), "HANDBOOK_NO_CACHE=1 wrote to the cache folder"


def test_parsed_yaml_stored_by_other_code_is_not_read(folder, monkeypatch):
    """After a pull or an edit of the parser, an entry stored by the old parser is never used."""
    from handbook import loader
    from handbook.problems import Problems

    data = b"title: Pay\nblocks:\n  - paragraph: Hello.\n"
    loader.load_bytes(data, "pay.yaml", Problems())
    assert len(list(folder.glob("yaml-*"))) == 1
    loader.load_bytes(data, "pay.yaml", Problems())
    assert len(list(folder.glob("yaml-*"))) == 1  # the same code reads its own entry
    monkeypatch.setattr(cache, "code_digest", lambda name: "other code" if name == "yaml_events.py" else name)
    loader.load_bytes(data, "pay.yaml", Problems())
    assert len(list(folder.glob("yaml-*"))) == 2  # other parser code: parsed again and stored under another name


def test_the_code_digest_follows_the_source_of_the_module():
    assert cache.code_digest("loader.py") != cache.code_digest("nodes.py")
    assert len(cache.code_digest("loader.py")) == 32


@pytest.mark.parametrize("saved", ["section", "csv"])
def test_a_file_saved_while_it_is_validated_is_not_kept_as_its_result(project, monkeypatch, saved):
    """An editor's save that lands while a section is being validated: the next build reads the saved bytes.

    The save is made to happen at the worst moment, after the file was read and before what was
    read is kept; a digest taken after reading would tie the old result to the new bytes.
    """
    import csv

    from handbook.build import build_handbook
    from handbook.node_cache import NodeCache
    from handbook.validate import handbook as validate_handbook

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    data = project.root / "data" / "oews.csv"
    data.parent.mkdir()
    with data.open("w", newline="") as out:
        csv.writer(out).writerows(
            [["AREA_TITLE", "OCC_CODE", "OCC_TITLE", "A_MEDIAN"], ["Sample Nation", "29-2072", "Medical Records Specialists", "46,800"]]
        )
    project.section(
        "pay",
        """
        - paragraph: The wage in this guide is 42630 dollars.
        - salary_table:
            source: BLS
            period: "2025"
            import: {file: data/oews.csv, occupation: 29-2072}
    """,
    )
    manifest = project.manifest("sections/pay.yaml")
    section = project.root / "sections" / "pay.yaml"
    validate = validate_handbook._read_section
    saves = []

    def validated_then_saved(file, ctx, cache):
        result = validate(file, ctx, cache)
        if not saves:
            saves.append(file)
            if saved == "section":
                section.write_bytes(section.read_bytes().replace(b"42630", b"52630"))
            else:
                data.write_bytes(data.read_bytes().replace(b"46,800", b"56,800"))
        return result

    monkeypatch.setattr(validate_handbook, "_read_section", validated_then_saved)
    node_cache = NodeCache()
    build_handbook(manifest, project.root / "first.pdf", cache=node_cache)
    build_handbook(manifest, project.root / "second.pdf", cache=node_cache)
    assert saves
    text = pdf_text(project.root / "second.pdf")
    assert ("52630" in text) if saved == "section" else ("$56,800" in text)

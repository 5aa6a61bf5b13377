"""The language tag: well-formed BCP 47 with an ISO 639-1 language code, put in its usual case, with suggestions."""

from __future__ import annotations

import pytest

from handbook.languages import LANGUAGES, check_language


@pytest.mark.parametrize(
    "value, tag",
    [
        ("en-US", "en-US"),
        ("es", "es"),
        ("es-MX", "es-MX"),
        ("es-419", "es-419"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("EN-us", "en-US"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("de-CH-1996", "de-CH-1996"),
    ],
)
def test_a_well_formed_tag_is_kept_in_its_usual_case(value, tag):
    assert check_language(value) == (tag, "")


@pytest.mark.parametrize(
    "value, meant",
    [("en_US", "en-US"), ("english", "en"), ("Spanish", "es"), ("sp", "es"), ("sp-MX", "es-MX"), ("eng", "en"), ("jp", "ja")],
)
def test_a_wrong_tag_names_the_one_meant(value, meant):
    tag, wrong = check_language(value)
    assert tag is None
    assert wrong.startswith(f"'{value}' ")
    assert "expected a BCP 47 tag" in wrong
    assert wrong.endswith(f"; did you mean '{meant}'?")


@pytest.mark.parametrize("value", ["xx", "tlh", "e", "en-", "en-USA-x", "12"])
def test_a_tag_nothing_is_close_to_has_no_suggestion(value):
    tag, wrong = check_language(value)
    assert tag is None and "did you mean" not in wrong


def test_every_iso_639_1_code_is_known():
    assert len(LANGUAGES) == 184
    assert all(len(code) == 2 and code.islower() for code in LANGUAGES)

"""The document's language: a BCP 47 tag such as en-US, es or zh-Hant-TW, checked and put in its usual case.

A tag is a language code of ISO 639-1 (two letters), then optionally a script (four
letters), a region (two letters or three digits) and variants, joined by hyphens. Only
the well-formedness of the tag and its language code are checked: the codes below are
the whole of ISO 639-1, with the English name of each for messages and suggestions.
"""

from __future__ import annotations

import re

DEFAULT = "en-US"

# ISO 639-1: every two-letter language code, with its English name.
LANGUAGES = {
    "aa": "Afar",
    "ab": "Abkhazian",
    "ae": "Avestan",
    "af": "Afrikaans",
    "ak": "Akan",
    "am": "Amharic",
    "an": "Aragonese",
    "ar": "Arabic",
    "as": "Assamese",
    "av": "Avaric",
    "ay": "Aymara",
    "az": "Azerbaijani",
    "ba": "Bashkir",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bh": "Bihari",
    "bi": "Bislama",
    "bm": "Bambara",
    "bn": "Bengali",
    "bo": "Tibetan",
    "br": "Breton",
    "bs": "Bosnian",
    "ca": "Catalan",
    "ce": "Chechen",
    "ch": "Chamorro",
    "co": "Corsican",
    "cr": "Cree",
    "cs": "Czech",
    "cu": "Church Slavic",
    "cv": "Chuvash",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "dv": "Divehi",
    "dz": "Dzongkha",
    "ee": "Ewe",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "ff": "Fulah",
    "fi": "Finnish",
    "fj": "Fijian",
    "fo": "Faroese",
    "fr": "French",
    "fy": "Western Frisian",
    "ga": "Irish",
    "gd": "Gaelic",
    "gl": "Galician",
    "gn": "Guarani",
    "gu": "Gujarati",
    "gv": "Manx",
    "ha": "Hausa",
    "he": "Hebrew",
    "hi": "Hindi",
    "ho": "Hiri Motu",
    "hr": "Croatian",
    "ht": "Haitian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "hz": "Herero",
    "ia": "Interlingua",
    "id": "Indonesian",
    "ie": "Interlingue",
    "ig": "Igbo",
    "ii": "Sichuan Yi",
    "ik": "Inupiaq",
    "io": "Ido",
    "is": "Icelandic",
    "it": "Italian",
    "iu": "Inuktitut",
    "ja": "Japanese",
    "jv": "Javanese",
    "ka": "Georgian",
    "kg": "Kongo",
    "ki": "Kikuyu",
    "kj": "Kuanyama",
    "kk": "Kazakh",
    "kl": "Kalaallisut",
    "km": "Khmer",
    "kn": "Kannada",
    "ko": "Korean",
    "kr": "Kanuri",
    "ks": "Kashmiri",
    "ku": "Kurdish",
    "kv": "Komi",
    "kw": "Cornish",
    "ky": "Kirghiz",
    "la": "Latin",
    "lb": "Luxembourgish",
    "lg": "Ganda",
    "li": "Limburgan",
    "ln": "Lingala",
    "lo": "Lao",
    "lt": "Lithuanian",
    "lu": "Luba-Katanga",
    "lv": "Latvian",
    "mg": "Malagasy",
    "mh": "Marshallese",
    "mi": "Maori",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mn": "Mongolian",
    "mr": "Marathi",
    "ms": "Malay",
    "mt": "Maltese",
    "my": "Burmese",
    "na": "Nauru",
    "nb": "Norwegian Bokmål",
    "nd": "North Ndebele",
    "ne": "Nepali",
    "ng": "Ndonga",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "no": "Norwegian",
    "nr": "South Ndebele",
    "nv": "Navajo",
    "ny": "Chichewa",
    "oc": "Occitan",
    "oj": "Ojibwa",
    "om": "Oromo",
    "or": "Oriya",
    "os": "Ossetian",
    "pa": "Panjabi",
    "pi": "Pali",
    "pl": "Polish",
    "ps": "Pushto",
    "pt": "Portuguese",
    "qu": "Quechua",
    "rm": "Romansh",
    "rn": "Rundi",
    "ro": "Romanian",
    "ru": "Russian",
    "rw": "Kinyarwanda",
    "sa": "Sanskrit",
    "sc": "Sardinian",
    "sd": "Sindhi",
    "se": "Northern Sami",
    "sg": "Sango",
    "si": "Sinhala",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sm": "Samoan",
    "sn": "Shona",
    "so": "Somali",
    "sq": "Albanian",
    "sr": "Serbian",
    "ss": "Swati",
    "st": "Southern Sotho",
    "su": "Sundanese",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "tg": "Tajik",
    "th": "Thai",
    "ti": "Tigrinya",
    "tk": "Turkmen",
    "tl": "Tagalog",
    "tn": "Tswana",
    "to": "Tonga",
    "tr": "Turkish",
    "ts": "Tsonga",
    "tt": "Tatar",
    "tw": "Twi",
    "ty": "Tahitian",
    "ug": "Uighur",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "ve": "Venda",
    "vi": "Vietnamese",
    "vo": "Volapük",
    "wa": "Walloon",
    "wo": "Wolof",
    "xh": "Xhosa",
    "yi": "Yiddish",
    "yo": "Yoruba",
    "za": "Zhuang",
    "zh": "Chinese",
    "zu": "Zulu",
}

# Codes and names people write for a language, with the code they mean.
_MEANT = {
    "sp": "es",
    "jp": "ja",
    "cn": "zh",
    "gr": "el",
    "dk": "da",
    "ua": "uk",
    "vn": "vi",
    "cz": "cs",
    "kp": "ko",
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "eng": "en",
    "spa": "es",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "zho": "zh",
    "chi": "zh",
    "por": "pt",
    "rus": "ru",
    "ara": "ar",
    "vie": "vi",
    "kor": "ko",
    "jpn": "ja",
    "hin": "hi",
    "ita": "it",
    "pol": "pl",
    "tgl": "tl",
    "fil": "tl",
    "filipino": "tl",
    "mandarin": "zh",
    "cantonese": "zh",
    "farsi": "fa",
    "castilian": "es",
}

# The same shape for the JSON Schemas, which have no flag for case.
TAG_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
_TAG = re.compile(
    r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)",
    re.IGNORECASE,
)
EXPECTED = "a BCP 47 tag: a two-letter ISO 639-1 language code, then optionally a script and a region, such as en-US, es-MX or zh-Hant-TW"


def _cased(match: re.Match) -> str:
    """A well-formed tag in its usual case: en-US, zh-Hant-TW."""
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts) + match["variants"].lower()


def check_language(value: str) -> tuple[str | None, str]:
    """The tag in its usual case, or None and what is wrong with it (with a suggestion when one is close)."""
    match = _TAG.fullmatch(value)
    if match is not None:
        tag = _cased(match)
        if match["language"].lower() in LANGUAGES:
            return tag, ""
        return None, f"'{value}' does not start with a known language code; expected {EXPECTED}{_suggestion(value)}"
    return None, f"'{value}' is not a language tag; expected {EXPECTED}{_suggestion(value)}"


def _suggestion(value: str) -> str:
    meant = _meant(value)
    return f"; did you mean '{meant}'?" if meant else ""


def _meant(value: str) -> str | None:
    """The tag a wrong value most likely stands for: en_US for en-US, english for en, sp for es."""
    words = value.strip().replace("_", "-").replace(" ", "-")
    match = _TAG.fullmatch(words)
    if match is not None:
        language = match["language"].lower()
        language = language if language in LANGUAGES else _MEANT.get(language)
        if language is None:
            return None
        rest = _cased(match)[len(match["language"]) :]
        return language + rest
    name = value.strip().lower()
    if name in _MEANT:
        return _MEANT[name]
    for code, english in LANGUAGES.items():
        if name == english.lower():
            return code
    return None

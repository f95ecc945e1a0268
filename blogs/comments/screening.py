"""What marks a comment for a teacher's closer look, and why.

Every comment waits for a teacher whatever this finds; a reason only puts "flagged" beside it in
the queue. Reasons are:

- a word or phrase on the school's list (**Settings › Comment settings**), matched as a whole
  word, or with a common English ending ("kill" finds "killed" and "killer", not "skilful";
  "dumb" not "Dumbledore"), after undoing the usual disguises: full-width and other look-alike
  letters, accents, capitals, digits and symbols for letters ("1d1ot", "$tupid"), masked
  letters ("st*pid") and letters spelt out with spaces or dots ("k i l l"). Phrases on the
  school's "allowed" list are taken out first, so that "Kill Devil Hills" is a place;
- web addresses (link spam);
- an email address or phone number;
- what a stranger might ask of a child: a photo, where they live, to meet, to talk somewhere
  private (Snapchat, WhatsApp, "add me"), or to keep a secret. These patterns are English; the
  school's list can add words in any language.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from django.utils.translation import gettext, ngettext

from .plain_text import without_invisible

WORD_CHAR = r"[^\W_]"  # a letter or digit in any script
NOT_BEFORE = r"(?<![^\W_])"
NOT_AFTER = r"(?![^\W_])"
ENDINGS = ("s", "es", "d", "ed", "er", "ers", "est", "ing", "ings", "y", "ful", "ness", "ity")
# Digits and symbols used for letters. Applied to the whole text: a number can become letters
# ("10" → "io"), which no word on a list matches.
LOOKALIKES = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
BANG_FOR_I = re.compile(r"(?<=[^\W\d_])[!|](?=[^\W\d_])")
MASKS = "*#"
MASKED = re.compile(r"(?<![^\W_*#])(?:[^\W_]|[*#])*[*#](?:[^\W_]|[*#])*")
# Single letters with spaces, dots or dashes between: "k i l l", "k.i.l.l".
SPELT_OUT = re.compile(
    rf"{NOT_BEFORE}{WORD_CHAR}(?:[\s.\-_*·•]{{1,3}}{WORD_CHAR}){{2,}}{NOT_AFTER}"
)
# Scripts written without spaces between words: their entries match anywhere.
UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|io|co|uk|us|ru|cn|xyz|top|site"
    r"|online|club|shop|store|me|ly|tk|link|click|app|dev)\b(?:/[^\s<>\"']*)?"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\d])\+?\d(?:[\s().-]{0,2}\d){8,}(?![\d])")

YOU = r"(?:you|u|ya|yourself)"
YOUR = r"(?:your|ur|yr)"
ASKS = {
    "photo": [
        r"\b(?:send|show|give|email|text|dm|message|post)\s+(?:me|us)\b(?:\W+\w+){0,3}?\W+"
        r"(?:photo|pic|picture|selfie|snap|image|video)s?\b",
        rf"\b(?:photo|pic|picture|selfie|image|video)s?\s+of\s+{YOU}\b",
        rf"\b(?:what\s+do|how\s+do)\s+{YOU}\s+look\s+like\b",
    ],
    "home": [
        rf"\bwhere\s+do\s+{YOU}\s+live\b",
        rf"\b{YOUR}\s+(?:home\s+|house\s+)?address\b",
        rf"\bwhere(?:'s|\s+is)\s+{YOUR}\s+(?:house|home)\b",
        r"\bwhat\s+(?:street|road|house\s+number)\b",
    ],
    "meet": [
        rf"\bmeet\s+(?:me|up|{YOU}|in\s+person)\b",
        r"\b(?:let'?s|can\s+we|could\s+we|shall\s+we|want\s+to|wanna)\s+meet\b",
        r"\bcome\s+(?:and\s+|to\s+)?(?:see|visit|meet)\s+me\b",
    ],
    "private": [
        r"\b(?:whatsapp|snapchat|snap\s+chat|instagram|insta|tiktok|discord|kik|telegram"
        r"|facetime|skype|signal\s+me)\b",
        r"\badd\s+me\b",
        r"\b(?:dm|pm|message|text|ring|phone|email)\s+me\b",
        rf"\b{YOUR}\s+(?:phone|mobile|number|username|user\s+name|snap|email)\b",
        r"\bphone\s+number\b",
    ],
    "secret": [
        rf"\b(?:don'?t|do\s+not|never)\s+tell\s+(?:{YOUR}|any\s*(?:one|i)|mum|mom|dad"
        r"|parents|teachers?|miss|sir)\b",
        r"\bour\s+(?:little\s+)?secret\b",
        r"\bkeep\s+(?:it|this)\s+(?:a\s+)?secret\b",
    ],
}
ASK_PATTERNS = {reason: [re.compile(p) for p in patterns] for reason, patterns in ASKS.items()}


def _ask_label(reason: str) -> str:
    return {
        "photo": gettext("asks for a photo"),
        "home": gettext("asks where someone lives"),
        "meet": gettext("asks to meet"),
        "private": gettext("asks to talk privately"),
        "secret": gettext("asks for a secret"),
    }[reason]


def folded(text: str) -> str:
    """Invisible characters gone, look-alike letters made plain (NFKC: full-width, bold …),
    accents dropped, lower case; whitespace collapsed."""
    text = unicodedata.normalize("NFKD", without_invisible(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().translate(APOSTROPHES)
    return " ".join(text.split())


def normalised(text: str) -> str:
    """:func:`folded`, with digits and symbols read as the letters they stand for."""
    return BANG_FOR_I.sub("i", folded(text)).translate(LOOKALIKES)


@lru_cache(maxsize=512)
def _entry_pattern(entry: str, endings: bool = True) -> re.Pattern:
    words = entry.split()
    if UNSPACED.search(entry):
        return re.compile(re.escape("".join(words)))
    stem = r"\s+".join(re.escape(word) for word in words)
    forms = [stem]
    if endings:
        forms.append(stem + "(?:" + "|".join(ENDINGS) + ")")
        if words[-1].endswith("e") and len(words[-1]) > 2:
            forms.append(stem[:-1] + "ing")  # hate → hating
    return re.compile(rf"{NOT_BEFORE}(?:{'|'.join(forms)}){NOT_AFTER}")


def _masked_matches(token: str, entry: str) -> bool:
    """``st*pid`` is ``stupid``: same length, every unmasked letter the same."""
    letters = sum(1 for c in token if c not in MASKS)
    if letters < 2 or letters < len(token) - letters:
        return False
    candidates = [entry, *(entry + ending for ending in ENDINGS)]
    return any(
        len(word) == len(token)
        and all(t in MASKS or t == w for t, w in zip(token, word, strict=True))
        for word in candidates
    )


def words_found(text: str, entries: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """The entries of a school's list that ``text`` contains, in the list's order."""
    text = normalised(text)
    for phrase in allowed:
        if phrase := normalised(phrase):
            text = _entry_pattern(phrase, endings=False).sub(" ", text)
    spelt_out = ["".join(re.findall(WORD_CHAR, m.group())) for m in SPELT_OUT.finditer(text)]
    masked = [m.group() for m in MASKED.finditer(text)]
    found = []
    for entry in entries:
        wanted = normalised(entry)
        if not wanted or entry in found:
            continue
        single_word = " " not in wanted
        if (
            _entry_pattern(wanted).search(text)
            or any(wanted.replace(" ", "") in run for run in spelt_out)
            or (single_word and any(_masked_matches(token, wanted) for token in masked))
        ):
            found.append(entry)
    return found


def contact_reasons(text: str) -> list[str]:
    """Web addresses, contact details and a stranger's requests in ``text``, as reasons."""
    plain = folded(text)
    reasons = []
    if links := len(LINK.findall(plain)):
        reasons.append(
            ngettext("%(count)s web address", "%(count)s web addresses", links) % {"count": links}
        )
    if EMAIL.search(plain):
        reasons.append(gettext("an email address"))
    if PHONE.search(plain):
        reasons.append(gettext("a phone number"))
    readable = normalised(text)
    for reason, patterns in ASK_PATTERNS.items():
        if any(pattern.search(readable) for pattern in patterns):
            reasons.append(_ask_label(reason))
    return reasons

"""Plain text from visitors, without the invisible characters that can disguise it.

Control characters (Unicode category Cc) and format characters (Cf) are removed from names and
comments before they are checked or stored. Among them are the bidirectional overrides and
isolates (U+202A–U+202E, U+2066–U+2069), which can make "Tom" display as a different name or
reverse a web address, and the zero-width characters that split a word so that no list
matches it. Kept: newlines and tabs in a comment's body; the zero-width joiner and non-joiner,
which Urdu and Persian spelling and emoji families need; and the tag characters of the Welsh
and Scottish flag emoji.
"""

import re
import unicodedata

KEEP_IN_BODY = {"\n", "\t"}
JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ
# 🏴 followed by tag letters and the cancel tag: the flags of Wales, Scotland and England.
FLAG_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0061-\U000e007a]+\U000e007f")


def _is_hidden(character: str, keep: set[str]) -> bool:
    return character not in keep and unicodedata.category(character) in {"Cc", "Cf"}


def strip_controls(text: str, *, multiline: bool = False) -> str:
    """``text`` without control and format characters (newlines and tabs kept if multiline)."""
    keep = JOINERS | (KEEP_IN_BODY if multiline else set())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    pieces, position = [], 0
    for flag in FLAG_TAG_SEQUENCE.finditer(text):
        pieces.append("".join(c for c in text[position : flag.start()] if not _is_hidden(c, keep)))
        pieces.append(flag.group())
        position = flag.end()
    pieces.append("".join(c for c in text[position:] if not _is_hidden(c, keep)))
    return "".join(pieces)


def without_invisible(text: str) -> str:
    """For matching, not storing: line breaks and tabs become spaces, and every other control
    or format character goes, joiners too."""
    text = re.sub(r"[\t\n\v\f\r\x1c-\x1f\x85]", " ", text)
    return "".join(c for c in text if unicodedata.category(c) not in {"Cc", "Cf"})

"""The translation catalogues under locale/: Welsh complete for the public site, all compiled.

`make messages` collects the strings (file references only, so the .po files change when
strings do, not when lines move); `make messages-check` in CI fails if they are out of date.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["cy", "pl", "ur"]

# What parents, pupils and visitors read: the public templates, the comment form and its
# messages, search, feeds, the class and award pages' labels, and language names.
PUBLIC_MODULES = {
    "blogs/commenting.py",
    "blogs/models/awards.py",
    "blogs/models/authors.py",
    "blogs/models/class_blogs.py",
    "blogs/models/comments.py",
    "blogs/models/posts.py",
    "home/models.py",
    "schoolsite/settings/base.py",
    "search/views.py",
}
STAFF_ONLY_TEMPLATES = ("templates/blogs/admin/", "templates/blogs/emails/comments_waiting.txt")
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def is_public(path: str) -> bool:
    if path.startswith("templates/"):
        return not path.startswith(STAFF_ONLY_TEMPLATES)
    return path in PUBLIC_MODULES


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def translations(entry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_the_welsh_catalogue_covers_the_whole_public_interface():
    public = [
        entry
        for entry in catalogue("cy")
        if any(is_public(path) for path, _line in entry.occurrences)
    ]
    assert len(public) > 250  # the public templates and modules really were collected
    untranslated = [
        entry.msgid
        for entry in public
        if entry.fuzzy or not all(text.strip() for text in translations(entry))
    ]
    assert untranslated == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder(code):
    for entry in catalogue(code).translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in translations(entry):
            assert sorted(PLACEHOLDER.findall(text)) == wanted, entry.msgid


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(code):
    """Django reads the .mo files; a stale one would quietly show old or English text."""
    compiled = {
        (entry.msgctxt, entry.msgid): translations(entry)
        for entry in polib.mofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.mo"))
        if entry.msgid
    }
    source = {
        (entry.msgctxt, entry.msgid): translations(entry)
        for entry in catalogue(code).translated_entries()
    }
    assert compiled == source

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

# What parents, pupils and visitors read besides the public templates: the comment form and its
# messages, search and the listing filters, feeds and the news timeline, the class and award
# pages' labels, language names, the email subscription forms and emails, the children's survey
# screens, the public sign-in pages (and the code form they show) and private-file refusals.
PUBLIC_MODULES = {
    "blogs/awards/filters.py",
    "blogs/awards/models.py",
    "blogs/classes/authors.py",
    "blogs/classes/class_blogs.py",
    "blogs/classes/filters.py",
    "blogs/classes/posts.py",
    "blogs/classes/timeline.py",
    "blogs/comments/bot_defences.py",
    "blogs/comments/forms.py",
    "blogs/comments/models.py",
    "blogs/comments/views.py",
    "blogs/helpsheets/filters.py",
    "blogs/reports/surveys/forms.py",
    "blogs/reports/surveys/models.py",
    "blogs/reports/surveys/views.py",
    "blogs/school/sign_in_views.py",
    "blogs/school/two_factor.py",
    "blogs/subscriptions/content.py",
    "blogs/subscriptions/emails.py",
    "blogs/subscriptions/forms.py",
    "blogs/subscriptions/models.py",
    "blogs/subscriptions/views.py",
    "home/models.py",
    "home/private_files/views.py",
    "schoolsite/settings/base.py",
    "search/filters.py",
}
# Templates under templates/ that only staff see (in the Wagtail admin, or emailed to staff);
# every other template is public. The survey screens children answer stay public.
STAFF_ONLY_TEMPLATES = (
    "templates/blogs/admin/",
    "templates/blogs/emails/waiting_for_you.txt",
    "templates/blogs/review/",
    "templates/blogs/reports/activity.html",
    "templates/blogs/reports/governors.html",
    "templates/blogs/reports/includes/activity_row.html",
    "templates/blogs/reports/includes/exports.html",
    "templates/blogs/reports/includes/report_form.html",
    "templates/blogs/reports/includes/weekly_chart.html",
    "templates/blogs/reports/participation.html",
    "templates/blogs/reports/survey_results.html",
    "templates/blogs/reports/survey_results_index.html",
    "templates/registration/admin_sign_in_code.html",
    "templates/registration/two_factor_setup.html",
    "templates/registration/user_edit.html",
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")  # %(name)s, %(count)d …


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


def test_the_lists_above_name_todays_files():
    """A module or template that moves would otherwise drop out of the check unnoticed."""
    collected = {path for entry in catalogue("cy") for path, _line in entry.occurrences}
    assert sorted(PUBLIC_MODULES - collected) == []
    base = Path(settings.BASE_DIR)
    assert [path for path in STAFF_ONLY_TEMPLATES if not (base / path).exists()] == []


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

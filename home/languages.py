"""The languages of the public site, and how a page relates to its translations.

A language is on the public site once the school has a Locale for it (Settings → Locales).
wagtail-localize keeps each language's page tree in step with English: a page not yet
translated is an *alias* of the English page, so every link and listing works in every
language, and the page tells the visitor it is shown in English for now.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site


def enabled_languages(request=None) -> list[str]:
    """Language codes that have a Locale, in the order of ``settings.LANGUAGES``.

    Asked once per request: the middleware, the switcher and the templates share the answer.
    """
    if request is not None and hasattr(request, "_schoolsite_languages"):
        return request._schoolsite_languages
    codes = set(Locale.objects.values_list("language_code", flat=True))
    languages = [code for code, _name in settings.LANGUAGES if code in codes]
    if request is not None:
        request._schoolsite_languages = languages
    return languages


def language_info(code: str) -> dict:
    """Django's facts about a language, named as people name it: "English", not "British
    English" (a region is dropped; a script, as in zh-hans, is kept)."""
    language, _dash, region = code.partition("-")
    return get_language_info(language if len(region) == 2 else code)


def language_name(code: str) -> str:
    """A language's own name for itself: Cymraeg, اردو, polski."""
    return language_info(code)["name_local"]


def localized_home(request) -> Page | None:
    """The site's home page in the current language (English when there is no translation)."""
    cache_key = f"_schoolsite_home_{get_language()}"
    if not hasattr(request, cache_key):
        site = Site.find_for_request(request)
        setattr(request, cache_key, site.root_page.localized if site else None)
    return getattr(request, cache_key)


def untranslated_source(page) -> Page | None:
    """The page this one stands in for, when it is a not-yet-translated copy in another language."""
    source = getattr(page, "alias_of", None)
    if source is not None and source.locale_id != page.locale_id:
        return source
    return None


def source_language_page(page):
    """The same page in the default language: where comments, awards and visits are kept.

    A post has one conversation and one set of awards, whichever language it is read in.
    """
    if page.locale_id == _default_locale_id():
        return page
    original = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale_id=_default_locale_id())
        .first()
    )
    return original or page


def _default_locale_id() -> int:
    return Locale.get_default().pk


def in_default_language(pages):
    """One row per page rather than one per language: for counts, dashboards and choices."""
    return pages.filter(locale__language_code=settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Alternate:
    """The current page (or view) in one language, for the switcher and ``hreflang``."""

    language_code: str
    url: str
    is_current: bool
    # The address search engines are given: the site's own hostname, as in the sitemap.
    full_url: str = ""

    @property
    def name(self) -> str:
        return language_name(self.language_code)

    @property
    def direction(self) -> str:
        return "rtl" if language_info(self.language_code)["bidi"] else "ltr"


def page_alternates(page, request) -> list[Alternate]:
    """The languages this page has really been translated into, live, in settings order.

    Aliases (untranslated copies) are left out: offering "Cymraeg" and opening English would
    mislead. On a routable page the route is kept, so /cy/news/ offers /ur/news/.
    """
    translations = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .select_related("locale")
    )
    page_url = page.get_url(request) or ""
    suffix = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    by_language = {translation.locale.language_code: translation for translation in translations}
    current = get_language()
    return [
        Alternate(
            code,
            by_language[code].get_url(request) + suffix,
            is_current=code == current and page.alias_of_id is None,
            full_url=by_language[code].get_full_url(request) + suffix,
        )
        for code in enabled_languages(request)
        if code in by_language
    ]

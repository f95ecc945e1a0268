"""The languages of the public site, and how a page relates to its translations.

A language is on the public site once the school has a Locale for it (Settings → Locales).
wagtail-localize keeps each language's page tree in step with English: a page not yet
translated is an *alias* of the English page, so every link and listing works in every
language, and the page tells the visitor it is shown in English for now.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from .page_cache.fragments import remember


def enabled_languages(request=None) -> list[str]:
    """Language codes that have a Locale, in the order of ``settings.LANGUAGES``.

    Asked once per request: the middleware, the switcher and the templates share the answer.
    """
    if request is not None and hasattr(request, "_schoolsite_languages"):
        return request._schoolsite_languages

    def ask_the_database() -> list[str]:
        codes = set(Locale.objects.values_list("language_code", flat=True))
        return [code for code, _name in settings.LANGUAGES if code in codes]

    # Kept between requests (a new Locale purges everything, see home.page_cache).
    languages = remember(request, "enabled-languages", ask_the_database)
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
    """The site's home page in the current language (English when there is no live
    translation), as its own type: where Wagtail starts routing, and what the menu lists."""
    cache_key = f"_schoolsite_home_{get_language()}"
    if not hasattr(request, cache_key):
        # Kept between requests for each host and language (a change to a home page or to the
        # Sites purges everything, see home.page_cache).
        home = remember(request, "localized-home", lambda: _find_localized_home(request))
        setattr(request, cache_key, home)
    return getattr(request, cache_key)


def localized_home_url(request) -> str:
    home = localized_home(request)
    return home.get_url(request) if home else "/"


def _find_localized_home(request) -> Page | None:
    site = Site.find_for_request(request)
    # As Wagtail's routing finds it (Page.route_for_request).
    return site.root_page.localized.specific if site is not None else None


def active_locale_id(request) -> int:
    """The id of the Locale of the language being read (``Locale.get_active()``), kept
    between requests (a change to the Locales purges everything)."""
    return remember(request, "active-locale", lambda: Locale.get_active().pk)


def page_copies(page, request=None) -> list[Page]:
    """The page in every language (itself included, live or not, each with its Locale), and,
    with ``request``, the site's home page in every language too: one query, remembered on
    the page, for the language links, the "not translated yet" note and the comments."""
    remembered = getattr(page, "_schoolsite_copies", None)
    if remembered is None or (request is not None and not remembered[0]):
        keys = {page.translation_key}
        home = localized_home(request) if request is not None else None
        if home is not None:
            keys.add(home.translation_key)
        copies = list(Page.objects.filter(translation_key__in=keys).select_related("locale"))
        remembered = (request is not None, copies)
        page._schoolsite_copies = remembered
    return remembered[1]


def untranslated_source(page, request=None) -> Page | None:
    """The page this one stands in for, while it shows another language's content.

    That is an alias (wagtail-localize's copy of an untranslated page), and also a translation
    that has been started but never published: starting one turns the alias into a page of
    its own whose live content is still the copy, until the translator publishes.
    """
    if not hasattr(page, "_schoolsite_untranslated_source"):
        source = None
        if page.alias_of_id is not None:
            copies = {copy.pk: copy for copy in page_copies(page, request)}
            source = copies.get(page.alias_of_id) or (
                Page.objects.select_related("locale").get(pk=page.alias_of_id)
            )
            source = source if source.locale_id != page.locale_id else None
        elif page.live_revision_id is None and page.locale_id != _default_locale_id():
            source = next(
                (
                    copy
                    for copy in page_copies(page, request)
                    if copy.translation_key == page.translation_key
                    and copy.locale_id == _default_locale_id()
                ),
                None,
            )
        page._schoolsite_untranslated_source = source
    return page._schoolsite_untranslated_source


def is_translated():
    """Pages whose live content is their own language's (see ``untranslated_source``)."""
    return Q(alias_of=None) & (
        Q(locale__language_code=settings.LANGUAGE_CODE) | Q(live_revision__isnull=False)
    )


def source_language_page(page):
    """The same page in the default language: where comments, awards and visits are kept.

    A post has one conversation and one set of awards, whichever language it is read in.
    Remembered on the page: the visit counter and the comments both ask while it is served.
    """
    if page.locale_id == _default_locale_id():
        return page
    if not hasattr(page, "_schoolsite_source_language_page"):
        original = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale_id=_default_locale_id())
            .first()
        )
        page._schoolsite_source_language_page = original or page
    return page._schoolsite_source_language_page


def source_language_pk(page):
    """``source_language_page(page).pk`` as part of a query, so that finding it costs no
    query of its own (the comments of a post read in Welsh are kept on the English post)."""
    if page.locale_id == _default_locale_id():
        return Value(page.pk)
    original = Page.objects.filter(
        translation_key=page.translation_key, locale_id=_default_locale_id()
    ).values("pk")[:1]
    return Coalesce(Subquery(original), Value(page.pk))


_default_locale_ids: dict[str, int] = {}


def _default_locale_id() -> int:
    """The default Locale's id, asked of the database once per process.

    Pages compare their ``locale_id`` with it several times a request; the row is made by
    Wagtail's migrations and practically never changes (see ``forget_default_locale``).
    """
    code = settings.LANGUAGE_CODE
    if code not in _default_locale_ids:
        _default_locale_ids[code] = Locale.get_default().pk
    return _default_locale_ids[code]


def forget_default_locale(**kwargs) -> None:
    """Connected to Locale's save and delete signals (see ``signals.connect``)."""
    _default_locale_ids.clear()


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


def _is_translated(page) -> bool:
    """:func:`is_translated` for a page already loaded."""
    return page.alias_of_id is None and (
        page.locale.language_code == settings.LANGUAGE_CODE or page.live_revision_id is not None
    )


def _live_copies(page, request) -> list[Page]:
    """Every live copy of the page and of the home page, in every language."""
    return [copy for copy in page_copies(page, request) if copy.live]


def _alternate(copy, page, request, suffix: str) -> Alternate:
    code = copy.locale.language_code
    return Alternate(
        code,
        copy.get_url(request) + suffix,
        is_current=code == get_language() and copy.pk == page.pk,
        full_url=copy.get_full_url(request) + suffix,
    )


def _route_suffix(page, request) -> str:
    """On a routable page, the route after the page's own URL (``news/`` + ``subjects/x/``)."""
    page_url = page.get_url(request) or ""
    return request.path[len(page_url) :] if request.path.startswith(page_url) else ""


def page_languages(page, request) -> tuple[list[Alternate], list[Alternate]]:
    """(``hreflang`` alternates, the switcher's languages) for a page, in settings order.

    Search engines are given only the languages the page has really been translated into:
    an untranslated copy would be a duplicate of the English page. A reader is offered every
    language the school's site is in (its home page is translated) where the page has a copy,
    so a Welsh reader can switch to Welsh from any page; an untranslated one then opens in
    Welsh with its content in English and a note saying so. On a routable page the route is
    kept, so /cy/news/ offers /ur/news/.
    """
    copies = _live_copies(page, request)
    suffix = _route_suffix(page, request)
    home = localized_home(request)
    site_languages = {settings.LANGUAGE_CODE} | {
        copy.locale.language_code
        for copy in copies
        if home and copy.translation_key == home.translation_key and _is_translated(copy)
    }
    by_language = {
        copy.locale.language_code: copy
        for copy in copies
        if copy.translation_key == page.translation_key
    }
    alternates, switcher = [], []
    for code in enabled_languages(request):
        copy = by_language.get(code)
        if copy is None:
            continue
        alternate = _alternate(copy, page, request, suffix)
        translated = _is_translated(copy)
        if translated:
            alternates.append(alternate)
        # A real translation is always offered, even where the rest of the site is not.
        if translated or code in site_languages or alternate.is_current:
            switcher.append(alternate)
    return alternates, switcher

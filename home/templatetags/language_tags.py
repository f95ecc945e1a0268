"""The language switcher, ``hreflang`` alternates and the "not translated yet" note."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from ..languages import (
    Alternate,
    enabled_languages,
    language_info,
    localized_home_url,
    page_languages,
    untranslated_source,
)

register = template.Library()


def _languages(context) -> tuple[list[Alternate], list[Alternate]]:
    """(``hreflang`` alternates, the switcher's languages) of the current page or view; asked
    once per request."""
    request = context["request"]
    if not hasattr(request, "_schoolsite_languages_offered"):
        page = context.get("page")
        if isinstance(page, Page):
            offered = page_languages(page, request)
        else:
            # Search, sign-in, errors: the same view exists in every language.
            current = get_language()
            alternates = [
                Alternate(code, translate_url(request.get_full_path(), code), code == current)
                for code in enabled_languages(request)
            ]
            offered = (alternates, alternates)
        request._schoolsite_languages_offered = offered
    return request._schoolsite_languages_offered


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    languages = _languages(context)[1]
    # One link to the page you are already reading is no choice at all.
    offers_a_choice = any(not language.is_current for language in languages)
    return {"languages": languages if offers_a_choice else []}


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context) -> dict:
    """``hreflang`` alternates for search engines; an untranslated copy names its original."""
    page = context.get("page")
    source = untranslated_source(page, context["request"]) if isinstance(page, Page) else None
    alternates = _languages(context)[0] if isinstance(page, Page) else []
    return {
        "alternates": alternates,
        "default": next((a for a in alternates if a.language_code == settings.LANGUAGE_CODE), None),
        "canonical": source.get_full_url(context["request"]) if source else None,
        "request": context["request"],
    }


@register.simple_tag(takes_context=True)
def shown_in_language(context) -> dict | None:
    """The language a not-yet-translated page's content is in (code, direction, name)."""
    page = context.get("page")
    source = untranslated_source(page, context.get("request")) if isinstance(page, Page) else None
    if source is None:
        return None
    info = language_info(source.locale.language_code)
    return {
        "code": source.locale.language_code,
        "direction": "rtl" if info["bidi"] else "ltr",
        # In the visitor's language: "Saesneg" on a Welsh page.
        "name": info["name_translated"],
    }


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    return localized_home_url(context["request"])

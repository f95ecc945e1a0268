"""Django's LocaleMiddleware, limited to the languages the school has switched on.

``settings.LANGUAGES`` is the list a school can choose from; a language is on the public site
once it has a Locale. Django's language cookie remembers a visitor's choice, and nothing else
is stored: the cookie is only set when the visitor reads in a language other than the one we
would have picked for them anyway, so most responses carry no cookie and stay cacheable.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail.models import Site

from .languages import enabled_languages
from .page_cache.fragments import remember


class SiteLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        # Wagtail asks for the request's Site several times; kept between requests per host
        # (a change to the Sites purges everything, see home.page_cache).
        request._wagtail_site = remember(
            request, "site", lambda: Site._find_for_request(request), per_language=False
        )
        super().process_request(request)
        enabled = enabled_languages(request)
        in_path = translation.get_language_from_path(request.path_info)
        if in_path and in_path not in enabled:
            # /fr/… before the school has French: the same path in the default language.
            rest = request.get_full_path()[len(in_path) + 1 :]
            return HttpResponseRedirect(f"/{settings.LANGUAGE_CODE}{rest}")
        if translation.get_language() not in enabled:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.status_code == 200:
            self.remember_language(request, response, enabled_languages(request))
        return response

    @classmethod
    def remember_language(cls, request, response, enabled: list[str]) -> None:
        """Set the language cookie when the visitor reads in a language other than the one
        we would have picked for them. ``enabled`` is given by the page cache for a page it
        answers without asking the database (see ``home.page_cache``)."""
        chosen = translation.get_language_from_path(request.path_info)
        if chosen and chosen in enabled and chosen != cls.expected_language(request, enabled):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )

    @staticmethod
    def expected_language(request, enabled: list[str] | None = None) -> str:
        """The language a visit to the bare domain would open: cookie, browser, then default."""
        language = translation.get_language_from_request(request, check_path=False)
        enabled = enabled_languages(request) if enabled is None else enabled
        return language if language in enabled else settings.LANGUAGE_CODE

"""One pagination rule for every list of posts."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404


def paginate(request, items, per_page: int) -> Page:
    """The requested page of ``items``.

    A missing or non-numeric ``?page=`` gives the first page (a mistyped link is not an error);
    a page past the end is a 404, so search engines drop links to pages that no longer exist.
    """
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    if not number.isdigit():
        number = 1
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(str(error)) from error

"""The address the school's site is served at, which every link it sends out is built from.

Wagtail makes absolute links (feeds, ``hreflang``, the sitemap, every email) from the Site
record: its hostname and port (port 443 means ``https://``, 80 ``http://``, any other
``http://host:port``). A Site left at Wagtail's ``localhost:80`` sends families links that lead
nowhere, so the demo sets it to where ``make demo`` serves, and production sets it once, in
**Settings › Sites** or with ``manage.py set_site_address https://www.oakfield.sch.uk``.
Links into the admin (workflow emails) use ``WAGTAILADMIN_BASE_URL``; the deploy check below
says when the two disagree.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def parse_address(address: str) -> tuple[str, int]:
    """(hostname, port) for an address such as ``http://127.0.0.1:8000`` or ``https://x.org``.

    Raises ``ValueError`` for an address Wagtail's Site cannot represent (https on a port
    other than 443: Wagtail takes every port but 443 to mean http).
    """
    parts = urlsplit(address.strip() if "://" in address else f"http://{address.strip()}")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"Not a web address: {address!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(f"A Site is https on port 443 only, http on any other: {address!r}")
    return parts.hostname, port


def set_site_address(site: Site, address: str) -> Site:
    """Point ``site`` at ``address``, so that the links it sends out lead back to it."""
    site.hostname, site.port = parse_address(address)
    site.save(update_fields=["hostname", "port"])
    return site


@checks.register(checks.Tags.database, deploy=True)
def check_site_address(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """``check --deploy --database default``: the default Site is where the site is served."""
    if not databases:
        return []
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # not migrated yet: nothing to check
    if site is None:
        return []
    problems = []
    if site.hostname in LOCAL_HOSTS:
        problems.append(
            checks.Warning(
                f"The default Site's address is {site.root_url}: every link in feeds, the "
                "sitemap and emails points there.",
                hint="Set it in Settings › Sites, or: manage.py set_site_address https://…",
                id="home.W001",
            )
        )
    admin = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if admin.hostname and admin.hostname != site.hostname:
        problems.append(
            checks.Warning(
                f"WAGTAILADMIN_BASE_URL ({settings.WAGTAILADMIN_BASE_URL}) is not the default "
                f"Site's address ({site.root_url}): workflow emails link elsewhere.",
                hint="Give both the address the school's staff use.",
                id="home.W002",
            )
        )
    return problems

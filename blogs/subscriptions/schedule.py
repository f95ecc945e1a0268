"""When the weekly digest is due: the day and time in Settings › School details, in the
school's time zone (``TIME_ZONE``), by default Friday 15:30."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from wagtail.models import Site

from home.site_settings import SchoolSettings

WEEK = timedelta(days=7)


def latest_digest_time(site: Site, now: datetime) -> datetime:
    """The most recent scheduled moment at or before ``now`` (an aware datetime).

    Computed on the local calendar, so 15:30 stays 15:30 across the change to summer time.
    """
    school = SchoolSettings.for_site(site)
    zone = ZoneInfo(settings.TIME_ZONE)
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - school.digest_day) % 7)
    due = datetime.combine(day, school.digest_time, tzinfo=zone)
    if due > local:
        due = datetime.combine(day - WEEK, school.digest_time, tzinfo=zone)
    return due


def next_digest_time(site: Site, now: datetime) -> datetime:
    """The first scheduled moment after ``now``: a new subscriber's first digest."""
    latest = latest_digest_time(site, now)
    return datetime.combine(latest.date() + WEEK, latest.time(), tzinfo=latest.tzinfo)

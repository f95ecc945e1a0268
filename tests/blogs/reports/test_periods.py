"""School periods as English schools keep them: the standard pattern, a school's own term
dates when a senior leader enters them, and the periods a report may cover."""

from datetime import date

import pytest
from django.urls import reverse

from blogs.models import TermDates
from blogs.reports.periods import PeriodForm, standard_period
from blogs.reports.terms import Term, standard_term, term_containing


def test_the_standard_autumn_term_has_half_term_in_the_week_of_the_last_monday_of_october():
    autumn = standard_term(Term.AUTUMN, 2025)
    assert (autumn.starts, autumn.ends) == (date(2025, 9, 1), date(2025, 12, 31))
    assert autumn.halves == [
        (date(2025, 9, 1), date(2025, 10, 26)),
        (date(2025, 11, 3), date(2025, 12, 31)),
    ]
    assert autumn.label == "Autumn term 2025–26"


def test_the_standard_summer_half_term_is_the_spring_bank_holiday_week():
    summer = standard_term(Term.SUMMER, 2025)
    assert summer.half_term_starts == date(2026, 5, 25)
    assert summer.ends == date(2026, 8, 31)


@pytest.mark.parametrize(
    ("choice", "today", "start", "label"),
    [
        ("week", date(2025, 11, 13), date(2025, 11, 10), "This week"),
        ("half-term", date(2025, 11, 13), date(2025, 11, 3), "Autumn term 2025–26, half-term 2"),
        ("half-term", date(2025, 10, 1), date(2025, 9, 1), "Autumn term 2025–26, half-term 1"),
        ("term", date(2026, 2, 2), date(2026, 1, 1), "Spring term 2025–26"),
        ("year", date(2026, 7, 20), date(2025, 9, 1), "School year 2025–26"),
        ("year", date(2025, 9, 1), date(2025, 9, 1), "School year 2025–26"),
    ],
)
def test_a_standard_period_runs_from_its_start_to_today(db, choice, today, start, label):
    period = standard_period(choice, today)
    assert (period.start, period.end, period.label) == (start, today, label)


def test_a_school_s_own_term_dates_replace_the_standard_ones(db):
    TermDates.objects.create(
        school_year=2025,
        term=Term.AUTUMN,
        starts=date(2025, 9, 3),
        half_term_starts=date(2025, 10, 27),
        half_term_ends=date(2025, 10, 31),
        ends=date(2025, 12, 19),
    )
    assert term_containing(date(2025, 12, 22)).ends == date(2025, 12, 19)  # the holiday
    period = standard_period("half-term", date(2025, 11, 5))
    assert period.start == date(2025, 11, 1)


def test_weeks_are_mondays_covering_the_period(db):
    period = standard_period("year", date(2025, 9, 10))
    assert period.weeks() == [date(2025, 9, 1), date(2025, 9, 8)]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2025-10-10", "2025-10-01", "The last day is before the first day."),
        ("2025-12-01", "2025-12-31", "That period has not started yet: choose dates up to today."),
        ("2024-01-01", "2025-11-01", "Choose a period of 400 days or fewer."),
        ("", "2025-11-01", "Choose both a first and a last day."),
    ],
)
def test_bad_dates_are_refused_with_a_plain_message(db, start, end, message):
    form = PeriodForm({"period": "dates", "start": start, "end": end}, today=date(2025, 11, 13))
    assert not form.is_valid()
    assert form.non_field_errors() == [message]


def test_chosen_dates_stop_at_today(db):
    form = PeriodForm(
        {"period": "dates", "start": "2025-11-01", "end": "2025-11-30"}, today=date(2025, 11, 13)
    )
    assert form.is_valid()
    assert (form.resolved.start, form.resolved.end) == (date(2025, 11, 1), date(2025, 11, 13))


def test_term_dates_out_of_order_are_refused_in_the_admin(admin_client):
    data = {
        "school_year": "2025",
        "term": Term.SPRING,
        "starts": "2026-01-05",
        "half_term_starts": "2025-12-01",
        "half_term_ends": "2026-02-20",
        "ends": "2026-03-27",
    }
    response = admin_client.post(reverse("wagtailsnippets_blogs_termdates:add"), data)
    assert response.status_code == 200
    assert "The dates must follow each other" in response.content.decode()
    assert not TermDates.objects.exists()
    data["half_term_starts"] = "2026-02-16"
    response = admin_client.post(reverse("wagtailsnippets_blogs_termdates:add"), data)
    assert response.status_code == 302
    assert str(TermDates.objects.get()) == "Spring term 2025–26"

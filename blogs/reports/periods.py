"""The period a report covers: this week, half-term, term or school year, or chosen dates.

A period is whole days in the school's time zone. It never runs past today: a report of "this
term" in its third week covers those three weeks, and its charts show no empty weeks to come.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .terms import SCHOOL_YEAR_STARTS, school_year_label, school_year_of, term_containing

# A report covers at most a little over a school year, so its weekly charts stay readable.
LONGEST_PERIOD_DAYS = 400


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # the last day counted, inclusive
    label: str

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def ends_before(self) -> datetime:
        """The first moment after the period: comparisons use ``< ends_before``."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @property
    def dates(self) -> str:
        return gettext("%(start)s to %(end)s") % {
            "start": date_format(self.start, "j F Y"),
            "end": date_format(self.end, "j F Y"),
        }

    def weeks(self) -> list[date]:
        """The Monday of every week the period touches, in order."""
        monday = self.start - timedelta(days=self.start.weekday())
        return [monday + timedelta(weeks=n) for n in range((self.end - monday).days // 7 + 1)]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class PeriodChoice:
    WEEK = "week"
    HALF_TERM = "half-term"
    TERM = "term"
    YEAR = "year"
    DATES = "dates"

    choices = [
        (WEEK, _("This week")),
        (HALF_TERM, _("This half-term")),
        (TERM, _("This term")),
        (YEAR, _("This school year")),
        (DATES, _("Dates I choose")),
    ]


def standard_period(choice: str, today: date) -> Period:
    """This week, half-term, term or school year, as of ``today``."""
    if choice == PeriodChoice.WEEK:
        start, label = monday_of(today), gettext("This week")
    elif choice == PeriodChoice.YEAR:
        year = school_year_of(today)
        start = date(year, *SCHOOL_YEAR_STARTS)
        label = gettext("School year %(year)s") % {"year": school_year_label(year)}
    else:
        term = term_containing(today)
        start, label = term.starts, term.label
        if choice == PeriodChoice.HALF_TERM:
            first, second = term.halves
            start = second[0] if today >= second[0] else first[0]
            half = 2 if today >= second[0] else 1
            label = gettext("%(term)s, half-term %(half)s") % {"term": term.label, "half": half}
    # Before the first day of a school's own autumn term, its first report is of today.
    return Period(min(start, today), today, label)


class PeriodForm(forms.Form):
    """The period picker every report shares; bad dates get a plain message, not a report."""

    period = forms.ChoiceField(
        label=_("Period"), choices=PeriodChoice.choices, initial=PeriodChoice.TERM
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data=None, *, today: date | None = None, **kwargs):
        # An unsubmitted form shows this term's report: bind the default choice.
        data = data.copy() if data else {}
        if not data.get("period"):
            data["period"] = PeriodChoice.TERM
        super().__init__(data, **kwargs)
        self.today = today or timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("period")
        if choice is None:
            return cleaned
        if choice != PeriodChoice.DATES:
            cleaned["resolved"] = standard_period(choice, self.today)
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            if "start" not in self.errors and "end" not in self.errors:
                raise forms.ValidationError(_("Choose both a first and a last day."))
            return cleaned
        if end < start:
            raise forms.ValidationError(_("The last day is before the first day."))
        if start > self.today:
            raise forms.ValidationError(
                _("That period has not started yet: choose dates up to today.")
            )
        end = min(end, self.today)
        if (end - start).days >= LONGEST_PERIOD_DAYS:
            raise forms.ValidationError(
                _("Choose a period of %(days)s days or fewer.") % {"days": LONGEST_PERIOD_DAYS}
            )
        cleaned["resolved"] = Period(start, end, gettext("Chosen dates"))
        return cleaned

    @property
    def resolved(self) -> Period:
        return self.cleaned_data["resolved"]

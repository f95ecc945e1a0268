"""The school's terms and half-terms, as English schools keep them.

A school year starts on 1 September and has three terms (autumn, spring, summer), each split by
a week's half-term holiday. Local authorities set their own dates, so senior leaders may enter
the school's under Blogging reports › Term dates; until they do, :func:`standard_term` gives the
usual pattern: autumn from 1 September to 31 December with half-term in the week of the last
Monday in October; spring from 1 January to 31 March with half-term in the week of the third
Monday in February; summer from 1 April to 31 August with half-term in the week of the spring
bank holiday, the last Monday in May. The standard terms leave no gaps, so no week's activity
falls between terms; in a holiday after a school's own term, "this term" is the term just ended.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

SCHOOL_YEAR_STARTS = (9, 1)  # 1 September


class Term(models.TextChoices):
    AUTUMN = "autumn", _("Autumn term")
    SPRING = "spring", _("Spring term")
    SUMMER = "summer", _("Summer term")


TERM_ORDER = [Term.AUTUMN, Term.SPRING, Term.SUMMER]


def school_year_of(day: date) -> int:
    """The calendar year in which ``day``'s school year began (2025 for 2025–26)."""
    return day.year if (day.month, day.day) >= SCHOOL_YEAR_STARTS else day.year - 1


def school_year_label(year: int) -> str:
    return f"{year}–{str(year + 1)[-2:]}"


@dataclass(frozen=True)
class TermSpan:
    """One term's dates: its two halves, and the holiday between them."""

    term: str
    school_year: int
    starts: date
    half_term_starts: date  # the first day of the half-term holiday
    half_term_ends: date  # its last day
    ends: date

    @property
    def label(self) -> str:
        return gettext("%(term)s %(year)s") % {
            "term": Term(self.term).label,
            "year": school_year_label(self.school_year),
        }

    @property
    def halves(self) -> list[tuple[date, date]]:
        return [
            (self.starts, self.half_term_starts - timedelta(days=1)),
            (self.half_term_ends + timedelta(days=1), self.ends),
        ]


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def standard_term(term: str, school_year: int) -> TermSpan:
    """The usual English pattern, used until the school enters its own dates."""
    spring_year = school_year + 1
    if term == Term.AUTUMN:
        holiday = _last_monday(school_year, 10)
        starts, ends = date(school_year, 9, 1), date(school_year, 12, 31)
    elif term == Term.SPRING:
        holiday = _nth_monday(spring_year, 2, 3)
        starts, ends = date(spring_year, 1, 1), date(spring_year, 3, 31)
    else:
        holiday = _last_monday(spring_year, 5)
        starts, ends = date(spring_year, 4, 1), date(spring_year, 8, 31)
    return TermSpan(term, school_year, starts, holiday, holiday + timedelta(days=6), ends)


class TermDates(models.Model):
    """One term's dates as the school keeps them, in place of the standard pattern."""

    school_year = models.PositiveSmallIntegerField(
        _("school year starting"),
        help_text=_("The year the school year began: 2025 for 2025–26."),
    )
    term = models.CharField(_("term"), max_length=10, choices=Term.choices)
    starts = models.DateField(_("first day of term"))
    half_term_starts = models.DateField(_("first day of the half-term holiday"))
    half_term_ends = models.DateField(_("last day of the half-term holiday"))
    ends = models.DateField(_("last day of term"))

    panels = [
        FieldRowPanel([FieldPanel("school_year"), FieldPanel("term")]),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldRowPanel([FieldPanel("half_term_starts"), FieldPanel("half_term_ends")]),
    ]

    class Meta:
        ordering = ["-school_year", "starts"]
        constraints = [
            models.UniqueConstraint(fields=["school_year", "term"], name="one_set_of_term_dates")
        ]
        verbose_name = _("term dates")
        verbose_name_plural = _("term dates")

    def __str__(self) -> str:
        return self.span().label

    def span(self) -> TermSpan:
        return TermSpan(
            self.term,
            self.school_year,
            self.starts,
            self.half_term_starts,
            self.half_term_ends,
            self.ends,
        )

    def clean(self):
        super().clean()
        dates = [self.starts, self.half_term_starts, self.half_term_ends, self.ends]
        if None in dates or self.school_year is None:
            return  # the missing field has its own message
        if not self.starts < self.half_term_starts <= self.half_term_ends < self.ends:
            raise ValidationError(
                _(
                    "The dates must follow each other: the term starts, then the half-term "
                    "holiday starts and ends, then the term ends."
                )
            )
        year_starts = date(self.school_year, *SCHOOL_YEAR_STARTS)
        if not (year_starts <= self.starts and self.ends < date(self.school_year + 1, 9, 1)):
            raise ValidationError(
                _("The term must lie within the school year %(year)s (1 September to 31 August).")
                % {"year": school_year_label(self.school_year)}
            )


def terms_of_year(school_year: int) -> list[TermSpan]:
    """The year's three terms: the school's own dates where entered, else the standard ones."""
    entered = {t.term: t.span() for t in TermDates.objects.filter(school_year=school_year)}
    return [entered.get(term) or standard_term(term, school_year) for term in TERM_ORDER]


def term_containing(day: date) -> TermSpan:
    """The term ``day`` falls in; in a holiday between terms, the term just ended."""
    terms = terms_of_year(school_year_of(day))
    started = [term for term in terms if term.starts <= day]
    return started[-1] if started else terms[0]

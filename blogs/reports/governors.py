"""The governors' report: one printable page on how blogging is going across the school.

It gathers the activity report's figures per class, participation as counts (never a child's
name), who the audience is, and how a pupil survey changed between its baseline and follow-up,
for one period. Senior leaders print it, or save it as PDF from the browser's print dialogue.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from .activity import ActivityReport, activity_report
from .participation import participation_report
from .periods import Period
from .surveys.models import Survey
from .surveys.results import Comparison, compare, run_pair


@dataclass
class Participation:
    pupils: int
    posted: int
    signed_in: int
    quiet: int
    feedback: int

    def share(self, count: int) -> int | None:
        return round(100 * count / self.pupils) if self.pupils else None

    @property
    def posted_share(self) -> int | None:
        return self.share(self.posted)

    @property
    def signed_in_share(self) -> int | None:
        return self.share(self.signed_in)


@dataclass
class GovernorsReport:
    period: Period
    activity: ActivityReport
    participation: Participation
    survey: Survey | None
    comparison: Comparison | None


def governors_report(classes: QuerySet, period: Period, survey: Survey | None) -> GovernorsReport:
    activity = activity_report(classes, period)
    pupils = participation_report(classes, period).pupils
    participation = Participation(
        pupils=len(pupils),
        posted=sum(1 for pupil in pupils if pupil.posts),
        signed_in=sum(1 for pupil in pupils if pupil.days_signed_in),
        quiet=sum(1 for pupil in pupils if pupil.is_quiet),
        feedback=sum(pupil.feedback for pupil in pupils),
    )
    pair = run_pair(survey) if survey else None
    comparison = compare(*pair) if pair else None
    return GovernorsReport(period, activity, participation, survey, comparison)

"""A survey's results, baseline against follow-up, question by question.

Four queries for any number of answers: the questions, the responses per run, the answers
counted by run, question and answer, and the sentences written.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Smiley, SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyRun

# "Yes, a bit" and "Yes, a lot": the share of children who answered on the happy side.
POSITIVE = {Smiley.A_BIT, Smiley.A_LOT}


@dataclass
class Side:
    """One run's answers to one question."""

    answered: int = 0
    counts: dict = field(default_factory=dict)  # answer (smiley value or choice) -> children
    sentences: list[str] = field(default_factory=list)

    def share(self, count: int) -> int | None:
        return round(100 * count / self.answered) if self.answered else None

    @property
    def positive(self) -> int | None:
        """Percent of answers on the happy side of the smiley scale."""
        return self.share(sum(self.counts.get(value, 0) for value in POSITIVE))

    @property
    def average(self) -> float | None:
        total = sum(value * count for value, count in self.counts.items())
        return round(total / self.answered, 1) if self.answered else None


@dataclass
class QuestionResult:
    question: SurveyQuestion
    baseline: Side
    follow_up: Side | None

    @property
    def answers(self) -> list[str]:
        """The answers a child could give, in order, as the result table's rows."""
        if self.question.kind == SurveyQuestion.Kind.SMILEY:
            return [value for value, _label in Smiley.choices]
        return self.question.choice_list()

    @property
    def rows(self) -> list[tuple[str, int, int | None, int | None, int | None]]:
        """(answer, baseline count, baseline %, follow-up count, follow-up %) per answer."""
        rows = []
        for answer in self.answers:
            label = Smiley(answer).label if isinstance(answer, int) else answer
            count = self.baseline.counts.get(answer, 0)
            later = self.follow_up.counts.get(answer, 0) if self.follow_up else None
            rows.append(
                (
                    label,
                    count,
                    self.baseline.share(count),
                    later,
                    self.follow_up.share(later) if self.follow_up else None,
                )
            )
        return rows

    @property
    def positive_change(self) -> int | None:
        """Percentage points gained on the happy side since the baseline."""
        if self.follow_up is None or None in (self.baseline.positive, self.follow_up.positive):
            return None
        return self.follow_up.positive - self.baseline.positive


@dataclass
class Comparison:
    baseline: SurveyRun
    follow_up: SurveyRun | None
    responses: dict[int, int]  # run id -> responses
    questions: list[QuestionResult]

    @property
    def baseline_responses(self) -> int:
        return self.responses.get(self.baseline.pk, 0)

    @property
    def follow_up_responses(self) -> int | None:
        return self.responses.get(self.follow_up.pk, 0) if self.follow_up else None

    @property
    def smiley_questions(self) -> list[QuestionResult]:
        return [q for q in self.questions if q.question.kind == SurveyQuestion.Kind.SMILEY]


def compare(baseline: SurveyRun, follow_up: SurveyRun | None = None) -> Comparison:
    """The answers to ``baseline`` (and to ``follow_up``, a later run of the same survey)."""
    runs = [baseline] + ([follow_up] if follow_up else [])
    run_ids = [run.pk for run in runs]
    questions = list(SurveyQuestion.objects.filter(survey_id=baseline.survey_id))
    sides = {(run.pk, q.pk): Side() for run in runs for q in questions}

    responses = {
        row["run_id"]: row["total"]
        for row in SurveyResponse.objects.filter(run_id__in=run_ids)
        .values("run_id")
        .annotate(total=Count("pk"))
        .order_by()
    }
    answers = SurveyAnswer.objects.filter(response__run_id__in=run_ids).order_by()
    for row in answers.values("response__run_id", "question_id", "smiley", "choice").annotate(
        total=Count("pk")
    ):
        side = sides.get((row["response__run_id"], row["question_id"]))
        if side is None:
            continue
        side.answered += row["total"]
        answer = row["smiley"] if row["smiley"] is not None else row["choice"]
        if answer not in (None, ""):
            side.counts[answer] = side.counts.get(answer, 0) + row["total"]
    for run_id, question_id, sentence in (
        answers.exclude(sentence="")
        .order_by("sentence")
        .values_list("response__run_id", "question_id", "sentence")
    ):
        if side := sides.get((run_id, question_id)):
            side.sentences.append(sentence)

    results = [
        QuestionResult(
            question,
            sides[(baseline.pk, question.pk)],
            sides[(follow_up.pk, question.pk)] if follow_up else None,
        )
        for question in questions
    ]
    return Comparison(baseline, follow_up, responses, results)


def run_pair(survey) -> tuple[SurveyRun, SurveyRun | None] | None:
    """The survey's first run and its latest later run: the usual baseline and follow-up."""
    runs = list(survey.runs.order_by("opens", "created_at"))
    if not runs:
        return None
    return runs[0], (runs[-1] if len(runs) > 1 else None)


def describe_change(points: int | None) -> str:
    if points is None:
        return ""
    if points == 0:
        return _("no change")
    sign = "+" if points > 0 else "−"
    return _("%(sign)s%(points)s points") % {"sign": sign, "points": abs(points)}

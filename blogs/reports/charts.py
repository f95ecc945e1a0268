"""Small week-by-week bar charts, drawn on the server as SVG: no script, nothing third-party.

Each chart says in words what it shows (its ``<title>`` and ``<desc>``), and the template puts
the same numbers in a table beside it, for anyone who cannot see the bars.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

WIDTH = 320
HEIGHT = 120
LEFT = 30  # room for the largest value's label
TOP = 10
BOTTOM = 14
GAP = 0.2  # of each bar's slot


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    week: date
    value: int


@dataclass(frozen=True)
class WeeklyChart:
    id: str
    title: str
    description: str
    rows: list[tuple[date, int]]
    bars: list[Bar]
    maximum: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    baseline: int = HEIGHT - BOTTOM


def _describe(rows: list[tuple[date, int]]) -> str:
    total = sum(value for _week, value in rows)
    weeks = ngettext("%(count)s week", "%(count)s weeks", len(rows)) % {"count": len(rows)}
    if not total:
        return gettext("None in %(weeks)s.") % {"weeks": weeks}
    busiest, most = max(rows, key=lambda row: row[1])
    return gettext(
        "%(total)s in %(weeks)s; the busiest was the week of %(week)s, with %(most)s."
    ) % {
        "total": total,
        "weeks": weeks,
        "week": date_format(busiest, "j F Y"),
        "most": most,
    }


def weekly_chart(
    chart_id: str, title: str, counts: dict[date, int], weeks: list[date]
) -> WeeklyChart:
    """A chart of ``counts`` for every week in ``weeks`` (a missing week counts as none)."""
    rows = [(week, counts.get(week, 0)) for week in weeks]
    maximum = max([value for _week, value in rows] + [1])
    slot = (WIDTH - LEFT) / max(len(rows), 1)
    plot_height = HEIGHT - TOP - BOTTOM
    bars = []
    for number, (week, value) in enumerate(rows):
        height = plot_height * value / maximum
        bars.append(
            Bar(
                x=round(LEFT + number * slot + slot * GAP / 2, 2),
                y=round(HEIGHT - BOTTOM - height, 2),
                width=round(slot * (1 - GAP), 2),
                height=round(height, 2),
                week=week,
                value=value,
            )
        )
    return WeeklyChart(chart_id, title, _describe(rows), rows, bars, maximum)


SPARK_BAR = 4  # each week's width in a sparkline
SPARK_HEIGHT = 16


@dataclass(frozen=True)
class Sparkline:
    """A row of tiny weekly bars for a table cell; its label reads the numbers out."""

    label: str
    bars: list[Bar]
    width: int
    height: int = SPARK_HEIGHT


def sparkline(label: str, rows: list[tuple[date, int]]) -> Sparkline:
    maximum = max([value for _week, value in rows] + [1])
    bars = []
    for number, (week, value) in enumerate(rows):
        # A week with none keeps a hairline, so that the weeks can still be counted.
        height = max(SPARK_HEIGHT * value / maximum, 1 if not value else 2)
        bars.append(
            Bar(
                x=number * SPARK_BAR,
                y=round(SPARK_HEIGHT - height, 2),
                width=SPARK_BAR - 1,
                height=round(height, 2),
                week=week,
                value=value,
            )
        )
    numbers = ", ".join(str(value) for _week, value in rows)
    return Sparkline(f"{label}: {numbers}", bars, max(len(rows), 1) * SPARK_BAR)

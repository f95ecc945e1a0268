"""Recording consent in bulk from a CSV file exported from the school's information system.

Columns (README, "The consent register"):

- ``first_name`` and ``class``: who (the class as the site names it, "Eagle Class", or its
  short name, "Eagle"); the pupil must already have an account;
- ``given_by`` and ``date``: who decided and when (``2026-09-04`` or ``04/09/2026``);
- one column per decision, ``<channel>_<kind>``: channels ``website``, ``email``, ``print``;
  kinds ``name``, ``photo``, ``work``, ``voice`` (e.g. ``website_photo``). Each cell is ``yes``
  or ``no`` (also y/n, true/false, 1/0), or empty for "no change".

The whole file is checked first and every problem reported by row number; nothing is recorded
until the file is clean. Nothing is guessed: an unknown column, an unknown pupil, a pupil of a
class the importer does not teach, a value that is neither yes nor no, or two rows that
disagree about the same pupil all stop the file.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Channel, ConsentRecord, Kind
from .recording import classes_in_register_of, pupils_of, record

WHO = ["first_name", "class"]
WHEN = ["given_by", "date"]
DECISIONS = {f"{channel}_{kind}": (kind, channel) for channel in Channel for kind in Kind}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
MAX_BYTES = 1_000_000


@dataclass
class PupilDecisions:
    pupil: object
    given_by: str
    decided_on: date
    decisions: dict = field(default_factory=dict)


class ConsentFileError(ValueError):
    """The file has problems; ``errors`` says what, row by row."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def read(content: bytes, user) -> list[PupilDecisions]:
    """Every row checked; ``ConsentFileError`` with all problems, or what to record."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConsentFileError([_("The file is not a CSV saved as UTF-8 text.")]) from error
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ConsentFileError([_("The CSV file is empty.")])
    header = [cell.strip().lower() for cell in rows[0]]
    unknown = [name for name in header if name not in [*WHO, *WHEN, *DECISIONS]]
    missing = [name for name in [*WHO, *WHEN] if name not in header]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(
                _("Unknown columns: %(names)s. See the README for the columns this takes.")
                % {"names": ", ".join(f"“{name}”" for name in unknown)}
            )
        if missing:
            problems.append(
                _("Missing columns: %(names)s.")
                % {"names": ", ".join(f"“{name}”" for name in missing)}
            )
        raise ConsentFileError(problems)

    classes = {}
    for class_blog in classes_in_register_of(user):
        classes[class_blog.title.casefold()] = class_blog
        classes[class_blog.short_name.casefold()] = class_blog
    pupils_by_class: dict = {}
    found: dict = {}
    errors = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        problems = []
        class_blog = classes.get(cells.get("class", "").casefold())
        pupil = None
        if class_blog is None:
            problems.append(
                _("class “%(name)s” is not one whose consent you may record")
                % {"name": cells.get("class", "")}
            )
        else:
            if class_blog.pk not in pupils_by_class:
                pupils_by_class[class_blog.pk] = {
                    p.first_name.casefold(): p for p in pupils_of(class_blog)
                }
            pupil = pupils_by_class[class_blog.pk].get(cells.get("first_name", "").casefold())
            if pupil is None:
                problems.append(
                    _("no pupil called “%(name)s” has an account in %(class_name)s")
                    % {"name": cells.get("first_name", ""), "class_name": class_blog.title}
                )
        decided_on = _date(cells.get("date", ""))
        if decided_on is None:
            problems.append(_("the date must look like 2026-09-04 or 04/09/2026"))
        if not cells.get("given_by"):
            problems.append(_("say who gave or withdrew consent (given_by)"))
        decisions = {}
        for column, (kind, channel) in DECISIONS.items():
            value = cells.get(column, "").casefold()
            if not value:
                continue
            if value not in YES | NO:
                problems.append(
                    _("“%(value)s” in %(column)s is neither yes nor no")
                    % {"value": cells[column], "column": column}
                )
                continue
            decisions[(kind, channel)] = value in YES
        if pupil is not None and pupil.pk in found:
            earlier = found[pupil.pk].decisions
            clash = [k for k in decisions if k in earlier and earlier[k] != decisions[k]]
            if clash:
                problems.append(
                    _("it disagrees with an earlier row about %(name)s")
                    % {"name": pupil.first_name}
                )
        if problems:
            errors.append(
                _("Row %(number)s: %(problems)s.")
                % {"number": number, "problems": "; ".join(problems)}
            )
            continue
        entry = found.setdefault(pupil.pk, PupilDecisions(pupil, cells["given_by"], decided_on))
        entry.decisions.update(decisions)
    if errors:
        raise ConsentFileError(errors)
    return list(found.values())


@transaction.atomic
def import_csv(content: bytes, user) -> list[ConsentRecord]:
    """Check the whole file, then record it all (or nothing); the records made."""
    made = []
    for entry in read(content, user):
        made += record(
            entry.pupil,
            entry.decisions,
            given_by=entry.given_by,
            decided_on=entry.decided_on,
            recorded_by=user,
            source=ConsentRecord.Source.IMPORT,
        )
    return made

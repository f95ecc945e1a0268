"""The help-sheet library: ten five-minute guides, four of them for staff only.

The sheets are in ``data/helpsheets.yaml``. Their first step shows a screenshot; one sheet
was last reviewed over a year ago, so the admin lists it as due for review.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from home.models import HomePage

from ..helpsheets.models import (
    DEFAULT_TOPICS,
    HelpSheetLibraryPage,
    HelpSheetPage,
    HelpSheetTopic,
)
from ..school.roles import ensure_staff_documents
from .data import load, paragraph
from .media import demo_document, demo_image


def ensure_topics() -> None:
    for name, slug in DEFAULT_TOPICS:
        HelpSheetTopic.objects.get_or_create(slug=slug, defaults={"name": name})


def ensure_help_sheets(home: HomePage) -> HelpSheetLibraryPage:
    """The library and its sheets, the first time.

    Staff-only sheets are private to the staff groups; ``setup_school_roles`` brings their
    privacy up to date once every class's teachers' group exists.
    """
    ensure_topics()
    existing = HelpSheetLibraryPage.objects.child_of(home).first()
    if existing:
        return existing
    spec = load("helpsheets")
    library = HelpSheetLibraryPage(
        title=spec["library"]["title"],
        slug=spec["library"]["slug"],
        show_in_menus=True,
        introduction=spec["library"]["introduction"],
    )
    home.add_child(instance=library)
    topics = {topic.slug: topic for topic in HelpSheetTopic.objects.all()}
    shot = spec["screenshot"]
    screenshot = demo_image(shot["title"], shot["alt"], {"kind": "screenshot", "size": [900, 500]})
    staff_screenshot = _staff_screenshot(shot)
    sheets = {}
    for number, sheet_spec in enumerate(spec["sheets"]):
        shown = staff_screenshot if sheet_spec.get("staff_only") else screenshot
        sheet = _sheet(sheet_spec, number, spec, topics, shown)
        library.add_child(instance=sheet)
        sheet.save_revision().publish()
        sheets[sheet.title] = sheet
    for sheet_spec in spec["sheets"]:
        if sheet_spec.get("related"):
            sheet = sheets[sheet_spec["title"]]
            sheet.related_sheets = [sheets[title] for title in sheet_spec["related"]]
            sheet.save_revision().publish()
    return library


def _sheet(spec: dict, number: int, library_spec: dict, topics: dict, screenshot) -> HelpSheetPage:
    steps = spec["steps"]
    last = len(steps) - 1
    overdue = spec["title"] == library_spec["overdue"]
    sheet = HelpSheetPage(
        title=spec["title"],
        slug=slugify(spec["title"]),
        summary=spec["summary"],
        minutes=spec["minutes"],
        staff_only=spec.get("staff_only", False),
        for_staff="staff" in spec["audiences"],
        for_pupils="pupils" in spec["audiences"],
        for_parents="parents" in spec["audiences"],
        last_reviewed=timezone.localdate() - timedelta(days=400 if overdue else 30 + number),
        steps=[
            (
                "step",
                {
                    "instruction": paragraph(text),
                    "screenshot": screenshot if index == 0 else None,
                    "screenshot_alt": library_spec["screenshot"]["alt"] if index == 0 else "",
                    "note_kind": "tip" if index == last else "",
                    "note": library_spec["tip"] if index == last else "",
                },
            )
            for index, text in enumerate(steps)
        ],
    )
    sheet.topics = [topics[slug] for slug in spec["topics"]]
    if spec.get("attachment"):
        sheet.attachments = [
            ("document", {"document": _staff_document(spec["attachment"]), "title": ""})
        ]
    return sheet


def _staff_screenshot(shot: dict):
    """Staff-only sheets' screenshot, private like their downloads (staff documents collection)."""
    image = demo_image(
        f"{shot['title']} (staff)", shot["alt"], {"kind": "screenshot", "size": [900, 500]}
    )
    staff_documents = ensure_staff_documents()
    if image.collection_id != staff_documents.pk:
        image.collection = staff_documents
        image.save(update_fields=["collection"])
    return image


def _staff_document(spec: dict):
    """A download for a staff-only sheet, kept in the private staff documents collection."""
    document = demo_document(spec["title"], spec["lines"])
    staff_documents = ensure_staff_documents()
    if document.collection_id != staff_documents.pk:
        document.collection = staff_documents
        document.save(update_fields=["collection"])
    return document

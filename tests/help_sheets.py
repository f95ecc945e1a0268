"""A help-sheet library for tests: the demo school's ten sheets, built with the factories.

Staff-only and public sheets, every audience and topic, a staff-only download in the private
"Staff documents" collection, and one sheet overdue for its yearly review, so that filters,
search, privacy and the review reminder all have something to find and something to hide.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection
from wagtail_factories import DocumentFactory

from blogs.models import HelpSheetLibraryPage, HelpSheetTopic
from home.models import HomePage

from .factories import HelpSheetLibraryPageFactory, HelpSheetPageFactory, ImageFactory

SCREENSHOT_ALT = "The Save draft and Publish buttons"
OVERDUE_SHEET = "Tweeting learning in 30 seconds"
STAFF_DOCUMENT = "Pupil accounts checklist"


@dataclass(frozen=True)
class Sheet:
    title: str
    topics: list[str]
    audiences: set[str]
    minutes: int
    staff_only: bool
    summary: str
    steps: list[str]


SHEETS = [
    Sheet(
        "Writing a class blog post",
        ["blogging"],
        {"staff", "pupils"},
        5,
        False,
        "From a blank page to a post your class is proud of.",
        [
            "Sign in and press “Write a new post for your class”.",
            "Give the post a title and a short summary.",
            "Add paragraphs, photos (with alt text) and a recording.",
            "Press “Submit” so your teacher can check it.",
        ],
    ),
    Sheet(
        "Approving a pupil's post",
        ["blogging"],
        {"staff"},
        5,
        True,
        "Check a pupil's post and publish it, or ask for changes.",
        [
            "Open the dashboard: posts waiting for you are under “Awaiting your review”.",
            "Read the post: first names only, no faces without consent.",
            "Choose “Approve and Publish”, or “Request changes” with a kind comment.",
        ],
    ),
    Sheet(
        "Moderating comments",
        ["blogging", "e-safety"],
        {"staff"},
        5,
        True,
        "Approve, reject or reply to comments on your class blog.",
        [
            "Open “Comments” in the admin and filter by “Waiting for a teacher”.",
            "Tick the comments to approve and choose “Approve”.",
            "Reply from a comment's page to thank the visitor.",
        ],
    ),
    Sheet(
        OVERDUE_SHEET,
        ["social-media"],
        {"staff"},
        2,
        True,
        "Share a moment of learning with the school hashtag.",
        [
            "Take a photo with no faces, or with consent.",
            "Write one sentence about the learning, first names only.",
            "Add the school hashtag and post.",
        ],
    ),
    Sheet(
        "Uploading a voice recording",
        ["photos-and-video", "blogging"],
        {"staff", "pupils"},
        5,
        False,
        "Record a child reading and add it to a post.",
        [
            "Record on a tablet and save the file as MP3 or M4A.",
            "In a post, add an “Audio recording” block and upload the file.",
            "Type what is said in the transcript box.",
        ],
    ),
    Sheet(
        "Taking photos safely",
        ["photos-and-video", "e-safety"],
        {"staff", "pupils"},
        5,
        False,
        "Photos that show the learning and keep children safe.",
        [
            "Photograph the work and hands rather than faces.",
            "Check the consent list before including a child.",
            "Never name a child in a file name.",
        ],
    ),
    Sheet(
        "Helping your child log in at home",
        ["guides-for-parents", "learning-platform"],
        {"parents"},
        5,
        False,
        "Your child's login card and what to do if it is lost.",
        [
            "Find the login card in your child's reading record.",
            "Go to the school website and choose “Sign in”.",
            "If the card is lost, ask the class teacher for a new password.",
        ],
    ),
    Sheet(
        "Leaving a comment on a class blog",
        ["guides-for-parents", "blogging"],
        {"parents"},
        2,
        False,
        "Children love comments: here is how to leave one.",
        [
            "Open a post and scroll to “Leave a comment”.",
            "Write your name (first name for children) and who you are.",
            "A teacher checks every comment before it appears.",
        ],
    ),
    Sheet(
        "Staying safe online",
        ["e-safety"],
        {"pupils", "parents"},
        5,
        False,
        "Our SMART rules for blogging and the internet.",
        [
            "Keep your full name, address and school to yourself.",
            "Tell a grown-up if something online worries you.",
            "Be kind in every comment you write.",
        ],
    ),
    Sheet(
        "Setting up pupil accounts",
        ["learning-platform"],
        {"staff"},
        10,
        True,
        "Make accounts for a whole class and print login cards.",
        [
            "Open “Pupil accounts” in the admin.",
            "Paste the first names, one per line, and choose the class.",
            "Print the login cards straight away: passwords are shown once.",
        ],
    ),
]


def build_help_sheet_library(home: HomePage, staff_documents: Collection) -> HelpSheetLibraryPage:
    """The library and its sheets; ``staff_documents`` holds the staff-only download."""
    library = HelpSheetLibraryPageFactory(parent=home)
    topics = {topic.slug: topic for topic in HelpSheetTopic.objects.all()}
    screenshot = ImageFactory(title="Help sheet screenshot: the Publish button")
    checklist = DocumentFactory(title=STAFF_DOCUMENT, collection=staff_documents)
    for number, sheet in enumerate(SHEETS):
        HelpSheetPageFactory(
            parent=library,
            title=sheet.title,
            slug=slugify(sheet.title),
            summary=sheet.summary,
            minutes=sheet.minutes,
            staff_only=sheet.staff_only,
            for_staff="staff" in sheet.audiences,
            for_pupils="pupils" in sheet.audiences,
            for_parents="parents" in sheet.audiences,
            topics=[topics[slug] for slug in sheet.topics],
            last_reviewed=timezone.localdate()
            - timedelta(days=400 if sheet.title == OVERDUE_SHEET else 30 + number),
            steps=[
                _step(text, index, len(sheet.steps), screenshot)
                for index, text in enumerate(sheet.steps)
            ],
            attachments=[("document", {"document": checklist, "title": ""})]
            if sheet.title == "Setting up pupil accounts"
            else [],
        )
    return library


def _step(text: str, index: int, count: int, screenshot) -> tuple[str, dict]:
    """A numbered step: the first shows a screenshot, the last ends with a tip."""
    last = index == count - 1
    return (
        "step",
        {
            "instruction": f"<p>{text}</p>",
            "screenshot": screenshot if index == 0 else None,
            "screenshot_alt": SCREENSHOT_ALT if index == 0 else "",
            "note_kind": "tip" if last else "",
            "note": "Ask the ICT leader if you get stuck." if last else "",
        },
    )

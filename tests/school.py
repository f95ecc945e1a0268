"""A small school for tests, built in well under a second where ``seed_demo`` takes twelve.

``build_school()`` makes what the school's roles need and little else: the home page and its
timeline, Eagle and Falcon Class with a few posts each, the awards archive, and the demo's
accounts (the same usernames, names, emails and password as ``seed_demo`` gives them) in the
same groups, with the real groups, collections and approval workflows of
``setup_school_roles()``. A help-sheet library and Welsh, Polish and Urdu are there on request.

Call it from ``setUpTestData`` or from a pytest fixture that has the ``db`` fixture.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Locale
from wagtail_localize.models import LocaleSynchronization

from blogs.classes.class_blogs import ClassColour, KeyStage
from blogs.demo.school import DEFAULT_DEMO_PASSWORD
from blogs.demo.translations import translate
from blogs.helpsheets.models import STAFF_DOCUMENTS_COLLECTION
from blogs.models import (
    AuthorProfile,
    AwardIndexPage,
    BlogPostPage,
    ClassBlogIndexPage,
    HelpSheetLibraryPage,
    Subject,
    TimelinePage,
)
from blogs.school.roles import DIGITAL_LEADERS, SENIOR_LEADERS, STAFF, setup_school_roles
from home.models import HomePage

from .consent import consent_to_everything
from .factories import (
    AwardIndexPageFactory,
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    UserFactory,
    school_home,
)
from .help_sheets import build_help_sheet_library

User = get_user_model()
SCHOOL_NAME = "Oakfield Primary School"


@dataclass(frozen=True)
class Account:
    """A demo account: who they are, their groups, and how they sign their posts."""

    username: str
    first_name: str
    last_name: str = ""
    email: str = ""
    groups: tuple[str, ...] = ()  # a school-wide group's name, or "eagle teachers" and so on
    author: str = ""  # "staff" or "pupil": the AuthorProfile role
    display_name: str = ""
    is_superuser: bool = False


# seed_demo's accounts and memberships. The demo's Digital Leader is also a Kingfisher pupil;
# this school has no Kingfisher Class, so that membership is left out.
ACCOUNTS = [
    Account(
        "head",
        "Helen",
        "Okafor",
        "head@oakfield.example",
        (SENIOR_LEADERS,),
        "staff",
        "Mrs Okafor",
        is_superuser=True,
    ),
    Account(
        "eagle.teacher",
        "Sam",
        "Patel",
        "eagle.teacher@oakfield.example",
        ("eagle teachers",),
        "staff",
        "Mr Patel",
    ),
    Account("eagle.pupil", "Amara", groups=("eagle pupils",), author="pupil"),
    Account(
        "falcon.teacher",
        "Rhian",
        "Evans",
        "falcon.teacher@oakfield.example",
        ("falcon teachers",),
        "staff",
        "Miss Evans",
    ),
    Account("digital.leader", "Theo", groups=(DIGITAL_LEADERS,), author="pupil"),
    Account("staff", "Jo", "Whitfield", groups=(STAFF,)),
]

CLASSES = {
    "eagle": ("Eagle", "Years 1 and 2", KeyStage.KS1, "Mr Patel", ClassColour.BLUE),
    "falcon": ("Falcon", "Years 3 and 4", KeyStage.LKS2, "Miss Evans", ClassColour.RED),
}
# The demo's posts, by class: (title, subjects, tags, summary, text). Newest first.
POSTS = {
    "eagle": [
        (
            "Castle models",
            ["design-and-technology", "history"],
            ["castles"],
            "We built castles with moving drawbridges.",
            "We designed and built castle models. The drawbridges go up and down with string "
            "and a pulley.",
        ),
        (
            "Maps of our local area",
            ["geography"],
            ["ourtown"],
            "We drew maps of the walk to school.",
            "We walked around the school and drew maps with keys.",
        ),
        (
            "Times tables rock!",
            ["maths"],
            ["timestables"],
            "Our times tables challenge.",
            "We practised our times tables with songs and games.",
        ),
        (
            "Painting like Monet",
            ["art-and-design"],
            ["monet"],
            "Water lilies in the style of Monet.",
            "We looked at Monet's water lilies and painted our own with dabs of colour.",
        ),
    ],
    "falcon": [
        (
            "Our Big Write",
            ["english"],
            ["bigwrite"],
            "We wrote stories full of adventure.",
            "Today we planned, wrote and edited our Big Write.",
        ),
        (
            "Measuring our bean plants",
            ["science", "maths"],
            ["outdoorlearning"],
            "How tall have our beans grown?",
            "We measured our bean plants with rulers and recorded the heights in a table.",
        ),
        (
            "Coding a robot",
            ["computing"],
            ["coding"],
            "We gave our floor robots instructions.",
            "We programmed floor robots to follow a route around a map.",
        ),
    ],
}
CLASS_AUTHORS = {"eagle": ["eagle.pupil", "eagle.teacher"], "falcon": ["falcon.teacher"]}

# What the demo translates, as a teacher would in wagtail-localize's editor; Polish is
# switched on but left untranslated.
TRANSLATIONS = {
    "cy": {
        SCHOOL_NAME: "Ysgol Gynradd Oakfield",
        "News from our classes": "Newyddion ein dosbarthiadau",
        "Eagle Class": "Dosbarth yr Eryr",
        "Castle models": "Modelau castell",
        "We built castles with moving drawbridges.": (
            "Fe wnaethon ni adeiladu cestyll gyda phontydd codi sy’n symud."
        ),
    },
    "ur": {
        SCHOOL_NAME: "اوک فیلڈ پرائمری اسکول",
        "News from our classes": "ہماری کلاسوں کی خبریں",
        "Eagle Class": "ایگل کلاس",
        "Castle models": "قلعوں کے ماڈل",
    },
}
TRANSLATED_POSTS = ["castle-models"]


@dataclass
class School:
    """What ``build_school`` made, so that tests need not look it up again."""

    home: HomePage
    timeline: TimelinePage
    eagle: ClassBlogIndexPage
    falcon: ClassBlogIndexPage
    awards: AwardIndexPage
    users: dict[str, User]
    posts: dict[str, list[BlogPostPage]]
    help_sheets: HelpSheetLibraryPage | None = None


def build_school(*, help_sheets: bool = False, languages: bool = False) -> School:
    """A small Oakfield Primary School; ``help_sheets`` adds the help-sheet library (see
    ``tests/help_sheets.py``), ``languages`` Welsh, Polish and Urdu kept in step with English,
    with the home page, the timeline, Eagle Class and "Castle models" translated into Welsh and
    Urdu."""
    home = school_home(title=SCHOOL_NAME, seo_title="Welcome")
    timeline = TimelinePage.objects.child_of(home).get()
    users = {account.username: _user(account) for account in ACCOUNTS}
    # As seed_demo records them: the demo's pupils' parents agreed to everything.
    consent_to_everything(
        *(users[account.username] for account in ACCOUNTS if account.author == "pupil")
    )
    blogs = {slug: _class_blog(home, slug) for slug in CLASSES}
    awards = AwardIndexPageFactory(parent=home)
    posts = {slug: _posts(blog, users) for slug, blog in blogs.items()}

    setup_school_roles()
    for blog in blogs.values():
        blog.refresh_from_db()  # the roles linked its groups and collection
    _join_groups(users, blogs)
    library = None
    if help_sheets:
        staff_documents = Collection.objects.get(name=STAFF_DOCUMENTS_COLLECTION)
        library = build_help_sheet_library(home, staff_documents)
    if languages:
        _languages([home, timeline, blogs["eagle"], *posts["eagle"]])
        # Each class's teachers may now edit (translate) their class blog in every language.
        setup_school_roles()
    return School(
        home=home,
        timeline=timeline,
        eagle=blogs["eagle"],
        falcon=blogs["falcon"],
        awards=awards,
        users=users,
        posts=posts,
        help_sheets=library,
    )


def _user(account: Account) -> User:
    user = UserFactory(
        username=account.username,
        first_name=account.first_name,
        last_name=account.last_name,
        email=account.email,
        is_superuser=account.is_superuser,
        is_staff=account.is_superuser,
        password=DEFAULT_DEMO_PASSWORD,
    )
    if account.author:
        AuthorProfile.objects.create(
            user=user, role=account.author, display_name=account.display_name
        )
    return user


def _class_blog(home: HomePage, slug: str) -> ClassBlogIndexPage:
    name, year_group, key_stage, teachers, colour = CLASSES[slug]
    return ClassBlogIndexPageFactory(
        parent=home,
        title=f"{name} Class",
        slug=slug,
        year_group=year_group,
        key_stage=key_stage,
        teachers=teachers,
        colour=colour,
        introduction=f"<p>Welcome to {name} Class's blog. Read about our learning and "
        "leave us a comment!</p>",
    )


def _posts(blog: ClassBlogIndexPage, users: dict[str, User]) -> list[BlogPostPage]:
    """The class's posts, a day apart, written in turn by the class's demo authors."""
    subjects = {subject.slug: subject for subject in Subject.objects.all()}
    authors = [users[username] for username in CLASS_AUTHORS[blog.slug]]
    return [
        BlogPostPageFactory(
            parent=blog,
            title=title,
            slug=slugify(title),
            date=timezone.localdate() - timedelta(days=number),
            summary=summary,
            body=[("paragraph", f"<p>{text}</p>")],
            owner=authors[number % len(authors)],
            subjects=[subjects[slug] for slug in subject_slugs],
            tags=tags,
        )
        for number, (title, subject_slugs, tags, summary, text) in enumerate(POSTS[blog.slug])
    ]


def _join_groups(users: dict[str, User], blogs: dict[str, ClassBlogIndexPage]) -> None:
    for account in ACCOUNTS:
        groups = []
        for name in account.groups:
            class_slug, _space, members = name.partition(" ")
            if class_slug in blogs:
                groups.append(getattr(blogs[class_slug], f"{members}_group"))
            else:
                groups.append(Group.objects.get(name=name))
        users[account.username].groups.add(*groups)


def _languages(pages: list) -> None:
    english = Locale.get_default()
    # wagtail-localize publishes a translation when the transaction commits; a test's
    # transaction never does, so run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        for code in ("cy", "pl", "ur"):
            locale = Locale.objects.create(language_code=code)
            # Copies every English page into the language, and every page added later.
            LocaleSynchronization.objects.create(locale=locale, sync_from=english)
        for code, strings in TRANSLATIONS.items():
            locale = Locale.objects.get(language_code=code)
            for page in pages:
                if not isinstance(page, BlogPostPage) or page.slug in TRANSLATED_POSTS:
                    translate(page.specific, locale, strings)

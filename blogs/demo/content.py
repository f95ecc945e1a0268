"""The demo school's class blogs and their posts. Idempotent: what exists is left as it is."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtailmedia.models import Media

from home.languages import in_default_language
from home.models import HomePage

from ..awards.models import DEFAULT_CATEGORIES, AwardCategory, AwardIndexPage, AwardPage, monday_of
from ..awards.visits import PageVisit
from ..classes.authors import AuthorProfile
from ..classes.class_blogs import ClassBlogIndexPage, ClassColour, KeyStage
from ..classes.posts import BlogPostPage
from ..classes.subjects import CURRICULUM_SUBJECTS, Subject
from ..classes.timeline import TimelinePage
from ..comments.models import Comment
from ..helpsheets.models import (
    DEFAULT_TOPICS,
    STAFF_DOCUMENTS_COLLECTION,
    HelpSheetLibraryPage,
    HelpSheetPage,
    HelpSheetTopic,
)
from ..school.roles import DIGITAL_LEADERS, SENIOR_LEADERS, STAFF, setup_school_roles
from .media import demo_image, demo_pdf, demo_tune_wav, demo_video_webm

# The classes of the design card, named after birds as many schools do.
DEMO_CLASSES = [
    ("Blackbird", "Nursery and Reception", KeyStage.EYFS, "Mrs Green", ClassColour.GREY),
    ("Eagle", "Years 1 and 2", KeyStage.KS1, "Mr Patel", ClassColour.BLUE),
    ("Falcon", "Years 3 and 4", KeyStage.LKS2, "Miss Evans", ClassColour.RED),
    ("Heron", "Years 3 and 4", KeyStage.LKS2, "Mr Adeyemi", ClassColour.TEAL),
    (
        "Goldfinch",
        "Resource base (mixed ages)",
        KeyStage.RESOURCE_BASE,
        "Ms Novak",
        ClassColour.ORANGE,
    ),
    ("Kingfisher", "Years 5 and 6", KeyStage.UKS2, "Mrs Begum", ClassColour.PURPLE),
]

MASCOT_COLOURS = {
    ClassColour.GREY: "#4a4f57",
    ClassColour.BLUE: "#1d4e89",
    ClassColour.RED: "#b3261e",
    ClassColour.TEAL: "#00695c",
    ClassColour.ORANGE: "#a04100",
    ClassColour.PURPLE: "#6a3d9a",
}


def english(model):
    """The demo's English pages: each has Welsh, Polish and Urdu copies once seeded."""
    return in_default_language(model.objects.all())


def ensure_timeline(home: HomePage) -> TimelinePage:
    """ "News from our classes", in the menu right after Home."""
    existing = TimelinePage.objects.child_of(home).first()
    if existing:
        return existing
    timeline = TimelinePage(title="News from our classes", slug="news", show_in_menus=True)
    home.add_child(instance=timeline)
    return timeline


def ensure_class_blogs(home: HomePage) -> list[ClassBlogIndexPage]:
    blogs = []
    for name, year_group, key_stage, teachers, colour in DEMO_CLASSES:
        slug = name.lower()
        existing = ClassBlogIndexPage.objects.child_of(home).filter(slug=slug).first()
        if existing:
            blogs.append(existing)
            continue
        mascot = demo_image(
            f"{name} Class mascot",
            f"A cartoon {name.lower()}, the {name} Class mascot",
            colour=MASCOT_COLOURS[colour],
            size=(400, 400),
            shapes=1,
        )
        blog = ClassBlogIndexPage(
            title=f"{name} Class",
            slug=slug,
            year_group=year_group,
            key_stage=key_stage,
            teachers=teachers,
            colour=colour,
            mascot=mascot,
            introduction=f"<p>Welcome to {name} Class's blog. Read about our learning and "
            "leave us a comment!</p>",
            show_in_menus=False,
        )
        home.add_child(instance=blog)
        blog.save_revision().publish()
        blogs.append(blog)
    return blogs


# (title, subjects, tags, summary, paragraph) – adapted per class by seed_demo.
POST_IDEAS = [
    (
        "Our Big Write",
        ["english"],
        ["bigwrite"],
        "We wrote stories full of adventure.",
        "Today we planned, wrote and edited our Big Write. We used exciting openers and checked our full stops.",
    ),
    (
        "Measuring our bean plants",
        ["science", "maths"],
        ["outdoorlearning"],
        "How tall have our beans grown?",
        "We measured our bean plants with rulers and recorded the heights in a table. The tallest was 14 cm!",
    ),
    (
        "Castle models",
        ["design-and-technology", "history"],
        ["castles"],
        "We built castles with moving drawbridges.",
        "We designed and built castle models. The drawbridges go up and down with string and a pulley.",
    ),
    (
        "Maps of our local area",
        ["geography"],
        ["ourtown"],
        "We drew maps of the walk to school.",
        "We walked around the school and drew maps with keys. Can you spot the park and the library?",
    ),
    (
        "Times tables rock!",
        ["maths"],
        ["timestables"],
        "Our times tables challenge.",
        "We practised our times tables with songs and games. Everyone beat their own score from last week.",
    ),
    (
        "Painting like Monet",
        ["art-and-design"],
        ["monet"],
        "Water lilies in the style of Monet.",
        "We looked at Monet's water lilies and painted our own with dabs of colour.",
    ),
    (
        "Our class assembly",
        ["music", "pshe"],
        ["assembly"],
        "Thank you to everyone who came!",
        "We sang, played percussion and told everyone about kindness. Thank you to all the grown-ups who came.",
    ),
    (
        "Coding a robot",
        ["computing"],
        ["coding"],
        "We gave our floor robots instructions.",
        "We programmed floor robots to follow a route around a map. Some of us used repeat loops.",
    ),
    (
        "Sports day practice",
        ["pe"],
        ["sportsday"],
        "Getting ready for sports day.",
        "We practised the sack race, the egg and spoon race and the relay. Teamwork makes the dream work!",
    ),
    (
        "Festivals of light",
        ["re"],
        ["festivals"],
        "Learning about Diwali and Hanukkah.",
        "We learned how people celebrate Diwali and Hanukkah and made our own lanterns.",
    ),
    (
        "Bonjour! Learning French",
        ["languages"],
        ["french"],
        "We can count to ten in French.",
        "We learned to greet each other and count to ten in French. Ask us to show you at home!",
    ),
    (
        "Space week",
        ["science", "english"],
        ["spacetopic"],
        "Rockets, planets and poems.",
        "For space week we learned the order of the planets and wrote poems about the Moon.",
    ),
    (
        "Reading corner",
        ["english"],
        ["readingforpleasure"],
        "Our favourite books this term.",
        "We made a cosy reading corner and voted for our favourite books of the term.",
    ),
]

POSTS_PER_CLASS = 10
# The class whose newest post shows every kind of block: gallery, audio, video, work …
SHOWCASE_CLASS = "eagle"
TEACHER_DISPLAY_NAMES = {
    "eagle.teacher": "Mr Patel",
    "falcon.teacher": "Miss Evans",
    "head": "Mrs Okafor",
}
CLASS_AUTHORS = {"eagle": ["eagle.pupil", "eagle.teacher"], "falcon": ["falcon.teacher"]}


def ensure_subjects() -> None:
    for name, slug in CURRICULUM_SUBJECTS:
        Subject.objects.get_or_create(slug=slug, defaults={"name": name})


def ensure_author_profiles() -> None:
    User = get_user_model()
    for username, display_name in TEACHER_DISPLAY_NAMES.items():
        user = User.objects.filter(username=username).first()
        if user and not AuthorProfile.objects.filter(user=user).exists():
            AuthorProfile.objects.create(
                user=user, role=AuthorProfile.Role.STAFF, display_name=display_name
            )
    for username in ("eagle.pupil", "digital.leader"):
        user = User.objects.filter(username=username).first()
        if user and not AuthorProfile.objects.filter(user=user).exists():
            AuthorProfile.objects.create(user=user, role=AuthorProfile.Role.PUPIL)


def _school_days_back(count: int) -> list[date]:
    """The last ``count`` school days (Monday to Friday), newest first."""
    days, day = [], timezone.localdate()
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def _demo_document(title: str, lines: list[str]):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    document.file.save(f"{slug}.pdf", ContentFile(demo_pdf(title, lines)), save=False)
    document.save()
    return document


def _demo_media(title: str, media_type: str, filename: str, make_content, **fields):
    """The audio or video clip with this title, made by ``make_content`` only if it is missing."""
    existing = Media.objects.filter(title=title).first()
    if existing:
        return existing
    content = make_content()
    if content is None:
        return None
    media = Media(title=title, type=media_type, **fields)
    media.file.save(filename, ContentFile(content), save=False)
    media.save()
    return media


def _showcase_body(class_name: str, picture) -> list:
    """The richest post of the demo: every kind of block a class might use."""
    gallery = [
        {
            "image": demo_image(
                f"{class_name} trip photo {n}",
                f"Children at the farm, photo {n}",
                colour=colour,
                size=(800, 600),
                shapes=n + 1,
            ),
            "alt_text": alt,
            "caption": caption,
        }
        for n, (colour, alt, caption) in enumerate(
            [
                ("#1e6b34", "Children feeding lambs at the farm", "Feeding the lambs"),
                ("#a04100", "A tractor in a muddy field", "The big tractor"),
                ("#1d4e89", "Children sitting on hay bales eating lunch", "Lunch on the hay bales"),
            ]
        )
    ]
    body = [
        (
            "paragraph",
            f"<p>{class_name} Class went to Oakfield Farm! Here are our photos, a song "
            "we recorded and a video of the race back to the coach.</p>",
        ),
        ("gallery", {"title": "Our farm trip", "images": gallery}),
    ]
    audio = _demo_media(
        f"{class_name} Class farm song",
        "audio",
        "farm-song.wav",
        lambda: demo_tune_wav([392, 440, 494, 523, 494, 440, 392, 330]),
        duration=3.2,
    )
    if audio:
        body.append(
            (
                "audio",
                {
                    "audio": audio,
                    "title": "Our farm song, sung by the class",
                    "transcript": "Old MacDonald had a farm, E-I-E-I-O! (with recorders)",
                },
            )
        )
    video = _demo_media(
        f"{class_name} Class race video",
        "video",
        "race.webm",
        demo_video_webm,
        duration=3,
        width=320,
        height=240,
    )
    if video:
        body.append(
            (
                "video",
                {
                    "video": video,
                    "title": "The race back to the coach",
                    "description": "A ball rolls across a green field from left to right.",
                },
            )
        )
    big_write = _demo_document(
        f"{class_name} Class Big Write: A day at the farm",
        [
            "A day at the farm",
            "First, we saw the lambs.",
            "Next, we rode on the tractor.",
            "Finally, we ate our lunch on the hay bales.",
        ],
    )
    body += [
        ("document", {"document": big_write, "title": "Read our Big Write about the trip (PDF)"}),
        (
            "pupil_work",
            {
                "image": picture,
                "alt_text": "A labelled drawing of a sheep",
                "document": None,
                "what_it_shows": "Labelling the parts of an animal",
            },
        ),
        (
            "quote",
            {"quote": "The lambs were so soft!", "attribution": f"Amara, {class_name} Class"},
        ),
    ]
    return body


def ensure_posts(blogs: list[ClassBlogIndexPage]) -> None:
    User = get_user_model()
    subjects = {subject.slug: subject for subject in Subject.objects.all()}
    dates = _school_days_back(POSTS_PER_CLASS * 3)
    for class_number, blog in enumerate(blogs):
        class_name = blog.title.removesuffix(" Class")
        if BlogPostPage.objects.child_of(blog).exists():
            continue
        authors = [User.objects.get(username=name) for name in CLASS_AUTHORS.get(blog.slug, [])]
        pictures = [
            demo_image(
                f"{class_name} Class picture {n}",
                f"{class_name} Class at work, picture {n}",
                colour=MASCOT_COLOURS[blog.colour],
                size=(800, 533),
                shapes=2 + n,
            )
            for n in range(3)
        ]
        for number in range(POSTS_PER_CLASS):
            title, subject_slugs, tags, summary, text = POST_IDEAS[
                (number + class_number) % len(POST_IDEAS)
            ]
            is_showcase = number == 0 and blog.slug == SHOWCASE_CLASS
            post_date = dates[number * 3 + class_number % 3]
            # Published straight away with believable dates, without a revision each: the demo
            # builds in seconds, and feeds and the timeline show a term's worth of posts.
            published_at = timezone.make_aware(datetime.combine(post_date, time(15, 10)))
            post = BlogPostPage(
                title="Our trip to the farm" if is_showcase else title,
                slug="our-trip-to-the-farm" if is_showcase else f"{slugify(title)}",
                date=post_date,
                summary="Photos, a song and a video from our farm trip."
                if is_showcase
                else summary,
                featured_image=pictures[number % len(pictures)],
                owner=authors[number % len(authors)] if authors else None,
                body=_showcase_body(class_name, pictures[0])
                if is_showcase
                else [("paragraph", f"<p>{text}</p>")],
                live=True,
                first_published_at=published_at,
                last_published_at=published_at,
            )
            post.subjects = [subjects[slug] for slug in subject_slugs if slug in subjects]
            post.tags.add(*(["farmtrip"] if is_showcase else tags))
            blog.add_child(instance=post)


# Which groups each demo account belongs to (groups made by `setup_school`).
DEMO_MEMBERSHIPS = {
    "head": lambda: [Group.objects.get(name=SENIOR_LEADERS)],
    "eagle.teacher": lambda: [english(ClassBlogIndexPage).get(slug="eagle").teachers_group],
    "eagle.pupil": lambda: [english(ClassBlogIndexPage).get(slug="eagle").pupils_group],
    "falcon.teacher": lambda: [english(ClassBlogIndexPage).get(slug="falcon").teachers_group],
    "digital.leader": lambda: [
        Group.objects.get(name=DIGITAL_LEADERS),
        english(ClassBlogIndexPage).get(slug="kingfisher").pupils_group,
    ],
    "staff": lambda: [Group.objects.get(name=STAFF)],
}
# Teachers get email so that they are told when a pupil's post is waiting; pupils have none.
DEMO_EMAILS = {
    "eagle.teacher": "eagle.teacher@oakfield.example",
    "falcon.teacher": "falcon.teacher@oakfield.example",
}


def ensure_demo_roles() -> None:
    setup_school_roles()
    User = get_user_model()
    for username, groups in DEMO_MEMBERSHIPS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        user.groups.add(*groups())
        if username in DEMO_EMAILS and not user.email:
            user.email = DEMO_EMAILS[username]
            user.save(update_fields=["email"])


# (name, relation, text, status) – approved ones show under the showcase and newest posts.
DEMO_COMMENTS = [
    (
        "Grandma Rose",
        "grandparent",
        "What a wonderful trip! I loved the photo of the lambs.",
        "approved",
    ),
    (
        "Mrs Lopez",
        "parent",
        "Amara told me all about the tractor ride at tea time. Thank you!",
        "approved",
    ),
    (
        "Leo",
        "pupil",
        "I went there too when I was in Eagle Class. Did you see the goats?",
        "approved",
    ),
    (
        "Year 3, Escola Sol",
        "other_school",
        "Hello from Portugal! We have a farm near our school too.",
        "approved",
    ),
    ("Sam's dad", "parent", "Brilliant singing, well done everyone.", "pending"),
    ("Aunty Priya", "visitor", "Can't wait to visit the farm with you!", "pending"),
    ("Cheap watches", "visitor", "Buy cheap watches at http://spam.example", "spam"),
]


def ensure_comments() -> None:

    showcase = english(BlogPostPage).filter(slug="our-trip-to-the-farm").first()
    if showcase is None or Comment.objects.filter(post=showcase).exists():
        return
    teacher = get_user_model().objects.filter(username="eagle.teacher").first()
    for name, relation, body, status in DEMO_COMMENTS:
        comment = Comment.objects.create(
            post=showcase,
            name=name,
            relation=relation,
            body=body,
            status=status,
            moderated_by=teacher if status != "pending" else None,
            moderated_at=timezone.now() if status != "pending" else None,
        )
        if name == "Grandma Rose":
            Comment.objects.create(
                post=showcase,
                reply_to=comment,
                name="Mr Patel",
                relation="teacher",
                body="Thank you, Rose! The children were so excited to read your comment.",
                status="approved",
                moderated_by=teacher,
                moderated_at=timezone.now(),
            )
    for post in english(BlogPostPage).exclude(pk=showcase.pk).order_by("-date")[:8]:
        Comment.objects.create(
            post=post,
            name="Mr Okafor",
            relation="parent",
            status="approved",
            body="Fantastic work, everyone. Keep it up!",
        )


BADGE_COLOURS = ["#1d4e89", "#6a3d9a", "#a04100", "#1e6b34", "#b3261e"]


def ensure_awards(home: HomePage) -> None:
    """An awards archive with four weeks of awards, badges and the visits behind them."""

    for name, description in DEFAULT_CATEGORIES:
        AwardCategory.objects.get_or_create(name=name, defaults={"description": description})
    for number, category in enumerate(AwardCategory.objects.order_by("pk")):
        if not category.badge:
            category.badge = demo_image(
                f"{category.name} badge",
                f"Badge: {category.name}",
                colour=BADGE_COLOURS[number % len(BADGE_COLOURS)],
                size=(240, 240),
                shapes=1,
            )
            category.save(update_fields=["badge"])
    awards = AwardIndexPage.objects.child_of(home).first()
    if awards is not None:
        return
    awards = AwardIndexPage(
        title="Blogging Awards",
        slug="awards",
        show_in_menus=True,
        introduction="Every week our Digital Leaders give Blogging Awards to the classes, "
        "pupils and commenters who made our blogs shine.",
    )
    home.add_child(instance=awards)
    categories = {category.name: category for category in AwardCategory.objects.all()}
    classes = list(ClassBlogIndexPage.objects.child_of(home).order_by("path"))
    leader = get_user_model().objects.filter(username="digital.leader").first()
    this_monday = monday_of(timezone.localdate())
    for weeks_ago in range(1, 5):
        monday = this_monday - timedelta(weeks=weeks_ago)
        winner = classes[weeks_ago % len(classes)]
        star = BlogPostPage.objects.child_of(winner).order_by("-date").first()
        for category, fields in [
            ("Most active class blog", {"winner_kind": "class", "winning_class": winner}),
            (
                "Star post",
                {
                    "winner_kind": "pupil",
                    "winning_class": winner,
                    "winner_name": "Amara" if winner.slug == "eagle" else "Leo",
                    "winning_post": star,
                },
            ),
            ("Most helpful commenter", {"winner_kind": "commenter", "winner_name": "Grandma Rose"}),
        ]:
            award = AwardPage(
                title=f"{category}: week of {monday:%-d %B}",
                slug=f"{slugify(category)}-{monday:%Y-%m-%d}",
                week_start=monday,
                category=categories[category],
                owner=leader,
                citation="Our Digital Leaders chose this because it made everyone smile and "
                "helped us all learn something new.",
                live=True,
                first_published_at=timezone.make_aware(
                    datetime.combine(monday + timedelta(days=7), time(9))
                ),
                **fields,
            )
            awards.add_child(instance=award)
        for number, post in enumerate(BlogPostPage.objects.order_by("pk")):
            PageVisit.objects.get_or_create(
                page=post,
                date=monday + timedelta(days=number % 5),
                defaults={"count": 3 + (number * 7 + weeks_ago * 5) % 40},
            )


# (title, topics, audiences, minutes, staff only, summary, steps)
HELP_SHEETS = [
    (
        "Writing a class blog post",
        ["blogging"],
        ["staff", "pupils"],
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
    (
        "Approving a pupil's post",
        ["blogging"],
        ["staff"],
        5,
        True,
        "Check a pupil's post and publish it, or ask for changes.",
        [
            "Open the dashboard: posts waiting for you are under “Awaiting your review”.",
            "Read the post: first names only, no faces without consent.",
            "Choose “Approve and Publish”, or “Request changes” with a kind comment.",
        ],
    ),
    (
        "Moderating comments",
        ["blogging", "e-safety"],
        ["staff"],
        5,
        True,
        "Approve, reject or reply to comments on your class blog.",
        [
            "Open “Comments” in the admin and filter by “Waiting for a teacher”.",
            "Tick the comments to approve and choose “Approve”.",
            "Reply from a comment's page to thank the visitor.",
        ],
    ),
    (
        "Tweeting learning in 30 seconds",
        ["social-media"],
        ["staff"],
        2,
        True,
        "Share a moment of learning with the school hashtag.",
        [
            "Take a photo with no faces, or with consent.",
            "Write one sentence about the learning, first names only.",
            "Add the school hashtag and post.",
        ],
    ),
    (
        "Uploading a voice recording",
        ["photos-and-video", "blogging"],
        ["staff", "pupils"],
        5,
        False,
        "Record a child reading and add it to a post.",
        [
            "Record on a tablet and save the file as MP3 or M4A.",
            "In a post, add an “Audio recording” block and upload the file.",
            "Type what is said in the transcript box.",
        ],
    ),
    (
        "Taking photos safely",
        ["photos-and-video", "e-safety"],
        ["staff", "pupils"],
        5,
        False,
        "Photos that show the learning and keep children safe.",
        [
            "Photograph the work and hands rather than faces.",
            "Check the consent list before including a child.",
            "Never name a child in a file name.",
        ],
    ),
    (
        "Helping your child log in at home",
        ["guides-for-parents", "learning-platform"],
        ["parents"],
        5,
        False,
        "Your child's login card and what to do if it is lost.",
        [
            "Find the login card in your child's reading record.",
            "Go to the school website and choose “Sign in”.",
            "If the card is lost, ask the class teacher for a new password.",
        ],
    ),
    (
        "Leaving a comment on a class blog",
        ["guides-for-parents", "blogging"],
        ["parents"],
        2,
        False,
        "Children love comments: here is how to leave one.",
        [
            "Open a post and scroll to “Leave a comment”.",
            "Write your name (first name for children) and who you are.",
            "A teacher checks every comment before it appears.",
        ],
    ),
    (
        "Staying safe online",
        ["e-safety"],
        ["pupils", "parents"],
        5,
        False,
        "Our SMART rules for blogging and the internet.",
        [
            "Keep your full name, address and school to yourself.",
            "Tell a grown-up if something online worries you.",
            "Be kind in every comment you write.",
        ],
    ),
    (
        "Setting up pupil accounts",
        ["learning-platform"],
        ["staff"],
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


def ensure_help_sheets(home: HomePage) -> None:

    for name, slug in DEFAULT_TOPICS:
        HelpSheetTopic.objects.get_or_create(slug=slug, defaults={"name": name})
    if HelpSheetLibraryPage.objects.child_of(home).exists():
        return
    library = HelpSheetLibraryPage(
        title="Help sheets",
        slug="help",
        show_in_menus=True,
        introduction="Five-minute guides to blogging, tweeting and staying safe, for staff, "
        "pupils and parents. Staff: sign in to see the staff-only sheets.",
    )
    home.add_child(instance=library)
    topics = {topic.slug: topic for topic in HelpSheetTopic.objects.all()}
    screenshot = demo_image(
        "Help sheet screenshot: the Publish button",
        "The Save draft and Publish buttons",
        colour="#45464f",
        size=(900, 500),
        shapes=2,
    )
    sheets = []
    for number, (title, topic_slugs, audiences, minutes, staff_only, summary, steps) in enumerate(
        HELP_SHEETS
    ):
        sheet = HelpSheetPage(
            title=title,
            slug=slugify(title),
            summary=summary,
            minutes=minutes,
            staff_only=staff_only,
            for_staff="staff" in audiences,
            for_pupils="pupils" in audiences,
            for_parents="parents" in audiences,
            # One sheet is over a year old, so the admin lists it for review.
            last_reviewed=timezone.localdate()
            - timedelta(days=400 if number == 3 else 30 + number),
            steps=[
                (
                    "step",
                    {
                        "instruction": f"<p>{text}</p>",
                        "screenshot": screenshot if index == 0 else None,
                        "screenshot_alt": "The Save draft and Publish buttons"
                        if index == 0
                        else "",
                        "note_kind": "tip" if index == len(steps) - 1 else "",
                        "note": "Ask the ICT leader if you get stuck."
                        if index == len(steps) - 1
                        else "",
                    },
                )
                for index, text in enumerate(steps)
            ],
        )
        sheet.topics = [topics[slug] for slug in topic_slugs]
        if title == "Setting up pupil accounts":
            staff_docs = Collection.objects.get(name=STAFF_DOCUMENTS_COLLECTION)
            document = _demo_document(
                "Pupil accounts checklist",
                ["Pupil accounts checklist", "1. Class list", "2. Print cards"],
            )
            if document.collection_id != staff_docs.pk:
                document.collection = staff_docs
                document.save(update_fields=["collection"])
            sheet.attachments = [("document", {"document": document, "title": ""})]
        library.add_child(instance=sheet)
        sheet.save_revision().publish()
        sheets.append(sheet)
    sheets[0].related_sheets = [sheets[1], sheets[4]]
    sheets[0].save_revision().publish()

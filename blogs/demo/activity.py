"""A term of believable activity, so that the reports have something true to show.

Thirteen weeks up to today, from ``data/activity.yaml``: more pupils in each class (keen ones,
steady ones and a few quiet ones), up to ten posts a class that they wrote and drew, their
teachers' feedback through the approval workflow, comments from families and far away with the
class's replies, daily visits and pupils' daily sign-ins; and the pupil survey "Blogging and
me", asked of three classes at the start of term (the baseline) and again last week (the
follow-up).

Chance is seeded, so every run of ``seed_demo`` builds the same term; and like every builder
here it makes only what is missing, so running it again changes nothing. It runs last, once
``setup_school_roles`` has made each class's pupils' group and approval workflow.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from home.languages import in_default_language
from home.models import HomePage

from ..awards.visits import PageVisit
from ..classes.authors import AuthorProfile
from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.posts import BlogPostPage
from ..classes.subjects import Subject
from ..comments.models import Comment
from ..reports.signins import SignInDay
from ..reports.surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyRun,
)
from ..reports.terms import school_year_of, terms_of_year
from .accounts import demo_password
from .data import load, paragraph
from .media import demo_image

WEEKS = 13
SEED = 2026
PUBLISHED_AT = time(15, 20)

DATA = load("activity")


@dataclass(frozen=True)
class Habit:
    """How a pupil uses the blog: chance of signing in on a school day, posts in the term."""

    sign_in: float
    posts: tuple[int, int]


QUIET = Habit(0.02, (0, 0))
STEADY = Habit(0.35, (1, 2))
KEEN = Habit(0.7, (2, 4))


def class_habits(count: int, chance) -> list[Habit]:
    """Most children in a class are steady, some keen, and one in five quiet: the ones the
    participation report puts first."""
    quiet, keen = max(1, count // 5), count * 3 // 10
    habits = [QUIET] * quiet + [KEEN] * keen + [STEADY] * (count - quiet - keen)
    chance.shuffle(habits)
    return habits


def school_days(today: date) -> list[date]:
    """Weekdays of the last thirteen weeks up to yesterday, less half-term holidays."""
    span = [today - timedelta(days=offset) for offset in range(WEEKS * 7, 0, -1)]
    terms = {term for year in {school_year_of(day) for day in span} for term in terms_of_year(year)}
    holidays = [(term.half_term_starts, term.half_term_ends) for term in terms]
    return [
        day
        for day in span
        if day.weekday() < 5 and not any(start <= day <= end for start, end in holidays)
    ]


def at(day: date, moment: time = PUBLISHED_AT):
    return timezone.make_aware(datetime.combine(day, moment))


def ensure_activity(home: HomePage) -> tuple[None, str]:
    """The whole term; returns what ``seed_demo`` prints for this stage."""
    chance = random.Random(SEED)  # noqa: S311 - demo data, repeatable on purpose
    today = timezone.localdate()
    days = school_days(today)
    classes = list(
        in_default_language(ClassBlogIndexPage.objects.child_of(home))
        .exclude(pupils_group=None)
        .order_by("path")
    )
    pupils = ensure_pupils(classes)
    habits = {
        pupil.pk: habit
        for class_pupils in pupils.values()
        for pupil, habit in zip(class_pupils, class_habits(len(class_pupils), chance), strict=True)
    }
    posts = ensure_pupil_posts(classes, pupils, habits, days, chance)
    ensure_feedback(posts, chance)
    ensure_comments(posts, chance)
    ensure_visits(classes, posts, days, chance)
    ensure_sign_ins(pupils, habits, days, chance)
    survey = ensure_survey(home, today, chance)

    pupil_count = sum(len(class_pupils) for class_pupils in pupils.values())
    answers = [run.responses.count() for run in survey.runs.order_by("opens")]
    return None, _("%(pupils)s, %(posts)s by pupils over %(weeks)s; survey: %(answers)s") % {
        "pupils": ngettext("%(count)d pupil", "%(count)d pupils", pupil_count)
        % {"count": pupil_count},
        "posts": ngettext("%(count)d post", "%(count)d posts", len(posts)) % {"count": len(posts)},
        "weeks": ngettext("%(count)d week", "%(count)d weeks", WEEKS) % {"count": WEEKS},
        "answers": " / ".join(str(count) for count in answers),
    }


def username(first_name: str, class_blog: ClassBlogIndexPage) -> str:
    return f"{slugify(first_name).replace('-', '')}.{class_blog.slug}"


def ensure_pupils(classes: list[ClassBlogIndexPage]) -> dict[int, list]:
    """Each class's pupils: the demo accounts already in it, and the data file's names."""
    User = get_user_model()
    existing = set(User.objects.values_list("username", flat=True))
    password = None
    for blog in classes:
        for first_name in DATA["pupils"].get(blog.slug, []):
            if username(first_name, blog) in existing:
                continue
            # Hashing is slow on purpose; every demo pupil shares the demo password.
            password = password or make_password(demo_password())
            user = User.objects.create(
                username=username(first_name, blog), first_name=first_name, password=password
            )
            user.groups.add(blog.pupils_group)
            AuthorProfile.objects.create(user=user, role=AuthorProfile.Role.PUPIL)
    return {
        blog.pk: list(User.objects.filter(groups=blog.pupils_group).order_by("username"))
        for blog in classes
    }


def ensure_pupil_posts(classes, pupils, habits, days, chance) -> list[BlogPostPage]:
    """The posts of the data file's pupils, unless they have written some already: each with
    its own drawing, subjects and hashtags, like the demo's other posts."""
    subjects = {subject.slug: subject for subject in Subject.objects.all()}
    translated = LocaleSynchronization.objects.exists()
    made = []
    for blog in classes:
        # The data file's pupils: the demo accounts' own posts are in data/posts/.
        names = {username(first_name, blog) for first_name in DATA["pupils"].get(blog.slug, [])}
        writers = [pupil for pupil in pupils[blog.pk] if pupil.username in names]
        written = list(BlogPostPage.objects.child_of(blog).filter(owner__in=writers))
        if written:
            made += written  # made on an earlier run
            continue
        planned = []
        for pupil in writers:
            low, high = habits[pupil.pk].posts
            count = chance.randint(low, high)
            specs = chance.sample(DATA["posts"], count)
            planned += zip([pupil] * count, chance.sample(days, count), specs, strict=True)
        kept = chance.sample(planned, min(len(planned), DATA["posts_per_class"]))
        planned = sorted(kept, key=lambda plan: plan[1])  # by day, as they were written
        made += [_pupil_post(blog, *plan, subjects, translated) for plan in planned]
    return made


def _pupil_post(blog, pupil, day: date, spec: dict, subjects: dict, translated: bool):
    title = spec["title"].format(name=pupil.first_name)
    picture = spec["picture"]
    post = BlogPostPage(
        title=title,
        slug=slugify(title),
        date=day,
        summary=spec["text"],
        owner=pupil,
        featured_image=demo_image(f"{blog.title}: {title}", picture["description"], picture),
        body=[("paragraph", paragraph(spec["text"]))],
        live=True,
        first_published_at=at(day),
        last_published_at=at(day),
    )
    post.subjects = [subjects[slug] for slug in spec["subjects"]]
    post.tags.add(*spec["tags"])
    blog.add_child(instance=post)
    if translated:
        create_aliases_for_new_page(post)  # as the admin does for a new page
    return post


def ensure_feedback(posts: list[BlogPostPage], chance) -> None:
    """Half the pupils' posts went through the approval workflow with a teacher's comment;
    some were sent back for changes first. Recorded as Wagtail's workflow records, without
    sending the emails a real submission would."""
    if WorkflowState.objects.filter(object_id__in=[str(post.pk) for post in posts]).exists():
        return  # made on an earlier run
    for post in posts:
        if chance.random() > 0.5:
            continue
        workflow = post.get_workflow()
        if workflow is None:
            continue
        task = workflow.tasks.first()
        teacher = task.specific.groups.first().user_set.first() if task else None
        revision = post.save_revision(user=post.owner, clean=False, changed=False)
        # Saving a revision marks the post as changed; it is the published version.
        Page.objects.filter(pk=post.pk).update(
            has_unpublished_changes=False, live_revision=revision
        )
        submitted = post.first_published_at - timedelta(hours=3)
        outcomes = [(TaskState.STATUS_APPROVED, chance.choice(DATA["feedback"]))]
        if chance.random() < 0.3:
            outcomes.insert(0, (TaskState.STATUS_REJECTED, chance.choice(DATA["changes"])))
        for number, (status, comment) in enumerate(outcomes):
            state = WorkflowState.objects.create(
                content_type=post.get_content_type(),
                base_content_type=post.get_base_content_type(),
                object_id=str(post.pk),
                workflow=workflow,
                status=(
                    WorkflowState.STATUS_APPROVED
                    if status == TaskState.STATUS_APPROVED
                    else WorkflowState.STATUS_NEEDS_CHANGES
                ),
                requested_by=post.owner,
            )
            started = submitted + timedelta(hours=number)
            finished = started + timedelta(minutes=40)
            TaskState.objects.create(
                workflow_state=state,
                revision=revision,
                task=task,
                status=status,
                finished_at=finished,
                finished_by=teacher,
                comment=comment,
            )
            WorkflowState.objects.filter(pk=state.pk).update(created_at=started)
            TaskState.objects.filter(workflow_state=state).update(started_at=started)


def ensure_comments(posts: list[BlogPostPage], chance) -> None:
    """Comments on pupils' posts from who the data file says, a few hours after each post,
    with the class's reply to some; the newest few still wait for a teacher."""
    relations = DATA["comments"]
    kinds = list(relations)
    weights = [relations[kind]["weight"] for kind in kinds]
    if Comment.objects.filter(post__in=posts).exists():
        return  # made on an earlier run
    now = timezone.now()
    for post in posts:
        sent = post.first_published_at
        for _number in range(chance.choices([0, 1, 2, 3, 4], [2, 3, 3, 2, 1])[0]):
            kind = chance.choices(kinds, weights)[0]
            sent = min(sent + timedelta(hours=chance.randint(2, 30)), now - timedelta(hours=1))
            pending = sent > now - timedelta(days=2) and chance.random() < 0.5
            comment = Comment.objects.create(
                post=post,
                name=chance.choice(relations[kind]["names"]),
                relation=kind,
                body=chance.choice(relations[kind]["texts"]),
                status=Comment.Status.PENDING if pending else Comment.Status.APPROVED,
                created_at=sent,
                moderated_at=None if pending else sent + timedelta(minutes=30),
            )
            if not pending and chance.random() < 0.4:
                Comment.objects.create(
                    post=post,
                    reply_to=comment,
                    name=post.get_parent().specific.teachers or post.get_parent().title,
                    relation=Comment.Relation.TEACHER,
                    body=chance.choice(DATA["replies"]),
                    status=Comment.Status.APPROVED,
                    created_at=sent + timedelta(minutes=45),
                    moderated_at=sent + timedelta(minutes=45),
                )


def ensure_visits(classes, posts, days, chance) -> None:
    """Daily visits to each class blog, busier on school days, and to each post for a week
    after it went out; days already counted (real visits) are left as they are."""
    first, last = days[0], days[-1]
    if PageVisit.objects.filter(page__in=posts).exists():
        return  # made on an earlier run
    existing = set(
        PageVisit.objects.filter(date__gte=first, date__lte=last).values_list("page_id", "date")
    )
    visits: dict[tuple[int, date], int] = {}
    day = first
    while day <= last:
        busy = day.weekday() < 5
        for blog in classes:
            visits[(blog.pk, day)] = chance.randint(4, 25) if busy else chance.randint(0, 6)
        day += timedelta(days=1)
    for post in posts:
        published = timezone.localtime(post.first_published_at).date()
        for offset in range(7):
            when = published + timedelta(days=offset)
            if when <= last:
                visits[(post.pk, when)] = max(chance.randint(8, 30) // (offset + 1), 1)
    PageVisit.objects.bulk_create(
        PageVisit(page_id=page_id, date=when, count=count)
        for (page_id, when), count in visits.items()
        if (page_id, when) not in existing and count
    )


def ensure_sign_ins(pupils, habits, days, chance) -> None:
    """Each pupil's daily sign-ins, by their habit, unless they have some already."""
    counted = set(SignInDay.objects.values_list("user_id", flat=True).distinct())
    SignInDay.objects.bulk_create(
        SignInDay(user=pupil, date=day, count=chance.choice([1, 1, 1, 2]))
        for class_pupils in pupils.values()
        for pupil in class_pupils
        if pupil.pk not in counted
        for day in days
        if chance.random() < habits[pupil.pk].sign_in
    )


def ensure_survey(home: HomePage, today: date, chance) -> Survey:
    """ "Blogging and me": its questions, a baseline and a follow-up run, and the answers."""
    spec = DATA["survey"]
    survey = Survey.objects.filter(title=spec["title"]).first()
    if survey is not None:
        return survey
    survey = Survey.objects.create(title=spec["title"], introduction=spec["introduction"])
    questions = [
        SurveyQuestion.objects.create(
            survey=survey,
            sort_order=number,
            text=question["text"],
            kind=question["kind"],
            choices="\n".join(question.get("choices", [])),
        )
        for number, question in enumerate(spec["questions"])
    ]
    classes = list(
        in_default_language(ClassBlogIndexPage.objects.child_of(home)).filter(
            slug__in=spec["classes"]
        )
    )
    for stage, lift in (("baseline", 0.0), ("follow_up", 0.8)):
        opens = today - timedelta(weeks=spec[stage]["weeks_ago"])
        run = SurveyRun.objects.create(
            survey=survey,
            label=spec[stage]["label"],
            opens=opens,
            closes=opens + timedelta(days=6) if stage == "baseline" else None,
        )
        run.classes.set(classes)
        _answer(run, questions, classes, spec, stage, lift, chance)
    return survey


def _answer(run, questions, classes, spec, stage: str, lift: float, chance) -> None:
    """Children's answers: the follow-up's faces happier by ``lift`` on average."""
    answers = []
    for blog in classes:
        for _child in range(spec["answers_per_class"]):
            response = SurveyResponse.objects.create(run=run, class_blog=blog)
            for question in questions:
                if question.kind == SurveyQuestion.Kind.SMILEY:
                    face = round(chance.gauss(3.1 + lift, 1.0))
                    answers.append(
                        SurveyAnswer(
                            response=response, question=question, smiley=min(max(face, 1), 5)
                        )
                    )
                elif question.kind == SurveyQuestion.Kind.CHOICE:
                    options = question.choice_list()
                    # "Nobody yet" is last: fewer children choose it once families are reading.
                    weights = [3, 2, 1, 3] if stage == "baseline" else [5, 3, 2, 1]
                    answers.append(
                        SurveyAnswer(
                            response=response,
                            question=question,
                            choice=chance.choices(options, weights[: len(options)])[0],
                        )
                    )
                elif chance.random() < 0.3:
                    answers.append(
                        SurveyAnswer(
                            response=response,
                            question=question,
                            sentence=chance.choice(spec["sentences"][stage]),
                        )
                    )
    SurveyAnswer.objects.bulk_create(answers)

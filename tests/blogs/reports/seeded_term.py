"""A term of known activity in the small test school, so that tests can say exactly what the
reports must count.

Everything is placed by days before today, inside or outside a 60-day period ending today:

- Eagle Class has pupils Amara, Leo and Ruby; Falcon Class Oscar and Finn; a senior leader who
  is not a superuser is added too.
- Posts in the period: Amara 2, Leo 1, Eagle's teacher 1, Oscar 1. Not counted: Ruby's post of
  90 days ago, and a draft of Amara's.
- Eagle's approved comments in the period: 3 from parents, 1 grandparent, 2 pupils (signed
  "Leo" and "Ruby"), 1 other school, 1 visitor, and 2 replies by the class; not counted: one
  pending, one rejected, one sent 80 days ago. Falcon: 1 from a parent.
- Visits: Eagle 5 + 7 (class page) + 10 (a post), and 100 outside the period; Falcon 4; the home
  page 50 (no class's).
- Sign-ins (daily totals): Amara 2 + 1 + 1 on three days, Leo 1, Oscar 3; Ruby and Finn none.
- Feedback: Amara's post was approved with a comment through the real approval workflow; Leo's
  post was approved without one.
- Email subscribers (confirmed): two follow Eagle, one Eagle and Falcon, one the whole school;
  one more never confirmed.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from blogs.models import AuthorProfile, BlogPostPage, Comment, PageVisit, SignInDay, Subscriber
from blogs.school.roles import SENIOR_LEADERS
from tests.factories import BlogPostPageFactory, UserFactory
from tests.school import School, build_school

PERIOD_DAYS = 60


def days_ago(days: int) -> datetime:
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


@dataclass
class Term:
    school: School
    pupils: dict
    senior_leader: object

    @property
    def period(self) -> dict:
        today = timezone.localdate()
        return {
            "period": "dates",
            "start": (today - timedelta(days=PERIOD_DAYS)).isoformat(),
            "end": today.isoformat(),
        }


def add_pupil(class_blog, first_name: str, username: str | None = None):
    user = UserFactory(username=username or f"{first_name.lower()}.{class_blog.slug}")
    user.first_name = first_name
    user.save()
    AuthorProfile.objects.get_or_create(user=user, defaults={"role": AuthorProfile.Role.PUPIL})
    user.groups.add(class_blog.pupils_group)
    return user


def _post(class_blog, owner, days: int | None, live: bool = True) -> BlogPostPage:
    published = days_ago(days) if days is not None else None
    return BlogPostPageFactory(
        parent=class_blog,
        owner=owner,
        live=live,
        first_published_at=published,
        last_published_at=published,
    )


def _comments(post, relation: str, count: int, days: int, status=Comment.Status.APPROVED):
    return [
        Comment.objects.create(
            post=post,
            name=f"{relation} {number}",
            relation=relation,
            body="Well done!",
            status=status,
            created_at=days_ago(days),
        )
        for number in range(count)
    ]


def build_term() -> Term:
    school = build_school()
    eagle, falcon = school.eagle, school.falcon
    users = school.users
    amara = users["eagle.pupil"]  # already in Eagle's pupils group
    pupils = {
        "Amara": amara,
        "Leo": add_pupil(eagle, "Leo"),
        "Ruby": add_pupil(eagle, "Ruby"),
        "Oscar": add_pupil(falcon, "Oscar"),
        "Finn": add_pupil(falcon, "Finn"),
    }
    senior = UserFactory(username="deputy", first_name="Dee", last_name="Puty")
    senior.groups.add(Group.objects.get(name=SENIOR_LEADERS))

    amara_posts = [_post(eagle, amara, 5), _post(eagle, amara, 20)]
    _post(eagle, amara, None, live=False)
    leo_post = _post(eagle, pupils["Leo"], 40)
    _post(eagle, pupils["Ruby"], 90)
    _post(eagle, users["eagle.teacher"], 3)
    _post(falcon, pupils["Oscar"], 10)

    post = amara_posts[0]
    for relation, count in [
        (Comment.Relation.PARENT, 3),
        (Comment.Relation.GRANDPARENT, 1),
        (Comment.Relation.OTHER_SCHOOL, 1),
        (Comment.Relation.VISITOR, 1),
    ]:
        _comments(post, relation, count, days=4)
    for name in ("Leo", "Ruby"):
        Comment.objects.create(
            post=post,
            name=name,
            relation=Comment.Relation.PUPIL,
            body="I like it",
            status=Comment.Status.APPROVED,
            created_at=days_ago(4),
        )
    parents = Comment.objects.filter(post=post, relation=Comment.Relation.PARENT)
    for comment in parents[:2]:
        reply = comment.reply(users["eagle.teacher"], "Thank you!")
        reply.created_at = days_ago(3)
        reply.save()
    _comments(post, Comment.Relation.PARENT, 1, days=2, status=Comment.Status.PENDING)
    _comments(post, Comment.Relation.VISITOR, 1, days=2, status=Comment.Status.REJECTED)
    _comments(post, Comment.Relation.PARENT, 1, days=80)
    _comments(school.posts["falcon"][0], Comment.Relation.PARENT, 1, days=6)

    today = timezone.localdate()
    for page, days, count in [
        (eagle, 1, 5),
        (eagle, 2, 7),
        (post, 5, 10),
        (eagle, 70, 100),
        (falcon, 3, 4),
        (school.home, 1, 50),
    ]:
        PageVisit.objects.create(page=page, date=today - timedelta(days=days), count=count)

    for user, days, count in [
        (amara, 1, 2),
        (amara, 8, 1),
        (amara, 15, 1),
        (pupils["Leo"], 2, 1),
        (pupils["Oscar"], 1, 3),
    ]:
        SignInDay.objects.create(user=user, date=today - timedelta(days=days), count=count)

    _review(amara_posts[1], amara, users["eagle.teacher"], "Lovely work. Add a picture next time!")
    _review(leo_post, pupils["Leo"], users["eagle.teacher"], "")

    site = Site.objects.get(is_default_site=True)
    for email, classes, whole_school, confirmed in [
        ("gran@example.com", [eagle], False, True),
        ("dad@example.com", [eagle], False, True),
        ("aunt@example.com", [eagle, falcon], False, True),
        ("governor@example.com", [], True, True),
        ("maybe@example.com", [falcon], False, False),
    ]:
        subscriber = Subscriber.objects.create(
            site=site,
            email=email,
            whole_school=whole_school,
            confirmed_at=days_ago(7) if confirmed else None,
        )
        subscriber.classes.set(classes)
    return Term(school, pupils, senior)


def _review(post, pupil, teacher, comment: str) -> None:
    """The pupil submits the post; the teacher approves it, with a comment or without."""
    post.save_revision(user=pupil)
    state = post.get_workflow().start(post, pupil)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, teacher, "approve", comment=comment)

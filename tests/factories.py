"""Factories for the test suite (wagtail-factories), so tests say only what matters to them."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site

from blogs.classes.class_blogs import ClassColour, KeyStage
from blogs.consent.models import People
from blogs.models import (
    AwardIndexPage,
    BlogPostPage,
    ClassBlogIndexPage,
    HelpSheetLibraryPage,
    HelpSheetPage,
    ImagePeople,
    Subject,
    TimelinePage,
)
from home.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Sam"
    last_name = "Patel"
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ImageFactory(wagtail_factories.ImageFactory):
    """A picture with no children in it, unless a test says who is (``people=[pupil]``)."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    description = "A test picture"

    class Meta:
        skip_postgeneration_save = True  # who is in it is its own row: the image is unchanged

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return  # ``people=False``: nobody has said who is in it yet
        answer = People.PUPILS if extracted else People.NO_CHILDREN
        said = ImagePeople.objects.create(image=self, answer=answer)
        if extracted:
            said.pupils.set(extracted)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Oakfield Primary School"
    slug = "home"
    welcome = "<p>Welcome to our school.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage


class ClassBlogIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Class {n}")
    year_group = "Years 1 and 2"
    key_stage = KeyStage.KS1
    teachers = "Mr Patel"
    colour = ClassColour.BLUE

    class Meta:
        model = ClassBlogIndexPage


class TimelinePageFactory(wagtail_factories.PageFactory):
    title = "News from our classes"
    slug = "news"
    show_in_menus = True

    class Meta:
        model = TimelinePage


class AwardIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blogging Awards"
    slug = "awards"
    show_in_menus = True
    introduction = "Every week our Digital Leaders give Blogging Awards."

    class Meta:
        model = AwardIndexPage


class HelpSheetLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Help sheets"
    slug = "help"
    show_in_menus = True
    introduction = "Five-minute guides for staff, pupils and parents."

    class Meta:
        model = HelpSheetLibraryPage


class HelpSheetPageFactory(wagtail_factories.PageFactory):
    """A sheet; pass ``topics`` as a list, set before the page is saved (it is a cluster)."""

    title = factory.Sequence(lambda n: f"Help sheet {n}")
    summary = "How to do one thing well."
    steps = factory.LazyFunction(
        lambda: [("step", {"instruction": "<p>Do this first.</p>", "screenshot": None})]
    )

    class Meta:
        model = HelpSheetPage


class SubjectFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Subject {n}")
    slug = factory.Sequence(lambda n: f"subject-{n}")

    class Meta:
        model = Subject
        django_get_or_create = ("slug",)


class BlogPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = "What we learned today."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>We learned a lot.</p>")])

    class Meta:
        model = BlogPostPage
        skip_postgeneration_save = True

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if extracted:
            self.subjects.set(extracted)
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            self.save()


def school_home(**fields) -> HomePage:
    """A school's home page served as the default site, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    root.get_children().filter(slug="home").delete()
    home = HomePageFactory(parent=root, **fields)
    # Every school has its timeline, "News from our classes", as seed_demo and migrations make.
    TimelinePageFactory(parent=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home

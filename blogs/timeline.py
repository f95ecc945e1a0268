"""The school-wide timeline: every class's posts in one place, filtered by class, subject or tag.

Served by the HomePage's routes (``/news/``, ``/news/subjects/<slug>/`` and the school feeds),
so a school has one timeline without another page type to create and keep in the tree.
"""

from dataclasses import dataclass, field

from .listing import attach_class_blogs
from .models import BlogPostPage, ClassBlogIndexPage, Subject
from .pagination import paginate

POSTS_PER_PAGE = 12


def school_posts(home_page):
    return BlogPostPage.objects.descendant_of(home_page).for_listing()


@dataclass
class TimelineFilters:
    """The filters a visitor chose. Unknown values match nothing; they never raise an error."""

    class_slug: str = ""
    subject_slug: str = ""
    tag: str = ""
    class_blogs: list = field(default_factory=list)
    subjects: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request, home_page) -> "TimelineFilters":
        def value(name: str) -> str:
            return request.GET.get(name, "").strip()[:100]

        return cls(
            class_slug=value("class"),
            subject_slug=value("subject"),
            tag=value("tag").lstrip("#"),
            class_blogs=list(ClassBlogIndexPage.objects.child_of(home_page).live().public()),
            subjects=list(Subject.objects.all()),
        )

    @property
    def active(self) -> bool:
        return bool(self.class_slug or self.subject_slug or self.tag)

    def apply(self, posts):
        if self.class_slug:
            chosen = next((b for b in self.class_blogs if b.slug == self.class_slug), None)
            posts = posts.child_of(chosen) if chosen else posts.none()
        if self.subject_slug:
            posts = posts.filter(subjects__slug=self.subject_slug)
        if self.tag:
            posts = posts.filter(tags__name__iexact=self.tag)
        return posts


def timeline_context(request, home_page, posts) -> dict:
    """The paginated posts and the filter form's choices, for the timeline's templates."""
    filters = TimelineFilters.from_request(request, home_page)
    page = paginate(request, filters.apply(posts), POSTS_PER_PAGE)
    page.object_list = attach_class_blogs(page.object_list)
    return {"posts": page, "filters": filters}

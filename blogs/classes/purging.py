"""What else shows a changed page, for the page cache's purge (``home.page_cache``).

A post is listed on the school's timeline and on its subject and hashtag pages, with their
feeds (every language's); an award shows as a badge on the class blog and post it went to. The
page itself, the lists above it (class blog, home page), the sitemap and search are the page
cache's own rules.
"""

from wagtail import hooks
from wagtail.models import Page

from home.page_cache import PURGE_PAGE_HOOK, PurgeBatch, purge_everything, purge_page

from ..awards.models import AwardPage
from .posts import BlogPostPage
from .timeline import TimelinePage


@hooks.register(PURGE_PAGE_HOOK)
def purge_timeline_for_posts(page: Page, batch: PurgeBatch) -> None:
    if not isinstance(page, BlogPostPage):
        return
    subjects = [subject.slug for subject in page.subjects.all()]
    tags = [tag.slug for tag in page.tags.all()]
    # Every language's timeline (a school's copies; other schools' too, which costs nothing).
    for timeline in TimelinePage.objects.all():
        # The timeline and everything under it: filters, subject and hashtag pages, feeds.
        batch.add_page(timeline, subtree=True)
        timeline_url = timeline.get_full_url()
        for subject in subjects:
            batch.add_url(timeline_url + f"subjects/{subject}/")
        for tag in tags:
            base = timeline_url + f"tags/{tag}/"
            batch.add_url(base)
            batch.add_url(base + "feed/rss/")
            batch.add_url(base + "feed/atom/")


@hooks.register(PURGE_PAGE_HOOK)
def purge_award_winners(page: Page, batch: PurgeBatch) -> None:
    if not isinstance(page, AwardPage):
        return
    for winner in (page.winning_class, page.winning_post):
        if winner is not None:
            batch.add_page_in_every_language(winner)


def comment_changed(sender, instance, **kwargs) -> None:
    """A comment approved, rejected, replied to or deleted changes its post's page."""
    post = Page.objects.filter(pk=instance.post_id).first()
    if post is not None:
        purge_page(post)


def shown_everywhere_changed(sender, instance=None, **kwargs) -> None:
    """Subjects, authors' names and award categories show on many pages."""
    purge_everything()

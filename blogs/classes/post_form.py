"""Wagtail's editor form for posts: a new post gets a free address by itself, and "children
named in this post" offers the post's own class.

A teacher who tries again after an abandoned post, or two classes writing "Sports day", would
otherwise be stopped by "The slug … is already in use" on the Promote tab. A post that was
never published has an address nobody knows yet, so it takes the next free one
("sports-day-1"); a published post's address changes only when someone changes it.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug


class BlogPostForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        named = self.fields.get("children_named")
        if named is not None:
            # Only the post's own class: a teacher names her pupils, and sees no other class's.
            class_blog = self.parent_page.specific if self.parent_page else None
            group = getattr(class_blog, "pupils_group_id", None)
            named.queryset = (
                named.queryset.filter(groups=group, is_active=True).order_by("first_name")
                if group
                else named.queryset.none()
            )
            named.label_from_instance = lambda pupil: pupil.first_name

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        page = self.instance
        # A new page is "live" until saved as a draft; only a stored one may have been published.
        never_published = page.pk is None or not (page.live or page.first_published_at)
        if slug and self.parent_page and never_published:
            return find_available_slug(self.parent_page, slug, ignore_page_id=self.instance.pk)
        return slug

"""The blogging network, one module per concept."""

from .authors import AuthorProfile, public_author_name
from .awards import AwardCategory, AwardIndexPage, AwardPage
from .class_blogs import ClassBlogIndexPage
from .comments import Comment, CommentSettings
from .helpsheets import HelpSheetLibraryPage, HelpSheetPage, HelpSheetTopic
from .posts import BlogPostPage, BlogPostTag
from .subjects import Subject
from .visits import PageVisit

__all__ = [
    "AuthorProfile",
    "AwardCategory",
    "AwardIndexPage",
    "AwardPage",
    "BlogPostPage",
    "BlogPostTag",
    "ClassBlogIndexPage",
    "Comment",
    "CommentSettings",
    "HelpSheetLibraryPage",
    "HelpSheetPage",
    "HelpSheetTopic",
    "PageVisit",
    "Subject",
    "public_author_name",
]

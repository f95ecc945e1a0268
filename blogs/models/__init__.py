"""The blogging network, one module per concept."""

from .authors import AuthorProfile, public_author_name
from .class_blogs import ClassBlogIndexPage
from .comments import Comment, CommentSettings
from .posts import BlogPostPage, BlogPostTag
from .subjects import Subject

__all__ = [
    "AuthorProfile",
    "BlogPostPage",
    "BlogPostTag",
    "ClassBlogIndexPage",
    "Comment",
    "CommentSettings",
    "Subject",
    "public_author_name",
]

"""The blogging network, one module per concept."""

from .class_blogs import ClassBlogIndexPage

__all__ = ["ClassBlogIndexPage"]

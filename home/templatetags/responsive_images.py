"""Wagtail's ``{% picture %}`` and ``{% srcset_image %}``, with each width listed once.

Wagtail's ``width-N`` filter never enlarges an image, so a photo narrower than the widths a
template asks for gets several renditions of the same width (and a missing file gets several
"not found" stand-ins). HTML forbids a srcset that names one width twice, and a browser would
only download copies. These tags take the same arguments as Wagtail's and keep the first
rendition of each width in each format; when that leaves one width, they drop ``sizes`` too,
which HTML allows only beside a srcset of widths. Load this library after ``wagtailimages_tags``.
"""

from collections import Counter

from django import template
from django.template.base import Parser, Token
from wagtail.images.models import AbstractRendition, FormatOperation, Picture, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, SrcsetImageNode, image

register = template.Library()


def _format_of(spec: str) -> str:
    return next((f for f in FormatOperation.supported_formats if f"format-{f}" in spec), "")


def distinct_widths(renditions: dict[str, AbstractRendition]) -> dict[str, AbstractRendition]:
    """The renditions less any whose format and width an earlier one already has."""
    seen: set[tuple[str, int]] = set()
    kept = {}
    for spec, rendition in renditions.items():
        key = (_format_of(spec), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


def _offers_a_choice(renditions: dict[str, AbstractRendition]) -> bool:
    """Whether any format has several widths for the browser to choose from."""
    return any(count > 1 for count in Counter(map(_format_of, renditions)).values())


class DistinctWidthsMixin:
    """Renders like Wagtail's node, from renditions that name each width once."""

    output_class: type[ResponsiveImage]

    def render(self, context) -> str:
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
        if self.output_var_name:
            context[self.output_var_name] = self.output_class(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        if not _offers_a_choice(renditions):
            attrs.pop("sizes", None)
        return self.output_class(renditions, attrs).__html__()


class DistinctWidthsSrcsetImageNode(DistinctWidthsMixin, SrcsetImageNode):
    output_class = ResponsiveImage


class DistinctWidthsPictureNode(DistinctWidthsMixin, PictureNode):
    output_class = Picture


def _responsive_tag(parser: Parser, token: Token) -> template.Node:
    # Wagtail's parser checks the arguments and gives its own messages for mistakes.
    parsed = image(parser, token)
    node_class = (
        DistinctWidthsPictureNode
        if isinstance(parsed, PictureNode)
        else DistinctWidthsSrcsetImageNode
    )
    return node_class(
        parsed.image_expr,
        parsed.filter_specs,
        output_var_name=parsed.output_var_name,
        attrs=parsed.attrs,
    )


register.tag("srcset_image", _responsive_tag)
register.tag("picture", _responsive_tag)

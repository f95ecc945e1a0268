"""The body of a blog post: the shared blocks plus media and pupils' work."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import AudioBlock, BaseStreamBlock, GalleryBlock, VideoBlock


class PupilWorkBlock(blocks.StructBlock):
    """A piece of work (a photo of it, or the document itself) and what it shows."""

    image = ImageChooserBlock(label=_("Photo or scan of the work"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_("Needed with a photo: describe the work for someone who cannot see it."),
    )
    document = DocumentChooserBlock(label=_("Or the work as a document"), required=False)
    what_it_shows = blocks.TextBlock(
        label=_("What it shows"),
        help_text=_("e.g. 'Using fronted adverbials in a diary entry'."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Pupil work")
        template = "blocks/pupil_work_block.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("image") and not value.get("document"):
            errors["image"] = ValidationError(_("Add a photo of the work or a document."))
        if value.get("image") and not value.get("alt_text", "").strip():
            errors["alt_text"] = ValidationError(_("Describe the photo in the alt text."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class BlogPostStreamBlock(BaseStreamBlock):
    gallery = GalleryBlock()
    audio = AudioBlock()
    video = VideoBlock()
    pupil_work = PupilWorkBlock()

"""StreamField blocks shared by every page type, each with its own template in templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

# Few rich-text features: pupils and busy teachers get a calm toolbar, pages stay consistent.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Size"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a sub-heading inside a section, so screen readers can follow the page."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image whose alt text is required: the site is read with screen readers too."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_(
            "Describe what the picture shows for someone who cannot see it, "
            "e.g. 'Three children measuring a plant with a ruler'."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class GalleryBlock(blocks.StructBlock):
    """Several pictures shown together, each with its own alt text."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2, max_num=24, label=_("Pictures"))

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"


class AudioBlock(blocks.StructBlock):
    """A recording, e.g. a pupil reading their poem, with a transcript for those who can't hear."""

    audio = AudioChooserBlock(label=_("Recording"))
    title = blocks.CharBlock(
        label=_("What you will hear"), max_length=120, help_text=_("e.g. 'Amara reads her poem'.")
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("The words of the recording, for visitors who cannot hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Audio recording")
        template = "blocks/audio_block.html"


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("Video"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(
        label=_("What happens in the video"),
        required=False,
        help_text=_("A short description or transcript, for visitors who cannot watch it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=120,
        help_text=_("First names only for pupils, e.g. 'Amara, Eagle Class'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=120,
        help_text=_("Leave blank to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document_block.html"


class LinkBlock(blocks.StructBlock):
    """A labelled link to a page of this site or to another website."""

    label = blocks.CharBlock(label=_("Label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or another website"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or enter a web address, not both.")
            raise blocks.StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class BaseStreamBlock(blocks.StreamBlock):
    """The body of a standard page; blog posts extend it with media blocks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = EmbedBlock(
        label=_("Embedded video or post"),
        help_text=_("Paste a link from YouTube, Vimeo and similar sites."),
        icon="media",
        template="blocks/embed_block.html",
    )

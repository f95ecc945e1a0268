"""The parts of a post the writing screens ask for, read from and written to its body.

The screens own the post's title, its paragraphs (as plain text), its featured photo and its
first recording (with the transcript); anything else a teacher adds in Wagtail's editor (a
gallery, a video, a heading…) is kept where it is. Paragraphs are rewritten only when the text
was changed, so a teacher's bold or links survive a pupil opening the post again.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags
from wagtail.blocks import StreamValue

PARAGRAPH = "paragraph"
AUDIO = "audio"
IMAGE = "image"
GALLERY = "gallery"

_BLANK_LINES = re.compile(r"\n\s*\n")
_BREAKS = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARAGRAPH_ENDS = re.compile(r"</p>|</li>|</h\d>", re.IGNORECASE)


@dataclass
class Photo:
    """A picture already stored as a Wagtail image, with the words that describe it."""

    image: object
    description: str = ""


@dataclass
class PostParts:
    title: str = ""
    text: str = ""
    photos: list[Photo] = field(default_factory=list)
    voice: object = None  # a wagtailmedia Media of type audio
    transcript: str = ""
    subjects: list = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def photo(self) -> Photo | None:
        return self.photos[0] if self.photos else None


def text_to_rich_text(text: str) -> str:
    """Plain text as the rich text of paragraph blocks: blank lines part paragraphs."""
    paragraphs = [part.strip() for part in _BLANK_LINES.split(text.strip()) if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.splitlines()) + "</p>"
        for part in paragraphs
    )


def rich_text_to_text(rich_text: str) -> str:
    """The words of rich text, a blank line between paragraphs, as a child typed them."""
    with_breaks = _PARAGRAPH_ENDS.sub("\n\n", _BREAKS.sub("\n", rich_text))
    text = html.unescape(strip_tags(with_breaks))
    paragraphs = [
        "\n".join(line.strip() for line in part.strip().splitlines())
        for part in _BLANK_LINES.split(text)
    ]
    return "\n\n".join(part for part in paragraphs if part)


def _raw_blocks(post) -> list[dict]:
    return [dict(block) for block in post.body.raw_data]


def _is_voice(block: dict) -> bool:
    return block["type"] == AUDIO


def text_of(blocks: list[dict]) -> str:
    return "\n\n".join(
        text
        for block in blocks
        if block["type"] == PARAGRAPH and (text := rich_text_to_text(block["value"] or ""))
    )


def read_parts(post) -> PostParts:
    """What the writing screens show of ``post``: its latest draft, as the editor would."""
    blocks = _raw_blocks(post)
    voice_block = next((block for block in blocks if _is_voice(block)), None)
    voice = None
    if voice_block:
        voice = post.body[blocks.index(voice_block)].value.get("audio")
    photos = []
    if post.featured_image:
        photos.append(Photo(post.featured_image, post.featured_image.description))
    return PostParts(
        title=post.title,
        text=text_of(blocks),
        photos=photos,
        voice=voice,
        transcript=(voice_block["value"].get("transcript") or "") if voice_block else "",
        subjects=list(post.subjects.all()),
        tags=[tag.name for tag in post.tags.all()],
    )


def write_parts(post, parts: PostParts, *, voice_title: str, extra_photos: bool = False) -> None:
    """Put ``parts`` into ``post`` (not saved): title, photo, text, recording, subjects, tags.

    The first photo is the featured image (its description is its alt text everywhere);
    with ``extra_photos`` the others follow the text, one as a picture or several as a gallery.
    """
    post.title = parts.title
    first = parts.photo
    post.featured_image = first.image if first else None
    blocks = _raw_blocks(post)

    if parts.text != text_of(blocks):
        first_paragraph = next(
            (index for index, block in enumerate(blocks) if block["type"] == PARAGRAPH), 0
        )
        blocks = [block for block in blocks if block["type"] != PARAGRAPH]
        if parts.text.strip():
            blocks.insert(
                min(first_paragraph, len(blocks)),
                {"type": PARAGRAPH, "value": text_to_rich_text(parts.text)},
            )

    voice_at = next((index for index, block in enumerate(blocks) if _is_voice(block)), None)
    if parts.voice is not None:
        voice = {
            "type": AUDIO,
            "value": {
                "audio": parts.voice.pk,
                "title": voice_title,
                "transcript": parts.transcript.strip(),
            },
        }
        if voice_at is None:
            after_text = next(
                (index + 1 for index, block in enumerate(blocks) if block["type"] == PARAGRAPH), 0
            )
            blocks.insert(after_text, voice)
        else:
            blocks[voice_at] = {**blocks[voice_at], "value": voice["value"]}
    elif voice_at is not None:
        del blocks[voice_at]

    if extra_photos and len(parts.photos) > 1:
        blocks.append(_more_photos(parts.photos[1:]))

    post.body = StreamValue(post.body.stream_block, blocks, is_lazy=True)
    post.subjects = list(parts.subjects)
    post.tags.set(parts.tags)


def _more_photos(photos: list[Photo]) -> dict:
    pictures = [
        {"image": photo.image.pk, "alt_text": photo.description, "caption": ""} for photo in photos
    ]
    if len(pictures) == 1:
        return {"type": IMAGE, "value": pictures[0]}
    return {"type": GALLERY, "value": {"title": "", "images": pictures}}

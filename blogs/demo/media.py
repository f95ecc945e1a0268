"""Files for the demo school, made on the spot: pictures, a PDF, a tune and a video clip.

Nothing is downloaded. Each helper looks for the file's record by title first and makes it
only when it is missing, so running ``seed_demo`` again changes nothing.
"""

import hashlib
import math
import os
import struct
import tempfile
import wave
from collections.abc import Callable
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtailmedia.models import Media

from ..consent.models import ImagePeople, People
from .pictures import picture_file, seed_for


def demo_image(title: str, description: str, picture: dict):
    """The image called ``title``, drawn from ``picture`` (see ``pictures``) if it is missing.

    The description is the image's alt text wherever it is shown, so it says what the
    picture shows. The title seeds the drawing: each picture is its own, run after run.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    content, extension, (width, height) = picture_file(picture, seed_for(title))
    # Given with the file, the size, length and hash are not worked out again by reading it.
    image = Image(
        title=title,
        description=description,
        file=ImageFile(BytesIO(content), name=f"{slugify(title)}.{extension}"),
        width=width,
        height=height,
        file_size=len(content),
        file_hash=hashlib.sha1(content).hexdigest(),  # noqa: S324 - Wagtail's own file hash
    )
    image.save()
    # The demo's pictures are drawings, children's work and photos of things: no children.
    ImagePeople.objects.create(image=image, answer=People.NO_CHILDREN)
    return image


def demo_document(title: str, lines: list[str]):
    """A one-page PDF called ``title``, standing in for a scanned piece of work."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(f"{slugify(title)}.pdf", ContentFile(demo_pdf(title, lines)), save=False)
    document.save()
    return document


def demo_media(title: str, media_type: str, filename: str, make: Callable, **fields):
    """The audio or video clip called ``title``, made by ``make`` only if it is missing.

    Returns None when ``make`` cannot make it (no PyAV for video).
    """
    existing = Media.objects.filter(title=title).first()
    if existing:
        return existing
    content = make()
    if content is None:
        return None
    media = Media(title=title, type=media_type, **fields)
    media.file.save(filename, ContentFile(content), save=False)
    media.save()
    return media


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF (Pillow writes PDF too)."""
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 120), title, fill="black")
    for number, line in enumerate(lines):
        draw.text((120, 220 + number * 60), line, fill="black")
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def demo_tune_wav(notes: list[float], note_seconds: float = 0.4, rate: int = 16000) -> bytes:
    """A short tune as a WAV file, standing in for the class's recording of a song."""
    frames = bytearray()
    for frequency in notes:
        for sample in range(int(rate * note_seconds)):
            fade = min(1.0, sample / 400, (rate * note_seconds - sample) / 400)
            value = 0.4 * fade * math.sin(2 * math.pi * frequency * sample / rate)
            frames += struct.pack("<h", int(value * 32767))
    buffer = BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(bytes(frames))
    return buffer.getvalue()


def demo_video_webm(seconds: int = 3, size=(320, 240), fps: int = 10) -> bytes | None:
    """A short WebM clip of a ball rolling across, encoded with PyAV (the ``demo`` extra).

    Returns None when PyAV is not installed, so a production install can still seed a demo.
    """
    try:
        import av  # only in the ``demo`` extra: a production install seeds without video
    except ImportError:
        return None

    width, height = size
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "clip.webm")
        with av.open(path, "w") as container:
            stream = container.add_stream("libvpx", rate=fps)
            stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
            for frame_number in range(seconds * fps):
                frame = PILImage.new("RGB", size, "#1e6b34")
                x = int((width - 60) * frame_number / (seconds * fps - 1))
                ImageDraw.Draw(frame).ellipse(
                    [x, height // 2 - 30, x + 60, height // 2 + 30], fill="white"
                )
                for packet in stream.encode(av.VideoFrame.from_image(frame)):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
        with open(path, "rb") as clip:
            return clip.read()

"""Media for the demo school, made on the spot with Pillow: the demo never downloads anything."""

import math
import os
import struct
import tempfile
import wave
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def _draw_picture(size: tuple[int, int], colour: str, shapes: int) -> bytes:
    """A bright gradient with circles: recognisably a picture, distinct per title."""
    width, height = size
    base = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(base)
    red, green, blue = base.getpixel((0, 0))
    for row in range(height):
        shade = row / max(height - 1, 1)
        draw.line(
            [(0, row), (width, row)],
            fill=(
                int(red + (255 - red) * shade * 0.6),
                int(green + (255 - green) * shade * 0.6),
                int(blue + (255 - blue) * shade * 0.6),
            ),
        )
    for index in range(shapes):
        radius = min(width, height) // (4 + index)
        centre_x = width * (index + 1) // (shapes + 1)
        offset = 0 if shapes == 1 else radius // 2
        centre_y = height // 2 + (offset if index % 2 else -offset)
        draw.ellipse(
            [centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius],
            fill=(255, 255, 255),
            outline=(30, 30, 30),
            width=max(2, radius // 12),
        )
    buffer = BytesIO()
    base.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_image(title: str, description: str, *, colour: str, size=(1200, 800), shapes: int = 3):
    """The demo image with this title, generated the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-") + ".png"
    image = Image(title=title, description=description)
    image.file = ImageFile(BytesIO(_draw_picture(size, colour, shapes)), name=filename)
    image.save()
    return image


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF (Pillow writes PDF too), standing in for a scanned piece of work."""
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 120), title, fill="black")
    for number, line in enumerate(lines):
        draw.text((120, 220 + number * 60), line, fill="black")
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def demo_tune_wav(notes: list[float], note_seconds: float = 0.4, rate: int = 16000) -> bytes:
    """A short tune as a WAV file, standing in for a pupil's voice recording."""
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

"""Media for the demo school, made on the spot with Pillow: the demo never downloads anything."""

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

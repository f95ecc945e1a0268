"""A classroom camera: shaded shapes, soft shadows, slight blur, a vignette and sensor noise.

The teacher photographs the work, not the children: a model on a table, pots on a
windowsill, a floor robot on its mat. These helpers give flat shapes the light and depth of
a photo, so they read as things rather than diagrams.
"""

import random
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageColor, ImageDraw, ImageFilter

from .crayon import font

Point = tuple[float, float]


def _rgb(colour) -> tuple[int, int, int]:
    return ImageColor.getrgb(colour) if isinstance(colour, str) else tuple(colour)


def _tone(colour, amount: float) -> tuple[int, int, int]:
    """Lighter (amount > 0) or darker (amount < 0) version of a colour."""
    red, green, blue = _rgb(colour)
    if amount >= 0:
        return tuple(int(c + (255 - c) * amount) for c in (red, green, blue))
    return tuple(int(c * (1 + amount)) for c in (red, green, blue))


class Photo:
    """A photo being composed: background first, then things front to back, then the lens."""

    def __init__(self, size: tuple[int, int], seed: int):
        self.size = size
        self.rng = random.Random(seed)  # noqa: S311 - it places paint, it guards nothing
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)

    def gradient(self, box: Sequence[float], top, bottom, horizontal: bool = False) -> None:
        """Fill a box with light falling from one side to the other."""
        x0, y0, x1, y1 = (int(v) for v in box)
        size = (max(1, x1 - x0), max(1, y1 - y0))
        self.image.paste(_shaded(size, _rgb(bottom), _rgb(top), horizontal), (x0, y0))

    def wall_and_table(self, wall, table, horizon: float) -> None:
        width, height = self.size
        self.gradient((0, 0, width, horizon), _tone(wall, 0.15), _tone(wall, -0.1))
        self.gradient((0, horizon, width, height), _tone(table, 0.1), _tone(table, -0.25))
        for _grain in range(14):
            y = self.rng.uniform(horizon + 8, height)
            self.draw.line(
                [(0, y), (width, y + self.rng.uniform(-8, 8))], fill=_tone(table, -0.12), width=2
            )
        self.draw.line([(0, horizon), (width, horizon)], fill=_tone(table, -0.35), width=3)

    def shadow(self, box: Sequence[float], strength: int = 110) -> None:
        """A soft shadow under a thing, so it stands on the table rather than floating."""
        x0, y0, x1, y1 = (int(v) for v in box)
        margin = 30
        region = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        mask = Image.new("L", (region[2] - region[0], region[3] - region[1]), 0)
        ImageDraw.Draw(mask).ellipse(
            [margin, margin, margin + x1 - x0, margin + y1 - y0], fill=strength
        )
        # Blurred small and enlarged: the same soft edge for a fraction of the work.
        half = (max(1, mask.width // 4), max(1, mask.height // 4))
        soft = mask.resize(half).filter(ImageFilter.GaussianBlur(3)).resize(mask.size)
        self.image.paste((20, 18, 15), region[:2], soft)

    def shape(self, points: Sequence[Point], colour, light: float = 0.25, horizontal=True) -> None:
        """A flat-sided thing lit from the left (or top): lighter on one side, darker on the other."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        box = (int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1)
        size = (box[2] - box[0], box[3] - box[1])
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon([(x - box[0], y - box[1]) for x, y in points], fill=255)
        lit, dark = _tone(colour, light), _tone(colour, -light)
        self.image.paste(_shaded(size, dark, lit, horizontal), box[:2], mask)

    def ball(self, box: Sequence[float], colour, shine: float = 0.45) -> None:
        """A rounded thing: brightest towards the top left, where the window is."""
        x0, y0, x1, y1 = (int(v) for v in box)
        size = (max(1, x1 - x0), max(1, y1 - y0))
        glow = _glow().resize(size)
        lit, dark = (
            Image.new("RGB", size, _tone(colour, shine)),
            Image.new("RGB", size, _tone(colour, -0.35)),
        )
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).ellipse([0, 0, size[0] - 1, size[1] - 1], fill=255)
        self.image.paste(Image.composite(dark, lit, glow), (x0, y0), mask)

    def flat(self, points: Sequence[Point], colour) -> None:
        self.draw.polygon(list(points), fill=_rgb(colour))

    def line(self, points: Sequence[Point], colour, width: int = 3) -> None:
        self.draw.line(list(points), fill=_rgb(colour), width=width, joint="curve")

    def card(self, box: Sequence[float], text: str, size: int = 26) -> None:
        """A handwritten label on white card, as teachers put beside models."""
        x0, y0, x1, y1 = box
        self.shadow((x0 + 6, y1 - 10, x1 + 10, y1 + 10), strength=70)
        self.shape([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], "#f4f1e8", light=0.05)
        self.draw.text(
            (x0 + 12, y0 + (y1 - y0 - size) / 2 - 2), text, font=font(size), fill=(40, 40, 60)
        )

    def finish(self) -> Image.Image:
        """The lens and sensor: darker corners and a little grain."""
        photo = self.image
        photo.paste((0, 0, 0), (0, 0), _vignette(self.size))
        photo.paste((255, 255, 255), (0, 0), _sensor_noise(self.size))
        return photo


def _shaded(size: tuple[int, int], start, end, horizontal: bool) -> Image.Image:
    """A box shading from one colour to another, down (or across) it.

    Shaded along one line of pixels, then stretched: the same picture for far less work.
    """
    length = size[0] if horizontal else size[1]
    ramp = _ramp(length)
    line = Image.composite(
        Image.new("RGB", (length, 1), end), Image.new("RGB", (length, 1), start), ramp
    )
    if not horizontal:
        line = line.transpose(Image.Transpose.ROTATE_270).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return line.resize(size, Image.Resampling.NEAREST)


@lru_cache(maxsize=256)
def _ramp(length: int) -> Image.Image:
    return (
        Image.linear_gradient("L")
        .rotate(90)
        .resize((length, 1))
        .transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    )


@lru_cache(maxsize=4)
def _sensor_noise(size: tuple[int, int]) -> Image.Image:
    """A camera's faint grain: the same sensor, so the same pattern, in every photo."""
    rng = random.Random(f"{size}")  # noqa: S311 - grain, not a secret
    small = (size[0] // 2, size[1] // 2)
    noise = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    return noise.point(lambda v: v // 18).resize(size)


@lru_cache(maxsize=1)
def _glow() -> Image.Image:
    """Light on a rounded thing, off-centre towards the top left."""
    return Image.radial_gradient("L").crop((40, 40, 256, 256))


@lru_cache(maxsize=4)
def _vignette(size: tuple[int, int]) -> Image.Image:
    """Darker corners, the same for every photo of one size: made once."""
    width, height = size
    corners = Image.radial_gradient("L").resize((int(width * 1.3), int(height * 1.3)))
    corners = corners.crop(
        (int(width * 0.15), int(height * 0.15), int(width * 1.15), int(height * 1.15))
    )
    return corners.point(lambda v: max(0, v - 120))

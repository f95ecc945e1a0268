"""Paper, crayon, pencil and paint: how a child's picture is made, with Pillow only.

A child picks up one crayon and draws several things with it, so strokes are grouped by
colour: each group is drawn on a grey-scale layer, roughened by the paper's grain (wax skips
over the tooth of the paper), then laid on the sheet in that colour. Every wobble comes from
the sheet's own seeded ``random.Random``, so the same picture is drawn the same way each time.
"""

import math
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

Point = tuple[float, float]
Colour = str | tuple[int, int, int]

PAPER_WHITE = (250, 248, 241)
PENCIL = (88, 88, 96)


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's own scalable font: no font file is needed on the machine."""
    return ImageFont.load_default(size=size)


@lru_cache(maxsize=4)
def _sheet(size: tuple[int, int], tint: Colour) -> tuple[Image.Image, Image.Image]:
    """A blank sheet and its tooth, made once per size: every sheet from the pad is alike."""
    width, height = size
    rng = random.Random(f"{size}{tint}")  # noqa: S311 - paper grain, not a secret
    # Blotchy grain: random bytes at a third of the size, smoothly enlarged.
    small = (width // 3 + 1, height // 3 + 1)
    grain = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    grain = grain.resize(size, Image.Resampling.BILINEAR)
    # Where the paper's tooth stands up, crayon leaves gaps.
    tooth = grain.point(lambda v: 255 if v < 140 else max(40, 255 - (v - 140) * 2))
    blank = Image.new("RGB", size, tint)
    blank.paste((120, 110, 90), (0, 0), grain.point(lambda v: v // 14))
    return blank, tooth


class Paper:
    """A sheet of paper with its grain, ready to be drawn on."""

    def __init__(self, size: tuple[int, int], seed: int, tint: Colour = PAPER_WHITE):
        self.size = size
        self.rng = random.Random(seed)  # noqa: S311 - it wobbles lines, it guards nothing
        blank, self.tooth = _sheet(size, tint)
        self.image = blank.copy()

    # Paper kinds a teacher hands out ------------------------------------------------------

    def ruled_lines(self, spacing: int, top: int, colour: Colour = (170, 196, 226)) -> None:
        draw = ImageDraw.Draw(self.image)
        width, height = self.size
        for y in range(top, height - 10, spacing):
            draw.line([(0, y), (width, y)], fill=colour, width=2)
        draw.line([(70, 0), (70, height)], fill=(230, 150, 150), width=2)

    def squares(self, spacing: int, colour: Colour = (188, 210, 232)) -> None:
        draw = ImageDraw.Draw(self.image)
        width, height = self.size
        for x in range(0, width, spacing):
            draw.line([(x, 0), (x, height)], fill=colour, width=1)
        for y in range(0, height, spacing):
            draw.line([(0, y), (width, y)], fill=colour, width=1)

    # Drawing tools --------------------------------------------------------------------------

    @contextmanager
    def crayon(self, colour: Colour, width: int = 6) -> Iterator["Stroke"]:
        """Draw with one crayon; the strokes are laid down, waxy and uneven, at the end."""
        stroke = Stroke(self, width, pressure=235)
        yield stroke
        self._lay(colour, stroke.layer, self.tooth)

    @contextmanager
    def pencil(self, colour: Colour = PENCIL, width: int = 2) -> Iterator["Stroke"]:
        stroke = Stroke(self, width, pressure=200)
        yield stroke
        self._lay(colour, stroke.layer)

    @contextmanager
    def paint(self, colour: Colour, width: int = 26) -> Iterator["Stroke"]:
        """Poster paint: soft-edged, streaky where the brush ran dry, no paper showing through."""
        stroke = Stroke(self, width, pressure=255, streaky=True)
        yield stroke
        self._lay(colour, stroke.layer, blur=2)

    def _lay(self, colour: Colour, layer: Image.Image, texture=None, blur: float = 0) -> None:
        """Put one tool's strokes on the sheet, working only where it touched the paper."""
        box = layer.getbbox()
        if box is None:
            return
        if blur:
            x0, y0, x1, y1 = box
            box = (
                max(0, x0 - 6),
                max(0, y0 - 6),
                min(self.size[0], x1 + 6),
                min(self.size[1], y1 + 6),
            )
        mask = layer.crop(box)
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur))
        if texture is not None:
            mask = ImageChops.multiply(mask, texture.crop(box))
        self.image.paste(colour, box, mask)

    def finish(self) -> Image.Image:
        return self.image


class Stroke:
    """What one crayon, pencil or brush draws: wobbly lines, scribbled fills, handwriting."""

    def __init__(self, paper: Paper, width: int, pressure: int, streaky: bool = False):
        self.paper = paper
        self.rng = paper.rng
        self.width = width
        self.pressure = pressure
        self.streaky = streaky
        self.layer = Image.new("L", paper.size, 0)
        self.draw = ImageDraw.Draw(self.layer)

    def _fill(self) -> int:
        if self.streaky:
            return self.rng.randint(170, 255)
        return self.pressure

    def wobble(self, points: Sequence[Point], closed: bool = False, step: float = 18) -> list:
        """The points a small hand would really draw through: never quite straight."""
        path = list(points) + ([points[0]] if closed else [])
        random = self.rng.random
        drawn = [path[0]]
        for (x0, y0), (x1, y1) in zip(path, path[1:], strict=False):
            pieces = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
            for index in range(1, pieces):
                t = index / pieces
                drawn.append(
                    (
                        x0 + (x1 - x0) * t + (random() - 0.5) * 4,
                        y0 + (y1 - y0) * t + (random() - 0.5) * 4,
                    )
                )
            drawn.append((x1, y1))
        return drawn

    def line(self, points: Sequence[Point], closed: bool = False, width: int | None = None):
        """Two strokes along the path, as a child goes over a line again; rounded corners."""
        width = width or self.width
        for _pass in range(2):
            self.draw.line(self.wobble(points, closed), fill=self._fill(), width=width)
        if width > 3 and len(points) < 12:
            # A thick line's corners would show notches: a crayon's tip is round.
            radius = width / 2 - 0.5
            for x, y in points:
                self.draw.ellipse(
                    [x - radius, y - radius, x + radius, y + radius], fill=self.pressure
                )

    def ellipse_points(self, box: Sequence[float], count: int = 28) -> list[Point]:
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        start = self.rng.uniform(0, math.tau)
        lumpiness = self.rng.uniform(0.02, 0.06)
        return [
            (
                cx + rx * (1 + lumpiness * math.sin(3 * a)) * math.cos(a + start),
                cy + ry * (1 + lumpiness * math.sin(3 * a)) * math.sin(a + start),
            )
            for a in (math.tau * i / count for i in range(count))
        ]

    def ellipse(self, box: Sequence[float], fill: bool = False, width: int | None = None):
        points = self.ellipse_points(box)
        if fill:
            self.scribble(points)
        self.line(points, closed=True, width=width)

    def scribble(self, polygon: Sequence[Point], spacing: float | None = None) -> None:
        """Colour a shape in the way children do: back-and-forth strokes, a little patchy."""
        xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
        left, top = int(min(xs)) - 4, int(min(ys)) - 4
        right, bottom = int(max(xs)) + 4, int(max(ys)) + 4
        box_size = (max(1, right - left), max(1, bottom - top))
        mask = Image.new("L", box_size, 0)
        ImageDraw.Draw(mask).polygon([(x - left, y - top) for x, y in polygon], fill=255)
        hatch = Image.new("L", box_size, 0)
        draw = ImageDraw.Draw(hatch)
        spacing = spacing or self.width * 0.9
        random = self.rng.random
        # Big areas are coloured in a band at a time, each band at its own slant.
        bands = max(1, round(box_size[1] / 110))
        band_height = box_size[1] / bands
        for band in range(bands):
            band_top = band * band_height - 6
            band_bottom = band_top + band_height + 12
            slant = band_height * (0.2 + random() * 0.5) * (1 if random() < 0.5 else -1)
            zigzag, x, up = [], -abs(slant), True
            while x < box_size[0] + abs(slant):
                y = band_top if up else band_bottom
                zigzag.append((x + (slant if up else 0) + (random() - 0.5) * 5, y))
                x += spacing * (0.8 + random() * 0.5)
                up = not up
            draw.line(zigzag, fill=self._fill(), width=self.width + 2)
        region = (left, top, right, bottom)
        coloured = ImageChops.multiply(mask, hatch)
        self.layer.paste(ImageChops.lighter(self.layer.crop(region), coloured), region)

    def shape(self, polygon: Sequence[Point], fill: bool = True) -> None:
        if fill:
            self.scribble(polygon)
        self.line(polygon, closed=True)

    def solid(self, polygon: Sequence[Point]) -> None:
        """A flat, fully covered area: a painted background or a pressed-hard crayon."""
        self.draw.polygon(list(polygon), fill=self.pressure)

    def dab(self, centre: Point, radius: float) -> None:
        """One press of the brush."""
        x, y = centre
        rx, ry = radius * self.rng.uniform(0.7, 1.3), radius * self.rng.uniform(0.5, 1.0)
        self.draw.ellipse([x - rx, y - ry, x + rx, y + ry], fill=self._fill())

    def arc(self, centre: Point, radius: float, start: float, end: float, width: int) -> None:
        """A brush stroke along a circle, in a few overlapping, streaky passes."""
        cx, cy = centre
        for _pass in range(3):
            r = radius + self.rng.gauss(0, width / 8)
            box = [cx - r, cy - r, cx + r, cy + r]
            self.draw.arc(box, start, end, fill=self._fill(), width=int(width * 0.8))

    def write(self, xy: Point, text: str, size: int = 30) -> float:
        """Handwriting: letters that wander off the line and vary in size. Returns the end x."""
        x, y = xy
        drift = 0.0
        for character in text:
            drift = max(-4.0, min(4.0, drift + self.rng.gauss(0, 0.7)))
            letter = font(max(8, int(size * self.rng.uniform(0.9, 1.1))))
            self.draw.text((x, y + drift), character, font=letter, fill=self._fill())
            x += letter.getlength(character) * self.rng.uniform(1.0, 1.15)
        return x

    def star(self, centre: Point, radius: float, fill: bool = True) -> None:
        cx, cy = centre
        points = [
            (
                cx
                + (radius if i % 2 == 0 else radius * 0.45)
                * math.cos(-math.pi / 2 + i * math.pi / 5),
                cy
                + (radius if i % 2 == 0 else radius * 0.45)
                * math.sin(-math.pi / 2 + i * math.pi / 5),
            )
            for i in range(10)
        ]
        self.shape(points, fill=fill)

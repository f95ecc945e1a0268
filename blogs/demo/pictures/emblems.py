"""The school's emblems: class mascots, award badges, the logo and a help-sheet screenshot.

These are clean, flat artwork (PNG) rather than crayon or photos: the kind a school has made
once and uses everywhere.
"""

import math

from PIL import Image, ImageDraw

from .crayon import font


def mascot_bird(size: tuple[int, int], colour: str, seed: int) -> Image.Image:
    """A round cartoon bird in the class's colour, facing a way of its own."""
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse([8, 8, width - 8, height - 8], fill=colour)
    facing = 1 if seed % 2 else -1
    cx, cy = width / 2, height * 0.55
    body = width * 0.27
    draw.ellipse([cx - body, cy - body, cx + body, cy + body], fill="#ffffff")
    draw.ellipse(
        [cx - body * 0.8, cy - body * 0.5, cx + body * 0.8, cy + body * 0.95], fill="#f4efe6"
    )
    wing_x = cx - facing * body * 0.5
    draw.ellipse(
        [wing_x - body * 0.45, cy - body * 0.1, wing_x + body * 0.45, cy + body * 0.6], fill=colour
    )
    eye_x, eye_y = cx + facing * body * 0.35, cy - body * 0.35
    draw.ellipse([eye_x - 14, eye_y - 14, eye_x + 14, eye_y + 14], fill="#1b1b1b")
    draw.ellipse(
        [eye_x - 4 + facing * 4, eye_y - 9, eye_x + 4 + facing * 4, eye_y - 1], fill="#ffffff"
    )
    beak_x = cx + facing * body * 0.95
    draw.polygon(
        [
            (beak_x, cy - body * 0.25),
            (beak_x + facing * body * 0.45, cy - body * 0.1),
            (beak_x, cy + body * 0.05),
        ],
        fill="#f6a609",
    )
    for foot in (-0.3, 0.3):
        fx = cx + foot * body
        draw.line([(fx, cy + body * 0.95), (fx, cy + body * 1.2)], fill="#f6a609", width=6)
    return image


def badge(size: tuple[int, int], colour: str, seed: int) -> Image.Image:
    """A rosette: scalloped edge, ribbon tails and a gold star."""
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)
    width, height = size
    cx, cy, radius = width / 2, height * 0.44, width * 0.36
    for tail in (-1, 1):
        draw.polygon(
            [
                (cx + tail * 10, cy),
                (cx + tail * 60, height - 6),
                (cx + tail * 30, height - 30),
                (cx + tail * 5, height - 10),
            ],
            fill=colour,
        )
    points = [
        (
            cx + (radius if i % 2 else radius * 0.9) * math.cos(i * math.pi / 16),
            cy + (radius if i % 2 else radius * 0.9) * math.sin(i * math.pi / 16),
        )
        for i in range(32)
    ]
    draw.polygon(points, fill=colour)
    draw.ellipse(
        [cx - radius * 0.72, cy - radius * 0.72, cx + radius * 0.72, cy + radius * 0.72],
        fill="#ffffff",
    )
    star = [
        (
            cx
            + (radius * 0.6 if i % 2 == 0 else radius * 0.25)
            * math.cos(-math.pi / 2 + i * math.pi / 5),
            cy
            + (radius * 0.6 if i % 2 == 0 else radius * 0.25)
            * math.sin(-math.pi / 2 + i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill="#f2b705")
    return image


def oak_logo(size: tuple[int, int], colour: str, seed: int) -> Image.Image:
    """An oak tree in a circle: the school's badge."""
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse([4, 4, width - 4, height - 4], fill=colour)
    cx = width / 2
    draw.rectangle(
        [cx - width * 0.05, height * 0.5, cx + width * 0.05, height * 0.8], fill="#6b4423"
    )
    for dx, dy, r in [(0, 0.34, 0.22), (-0.16, 0.44, 0.16), (0.16, 0.44, 0.16), (0, 0.5, 0.15)]:
        x, y, radius = cx + dx * width, dy * height, r * width
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill="#8fcf6b")
    draw.line([(width * 0.2, height * 0.8), (width * 0.8, height * 0.8)], fill="#ffffff", width=4)
    return image


def screenshot(size: tuple[int, int], colour: str, seed: int, buttons=("Save draft", "Publish")):
    """The bottom of Wagtail's editor: the footer with its Save draft and Publish buttons."""
    image = Image.new("RGB", size, "#f6f6f8")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, 0, width, 56], fill="#ffffff")
    draw.text((24, 14), "Writing a class blog post", font=font(26), fill="#262626")
    draw.rectangle([0, 56, 200, height], fill="#1d2128")
    for row in range(6):
        draw.rounded_rectangle([20, 90 + row * 50, 170, 116 + row * 50], radius=6, fill="#3a3f47")
    for row in range(5):
        draw.rounded_rectangle(
            [240, 90 + row * 58, width - 40, 130 + row * 58],
            radius=6,
            fill="#ffffff",
            outline="#d0d0d6",
        )
    footer = height - 90
    draw.rectangle([200, footer, width, height], fill="#ffffff")
    left = 240
    for index, label in enumerate(buttons):
        text_width = font(24).getlength(label)
        fill = "#007d7e" if index == len(buttons) - 1 else "#ffffff"
        draw.rounded_rectangle(
            [left, footer + 20, left + text_width + 48, footer + 70],
            radius=8,
            fill=fill,
            outline="#007d7e",
            width=2,
        )
        draw.text(
            (left + 24, footer + 30),
            label,
            font=font(24),
            fill="#ffffff" if fill != "#ffffff" else "#007d7e",
        )
        if index == len(buttons) - 1:
            draw.rounded_rectangle(
                [left - 8, footer + 12, left + text_width + 56, footer + 78],
                radius=12,
                outline="#f2b705",
                width=5,
            )
        left += text_width + 72
    return image

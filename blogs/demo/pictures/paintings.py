"""Paintings: a rainbow in poster paint, water lilies in dabs, printing and splashes."""

import math

from .crayon import Paper
from .drawings import BRIGHT, title

RAINBOW = ["#e53935", "#fb8c00", "#fdd835", "#43a047", "#1e88e5", "#3949ab", "#8e24aa"]


def rainbow(paper: Paper, options: dict) -> None:
    width, height = paper.size
    centre = (width / 2 + paper.rng.uniform(-30, 30), height * 0.92)
    band = 34
    for index, colour in enumerate(RAINBOW):
        with paper.paint(colour) as brush:
            brush.arc(centre, width * 0.42 - index * band, 180, 360, width=band + 6)
    if options.get("handprints"):
        for index in range(10):
            x = 40 + index * (width - 80) / 10
            with paper.paint(RAINBOW[index % len(RAINBOW)]) as brush:
                _handprint(brush, x, height - 70 - (index % 2) * 30)
    for cx in (width * 0.12, width * 0.88):
        with paper.paint("#ffffff") as brush:
            for _puff in range(6):
                brush.dab(
                    (cx + paper.rng.uniform(-60, 60), centre[1] - paper.rng.uniform(0, 50)), 45
                )
        with paper.crayon("#9db4c8", width=4) as outline:
            outline.ellipse([cx - 100, centre[1] - 90, cx + 100, centre[1] + 30])
    title(paper, options.get("title", ""), size=38)


def _handprint(brush, x: float, y: float) -> None:
    brush.dab((x, y), 26)
    for finger in range(5):
        angle = math.pi * (1.1 + finger * 0.2)
        brush.dab((x + 40 * math.cos(angle), y + 40 * math.sin(angle)), 10)


def water_lilies(paper: Paper, options: dict) -> None:
    """After Monet: a pond of blue and green dabs, lily pads, pink flowers, a bridge."""
    width, height = paper.size
    for colour, count in (("#4a7fb5", 420), ("#6fa8a0", 260), ("#9cc3e0", 160), ("#3d6e5a", 120)):
        with paper.paint(colour) as brush:
            for _dab in range(count):
                brush.dab((paper.rng.uniform(0, width), paper.rng.uniform(0, height)), 16)
    if options.get("bridge", True):
        with paper.paint("#4f8a3c", width=18) as brush:
            brush.arc((width / 2, height * 0.55), width * 0.42, 200, 340, width=26)
    for _pad in range(paper.rng.randint(9, 14)):
        x, y = paper.rng.uniform(30, width - 30), paper.rng.uniform(height * 0.45, height - 20)
        with paper.paint("#3f8f3f") as pad:
            pad.dab((x, y), 34)
        if paper.rng.random() < 0.6:
            with paper.paint(paper.rng.choice(["#f5a3c7", "#ffffff", "#f7d0e0"])) as lily:
                for _petal in range(4):
                    lily.dab(
                        (x + paper.rng.uniform(-10, 10), y - 10 + paper.rng.uniform(-6, 6)), 10
                    )
    title(paper, options.get("title", ""), y=height - 56, size=30)


def splashes(paper: Paper, options: dict) -> None:
    """Coloured powder and paint thrown at a sheet: Holi, or a printing session."""
    width, height = paper.size
    for colour in options.get("colours", BRIGHT):
        cx, cy = paper.rng.uniform(80, width - 80), paper.rng.uniform(80, height - 80)
        with paper.paint(colour) as brush:
            brush.dab((cx, cy), paper.rng.uniform(50, 90))
            for _drop in range(26):
                angle, distance = paper.rng.uniform(0, math.tau), paper.rng.uniform(40, 190)
                brush.dab(
                    (cx + distance * math.cos(angle), cy + distance * math.sin(angle)),
                    paper.rng.uniform(4, 16),
                )
    title(paper, options.get("title", ""), size=38)


def leaf_prints(paper: Paper, options: dict) -> None:
    """Leaves dipped in paint and pressed on paper: a leaf shape with its veins left pale."""
    width, height = paper.size
    colours = options.get("colours", ["#c0392b", "#e67e22", "#f1c40f", "#27ae60", "#8e44ad"])
    for row in range(3):
        for column in range(4):
            x = width * (0.14 + column * 0.24) + paper.rng.uniform(-20, 20)
            y = height * (0.22 + row * 0.3) + paper.rng.uniform(-15, 15)
            tilt = paper.rng.uniform(-0.6, 0.6)
            outline = [
                (
                    x + 70 * math.sin(t) * math.cos(tilt) - 40 * math.cos(t) * math.sin(tilt) * 0.5,
                    y - 70 * math.cos(t) + 35 * math.sin(2 * t) * 0.2,
                )
                for t in (math.tau * i / 24 for i in range(24))
            ]
            leaf = [
                (px + 25 * math.sin(i / 24 * math.tau) * 0.3, py)
                for i, (px, py) in enumerate(outline)
            ]
            with paper.paint(paper.rng.choice(colours), width=10) as brush:
                brush.solid(leaf)
            with paper.crayon("#f3ead8", width=3) as vein:
                vein.line([(x, y - 60), (x, y + 70)])
                for side in (-1, 1):
                    for step in range(3):
                        vy = y - 30 + step * 30
                        vein.line([(x, vy), (x + side * 30, vy - 20)])
    title(paper, options.get("title", ""), y=height - 56, size=30)

"""Work in exercise books and on worksheets: maps, charts, times tables, handwriting, music.

Options come from the post's data file (a chart's bars, a page's sentences), so the picture
shows what the post says the children did.
"""

import math

from .crayon import PENCIL, Paper
from .drawings import BLACK, BRIGHT, GRASS, RED, title


def local_map(paper: Paper, options: dict) -> None:
    """A map of the walk to school, with a key in the corner and a north arrow."""
    width, height = paper.size
    rng = paper.rng
    with paper.crayon("#7fbf5f", width=9) as park:
        px, py = rng.uniform(60, 200), rng.uniform(240, 340)
        park.shape([(px, py), (px + 220, py - 20), (px + 240, py + 150), (px + 10, py + 170)])
    with paper.crayon("#2e86de", width=14) as river:
        river.line([(width * 0.55 + 40 * math.sin(y / 70), y) for y in range(-10, height + 40, 40)])
    with paper.crayon("#7b7b7b", width=12) as roads:
        road_y = rng.uniform(160, 220)
        roads.line([(0, road_y), (width, road_y + rng.uniform(-30, 30))])
        road_x = rng.uniform(width * 0.28, width * 0.42)
        roads.line([(road_x, 0), (road_x + rng.uniform(-40, 40), height)])
    with paper.crayon(RED, width=5) as houses:
        for _house in range(7):
            hx, hy = rng.uniform(30, width * 0.5), rng.uniform(40, height - 60)
            houses.shape([(hx, hy), (hx + 34, hy), (hx + 34, hy + 30), (hx, hy + 30)])
            houses.line([(hx - 4, hy), (hx + 17, hy - 18), (hx + 38, hy)])
    with paper.crayon("#f7c600", width=7) as school:
        sx, sy = width * 0.66, height * 0.2
        school.shape([(sx, sy), (sx + 110, sy), (sx + 110, sy + 80), (sx, sy + 80)])
    with paper.crayon(BLACK, width=4) as pen:
        pen.line([(sx + 55, sy), (sx + 55, sy - 40)])
        pen.shape([(sx + 55, sy - 40), (sx + 85, sy - 30), (sx + 55, sy - 20)], fill=False)
        for step in range(14):
            x = road_x + 10 + step * (sx - road_x) / 14
            pen.line([(x, road_y + 22 + step * 6), (x + 8, road_y + 22 + step * 6)])
    # The key: a box in the corner, each symbol beside its name.
    names = options.get("key", ["houses", "school", "park", "river"])
    key_left, key_top = width - 250, height - 90 - 40 * len(names)
    with paper.pencil(width=3) as pencil:
        pencil.line(
            [
                (key_left, key_top),
                (width - 20, key_top),
                (width - 20, height - 20),
                (key_left, height - 20),
            ],
            closed=True,
            width=3,
        )
        pencil.write((key_left + 18, key_top + 10), "Key", size=30)
        for row, name in enumerate(names):
            pencil.write((key_left + 80, key_top + 58 + row * 40), name, size=26)
    symbols = [RED, "#f7c600", "#7fbf5f", "#2e86de", "#7b7b7b"]
    for row in range(len(names)):
        with paper.crayon(symbols[row % len(symbols)], width=5) as symbol:
            y = key_top + 62 + row * 40
            symbol.shape(
                [
                    (key_left + 24, y),
                    (key_left + 60, y),
                    (key_left + 60, y + 24),
                    (key_left + 24, y + 24),
                ]
            )
    with paper.crayon(BLACK, width=5) as north:
        north.line([(60, 110), (60, 30)])
        north.line([(40, 55), (60, 30), (80, 55)])
        north.write((50, 115), "N", size=30)
    title_text = options.get("title", "")
    if title_text:
        with paper.pencil(width=2) as pencil:
            pencil.write((110, 24), title_text, size=36)


def bar_chart(paper: Paper, options: dict) -> None:
    """A bar chart on squared paper: axes, coloured-in bars, labels and a title."""
    paper.squares(30)
    width, height = paper.size
    bars = options.get("bars", {"apples": 7, "bananas": 5, "grapes": 9, "pears": 3})
    left, bottom, top = 110, height - 90, 120
    biggest = max(bars.values())
    step = (bottom - top) / biggest
    with paper.pencil(width=3) as pencil:
        pencil.line([(left, top - 20), (left, bottom), (width - 40, bottom)], width=3)
        for value in range(0, biggest + 1, max(1, biggest // 5)):
            pencil.write((left - 50, bottom - value * step - 16), str(value), size=24)
    slot = (width - left - 60) / len(bars)
    for index, (label, value) in enumerate(bars.items()):
        x = left + 20 + index * slot
        with paper.crayon(BRIGHT[index % len(BRIGHT)], width=7) as bar:
            bar.shape(
                [
                    (x, bottom),
                    (x, bottom - value * step),
                    (x + slot * 0.65, bottom - value * step),
                    (x + slot * 0.65, bottom),
                ]
            )
        with paper.pencil(width=2) as pencil:
            pencil.write((x, bottom + 14), label, size=24)
    title(paper, options.get("title", ""), size=38)


def line_graph(paper: Paper, options: dict) -> None:
    """Measurements over time, plotted as crosses joined with a ruler."""
    paper.squares(30)
    width, height = paper.size
    values = options.get("values", [72, 75, 110, 135, 120, 95, 80])
    left, bottom, top = 110, height - 90, 120
    low, high = min(values) - 10, max(values) + 10
    xs = [
        left + 30 + index * (width - left - 100) / (len(values) - 1) for index in range(len(values))
    ]
    ys = [bottom - (value - low) * (bottom - top) / (high - low) for value in values]
    with paper.pencil(width=3) as pencil:
        pencil.line([(left, top - 20), (left, bottom), (width - 40, bottom)], width=3)
        for x, y in zip(xs, ys, strict=True):
            pencil.line([(x - 9, y - 9), (x + 9, y + 9)], width=3)
            pencil.line([(x - 9, y + 9), (x + 9, y - 9)], width=3)
        for index, x in enumerate(xs):
            pencil.write((x - 8, bottom + 14), str(index), size=24)
        pencil.write((width - 190, bottom + 40), options.get("x_label", "minutes"), size=24)
    with paper.crayon(RED, width=4) as line:
        line.line(list(zip(xs, ys, strict=True)))
    title(paper, options.get("title", ""), size=38)


def times_table(paper: Paper, options: dict) -> None:
    """A times-table grid in an exercise book, multiples of one table coloured in."""
    spacing = 44
    paper.squares(spacing)
    table = int(options.get("table", 3))
    size = 10
    left, top = spacing * 3, spacing * 2
    with paper.crayon(BRIGHT[table % len(BRIGHT)], width=6) as crayon:
        for row in range(1, size + 1):
            for column in range(1, size + 1):
                if (row * column) % table == 0 and paper.rng.random() < 0.8:
                    x, y = left + (column - 1) * spacing, top + (row - 1) * spacing
                    crayon.scribble(
                        [
                            (x + 4, y + 4),
                            (x + spacing - 4, y + 4),
                            (x + spacing - 4, y + spacing - 4),
                            (x + 4, y + spacing - 4),
                        ]
                    )
    with paper.pencil(width=2) as pencil:
        for row in range(1, size + 1):
            for column in range(1, size + 1):
                if row > 7 and column > 4 + paper.rng.randint(0, 4):
                    continue  # not finished yet: the bell went
                x, y = left + (column - 1) * spacing, top + (row - 1) * spacing
                pencil.write((x + 6, y + 8), str(row * column), size=22)
        pencil.write((left, 24), options.get("title", f"The {table} times table"), size=34)


def handwriting(paper: Paper, options: dict) -> None:
    """A page of writing on lined paper: a title underlined, then the sentences."""
    spacing = 58
    paper.ruled_lines(spacing, top=120)
    width, _height = paper.size
    with paper.pencil(PENCIL, width=2) as pencil:
        end = pencil.write((90, 40), options.get("title", "My writing"), size=40)
        pencil.line([(90, 94), (end, 96)], width=3)
        first_line = 120 + spacing - 38  # the line under the title's is left empty
        y = first_line
        for sentence in options.get("lines", []):
            words = sentence.split()
            x = 90 + (40 if y == first_line else 0)
            line = ""
            for word in words:
                if len(line) + len(word) > 44:
                    pencil.write((x, y), line, size=32)
                    y, x, line = y + spacing, 90, ""
                line = f"{line} {word}".strip()
            if line:
                pencil.write((x, y), line, size=32)
            y += spacing
    picture = options.get("doodle")
    if picture == "star":
        with paper.crayon("#f7c600", width=6) as gold:
            gold.star((width - 90, 70), 45)


def fractions(paper: Paper, options: dict) -> None:
    """Pizzas cut into halves, quarters and eighths, each named with its fraction."""
    width, height = paper.size
    for index, parts in enumerate(options.get("parts", [2, 4, 8])):
        cx, cy, radius = width * (0.2 + index * 0.3), height * 0.5, 120
        with paper.crayon("#e9b44c", width=8) as crust:
            crust.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=True)
        with paper.crayon(RED, width=7) as topping:
            for _pepperoni in range(6):
                angle, distance = paper.rng.uniform(0, math.tau), paper.rng.uniform(20, 90)
                px, py = cx + distance * math.cos(angle), cy + distance * math.sin(angle)
                topping.ellipse([px - 14, py - 14, px + 14, py + 14], fill=True)
        with paper.pencil(BLACK, width=3) as knife:
            for cut in range(parts):
                angle = cut * math.tau / parts - math.pi / 2
                knife.line(
                    [(cx, cy), (cx + radius * math.cos(angle), cy + radius * math.sin(angle))]
                )
            knife.write((cx - 20, cy + radius + 30), f"1/{parts}", size=38)
    title(paper, options.get("title", ""), size=40)


def music(paper: Paper, options: dict) -> None:
    """A tune written on staves, with the note names underneath."""
    width, height = paper.size
    notes = options.get("notes", ["G", "A", "B", "G", "B", "A", "G"])
    positions = {"C": 5, "D": 4.5, "E": 4, "F": 3.5, "G": 3, "A": 2.5, "B": 2}
    for stave in range(2):
        top = 150 + stave * 210
        with paper.pencil(PENCIL, width=2) as pencil:
            for line in range(5):
                pencil.line([(60, top + line * 22), (width - 60, top + line * 22)], width=2)
        with paper.crayon(BLACK, width=5) as pen:
            for index, name in enumerate(notes):
                x = 140 + index * (width - 240) / len(notes)
                y = top + positions.get(name, 3) * 22
                pen.ellipse([x - 14, y - 11, x + 14, y + 11], fill=True)
                pen.line([(x + 13, y), (x + 13, y - 70)])
                pen.write((x - 10, top + 130), name, size=26)
    title(paper, options.get("title", ""), size=40)


def poster(paper: Paper, options: dict) -> None:
    """A bright poster: a big title in bubble letters, rules underneath, a border."""
    width, height = paper.size
    with paper.crayon(BRIGHT[paper.rng.randrange(len(BRIGHT))], width=10) as border:
        border.line(
            [(20, 20), (width - 20, 20), (width - 20, height - 20), (20, height - 20)],
            closed=True,
            width=12,
        )
    heading = options.get("title", "")
    with paper.crayon("#2e86de", width=6) as marker:
        marker.write((60, 50), heading, size=58)
    for row, rule in enumerate(options.get("lines", [])):
        colour = BRIGHT[row % len(BRIGHT)]
        y = 160 + row * 80
        with paper.crayon(colour, width=5) as marker:
            marker.ellipse([60, y + 4, 96, y + 40], fill=True)
            marker.write((120, y), rule, size=34)
    with paper.crayon(GRASS, width=6) as tick:
        tick.line(
            [(width - 150, height - 120), (width - 120, height - 80), (width - 60, height - 170)]
        )

"""Children's crayon drawings: houses, suns, trees, rockets, castles, animals and more.

Each drawing takes a :class:`~.crayon.Paper` and the options its post gives (labels, a title)
and draws on it; the paper's seeded random places and colours things a little differently
each time, so no two classes' pictures look alike.
"""

import math

from .crayon import Paper

SKY = "#3b7dd8"
GRASS = "#3f9b3a"
SUN = "#f7c600"
BROWN = "#7a4a21"
RED = "#d7263d"
BLACK = "#2b2b2b"
BRIGHT = ["#d7263d", "#f46036", "#f7c600", "#2e86de", "#8e44ad", "#e84393", "#16a085"]


def _pick(paper: Paper, colours=BRIGHT) -> str:
    return paper.rng.choice(colours)


# Parts of a scene --------------------------------------------------------------------------


def sky(paper: Paper, depth: int = 70) -> None:
    width = paper.size[0]
    with paper.crayon(SKY, width=7) as blue:
        edge = [(x, depth + paper.rng.gauss(0, 6)) for x in range(width, -40, -60)]
        blue.scribble([(0, 0), (width, 0), *edge])


def sun(paper: Paper, centre=None, radius: float = 48) -> None:
    x, y = centre or (paper.size[0] - 90 - paper.rng.uniform(0, 40), 80)
    with paper.crayon(SUN, width=7) as yellow:
        yellow.ellipse([x - radius, y - radius, x + radius, y + radius], fill=True)
    with paper.crayon("#f39c12", width=5) as orange:
        for index in range(10):
            angle = index * math.tau / 10 + paper.rng.uniform(-0.1, 0.1)
            inner, outer = radius + 10, radius + 34 + paper.rng.uniform(-6, 8)
            orange.line(
                [
                    (x + inner * math.cos(angle), y + inner * math.sin(angle)),
                    (x + outer * math.cos(angle), y + outer * math.sin(angle)),
                ]
            )


def grass(paper: Paper, top: float) -> None:
    width, height = paper.size
    with paper.crayon(GRASS, width=8) as green:
        edge = [(x, top + paper.rng.gauss(0, 5)) for x in range(-20, width + 60, 60)]
        green.scribble([*edge, (width, height), (0, height)])
        for x in range(10, width, 23):
            base = top + paper.rng.uniform(0, 8)
            green.line(
                [(x, base), (x + paper.rng.uniform(-6, 6), base - paper.rng.uniform(12, 24))]
            )


def cloud(paper: Paper, x: float, y: float, size: float = 50) -> None:
    with paper.crayon("#9db4c8", width=4) as grey:
        for dx, dy, r in [(-0.9, 0.1, 0.6), (0, -0.25, 0.8), (0.9, 0.1, 0.6)]:
            cx, cy, rr = x + dx * size, y + dy * size, r * size
            grey.ellipse([cx - rr, cy - rr * 0.7, cx + rr, cy + rr * 0.7])


def tree(paper: Paper, x: float, ground: float, height: float = 230, fruit: bool = True) -> None:
    trunk = height * 0.12
    with paper.crayon(BROWN, width=7) as brown:
        brown.shape(
            [
                (x - trunk, ground),
                (x - trunk * 0.8, ground - height * 0.55),
                (x + trunk * 0.8, ground - height * 0.55),
                (x + trunk, ground),
            ]
        )
    crown = height * 0.38
    top = ground - height
    with paper.crayon("#2d8a2d", width=8) as green:
        green.ellipse([x - crown, top, x + crown, top + crown * 1.6], fill=True)
    if fruit:
        with paper.crayon(RED, width=6) as red:
            for _apple in range(paper.rng.randint(4, 7)):
                ax = x + paper.rng.uniform(-crown * 0.7, crown * 0.7)
                ay = top + paper.rng.uniform(crown * 0.3, crown * 1.3)
                red.ellipse([ax - 10, ay - 10, ax + 10, ay + 10], fill=True)


def house(paper: Paper, x: float, ground: float, width: float = 240) -> None:
    wall_top = ground - width * 0.8
    walls = [(x, ground), (x, wall_top), (x + width, wall_top), (x + width, ground)]
    with paper.crayon(_pick(paper, ["#e67e22", "#f7c600", "#e84393", "#f46036"]), 7) as wall:
        wall.shape(walls)
    with paper.crayon(RED, width=7) as roof:
        roof.shape(
            [
                (x - 20, wall_top),
                (x + width / 2, wall_top - width * 0.55),
                (x + width + 20, wall_top),
            ]
        )
        chimney = x + width * 0.72
        roof.shape(
            [
                (chimney, wall_top - width * 0.25),
                (chimney, wall_top - width * 0.48),
                (chimney + 26, wall_top - width * 0.48),
                (chimney + 26, wall_top - width * 0.12),
            ]
        )
    with paper.crayon(BROWN, width=6) as door:
        door.shape(
            [
                (x + width * 0.4, ground),
                (x + width * 0.4, ground - width * 0.38),
                (x + width * 0.6, ground - width * 0.38),
                (x + width * 0.6, ground),
            ]
        )
    with paper.crayon("#2e86de", width=5) as glass:
        for left in (x + width * 0.1, x + width * 0.68):
            top = wall_top + width * 0.12
            size = width * 0.22
            glass.shape(
                [(left, top), (left + size, top), (left + size, top + size), (left, top + size)],
                fill=False,
            )
            glass.line([(left + size / 2, top), (left + size / 2, top + size)])
            glass.line([(left, top + size / 2), (left + size, top + size / 2)])
    with paper.crayon("#8d8d8d", width=4) as smoke:
        sx, sy = chimney + 13, wall_top - width * 0.5
        smoke.line([(sx + 12 * math.sin(t / 3), sy - t * 6) for t in range(12)])


def flower(paper: Paper, x: float, ground: float) -> None:
    head = ground - paper.rng.uniform(50, 90)
    with paper.crayon("#2d8a2d", width=5) as stem:
        stem.line([(x, ground), (x + paper.rng.uniform(-5, 5), head)])
    with paper.crayon(_pick(paper), width=6) as petals:
        for index in range(5):
            angle = index * math.tau / 5
            px, py = x + 14 * math.cos(angle), head + 14 * math.sin(angle)
            petals.ellipse([px - 9, py - 9, px + 9, py + 9], fill=True)
    with paper.crayon(SUN, width=5) as middle:
        middle.ellipse([x - 7, head - 7, x + 7, head + 7], fill=True)


def person(paper: Paper, x: float, ground: float, height: float = 170) -> None:
    head = height * 0.17
    neck = ground - height + head * 2
    with paper.crayon(_pick(paper), width=7) as clothes:
        clothes.shape(
            [
                (x - height * 0.16, ground - height * 0.3),
                (x, neck),
                (x + height * 0.16, ground - height * 0.3),
            ]
        )
    with paper.crayon(BLACK, width=5) as pen:
        pen.ellipse([x - head, neck - head * 2, x + head, neck])
        pen.line([(x - head * 0.4, neck - head * 1.2), (x - head * 0.35, neck - head * 1.1)])
        pen.line([(x + head * 0.4, neck - head * 1.2), (x + head * 0.35, neck - head * 1.1)])
        pen.line(
            [
                (x - head * 0.45, neck - head * 0.6),
                (x, neck - head * 0.35),
                (x + head * 0.45, neck - head * 0.6),
            ]
        )
        pen.line([(x - height * 0.06, ground - height * 0.3), (x - height * 0.1, ground)])
        pen.line([(x + height * 0.06, ground - height * 0.3), (x + height * 0.1, ground)])
        arm = neck + height * 0.12
        pen.line(
            [
                (x - height * 0.3, arm - height * 0.12),
                (x, arm),
                (x + height * 0.3, arm - height * 0.12),
            ]
        )


def title(paper: Paper, text: str, y: float = 22, size: int = 40) -> None:
    if not text:
        return
    with paper.pencil(width=2) as pencil:
        pencil.write((40, y), text, size=size)


# Whole drawings ----------------------------------------------------------------------------


def my_house(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 110
    sky(paper)
    sun(paper)
    cloud(paper, width * 0.3, 110)
    grass(paper, ground)
    house(paper, width * 0.16, ground + 20, width=width * 0.3)
    tree(paper, width * 0.68, ground + 30)
    person(paper, width * 0.86, ground + 40, height=160)
    for x in range(int(width * 0.05), int(width * 0.95), 70):
        if paper.rng.random() < 0.5:
            flower(paper, x, height - 30)
    title(paper, options.get("title", ""), y=height - 60, size=34)


def garden(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 170
    sky(paper)
    sun(paper, centre=(110, 100))
    cloud(paper, width * 0.55, 100)
    grass(paper, ground)
    tree(paper, width * 0.3, ground + 40, fruit=paper.rng.random() < 0.6)
    tree(paper, width * 0.75, ground + 30, height=200)
    for x in range(40, width, 55):
        flower(paper, x + paper.rng.uniform(-10, 10), height - 25 - paper.rng.uniform(0, 60))
    title(paper, options.get("title", ""), y=height - 60, size=34)


def rocket(paper: Paper, options: dict) -> None:
    width, height = paper.size
    with paper.crayon("#1b2a59", width=10) as night:
        night.scribble([(0, 0), (width, 0), (width, height), (0, height)], spacing=9)
    with paper.crayon(SUN, width=4) as stars:
        for _star in range(14):
            stars.star(
                (paper.rng.uniform(30, width - 30), paper.rng.uniform(30, height - 30)),
                paper.rng.uniform(8, 16),
            )
    px, py = width * paper.rng.uniform(0.1, 0.25), height * paper.rng.uniform(0.2, 0.7)
    with paper.crayon("#e67e22", width=7) as planet:
        planet.ellipse([px - 60, py - 60, px + 60, py + 60], fill=True)
    with paper.crayon("#f5e6a8", width=6) as ring:
        ring.ellipse([px - 100, py - 20, px + 100, py + 20])
    cx, top = width * 0.6, 70
    body = [(cx - 60, top + 120), (cx + 60, top + 120), (cx + 60, top + 380), (cx - 60, top + 380)]
    with paper.crayon("#d9d9d9", width=7) as metal:
        metal.shape(body)
    with paper.crayon(RED, width=7) as red:
        red.shape([(cx - 60, top + 120), (cx, top), (cx + 60, top + 120)])
        red.shape([(cx - 60, top + 300), (cx - 110, top + 420), (cx - 60, top + 380)])
        red.shape([(cx + 60, top + 300), (cx + 110, top + 420), (cx + 60, top + 380)])
    with paper.crayon("#2e86de", width=6) as window:
        window.ellipse([cx - 30, top + 160, cx + 30, top + 220], fill=True)
    for colour, reach in (("#f46036", 150), (SUN, 95)):
        with paper.crayon(colour, width=8) as flame:
            flame.shape([(cx - 45, top + 385), (cx, top + 385 + reach), (cx + 45, top + 385)])
    title(paper, options.get("title", ""), y=height - 56, size=34)


def castle(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 120
    sky(paper)
    sun(paper, centre=(90, 90), radius=40)
    grass(paper, ground)
    left, right, wall_top = width * 0.22, width * 0.78, ground - 230
    stone = "#8d8d8d"
    with paper.crayon(stone, width=7) as grey:
        grey.shape([(left, ground), (left, wall_top), (right, wall_top), (right, ground)])
        for tower_left in (left - 70, right - 30):
            tower = [
                (tower_left, ground),
                (tower_left, wall_top - 90),
                (tower_left + 100, wall_top - 90),
                (tower_left + 100, ground),
            ]
            grey.shape(tower)
            for notch in range(3):
                nx = tower_left + notch * 38
                grey.shape(
                    [
                        (nx, wall_top - 90),
                        (nx, wall_top - 120),
                        (nx + 24, wall_top - 120),
                        (nx + 24, wall_top - 90),
                    ]
                )
        for notch in range(int((right - left) // 56)):
            nx = left + 20 + notch * 56
            grey.shape(
                [(nx, wall_top), (nx, wall_top - 30), (nx + 30, wall_top - 30), (nx + 30, wall_top)]
            )
    with paper.crayon(BROWN, width=6) as wood:
        door_left = width / 2 - 55
        wood.shape(
            [
                (door_left, ground),
                (door_left, ground - 130),
                (door_left + 110, ground - 130),
                (door_left + 110, ground),
            ]
        )
    with paper.crayon(BLACK, width=3) as chain:
        chain.line([(door_left, ground - 130), (door_left - 40, ground - 200)])
        chain.line([(door_left + 110, ground - 130), (door_left + 150, ground - 200)])
    with paper.crayon(RED, width=5) as flags:
        for pole in (left - 20, right + 20):
            flags.line([(pole, wall_top - 120), (pole, wall_top - 190)])
            flags.shape(
                [(pole, wall_top - 190), (pole + 50, wall_top - 175), (pole, wall_top - 160)]
            )
    with paper.crayon("#2e86de", width=8) as moat:
        moat.scribble(
            [(0, ground + 40), (width, ground + 40), (width, ground + 80), (0, ground + 80)]
        )
    title(paper, options.get("title", ""), y=height - 40, size=30)


def sheep(paper: Paper, options: dict) -> None:
    """A labelled drawing of a sheep, as a science lesson asks for."""
    width, height = paper.size
    cx, cy = width * 0.45, height * 0.52
    with paper.crayon("#9a9a9a", width=5) as wool:
        for _curl in range(26):
            angle, distance = paper.rng.uniform(0, math.tau), paper.rng.uniform(0, 1)
            x = cx + math.cos(angle) * 170 * distance
            y = cy + math.sin(angle) * 90 * distance
            wool.ellipse([x - 38, y - 30, x + 38, y + 30])
    with paper.crayon(BLACK, width=7) as black:
        for lx in (cx - 110, cx - 60, cx + 60, cx + 110):
            black.line([(lx, cy + 80), (lx + paper.rng.uniform(-6, 6), cy + 190)])
        black.ellipse([cx + 170, cy - 95, cx + 260, cy + 5], fill=True)
        black.line([(cx - 200, cy - 10), (cx - 235, cy + 25)])
    labels = options.get("labels", ["head", "wool", "legs", "tail"])
    anchors = [(cx + 215, cy - 95), (cx, cy - 95), (cx + 110, cy + 170), (cx - 225, cy + 20)]
    spots = [(cx + 260, cy - 190), (cx - 60, cy - 210), (cx + 200, cy + 230), (cx - 350, cy + 90)]
    with paper.pencil(width=2) as pencil:
        for label, anchor, spot in zip(labels, anchors, spots, strict=False):
            pencil.line([(spot[0] + 20, spot[1] + 40), anchor], width=2)
            pencil.write(spot, label, size=32)
    title(paper, options.get("title", "A sheep"), size=40)


def sunflowers(paper: Paper, options: dict) -> None:
    width, height = paper.size
    sky(paper, depth=60)
    grass(paper, height - 80)
    for index in range(paper.rng.randint(3, 5)):
        x = width * (0.15 + index * 0.2) + paper.rng.uniform(-20, 20)
        head = height * paper.rng.uniform(0.25, 0.45)
        with paper.crayon("#2d8a2d", width=9) as stem:
            stem.line([(x, height - 60), (x, head)])
            stem.ellipse([x, head + 120, x + 60, head + 150], fill=True)
        with paper.crayon(SUN, width=7) as petals:
            for petal in range(12):
                angle = petal * math.tau / 12
                px, py = x + 48 * math.cos(angle), head + 48 * math.sin(angle)
                petals.ellipse([px - 18, py - 18, px + 18, py + 18], fill=True)
        with paper.crayon(BROWN, width=7) as middle:
            middle.ellipse([x - 30, head - 30, x + 30, head + 30], fill=True)
    title(paper, options.get("title", ""), y=height - 60, size=34)


def great_fire(paper: Paper, options: dict) -> None:
    width, height = paper.size
    river = height - 110
    with paper.crayon("#555555", width=10) as smoke:
        smoke.scribble([(0, 0), (width, 0), (width, 150), (0, 210)], spacing=12)
    left = 20
    while left < width - 80:
        house_width = paper.rng.uniform(100, 150)
        top = river - paper.rng.uniform(170, 250)
        with paper.crayon("#f5deb3", width=6) as plaster:
            plaster.shape(
                [(left, river), (left, top), (left + house_width, top), (left + house_width, river)]
            )
        with paper.crayon(BLACK, width=6) as beams:
            beams.line([(left, top), (left + house_width / 2, top - 60), (left + house_width, top)])
            beams.line([(left, (top + river) / 2), (left + house_width, (top + river) / 2)])
            beams.line([(left + house_width / 2, top), (left + house_width / 2, river)])
        for colour, reach in (("#d7263d", 1.0), ("#f46036", 0.7), (SUN, 0.4)):
            with paper.crayon(colour, width=8) as flame:
                fx = left + paper.rng.uniform(10, house_width - 40)
                flame.shape(
                    [
                        (fx, top + 10),
                        (fx + 20, top - 110 * reach),
                        (fx + 45, top - 40 * reach),
                        (fx + 60, top + 10),
                    ]
                )
        left += house_width + 10
    with paper.crayon("#2e86de", width=8) as thames:
        thames.scribble([(0, river), (width, river), (width, height), (0, height)])
    title(paper, options.get("title", ""), y=height - 60, size=34)


def solar_system(paper: Paper, options: dict) -> None:
    width, height = paper.size
    with paper.crayon("#111133", width=10) as space:
        space.scribble([(0, 0), (width, 0), (width, height), (0, height)], spacing=9)
    cy = height * 0.5
    with paper.crayon(SUN, width=8) as sun_crayon:
        sun_crayon.ellipse([-160, cy - 170, 120, cy + 170], fill=True)
    planets = [
        ("#b0b0b0", 10),
        ("#f0c27b", 16),
        ("#2e86de", 17),
        ("#d7263d", 13),
        ("#e0a96d", 45),
        ("#f5d58a", 38),
        ("#7fd3e6", 26),
        ("#3867d6", 25),
    ]
    x = 150
    for colour, radius in planets:
        with paper.crayon(colour, width=6) as planet:
            planet.ellipse([x - radius, cy - radius, x + radius, cy + radius], fill=True)
        x += radius * 2 + 36
    with paper.pencil("#ffffff", width=2) as chalk:
        chalk.write((40, 30), options.get("title", "The Solar System"), size=36)


def feelings(paper: Paper, options: dict) -> None:
    """Four faces, each with the feeling written under it."""
    width, height = paper.size
    faces = options.get("labels", ["happy", "sad", "cross", "worried"])
    for index, label in enumerate(faces[:4]):
        cx = width * (0.14 + index * 0.24)
        cy = height * 0.45
        with paper.crayon(["#f7c600", "#5dade2", "#e74c3c", "#a569bd"][index % 4], 7) as face:
            face.ellipse([cx - 80, cy - 80, cx + 80, cy + 80], fill=True)
        with paper.crayon(BLACK, width=6) as pen:
            pen.ellipse([cx - 35, cy - 30, cx - 20, cy - 15], fill=True)
            pen.ellipse([cx + 20, cy - 30, cx + 35, cy - 15], fill=True)
            bend = [30, -25, -10, 0][index % 4]
            pen.line([(cx - 35, cy + 30), (cx, cy + 30 + bend), (cx + 35, cy + 30)])
            if index % 4 == 2:
                pen.line([(cx - 45, cy - 50), (cx - 15, cy - 38)])
                pen.line([(cx + 45, cy - 50), (cx + 15, cy - 38)])
        with paper.pencil(width=2) as pencil:
            pencil.write((cx - 50, cy + 110), label, size=32)
    title(paper, options.get("title", ""), size=40)


def fire_engine(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 110
    sky(paper)
    grass(paper, ground + 40)
    left, right, top = width * 0.12, width * 0.85, ground - 170
    with paper.crayon(RED, width=8) as red:
        red.shape(
            [
                (left, ground),
                (left, top + 40),
                (right - 160, top + 40),
                (right - 160, top - 30),
                (right, top - 30),
                (right, ground),
            ]
        )
    with paper.crayon("#9dd6f5", width=6) as glass:
        glass.shape(
            [
                (right - 140, top - 15),
                (right - 20, top - 15),
                (right - 20, top + 50),
                (right - 140, top + 50),
            ]
        )
    with paper.crayon("#8d8d8d", width=6) as ladder:
        ladder.line([(left + 20, top + 10), (right - 190, top - 40)])
        ladder.line([(left + 20, top + 40), (right - 190, top - 10)])
        for rung in range(8):
            x = left + 40 + rung * (right - left - 240) / 8
            ladder.line([(x, top + 35 - rung * 6), (x + 6, top + 5 - rung * 6)])
    with paper.crayon("#2e86de", width=6) as light:
        light.ellipse([right - 100, top - 70, right - 60, top - 30], fill=True)
    with paper.crayon(BLACK, width=8) as tyres:
        for wheel in (left + 90, right - 90):
            tyres.ellipse([wheel - 50, ground - 50, wheel + 50, ground + 50], fill=True)
    title(paper, options.get("title", ""), y=30, size=36)


def mosque(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 100
    sky(paper)
    sun(paper, centre=(width - 100, 90), radius=38)
    grass(paper, ground)
    left, right, top = width * 0.25, width * 0.7, ground - 200
    with paper.crayon("#f0e0c0", width=7) as walls:
        walls.shape([(left, ground), (left, top), (right, top), (right, ground)])
        tower = right + 40
        walls.shape(
            [(tower, ground), (tower, top - 180), (tower + 50, top - 180), (tower + 50, ground)]
        )
    with paper.crayon("#16a085", width=7) as dome:
        middle = (left + right) / 2
        dome.shape(
            [
                (middle - 130 + 260 * t / 20, top - 150 * math.sin(math.pi * t / 20))
                for t in range(21)
            ]
        )
        dome.shape([(tower - 10, top - 180), (tower + 25, top - 250), (tower + 60, top - 180)])
    with paper.crayon(BROWN, width=6) as door:
        door.shape(
            [
                (middle - 40, ground),
                (middle - 40, ground - 100),
                (middle, ground - 140),
                (middle + 40, ground - 100),
                (middle + 40, ground),
            ]
        )
    title(paper, options.get("title", ""), y=height - 60, size=34)


def sea(paper: Paper, options: dict) -> None:
    width, height = paper.size
    sky(paper, depth=120)
    sun(paper, centre=(120, 90), radius=40)
    with paper.crayon("#1f6fb2", width=9) as water:
        water.scribble([(0, 200), (width, 200), (width, height), (0, height)])
    with paper.crayon("#d9f1ff", width=5) as waves:
        for row in range(230, height, 70):
            waves.line([(x, row + 12 * math.sin(x / 30)) for x in range(0, width + 30, 30)])
    for _fish in range(paper.rng.randint(3, 5)):
        fx, fy = paper.rng.uniform(80, width - 160), paper.rng.uniform(280, height - 80)
        with paper.crayon(_pick(paper), width=6) as fish:
            fish.ellipse([fx, fy - 30, fx + 100, fy + 30], fill=True)
            fish.shape([(fx + 95, fy), (fx + 140, fy - 30), (fx + 140, fy + 30)])
        with paper.crayon(BLACK, width=4) as eye:
            eye.ellipse([fx + 18, fy - 10, fx + 28, fy], fill=True)
    with paper.pencil("#ffffff", width=2) as chalk:
        chalk.write((40, height - 60), options.get("title", ""), size=34)


def bear(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height - 120
    sky(paper)
    grass(paper, ground)
    for x in (width * 0.08, width * 0.92):
        tree(paper, x, ground + 20, height=260, fruit=False)
    cx, cy = width * 0.5, ground - 120
    with paper.crayon(BROWN, width=9) as fur:
        fur.ellipse([cx - 150, cy - 90, cx + 150, cy + 110], fill=True)
        fur.ellipse([cx + 90, cy - 190, cx + 230, cy - 60], fill=True)
        fur.ellipse([cx + 95, cy - 215, cx + 135, cy - 175], fill=True)
        fur.ellipse([cx + 185, cy - 215, cx + 225, cy - 175], fill=True)
        for lx in (cx - 110, cx - 40, cx + 40, cx + 110):
            fur.shape(
                [(lx - 22, cy + 70), (lx - 22, cy + 150), (lx + 22, cy + 150), (lx + 22, cy + 70)]
            )
    with paper.crayon(BLACK, width=6) as face:
        face.ellipse([cx + 180, cy - 145, cx + 196, cy - 129], fill=True)
        face.ellipse([cx + 212, cy - 115, cx + 236, cy - 97], fill=True)
    title(paper, options.get("title", ""), y=height - 60, size=34)


def pyramids(paper: Paper, options: dict) -> None:
    width, height = paper.size
    ground = height * 0.62
    sky(paper)
    sun(paper, radius=55)
    with paper.crayon("#e8c170", width=8) as sand:
        sand.scribble([(0, ground), (width, ground - 20), (width, height), (0, height)])
    for index, (left, size) in enumerate([(0.06, 0.3), (0.38, 0.38), (0.7, 0.24)]):
        x, base = width * left, ground + 40 + index * 12
        span = width * size
        with paper.crayon(["#d4a24c", "#c8923b", "#dcae5a"][index], width=7) as stone:
            stone.shape([(x, base), (x + span / 2, base - span * 0.75), (x + span, base)])
        with paper.crayon(BROWN, width=3) as lines:
            for row in range(1, 5):
                y = base - span * 0.75 * row / 5
                inset = span / 2 * row / 5
                lines.line([(x + inset, y), (x + span - inset, y)])
    title(paper, options.get("title", ""), y=height - 60, size=34)


def swimming_pool(paper: Paper, options: dict) -> None:
    """The pool at the leisure centre: lanes, a swimmer with a float, the slide."""
    width, height = paper.size
    with paper.crayon("#d8d2c4", width=8) as tiles:
        tiles.scribble([(0, 0), (width, 0), (width, 110), (0, 110)])
    left, top, right, bottom = 40, 130, width - 40, height - 40
    with paper.crayon("#3fa7e0", width=10) as water:
        water.shape([(left, top), (right, top), (right, bottom), (left, bottom)])
    with paper.crayon("#f7c600", width=5) as ropes:
        for lane in range(1, 4):
            y = top + lane * (bottom - top) / 4
            ropes.line([(left, y), (right, y)])
    with paper.crayon(RED, width=6) as slide:
        slide.line(
            [(right - 120, 20), (right - 60, 70), (right - 140, 110), (right - 60, top + 40)],
            width=14,
        )
    sx, sy = width * paper.rng.uniform(0.3, 0.6), top + (bottom - top) * 0.6
    with paper.crayon("#f0b08a", width=6) as skin:
        skin.ellipse([sx - 26, sy - 26, sx + 26, sy + 26], fill=True)
        skin.line([(sx - 30, sy + 10), (sx - 90, sy - 20)])
        skin.line([(sx + 30, sy + 10), (sx + 90, sy - 20)])
    with paper.crayon("#e84393", width=6) as cap:
        cap.shape([(sx - 26, sy - 4), (sx, sy - 30), (sx + 26, sy - 4)])
    with paper.crayon("#16a085", width=6) as float_:
        float_.shape(
            [(sx - 60, sy - 80), (sx + 60, sy - 80), (sx + 60, sy - 50), (sx - 60, sy - 50)]
        )
    with paper.crayon(BLACK, width=4) as eyes:
        eyes.ellipse([sx - 12, sy - 6, sx - 4, sy + 2], fill=True)
        eyes.ellipse([sx + 4, sy - 6, sx + 12, sy + 2], fill=True)
    title(paper, options.get("title", ""), y=30, size=34)

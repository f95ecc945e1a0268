"""Class photos of things: models, plants, robots, instruments, the farm and the school.

No child is ever in these pictures, just as a careful teacher photographs the work and not
the faces. Each function composes one :class:`~.camera.Photo`.
"""

from .camera import Photo

WOOD = "#b98a5a"
WALL = "#e8e1d3"


def _table(photo: Photo, horizon: float | None = None, wall=WALL, table=WOOD) -> float:
    horizon = horizon or photo.size[1] * photo.rng.uniform(0.38, 0.46)
    photo.wall_and_table(wall, table, horizon)
    return horizon


def model_volcano(photo: Photo, options: dict) -> None:
    """A papier-mâché mountain on a tray, red 'lava' running down its sides."""
    width, height = photo.size
    _table(photo)
    cx, base = width * photo.rng.uniform(0.42, 0.55), height * 0.84
    photo.shadow((cx - 330, base - 40, cx + 330, base + 40))
    photo.shape(
        [(cx - 320, base), (cx + 320, base), (cx + 290, base + 30), (cx - 290, base + 30)],
        "#9a9a9a",
    )
    photo.shape(
        [(cx - 260, base), (cx - 60, base - 330), (cx + 60, base - 330), (cx + 260, base)],
        "#7a5a3a",
    )
    photo.ball((cx - 62, base - 350, cx + 62, base - 310), "#4a3020", shine=0.1)
    for index in range(photo.rng.randint(4, 6)):
        start = cx - 50 + index * 22
        end = start + (index - 2.5) * 60 + photo.rng.uniform(-20, 20)
        reach = base - photo.rng.uniform(40, 160)
        photo.shape(
            [
                (start - 14, base - 330),
                (start + 14, base - 330),
                (end + 20, reach),
                (end - 20, reach),
            ],
            "#d8401f",
            light=0.3,
        )
    for _bubble in range(14):
        bx, by = cx + photo.rng.uniform(-45, 45), base - 340 - photo.rng.uniform(0, 70)
        radius = photo.rng.uniform(6, 16)
        photo.ball((bx - radius, by - radius, bx + radius, by + radius), "#f06a3a")
    if options.get("label"):
        photo.card((width * 0.72, height * 0.62, width * 0.95, height * 0.72), options["label"])


def bean_plants(photo: Photo, options: dict) -> None:
    """Pots of beans on the classroom windowsill, a ruler beside them."""
    width, height = photo.size
    sill = height * 0.62
    photo.gradient((0, 0, width, sill), "#dfeaf2", "#b9cddb")
    for x in (width * 0.33, width * 0.66):
        photo.flat([(x - 6, 0), (x + 6, 0), (x + 6, sill), (x - 6, sill)], "#f4f4f0")
    photo.gradient((0, sill, width, height), "#f1efe9", "#c9c4b8")
    pots = options.get("pots", 4)
    for index in range(pots):
        x = width * (index + 0.7) / (pots + 0.4)
        pot_top, pot_bottom = sill + 40, sill + 170
        photo.shadow((x - 80, pot_bottom - 12, x + 90, pot_bottom + 18))
        photo.shape(
            [(x - 70, pot_top), (x + 70, pot_top), (x + 52, pot_bottom), (x - 52, pot_bottom)],
            "#c0643a",
        )
        photo.shape(
            [
                (x - 78, pot_top - 16),
                (x + 78, pot_top - 16),
                (x + 78, pot_top + 6),
                (x - 78, pot_top + 6),
            ],
            "#b55a33",
        )
        photo.ball((x - 66, pot_top - 26, x + 66, pot_top - 4), "#4b3426", shine=0.05)
        tall = photo.rng.uniform(120, 360)
        sway = photo.rng.uniform(-30, 30)
        stem = [(x + sway * (t / 10) ** 2, pot_top - 16 - tall * t / 10) for t in range(11)]
        photo.line(stem, "#4f8f2f", width=7)
        for leaf in range(2, 11, 2):
            lx, ly = stem[leaf]
            side = 1 if leaf % 4 else -1
            photo.ball(
                (lx + (0 if side > 0 else -64), ly - 18, lx + (64 if side > 0 else 0), ly + 16),
                "#5aa83a",
                shine=0.3,
            )
        photo.card((x - 40, pot_top + 60, x + 40, pot_top + 96), f"{int(tall / 25)} cm", size=22)
    ruler_x = width - 60
    photo.shape(
        [
            (ruler_x, sill - 360),
            (ruler_x + 34, sill - 360),
            (ruler_x + 34, sill + 30),
            (ruler_x, sill + 30),
        ],
        "#f2d34b",
        light=0.1,
    )
    for tick in range(0, 390, 13):
        photo.line(
            [
                (ruler_x, sill + 30 - tick),
                (ruler_x + (16 if tick % 65 == 0 else 9), sill + 30 - tick),
            ],
            "#3a3a3a",
            2,
        )


def castle_model(photo: Photo, options: dict) -> None:
    """A castle of boxes and kitchen-roll tubes, its drawbridge on string."""
    width, height = photo.size
    _table(photo, wall="#dfe7ee")
    card = "#c49a63"
    base, cx = height * 0.86, width / 2 + photo.rng.uniform(-40, 40)
    photo.shadow((cx - 330, base - 30, cx + 330, base + 40))
    photo.shape(
        [(cx - 240, base), (cx - 240, base - 220), (cx + 240, base - 220), (cx + 240, base)], card
    )
    for tooth in range(8):
        x = cx - 240 + tooth * 62
        photo.shape(
            [(x, base - 220), (x, base - 255), (x + 34, base - 255), (x + 34, base - 220)], card
        )
    for tower in (cx - 300, cx + 220):
        photo.shape(
            [
                (tower, base + 6),
                (tower, base - 330),
                (tower + 80, base - 330),
                (tower + 80, base + 6),
            ],
            "#bcbcbc",
            light=0.35,
        )
        photo.shape(
            [(tower - 8, base - 330), (tower + 40, base - 420), (tower + 88, base - 330)], "#b03a2e"
        )
        photo.line([(tower + 40, base - 420), (tower + 40, base - 470)], "#3a3a3a", 3)
        photo.shape(
            [(tower + 40, base - 470), (tower + 90, base - 455), (tower + 40, base - 440)],
            options.get("flag", "#2e6fd8"),
        )
    photo.shape(
        [(cx - 60, base), (cx - 60, base - 150), (cx + 60, base - 150), (cx + 60, base)], "#3d2c1e"
    )
    photo.shape(
        [(cx - 60, base), (cx + 60, base), (cx + 80, base + 70), (cx - 80, base + 70)],
        "#8b5a2b",
        light=0.15,
    )
    photo.line([(cx - 58, base - 150), (cx - 78, base + 68)], "#ece3c8", 2)
    photo.line([(cx + 58, base - 150), (cx + 78, base + 68)], "#ece3c8", 2)
    for window in (cx - 170, cx + 130):
        photo.flat(
            [
                (window, base - 170),
                (window + 40, base - 170),
                (window + 40, base - 110),
                (window, base - 110),
            ],
            "#2b2b2b",
        )


def floor_robot(photo: Photo, options: dict) -> None:
    """A floor robot on a squared mat, seen from above, arrow cards beside it."""
    width, height = photo.size
    photo.gradient((0, 0, width, height), "#7d8a97", "#5e6a76")
    size = 110
    left, top = (width - size * 6) / 2, (height - size * 4) / 2 + 20
    for row in range(4):
        for column in range(6):
            colour = ["#f6f1e1", "#dff0d8", "#fde2cf", "#d9e8f6"][(row + column) % 4]
            photo.flat(
                [
                    (left + column * size, top + row * size),
                    (left + (column + 1) * size, top + row * size),
                    (left + (column + 1) * size, top + (row + 1) * size),
                    (left + column * size, top + (row + 1) * size),
                ],
                colour,
            )
            photo.line(
                [
                    (left + column * size, top + row * size),
                    (left + (column + 1) * size, top + row * size),
                ],
                "#9aa5ae",
                2,
            )
    column, row = photo.rng.randint(1, 4), photo.rng.randint(0, 2)
    x, y = left + column * size + size / 2, top + row * size + size / 2
    photo.shadow((x - 70, y - 50, x + 80, y + 80))
    photo.ball((x - 70, y - 60, x + 70, y + 70), "#f3c614", shine=0.35)
    for stripe in (-30, 0, 30):
        photo.line([(x + stripe - 20, y - 50), (x + stripe + 20, y - 50)], "#2b2b2b", 6)
    photo.ball((x - 26, y - 30, x - 6, y - 10), "#222222", shine=0.2)
    photo.ball((x + 6, y - 30, x + 26, y - 10), "#222222", shine=0.2)
    for index, symbol in enumerate(["^", "^", ">", "^"]):
        cx, cy = 70, 80 + index * 120
        photo.card((cx - 40, cy, cx + 40, cy + 90), symbol, size=50)


def farm_lambs(photo: Photo, options: dict) -> None:
    width, height = photo.size
    horizon = height * 0.4
    photo.gradient((0, 0, width, horizon), "#9cc9ee", "#dcecf7")
    photo.gradient((0, horizon, width, height), "#7fb24f", "#4c7f2a")
    for post in range(0, width + 100, 150):
        photo.shape(
            [
                (post, horizon - 40),
                (post + 16, horizon - 40),
                (post + 16, horizon + 60),
                (post, horizon + 60),
            ],
            "#8a6a48",
        )
    photo.line([(0, horizon - 20), (width, horizon - 14)], "#8a6a48", 8)
    photo.line([(0, horizon + 20), (width, horizon + 26)], "#8a6a48", 8)
    for index in range(photo.rng.randint(2, 3)):
        x, y = (
            width * (0.25 + index * 0.3) + photo.rng.uniform(-40, 40),
            height * photo.rng.uniform(0.6, 0.75),
        )
        photo.shadow((x - 110, y + 60, x + 110, y + 100))
        for leg in (-60, -25, 30, 65):
            photo.shape(
                [
                    (x + leg, y + 20),
                    (x + leg + 14, y + 20),
                    (x + leg + 14, y + 90),
                    (x + leg, y + 90),
                ],
                "#2b2b2b",
            )
        for _curl in range(16):
            cx, cy = x + photo.rng.uniform(-80, 80), y + photo.rng.uniform(-40, 30)
            photo.ball((cx - 40, cy - 34, cx + 40, cy + 34), "#efeae0", shine=0.4)
        photo.ball((x + 70, y - 70, x + 140, y), "#2b2b2b", shine=0.15)


def farm_tractor(photo: Photo, options: dict) -> None:
    width, height = photo.size
    horizon = height * 0.45
    photo.gradient((0, 0, width, horizon), "#a9c8e0", "#e4edf2")
    photo.gradient((0, horizon, width, height), "#6d5032", "#3e2c1b")
    for _rut in range(10):
        y = photo.rng.uniform(horizon + 20, height)
        photo.line([(0, y), (width, y + photo.rng.uniform(-30, 30))], "#2f2114", 4)
    x, ground = width * 0.2, height * 0.8
    photo.shadow((x - 20, ground - 20, x + 560, ground + 40))
    photo.shape(
        [
            (x + 120, ground - 160),
            (x + 500, ground - 160),
            (x + 500, ground - 60),
            (x + 120, ground - 60),
        ],
        "#c62828",
    )
    photo.shape(
        [
            (x + 120, ground - 330),
            (x + 300, ground - 330),
            (x + 300, ground - 150),
            (x + 120, ground - 150),
        ],
        "#b71c1c",
    )
    photo.flat(
        [
            (x + 140, ground - 310),
            (x + 280, ground - 310),
            (x + 280, ground - 200),
            (x + 140, ground - 200),
        ],
        "#a7c7dd",
    )
    photo.shape(
        [
            (x + 420, ground - 260),
            (x + 440, ground - 260),
            (x + 440, ground - 160),
            (x + 420, ground - 160),
        ],
        "#3a3a3a",
    )
    photo.ball((x, ground - 230, x + 240, ground + 10), "#222222", shine=0.15)
    photo.ball((x + 70, ground - 160, x + 170, ground - 60), "#d9a21b", shine=0.3)
    photo.ball((x + 400, ground - 130, x + 540, ground + 10), "#222222", shine=0.15)
    photo.ball((x + 440, ground - 90, x + 500, ground - 30), "#d9a21b", shine=0.3)


def farm_hay(photo: Photo, options: dict) -> None:
    width, height = photo.size
    horizon = height * 0.5
    photo.gradient((0, 0, width, horizon), "#8fbfe6", "#dbe9f3")
    photo.gradient((0, horizon, width, height), "#c9b46a", "#9b8440")
    for row, (count, y, size) in enumerate([(4, horizon + 20, 150), (3, horizon + 130, 220)]):
        for index in range(count):
            x = width * (index + 0.5) / count + (row * 40) - size / 2
            photo.shadow((x - 10, y + size * 0.7, x + size * 1.3, y + size * 0.95))
            photo.shape(
                [
                    (x, y),
                    (x + size * 1.2, y),
                    (x + size * 1.2, y + size * 0.8),
                    (x, y + size * 0.8),
                ],
                "#e2c45a",
                light=0.2,
            )
            photo.ball((x - size * 0.2, y, x + size * 0.2, y + size * 0.8), "#d8b548", shine=0.25)
            for strand in range(6):
                sy = y + strand * size * 0.13 + 6
                photo.line(
                    [(x + 10, sy), (x + size * 1.1, sy + photo.rng.uniform(-4, 4))], "#b89a3a", 2
                )


def school_building(photo: Photo, options: dict) -> None:
    """The front of the school on a sunny morning: brick, big windows, a sign by the gate."""
    width, height = photo.size
    horizon = height * 0.78
    photo.gradient((0, 0, width, horizon), "#6fa9dd", "#d6e9f7")
    photo.gradient((0, horizon, width, height), "#8c8c8c", "#5a5a5a")
    left, right, top = width * 0.1, width * 0.9, height * 0.28
    photo.shape(
        [(left, horizon), (left, top), (right, top), (right, horizon)], "#b5553c", light=0.12
    )
    photo.shape([(left - 30, top), (width / 2, top - height * 0.16), (right + 30, top)], "#4e4e58")
    bricks = photo.rng.uniform(0, 10)
    for y in range(int(top) + 18, int(horizon), 18):
        photo.line([(left, y + bricks % 3), (right, y + bricks % 3)], "#9c4632", 1)
    for window in range(6):
        wx = left + 60 + window * (right - left - 120) / 5.5
        for wy in (top + 50, top + (horizon - top) * 0.55):
            photo.shape(
                [(wx, wy), (wx + 120, wy), (wx + 120, wy + 110), (wx, wy + 110)],
                "#cfe3f3",
                light=0.2,
            )
            photo.line([(wx + 60, wy), (wx + 60, wy + 110)], "#f4f4f4", 5)
    door = width / 2 - 70
    photo.shape(
        [
            (door, horizon),
            (door, horizon - 200),
            (door + 140, horizon - 200),
            (door + 140, horizon),
        ],
        "#1d4e89",
    )
    photo.card(
        (right - 320, horizon - 130, right - 20, horizon - 60),
        options.get("sign", "Oakfield Primary"),
        size=30,
    )
    for tree_x in (left - 80, right + 60):
        photo.ball((tree_x - 120, horizon - 380, tree_x + 120, horizon - 80), "#3f7f2f", shine=0.3)


def things_on_a_table(photo: Photo, options: dict) -> None:
    """Small things lined up for a photo: lamps, cakes, rocks, drums, blocks, ducks, a circuit."""
    width, height = photo.size
    horizon = _table(photo, wall=options.get("wall", WALL), table=options.get("table", WOOD))
    thing = options.get("thing", "rocks")
    count = options.get("count", 4)
    for index in range(count):
        x = width * (index + 0.5) / count + photo.rng.uniform(-20, 20)
        y = horizon + (height - horizon) * photo.rng.uniform(0.45, 0.6)
        THINGS[thing](photo, x, y, index)
    if options.get("label"):
        photo.card((width * 0.06, height * 0.08, width * 0.42, height * 0.18), options["label"])


def _lamp(photo: Photo, x: float, y: float, index: int) -> None:
    photo.shadow((x - 90, y + 10, x + 100, y + 50))
    photo.ball(
        (x - 90, y - 50, x + 90, y + 40),
        ["#b5653a", "#9c5a34", "#c2703f", "#a65d36"][index % 4],
        shine=0.3,
    )
    for dot in range(5):
        photo.ball(
            (x - 60 + dot * 28, y - 10, x - 48 + dot * 28, y + 2),
            ["#f7c600", "#e84393", "#2e86de"][dot % 3],
        )
    photo.ball((x + 40, y - 110, x + 70, y - 40), "#ffb300", shine=0.8)


def _cake(photo: Photo, x: float, y: float, index: int) -> None:
    photo.shadow((x - 70, y + 20, x + 80, y + 50))
    photo.shape(
        [(x - 60, y - 20), (x + 60, y - 20), (x + 45, y + 40), (x - 45, y + 40)],
        ["#e84393", "#2e86de", "#f7c600", "#16a085"][index % 4],
    )
    photo.ball((x - 70, y - 90, x + 70, y - 10), "#f6e7c8", shine=0.35)
    photo.ball((x - 12, y - 110, x + 12, y - 86), "#d7263d", shine=0.5)


def _rock(photo: Photo, x: float, y: float, index: int) -> None:
    colours = ["#8d8d8d", "#b6a58a", "#5f5f66", "#c9c3b8", "#7b6a58"]
    photo.shadow((x - 90, y, x + 90, y + 40))
    photo.ball((x - 80, y - 60, x + 80, y + 30), colours[index % len(colours)], shine=0.3)
    if index == 1:
        photo.line([(x + 40, y - 40), (x + 150, y - 150)], "#333333", 14)
        photo.ball((x - 40, y - 120, x + 60, y - 20), "#dfeffb", shine=0.6)


def _drum(photo: Photo, x: float, y: float, index: int) -> None:
    photo.shadow((x - 90, y + 30, x + 100, y + 70))
    colour = ["#c62828", "#1d4e89", "#2e7d32", "#f9a825"][index % 4]
    photo.shape([(x - 80, y - 80), (x + 80, y - 80), (x + 80, y + 50), (x - 80, y + 50)], colour)
    photo.ball((x - 80, y - 110, x + 80, y - 50), "#efe6d2", shine=0.2)
    for lace in range(5):
        lx = x - 70 + lace * 35
        photo.line([(lx, y - 75), (lx + 18, y + 45)], "#f2f2f2", 2)


def _block(photo: Photo, x: float, y: float, index: int) -> None:
    colours = ["#d7263d", "#2e86de", "#f7c600", "#16a085", "#8e44ad", "#f46036"]
    photo.shadow((x - 70, y + 20, x + 80, y + 50))
    for level in range(3 + (index * 2) % 4):
        size = 80
        top = y + 30 - (level + 1) * size
        wobble = photo.rng.uniform(-8, 8)
        photo.shape(
            [
                (x - size / 2 + wobble, top),
                (x + size / 2 + wobble, top),
                (x + size / 2 + wobble, top + size),
                (x - size / 2 + wobble, top + size),
            ],
            colours[(index + level) % len(colours)],
        )


def _duck(photo: Photo, x: float, y: float, index: int) -> None:
    photo.ball((x - 55, y - 30, x + 55, y + 30), "#f7c600", shine=0.4)
    photo.ball((x + 10, y - 75, x + 60, y - 25), "#f7c600", shine=0.4)
    photo.flat([(x + 55, y - 55), (x + 85, y - 48), (x + 55, y - 40)], "#f46036")
    photo.ball((x + 35, y - 62, x + 43, y - 54), "#111111", shine=0.1)


def _circuit(photo: Photo, x: float, y: float, index: int) -> None:
    if index % 2 == 0:
        photo.shadow((x - 90, y + 10, x + 90, y + 50))
        photo.shape(
            [(x - 80, y - 40), (x + 60, y - 40), (x + 60, y + 30), (x - 80, y + 30)], "#2b2b2b"
        )
        photo.shape(
            [(x + 60, y - 15), (x + 75, y - 15), (x + 75, y + 5), (x + 60, y + 5)], "#c0a060"
        )
        photo.flat([(x - 40, y - 40), (x, y - 40), (x, y + 30), (x - 40, y + 30)], "#e0a100")
    else:
        photo.ball((x - 40, y - 120, x + 40, y - 40), "#fff3b0", shine=0.8)
        photo.shape([(x - 25, y - 45), (x + 25, y - 45), (x + 25, y), (x - 25, y)], "#9e9e9e")
    photo.line([(x - 60, y), (x - 180 + index * 10, y + 40), (x - 300, y + 10)], "#d7263d", 5)
    photo.line([(x + 60, y + 10), (x + 160, y + 60), (x + 260, y + 20)], "#1d4e89", 5)


def _book(photo: Photo, x: float, y: float, index: int) -> None:
    colours = ["#d7263d", "#2e86de", "#f7c600", "#16a085", "#8e44ad", "#f46036", "#1d4e89"]
    left = x - 90
    photo.shadow((x - 110, y + 10, x + 110, y + 40))
    for book in range(6):
        tall = photo.rng.uniform(130, 200)
        thick = photo.rng.uniform(22, 34)
        photo.shape(
            [
                (left, y + 20 - tall),
                (left + thick, y + 20 - tall),
                (left + thick, y + 20),
                (left, y + 20),
            ],
            colours[(index * 3 + book) % len(colours)],
            light=0.2,
        )
        left += thick + 2


THINGS = {
    "lamps": _lamp,
    "cakes": _cake,
    "rocks": _rock,
    "drums": _drum,
    "blocks": _block,
    "ducks": _duck,
    "circuit": _circuit,
    "books": _book,
}


def laptop(photo: Photo, options: dict) -> None:
    """A laptop on a desk, a program of coloured blocks on its screen and a sprite."""
    width, height = photo.size
    horizon = _table(photo, wall="#dde3ea", table="#c8b597")
    cx = width / 2
    photo.shadow((cx - 300, height - 90, cx + 300, height - 30))
    photo.shape(
        [
            (cx - 290, horizon - 200),
            (cx + 290, horizon - 200),
            (cx + 290, horizon + 150),
            (cx - 290, horizon + 150),
        ],
        "#3a3d42",
    )
    photo.flat(
        [
            (cx - 270, horizon - 182),
            (cx + 270, horizon - 182),
            (cx + 270, horizon + 132),
            (cx - 270, horizon + 132),
        ],
        "#f7f9fb",
    )
    colours = ["#f7a400", "#4c97ff", "#9966ff", "#59c059", "#ff8c1a", "#4c97ff"]
    for row, colour in enumerate(colours[: photo.rng.randint(4, 6)]):
        indent = 20 if 0 < row < 4 else 0
        top = horizon - 160 + row * 44
        photo.flat(
            [
                (cx - 250 + indent, top),
                (cx - 60 + indent, top),
                (cx - 60 + indent, top + 36),
                (cx - 250 + indent, top + 36),
            ],
            colour,
        )
    photo.flat(
        [
            (cx - 20, horizon - 160),
            (cx + 250, horizon - 160),
            (cx + 250, horizon + 110),
            (cx - 20, horizon + 110),
        ],
        "#e6f0fb",
    )
    sx, sy = cx + 60 + photo.rng.uniform(0, 100), horizon - 60 + photo.rng.uniform(0, 60)
    photo.ball((sx, sy, sx + 80, sy + 70), "#f7a400", shine=0.3)
    photo.ball((sx + 50, sy - 40, sx + 110, sy + 20), "#f7a400", shine=0.3)
    photo.shape(
        [
            (cx - 330, horizon + 150),
            (cx + 330, horizon + 150),
            (cx + 370, horizon + 230),
            (cx - 370, horizon + 230),
        ],
        "#9aa0a8",
        light=0.1,
        horizontal=False,
    )


def pe_field(photo: Photo, options: dict) -> None:
    """Cones, hoops and beanbags set out on the field for a PE lesson."""
    width, height = photo.size
    horizon = height * 0.35
    photo.gradient((0, 0, width, horizon), "#9cc9ee", "#e0eef7")
    photo.gradient((0, horizon, width, height), "#7cb342", "#558b2f")
    for stripe in range(0, width, 160):
        photo.flat(
            [
                (stripe, horizon),
                (stripe + 80, horizon),
                (stripe + 140, height),
                (stripe + 40, height),
            ],
            "#6fa83a",
        )
    photo.line([(0, horizon + 80), (width, horizon + 90)], "#f5f5f5", 5)
    for index in range(6):
        x = 80 + index * (width - 160) / 5
        y = horizon + 120 + (index % 2) * 130 + photo.rng.uniform(-20, 20)
        colour = ["#ff6f00", "#fdd835", "#e53935", "#1e88e5"][index % 4]
        photo.shadow((x - 40, y + 40, x + 50, y + 60))
        photo.shape([(x - 40, y + 50), (x - 8, y - 40), (x + 8, y - 40), (x + 40, y + 50)], colour)
    for index in range(3):
        x, y = width * (0.2 + index * 0.3), height * 0.86
        colour = ["#e53935", "#1e88e5", "#fdd835"][index]
        photo.draw.ellipse([x - 110, y - 30, x + 110, y + 30], outline=colour, width=10)
    if options.get("ball"):
        photo.ball(
            (width * 0.78, height * 0.62, width * 0.78 + 70, height * 0.62 + 70),
            "#f4f4f4",
            shine=0.2,
        )


def water_tray(photo: Photo, options: dict) -> None:
    """A water tray from above, rubber ducks bobbing in it, numbers on their backs."""
    width, height = photo.size
    photo.gradient((0, 0, width, height), "#cfd8dc", "#a7b4ba")
    photo.shape(
        [(60, 60), (width - 60, 60), (width - 60, height - 60), (60, height - 60)],
        "#2f6db5",
        light=0.1,
    )
    photo.gradient((90, 90, width - 90, height - 90), "#6fb3e8", "#3b86c9")
    for _ripple in range(12):
        x, y = photo.rng.uniform(120, width - 160), photo.rng.uniform(120, height - 120)
        photo.draw.arc([x, y, x + 90, y + 30], 200, 340, fill="#a9d4f5", width=3)
    for index in range(options.get("count", 5)):
        x, y = photo.rng.uniform(180, width - 180), photo.rng.uniform(180, height - 150)
        _duck(photo, x, y, index)

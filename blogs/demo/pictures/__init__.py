"""The demo school's pictures, drawn on the spot with Pillow: nothing is downloaded.

A picture is asked for by kind, with options from the data files, for example
``{"kind": "rocket", "title": "Our rocket"}``. Children's work (crayon drawings, paintings,
exercise books) and class photos are JPEGs, as a phone or scanner makes them; the school's
emblems are PNGs. The same kind and seed always give the same picture.
"""

import zlib
from io import BytesIO

from PIL import Image

from . import drawings, emblems, paintings, photos, schoolwork
from .camera import Photo
from .crayon import Paper

PICTURE_SIZE = (900, 600)

# Drawn on paper by a child.
ON_PAPER = {
    "house": drawings.my_house,
    "garden": drawings.garden,
    "rocket": drawings.rocket,
    "castle": drawings.castle,
    "sheep": drawings.sheep,
    "sunflowers": drawings.sunflowers,
    "great_fire": drawings.great_fire,
    "solar_system": drawings.solar_system,
    "feelings": drawings.feelings,
    "fire_engine": drawings.fire_engine,
    "mosque": drawings.mosque,
    "sea": drawings.sea,
    "bear": drawings.bear,
    "pyramids": drawings.pyramids,
    "swimming_pool": drawings.swimming_pool,
    "map": schoolwork.local_map,
    "bar_chart": schoolwork.bar_chart,
    "line_graph": schoolwork.line_graph,
    "times_table": schoolwork.times_table,
    "handwriting": schoolwork.handwriting,
    "fractions": schoolwork.fractions,
    "music": schoolwork.music,
    "poster": schoolwork.poster,
    "rainbow": paintings.rainbow,
    "water_lilies": paintings.water_lilies,
    "splashes": paintings.splashes,
    "leaf_prints": paintings.leaf_prints,
}
# Photographed by the teacher.
PHOTOGRAPHED = {
    "model_volcano": photos.model_volcano,
    "bean_plants": photos.bean_plants,
    "castle_model": photos.castle_model,
    "floor_robot": photos.floor_robot,
    "lambs": photos.farm_lambs,
    "tractor": photos.farm_tractor,
    "hay_bales": photos.farm_hay,
    "school": photos.school_building,
    "table": photos.things_on_a_table,
    "laptop": photos.laptop,
    "pe_field": photos.pe_field,
    "water_tray": photos.water_tray,
}
EMBLEMS = {
    "mascot": emblems.mascot_bird,
    "badge": emblems.badge,
    "logo": emblems.oak_logo,
    "screenshot": emblems.screenshot,
}
KINDS = set(ON_PAPER) | set(PHOTOGRAPHED) | set(EMBLEMS)


def seed_for(text: str) -> int:
    """A stable seed from a title (Python's own ``hash`` changes from run to run)."""
    return zlib.crc32(text.encode())


def draw_picture(picture: dict, seed: int, size: tuple[int, int] | None = None) -> Image.Image:
    """The picture ``picture["kind"]`` describes, drawn with ``seed``."""
    kind = picture["kind"]
    size = tuple(picture.get("size", size or PICTURE_SIZE))
    if kind in ON_PAPER:
        paper = Paper(size, seed, tint=tuple(picture.get("paper", (250, 248, 241))))
        ON_PAPER[kind](paper, picture)
        return paper.finish()
    if kind in PHOTOGRAPHED:
        photo = Photo(size, seed)
        PHOTOGRAPHED[kind](photo, picture)
        return photo.finish()
    if kind in EMBLEMS:
        return EMBLEMS[kind](size, picture.get("colour", "#1d4e89"), seed)
    raise ValueError(f"No way to draw a picture of kind {kind!r}; choose one of {sorted(KINDS)}.")


def picture_file(picture: dict, seed: int) -> tuple[bytes, str, tuple[int, int]]:
    """The picture encoded as a file: its bytes, its extension and its size in pixels."""
    image = draw_picture(picture, seed)
    buffer = BytesIO()
    if picture["kind"] in EMBLEMS:
        image.save(buffer, format="PNG")
        return buffer.getvalue(), "png", image.size
    image.save(buffer, format="JPEG", quality=84)
    return buffer.getvalue(), "jpg", image.size

"""The demo's content, kept as YAML files in ``data/`` so that it reads like what it is.

YAML rather than JSON: the files are mostly prose (posts, comments, help sheets) with
apostrophes, quotes and long lines, which YAML holds without escaping, and they carry
comments that say what each part is for. Only safe loading is used: the files are data.
"""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's loader when PyYAML was built with it: the same result, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """The parsed contents of ``data/<name>.yaml``; read once per process, never changed."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.load(file, Loader=_LOADER)  # noqa: S506 - a safe loader, chosen above


def class_posts(class_slug: str) -> list[dict]:
    """One class's posts, newest first, from ``data/posts/<class slug>.yaml``."""
    return load(f"posts/{class_slug}")


def paragraph(text: str) -> str:
    """A paragraph of plain text from a data file as rich text, apostrophes kept as typed."""
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<p>{safe}</p>"

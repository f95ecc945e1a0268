"""The layout's two rules, read from the source itself so that a change breaking them fails here.

``home/`` is the base every part builds on, so it imports nothing of ``blogs/`` (the blogs plug
into it through hooks and string references instead). And an import inside a function, which
hides a dependency from a reader of the module's head, always says why on the line above it.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED_PACKAGES = ("home", "blogs", "search", "schoolsite")
# A reason is words: a linter directive alone (noqa, type: ignore) says nothing to a reader.
DIRECTIVE = re.compile(r"^(noqa(:\s*[A-Z]+\d+(\s*,\s*[A-Z]+\d+)*)?|type:\s*ignore\S*|pragma:.*)")
MIN_REASON_WORDS = 3


def python_files(package: str) -> list[Path]:
    return sorted(
        path
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module a source imports, relative imports resolved, with its line number.

    ``from . import x`` may name a module, so ``package.x`` is listed as well as ``package``.
    ``importlib.import_module("…")`` with a literal name counts too.
    """
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                base = parts[: max(len(parts) - (node.level - 1), 0)]
            else:
                base = []
            target = ".".join(base + ([node.module] if node.module else []))
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{alias.name}".lstrip(".")) for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def blogs_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    return sorted(
        {
            f"line {line}: {name}"
            for line, name in imported_modules(source, module, is_package)
            if name == "blogs" or name.startswith("blogs.")
        }
    )


def comments_by_line(source: str) -> dict[int, str]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {tok.start[0]: tok.string for tok in tokens if tok.type == tokenize.COMMENT}


def comment_block_above(lines: list[str], comments: dict[int, str], line: int) -> str:
    """The comment ending on the line directly above ``line``, all its lines if it wraps."""
    block = []
    above = line - 1
    while above in comments and lines[above - 1].lstrip().startswith("#"):
        block.insert(0, comments[above].lstrip("#").strip())
        above -= 1
    return " ".join(block)


def is_reason(comment: str | None) -> bool:
    if not comment:
        return False
    text = comment.lstrip("#").strip()
    text = DIRECTIVE.sub("", text).strip(" -:—–")
    return len(text.split()) >= MIN_REASON_WORDS


def unexplained_function_imports(source: str) -> list[str]:
    """Imports inside a function or method without a reason beside or directly above them."""
    comments = comments_by_line(source)
    lines = source.splitlines()
    problems = set()
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            same_line = [comments.get(n) for n in range(node.lineno, node.end_lineno + 1)]
            if is_reason(comment_block_above(lines, comments, node.lineno)) or any(
                map(is_reason, same_line)
            ):
                continue
            problems.add((node.lineno, lines[node.lineno - 1].strip()))
    return [f"line {line}: {text}" for line, text in sorted(problems)]


@pytest.mark.parametrize("path", python_files("home"), ids=lambda path: str(path.relative_to(ROOT)))
def test_home_imports_nothing_of_blogs(path):
    offending = blogs_imports(
        path.read_text(), module_name(path), is_package=path.name == "__init__.py"
    )
    assert not offending, f"{path.relative_to(ROOT)} imports blogs/: {offending}"


@pytest.mark.parametrize(
    "path",
    [path for package in CHECKED_PACKAGES for path in python_files(package)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_function_level_import_says_why(path):
    unexplained = unexplained_function_imports(path.read_text())
    assert not unexplained, (
        f"{path.relative_to(ROOT)}: import inside a function without a reason on the line above "
        f"or beside it (or move it to the top of the module): {unexplained}"
    )


# The checks themselves, on small sources, so that a check that stopped finding anything fails.


@pytest.mark.parametrize(
    "source, module",
    [
        ("import blogs\n", "home.models"),
        ("import blogs.models as m\n", "home.models"),
        ("from blogs.classes.timeline import TimelinePage\n", "home.models"),
        ("from blogs import models\n", "home.models"),
        ("def f():\n    from blogs.models import Comment\n", "home.signals"),
        ("from ..blogs import models\n", "home.models"),
        ("from .. import blogs\n", "home.models"),
        ("from ...blogs.models import Comment\n", "home.templatetags.navigation_tags"),
        ("import importlib\nimportlib.import_module('blogs.models')\n", "home.listing"),
    ],
)
def test_the_layout_check_finds_an_import_of_blogs(source, module):
    assert blogs_imports(source, module)


@pytest.mark.parametrize(
    "source, module",
    [
        ("from .languages import localized_home\n", "home.models"),
        ("from ..languages import localized_home\n", "home.templatetags.language_tags"),
        ('subpage_types = ["blogs.ClassBlogIndexPage"]\n', "home.models"),
        ("import blogsite\n", "home.models"),
    ],
)
def test_the_layout_check_lets_the_base_name_blogs_by_string(source, module):
    assert not blogs_imports(source, module)


@pytest.mark.parametrize(
    "source",
    [
        "def f():\n    import json\n",
        "def f():\n    # noqa: F401\n    import json\n",
        "def f():\n    x = 1  # a reason for something else\n    import json\n",
        "def f():\n    import json  # noqa: PLC0415\n",
        "def f():\n    # Needed here.\n\n    import json\n",
        "class A:\n    def f(self):\n        x = 1\n        from json import dumps\n",
        "# Loaded late to avoid a cycle.\ndef f():\n    x = 1\n    import json\n",
    ],
)
def test_the_import_check_finds_an_import_without_a_reason(source):
    assert unexplained_function_imports(source)


@pytest.mark.parametrize(
    "source",
    [
        "import json\n\ndef f():\n    return json\n",
        "def f():\n    # Awards build on posts: imported here to avoid a cycle.\n    import json\n",
        "def f():\n    import av  # only in the demo extra\n",
        "def f():\n    # Awards build on posts and class blogs,\n    # so:\n    import json\n",
        "def f():\n    from json import (  # loaded late for speed\n        dumps,\n    )\n",
    ],
)
def test_the_import_check_accepts_a_reason(source):
    assert not unexplained_function_imports(source)

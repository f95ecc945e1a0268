"""How a stored file's name says where it lives: public names as Django makes them, private
names under ``private/`` with a random folder.

The name is the whole record of a file's place (it is what the database keeps), so the storage
routes on it and the serving view looks files up by it. The random folder makes a private
file's address unguessable even to someone who knows the title it was slugified from.
"""

import secrets

PRIVATE_PREFIX = "private/"
# 96 random bits: far beyond guessing, short enough for the 100-character name columns.
TOKEN_BYTES = 12


def is_private_name(name: str) -> bool:
    return name.startswith(PRIVATE_PREFIX)


def private_name(name: str) -> str:
    """``original_images/sports-day.png`` → ``private/<random>/original_images/sports-day.png``."""
    return f"{PRIVATE_PREFIX}{secrets.token_hex(TOKEN_BYTES)}/{public_name(name)}"


def public_name(name: str) -> str:
    """The name without its private prefix and random folder, as Django first made it."""
    if not is_private_name(name):
        return name
    _token, _slash, rest = name.removeprefix(PRIVATE_PREFIX).partition("/")
    return rest


def inner_name(name: str) -> str:
    """A private name as the private backend knows it (without ``private/``)."""
    return name.removeprefix(PRIVATE_PREFIX)

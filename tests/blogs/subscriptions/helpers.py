"""What the subscription tests share: the form as a family fills it in, and reading emails."""

import re
import time
from email.message import Message

from blogs.comments import tokens

LINK = re.compile(r"https?://[^\s\"'<>]+")
HREF = re.compile(r'href="([^"]+)"')
SRC = re.compile(r'src="([^"]+)"')


def subscribe_data(classes=(), **overrides) -> dict:
    """A filled-in subscribe form, sent as a person would: well after the page was shown."""
    return {
        "email": "nain@example.com",
        "whole_school": "",
        "classes": [str(pk) for pk in classes],
        "frequency": "weekly",
        "language": "cy",
        "website": "",
        "started": tokens.issue(started=time.time() - 30),
        **overrides,
    }


def text_links(text: str) -> list[str]:
    return LINK.findall(text)


def html_part(message) -> str:
    """The HTML alternative of a Django message or of a parsed email."""
    if isinstance(message, Message):
        for part in message.walk():
            if part.get_content_type() == "text/html":
                return part.get_payload(decode=True).decode(part.get_content_charset())
        raise AssertionError("no HTML part")
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def text_part(message) -> str:
    if isinstance(message, Message):
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset())
        raise AssertionError("no plain-text part")
    return message.body


def path_of(url: str, root: str) -> str:
    assert url.startswith(root + "/"), f"{url} is not at {root}"
    return url[len(root) :]

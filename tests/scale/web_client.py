"""A visitor's or teacher's browser, as far as the scale-out test needs one: real HTTP to one
address (nginx, or one app server), cookies kept between requests, forms sent as a browser
sends them (with the CSRF token and an ``Origin``), redirects not followed.

Cookies are shared between clients by copying :attr:`Client.cookies`, as a browser would send
the same cookie to whichever server answers. The session cookie is ``Secure`` in production;
these clients send it over the loopback's plain HTTP, where TLS would be in front of nginx.
"""

import html
import http.client
import json
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Where the admin's scripts find the token for the buttons that post (approve, unpublish …).
WAGTAIL_CONFIG = re.compile(r'<script id="wagtail-config" type="application/json">(.*?)</script>')


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def text(self) -> str:
        """The page's text with its HTML entities read (``&#x27;`` is ``'``)."""
        return html.unescape(self.body.decode(errors="replace"))

    def csrf_token(self) -> str:
        """The token a form on this page sends, or the one the admin's scripts send."""
        page = self.body.decode()
        if self.headers.get("content-type", "").startswith("application/json"):
            page = json.loads(page).get("html", "")  # a form for one of the admin's dialogs
        if found := CSRF_FIELD.search(page):
            return found.group(1)
        config = WAGTAIL_CONFIG.search(page)
        assert config, f"no CSRF token on the page ({self.status})"
        return json.loads(config.group(1))["CSRF_TOKEN"]


class Client:
    def __init__(
        self,
        address: str,
        name: str,
        *,
        source: str | None = None,
        as_forwarded_by: str | None = None,
    ) -> None:
        """``address``: ``http://127.0.0.1:<port>``; ``source``: the local address to send from.

        ``as_forwarded_by``: nginx's address, for a client that talks to one app server
        directly: its requests then carry what nginx adds (``Host`` without the port, the
        visitor's address in ``X-Forwarded-For``), so the app answers them as it answers nginx,
        from the same cache entries, and forms carry the ``Origin`` of the site's address.
        """
        parts = urlsplit(address)
        self.address, self.name = address, name
        self.host, self.port = parts.hostname, parts.port
        self.source = (source, 0) if source else None
        self.origin = as_forwarded_by or address
        self.forwarding = (
            {"Host": urlsplit(as_forwarded_by).hostname, "X-Forwarded-For": "127.0.0.1"}
            if as_forwarded_by
            else {}
        )
        self.cookies: dict[str, str] = {}

    def __repr__(self) -> str:
        return self.name

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict | None = None
    ) -> Response:
        headers = {**self.forwarding, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=30, source_address=self.source
        )
        try:
            connection.request(method, path, body=body or None, headers=headers)
            answer = connection.getresponse()
            response = Response(
                answer.status,
                {name.lower(): value for name, value in answer.getheaders()},
                answer.read(),
            )
            self._keep_cookies(answer.headers.get_all("Set-Cookie") or [])
        finally:
            connection.close()
        return response

    def _keep_cookies(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, fields: dict, files: dict | None = None) -> Response:
        """A form as a browser sends it: urlencoded, or multipart with ``files`` ({field:
        (filename, content type, bytes)})."""
        headers = {"Origin": self.origin}
        if files:
            body, headers["Content-Type"] = _multipart(fields, files)
        else:
            body = urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body, headers)

    def sign_in(self, username: str, password: str, page: str = "/admin/login/") -> None:
        """Sign in with the form at ``page``: the admin's, or the public site's for staff."""
        form = self.get(page)
        fields = {"csrfmiddlewaretoken": form.csrf_token(), "username": username}
        response = self.post(page, {**fields, "password": password})
        assert response.status == 302, f"{username} could not sign in on {self}"


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content_type, content) in files.items():
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def eventually(check: Callable[[], bool], seconds: float = 2.0) -> bool:
    """Whether ``check()`` comes true within ``seconds`` (asked every 50 ms)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True

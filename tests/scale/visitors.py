"""What visitors are shown, asked every way a request can go: through nginx, and through each
app server as nginx would send it there."""

from .cluster import Cluster
from .web_client import Client, eventually

# A change shows everywhere within this long (purges run as the change commits, so at once).
AT_ONCE = 2.0


def everyone(cluster: Cluster) -> list[Client]:
    """Anonymous visitors: through nginx, and through each app server."""
    return [cluster.visitor(), cluster.app(1), cluster.app(2)]


def kept_everywhere(cluster: Cluster, path: str) -> str:
    """Ask for ``path`` until nginx and both app servers answer it from their caches; the page."""
    visitor = cluster.visitor()
    page = visitor.get(path)
    assert page.status == 200, path
    assert visitor.get(path).headers["x-proxy-cache"] == "HIT", path
    for number in (1, 2):
        assert cluster.app(number).get(path).headers["x-page-cache"] == "hit", (path, number)
    return page.text


def shown(visitor: Client, path: str, text: str) -> bool:
    """Whether ``visitor`` is shown ``text`` at ``path`` within :data:`AT_ONCE`."""
    return eventually(lambda: text in visitor.get(path).text, AT_ONCE)


def not_shown(visitor: Client, path: str, text: str) -> bool:
    """Whether ``text`` is gone from ``path`` for ``visitor`` within :data:`AT_ONCE`."""
    return eventually(lambda: text not in visitor.get(path).text, AT_ONCE)


def answered(visitor: Client, path: str, status: int) -> bool:
    """Whether ``path`` answers ``visitor`` with ``status`` within :data:`AT_ONCE`."""
    return eventually(lambda: visitor.get(path).status == status, AT_ONCE)


def kept_again(visitor: Client, path: str, seconds: float) -> bool:
    """Whether the app server answers ``path`` from its cache again within ``seconds``."""
    return eventually(lambda: visitor.get(path).headers.get("x-page-cache") == "hit", seconds)

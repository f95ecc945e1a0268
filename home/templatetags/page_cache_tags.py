"""``{% fragment "name" [per_page] [vary …] %}…{% endfragment %}``: a part kept between pages.

See ``home.page_cache.fragments``: kept until everything is purged (school details, menu,
languages), or, with ``per_page``, until this page is purged too. ``vary`` values (such as the
menu's current section) make separate copies.
"""

from django import template
from django.template.base import Parser, Token

from ..page_cache.fragments import remember

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name: str, per_page: bool, vary: list, nodelist: template.NodeList):
        self.name = name
        self.per_page = per_page
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context) -> str:
        vary = tuple(expression.resolve(context) for expression in self.vary)
        return remember(
            context.get("request"),
            f"template:{self.name}",
            lambda: self.nodelist.render(context),
            per_page=self.per_page,
            vary=vary,
        )


@register.tag("fragment")
def fragment(parser: Parser, token: Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    name = bits[1].strip("\"'")
    rest = bits[2:]
    per_page = "per_page" in rest
    vary = [parser.compile_filter(bit) for bit in rest if bit != "per_page"]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, per_page, vary, nodelist)

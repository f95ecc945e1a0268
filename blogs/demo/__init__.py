"""The demo school that ``seed_demo`` builds: small builders here, the content in ``data/``.

One concept a module: ``accounts`` (the demo accounts and their groups), ``school`` (home
page, details, the school's pages, timeline), ``classes`` and ``posts`` (class blogs and each
class's posts), ``showcase`` (the farm trip, with every kind of block), ``comments``,
``awards``, ``helpsheets``, ``translations`` (Welsh, Polish and Urdu), ``media`` (files made on
the spot) and ``pictures`` (children's work and class photos, drawn with Pillow).
"""

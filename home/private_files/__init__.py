"""Files of private collections: never at a public address, served only after a permission check.

With media on a disk behind nginx, or in a bucket, whatever has a public address can be
downloaded by anyone who guesses it, and file names are slugs of titles. So files of private
collections (a collection with a view restriction, such as "Staff documents") are kept apart:

- ``names``: a private file's name is ``private/<random>/…``, unguessable;
- ``storage``: the default storage routes such names to a private place (a folder outside
  ``MEDIA_ROOT``; private objects on S3) and gives them the view's URL;
- ``rules``: which items are private, and who may open their files;
- ``views`` and ``delivery``: the view that checks, then has nginx (X-Accel-Redirect), S3 (a
  short signed URL) or Django send the file; ``accel`` does the same for Wagtail's documents;
- ``moving``, ``receivers``, ``tasks``: files move when an item's collection or a
  collection's privacy changes; ``manage.py sync_private_files`` moves any left behind;
- ``checks``: the private folder may not be inside a publicly served one.
"""


def connect() -> None:
    """Wire the receivers and checks once the app registry is ready (``HomeConfig.ready``)."""
    # These modules load models, so they are imported only once the registry is ready.
    from . import checks, receivers

    receivers.connect()
    checks.register()

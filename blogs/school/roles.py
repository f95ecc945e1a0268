"""The school's roles as Wagtail groups, page permissions and collections.

``setup_school`` calls :func:`setup_school_roles`; it is idempotent and safe to run after
adding a class. Only Wagtail's own permission system is used: groups, page permissions,
collection permissions and workflows (see ``workflow.py``).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
)

from home.languages import source_language_page
from home.models import HomePage
from home.private_files.moving import sync_private_files

from ..awards.models import AwardIndexPage
from ..classes.class_blogs import ClassBlogIndexPage
from ..helpsheets.models import (
    STAFF_DOCUMENTS_COLLECTION,
    HelpSheetLibraryPage,
    HelpSheetPage,
    staff_groups,
)
from ..subscriptions.models import ADDRESSES_PERMISSION
from .groups import DIGITAL_LEADERS, SENIOR_LEADERS, STAFF
from .workflows import ensure_award_workflow, ensure_pupil_post_workflow

__all__ = ["DIGITAL_LEADERS", "SENIOR_LEADERS", "STAFF", "setup_school_roles"]

# Apps whose every permission senior leaders hold: content, media, settings, reports.
SENIOR_LEADER_APPS = [
    "blogs",
    "home",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailmedia",
    "wagtailredirects",
    "wagtailforms",
    "wagtailadmin",
    "wagtailsearchpromotions",
    "taggit",
]
# Seeing families' email addresses is given to a person, never with the role (counts are).
GIVEN_ONE_BY_ONE = [ADDRESSES_PERMISSION]
TEACHER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
SENIOR_PAGE_PERMISSIONS = TEACHER_PAGE_PERMISSIONS + ["bulk_delete_page"]
# Pupils may only add posts (and so edit their own drafts); never publish.
PUPIL_PAGE_PERMISSIONS = ["add_page"]

TEACHER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
]
# "add" lets a pupil upload and edit their own uploads; "choose" lets them use the class's.
PUPIL_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access() -> Permission:
    return _permission("wagtailadmin", "access_admin")


def _grant_pages(group: Group, page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_collection(group: Group, collection: Collection, permissions) -> None:
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def ensure_senior_leaders() -> Group:
    group, _created = Group.objects.get_or_create(name=SENIOR_LEADERS)
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label__in=SENIOR_LEADER_APPS)
            | Q(
                content_type__app_label="auth",
                codename__in=["add_user", "change_user", "view_user"],
            )
        ).exclude(codename__in=GIVEN_ONE_BY_ONE)
    )
    for home in HomePage.objects.all():
        _grant_pages(group, home, SENIOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    _grant_collection(
        group,
        root_collection,
        TEACHER_COLLECTION_PERMISSIONS
        + [
            ("wagtailimages", "delete_image"),
            ("wagtaildocs", "delete_document"),
            ("wagtailmedia", "delete_media"),
        ],
    )
    return group


def ensure_class_roles(class_blog: ClassBlogIndexPage) -> ClassBlogIndexPage:
    """The class's collection, its teachers' and pupils' groups, and its approval workflow."""
    # A translated class blog shares the English one's groups, collection and workflow.
    name = source_language_page(class_blog).short_name
    root_collection = Collection.get_first_root_node()
    collection = class_blog.collection or next(
        (c for c in root_collection.get_children() if c.name == f"{name} Class"), None
    )
    if collection is None:
        collection = root_collection.add_child(name=f"{name} Class")
    teachers = (
        class_blog.teachers_group
        or Group.objects.get_or_create(name=_("%(name)s teachers") % {"name": name})[0]
    )
    pupils = (
        class_blog.pupils_group
        or Group.objects.get_or_create(name=_("%(name)s pupils") % {"name": name})[0]
    )

    for group in (teachers, pupils):
        group.permissions.add(_admin_access())
    # Moderating comments; which comments is narrowed to the class by CommentPermissionPolicy.
    teachers.permissions.add(
        _permission("blogs", "change_comment"), _permission("blogs", "view_comment")
    )
    # Teachers translate their class's posts, so they edit every language's class blog;
    # pupils write in the school's own language only.
    _grant_pages(teachers, class_blog, TEACHER_PAGE_PERMISSIONS)
    if source_language_page(class_blog) == class_blog:
        _grant_pages(pupils, class_blog, PUPIL_PAGE_PERMISSIONS)
    _grant_collection(teachers, collection, TEACHER_COLLECTION_PERMISSIONS)
    _grant_collection(pupils, collection, PUPIL_COLLECTION_PERMISSIONS)

    if (class_blog.teachers_group_id, class_blog.pupils_group_id, class_blog.collection_id) != (
        teachers.pk,
        pupils.pk,
        collection.pk,
    ):
        # A plain update: linking the groups is not an edit of the page's content.
        ClassBlogIndexPage.objects.filter(pk=class_blog.pk).update(
            teachers_group=teachers, pupils_group=pupils, collection=collection
        )
        class_blog.teachers_group, class_blog.pupils_group = teachers, pupils
        class_blog.collection = collection
    ensure_pupil_post_workflow(class_blog)
    return class_blog


def ensure_digital_leaders() -> Group:
    """Digital Leaders write award pages; a senior leader approves them before they go live."""
    group, _created = Group.objects.get_or_create(name=DIGITAL_LEADERS)
    group.permissions.add(_admin_access())
    for awards in AwardIndexPage.objects.all():
        _grant_pages(group, awards, PUPIL_PAGE_PERMISSIONS)
        ensure_award_workflow(awards, Group.objects.get(name=SENIOR_LEADERS))
    return group


def ensure_staff() -> Group:
    group, _created = Group.objects.get_or_create(name=STAFF)
    return group


def ensure_staff_documents() -> Collection:
    """A private collection for staff-only help sheets' downloads, and up-to-date privacy.

    Run after the class groups exist, so that every class's teachers count as staff.
    """
    root = Collection.get_first_root_node()
    collection = next(
        (c for c in root.get_children() if c.name == STAFF_DOCUMENTS_COLLECTION), None
    ) or root.add_child(name=STAFF_DOCUMENTS_COLLECTION)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    groups = list(staff_groups())
    restriction.groups.set(groups)
    # Keep staff-only pages in step when a class (and so a teachers' group) is added.
    for page_restriction in PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS,
        page__in=Page.objects.type(HelpSheetLibraryPage, HelpSheetPage),
    ):
        page_restriction.groups.set(groups)
    return collection


def setup_school_roles() -> list[ClassBlogIndexPage]:
    ensure_senior_leaders()
    ensure_digital_leaders()
    ensure_staff()
    class_blogs = [ensure_class_roles(blog) for blog in ClassBlogIndexPage.objects.all()]
    ensure_staff_documents()
    # Files already in the staff documents collection move out of the public media folder.
    sync_private_files()
    return class_blogs

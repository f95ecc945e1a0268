"""Every admin address, as every role: nobody is shown what their role may not see.

The walk lists every URL pattern the project and Wagtail register under ``/admin/``, fills
each one's ids with the objects made here (a Falcon draft in its approval workflow, Falcon's
pending, rejected and spam comments, a staff-only help sheet, author names, a class's picture,
a staff document …), adds every registered bulk action with ``?id=all`` and with explicit ids,
and GETs each address once per role. An answer of 200 that contains a secret the role may not
see is a leak, and so is a report shown to anyone but a senior leader (README, "Roles,
permissions and approval"). Every leak is listed when the test fails.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.admin.menu import reports_menu
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TaskState, WorkflowState

from blogs.models import (
    AuthorProfile,
    AwardIndexPage,
    ClassBlogIndexPage,
    Comment,
    HelpSheetLibraryPage,
    HelpSheetPage,
)
from blogs.school.roles import DIGITAL_LEADERS, SENIOR_LEADERS, STAFF, setup_school_roles
from tests.factories import (
    BlogPostPageFactory,
    ClassBlogIndexPageFactory,
    ImageFactory,
    UserFactory,
    school_home,
)

VISITOR, EAGLE_PUPIL, EAGLE_TEACHER, FALCON_TEACHER = (
    "visitor",
    "eagle.pupil",
    "eagle.teacher",
    "falcon.teacher",
)
DIGITAL_LEADER, STAFF_MEMBER, HEAD = "digital.leader", "staff", "head"
TEACHERS = {EAGLE_TEACHER, FALCON_TEACHER}


@dataclass(frozen=True)
class Secret:
    """Text that only ``allowed`` roles may be shown anywhere in the admin."""

    text: str
    allowed: frozenset


def secret(text: str, *allowed: str) -> Secret:
    return Secret(text, frozenset({HEAD, *allowed}))


SECRETS = {
    "Falcon's draft": secret("Zephyr volcanoes", FALCON_TEACHER),
    "Eagle's draft": secret("Zephyr owl pellets", EAGLE_PUPIL, EAGLE_TEACHER),
    "staff-only help sheet": secret("Zephyr appraisals", *TEACHERS, STAFF_MEMBER),
    "Falcon's pending comment": secret("Zephyr pending note", FALCON_TEACHER),
    "Falcon's rejected comment": secret("Zephyr rejected note", FALCON_TEACHER),
    "Falcon's spam comment": secret("Zephyr spam note", FALCON_TEACHER),
    "Eagle's pending comment": secret("Zephyr eagle note", EAGLE_TEACHER),
    "an Eagle pupil's username": secret("zuzanna.eagle", EAGLE_TEACHER),
    "a Falcon pupil's username": secret("ffion.falcon", FALCON_TEACHER),
    "a teacher's surname": secret("Quillfeather", FALCON_TEACHER),
    "Falcon's picture": secret("Zephyr kestrel photo", FALCON_TEACHER),
    "a staff document": secret("Zephyr staff rota", *TEACHERS, STAFF_MEMBER),
}
# What each role must find somewhere on the walk: proof that the walk reaches the places
# where secrets live, and that the boundary does not hide a role's own work from it.
MUST_SEE = {
    HEAD: set(SECRETS),
    FALCON_TEACHER: {"Falcon's draft", "Falcon's pending comment", "Falcon's picture"},
    EAGLE_TEACHER: {"Eagle's draft", "Eagle's pending comment", "an Eagle pupil's username"},
    EAGLE_PUPIL: {"Eagle's draft"},
}

# Addresses not walked, each for a reason; every other named admin pattern is. (The unnamed
# ones are Wagtail's test 404 page and its catch-all 404 for unknown admin paths.)
SKIPPED = {
    "wagtailadmin_logout": "signs the role out in the middle of the walk",
    "wagtailadmin_error_test": "raises on purpose, to show the server-error page",
}
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


@cache
def reports_in_menu() -> frozenset[str]:
    return frozenset(resolve(item.url).view_name for item in reports_menu.registered_menu_items)


def is_report(view_name: str) -> bool:
    """Wagtail's reports, and every report another app adds to the Reports menu."""
    return view_name.startswith("wagtailadmin_reports:") or (
        view_name.removesuffix("_results") in reports_in_menu()
    )


def admin_patterns() -> list[tuple[str, str, list[str]]]:
    """(route template with {name} holes, view name, namespaces) for every admin pattern."""
    found = []

    def walk(patterns, prefix: str, namespaces: list[str]) -> None:
        for pattern in patterns:
            route = CONVERTER.sub(r"{\1}", REGEX_GROUP.sub(r"{\1}", str(pattern.pattern)))
            route = route.replace("^", "").replace("$", "").replace("\\.", ".")
            if isinstance(pattern, URLResolver):
                namespace = [pattern.namespace] if pattern.namespace else []
                walk(pattern.url_patterns, prefix + route, namespaces + namespace)
            elif isinstance(pattern, URLPattern) and (prefix + route).startswith("admin/"):
                found.append((prefix + route, pattern.name or "", namespaces))

    walk(get_resolver().url_patterns, "", [])
    return found


# Messages in the session (not a cookie), where the walk can read them after each request.
@override_settings(MESSAGE_STORAGE="django.contrib.messages.storage.session.SessionStorage")
class AdminBoundaryWalkTests(TestCase):
    """One walk per role; each fails with the list of every leak it found."""

    @classmethod
    def setUpTestData(cls):
        home = school_home()
        eagle = ClassBlogIndexPageFactory(parent=home, title="Eagle Class", slug="eagle")
        falcon = ClassBlogIndexPageFactory(parent=home, title="Falcon Class", slug="falcon")
        ClassBlogIndexPageFactory(parent=home, title="Kingfisher Class", slug="kingfisher")
        home.add_child(instance=AwardIndexPage(title="Blogging Awards", slug="awards"))
        library = HelpSheetLibraryPage(title="Help sheets", slug="help")
        home.add_child(instance=library)
        steps = [("step", {"instruction": "<p>Open the admin.</p>"})]
        library.add_child(
            instance=HelpSheetPage(title="Writing a post", slug="writing", summary="How to.")
        )
        staff_sheet = HelpSheetPage(
            title=SECRETS["staff-only help sheet"].text,
            slug="appraisals",
            summary="For staff.",
            steps=steps,
            staff_only=True,
        )
        library.add_child(instance=staff_sheet)
        staff_sheet.save_revision()
        setup_school_roles()
        eagle.refresh_from_db()
        falcon.refresh_from_db()

        cls.users = cls.make_users(eagle, falcon)
        eagle_post = BlogPostPageFactory(parent=eagle, title="Our trip to the farm")
        falcon_post = BlogPostPageFactory(parent=falcon, title="Our Big Write")
        eagle_draft = cls.draft(eagle, "Eagle's draft", cls.users[EAGLE_PUPIL])
        falcon_draft = cls.draft(falcon, "Falcon's draft", cls.users["ffion.falcon"])
        falcon.get_workflow().start(falcon_draft, cls.users["ffion.falcon"])
        comments = [
            Comment.objects.create(
                post=post,
                name="Grandma Rose",
                relation="grandparent",
                body=SECRETS[name].text,
                status=status,
            )
            for post, name, status in [
                (falcon_post, "Falcon's pending comment", Comment.Status.PENDING),
                (falcon_post, "Falcon's rejected comment", Comment.Status.REJECTED),
                (falcon_post, "Falcon's spam comment", Comment.Status.SPAM),
                (eagle_post, "Eagle's pending comment", Comment.Status.PENDING),
            ]
        ]
        picture = ImageFactory(title=SECRETS["Falcon's picture"].text, collection=falcon.collection)
        Document = get_document_model()
        document = Document(
            title=SECRETS["a staff document"].text,
            collection=Collection.objects.get(name="Staff documents"),
        )
        document.file.save("rota.pdf", ContentFile(b"%PDF-1.4"), save=False)
        document.save()

        pages = [falcon_draft, eagle_draft, staff_sheet]
        falcon_state = WorkflowState.objects.get(object_id=str(falcon_draft.pk))
        cls.ids = {
            "pages": [page.pk for page in pages],
            "parents": [home.pk, falcon.pk, library.pk, eagle.pk],
            "revisions": [page.get_latest_revision().pk for page in pages],
            "workflow_state": falcon_state.pk,
            "task_state": TaskState.objects.get(workflow_state=falcon_state).pk,
            "task": falcon_state.current_task_state.task_id,
            "workflow": falcon_state.workflow_id,
            "image": picture.pk,
            "document": document.pk,
            "collections": [falcon.collection_id, document.collection_id],
            "groups": [falcon.teachers_group_id, falcon.pupils_group_id],
            "locale": Locale.get_default().pk,
            "site": Site.objects.get(is_default_site=True).pk,
        }
        cls.objects_by_model = {
            Page: pages,
            Comment: comments,
            AuthorProfile: list(AuthorProfile.objects.all()),
            get_user_model(): [cls.users[FALCON_TEACHER], cls.users["zuzanna.eagle"]],
            get_image_model(): [picture],
            Document: [document],
        }

    @classmethod
    def make_users(cls, eagle, falcon) -> dict:
        """The demo's accounts and groups (``DEMO_MEMBERSHIPS``), and two more pupils."""
        kingfisher = ClassBlogIndexPage.objects.get(slug="kingfisher")
        memberships = {
            HEAD: [Group.objects.get(name=SENIOR_LEADERS)],
            EAGLE_TEACHER: [eagle.teachers_group],
            EAGLE_PUPIL: [eagle.pupils_group],
            FALCON_TEACHER: [falcon.teachers_group],
            DIGITAL_LEADER: [Group.objects.get(name=DIGITAL_LEADERS), kingfisher.pupils_group],
            STAFF_MEMBER: [Group.objects.get(name=STAFF)],
            "zuzanna.eagle": [eagle.pupils_group],
            "ffion.falcon": [falcon.pupils_group],
        }
        users = {}
        for username, groups in memberships.items():
            user = UserFactory(username=username, first_name=username.split(".")[0].title())
            user.groups.add(*groups)
            users[username] = user
        teacher = users[FALCON_TEACHER]
        teacher.last_name = SECRETS["a teacher's surname"].text
        teacher.save()
        AuthorProfile.objects.create(
            user=teacher, role=AuthorProfile.Role.STAFF, display_name="Miss Evans"
        )
        for pupil in ("zuzanna.eagle", "ffion.falcon", EAGLE_PUPIL):
            users[pupil].last_name = ""
            users[pupil].save()
            AuthorProfile.objects.create(user=users[pupil], role=AuthorProfile.Role.PUPIL)
        return users

    @classmethod
    def draft(cls, class_blog, name: str, owner):
        post = BlogPostPageFactory(
            parent=class_blog, title=SECRETS[name].text, live=False, owner=owner
        )
        post.save_revision(user=owner)
        return post

    # Filling in the addresses --------------------------------------------------------------

    def values(self, param: str, namespaces: list[str], name: str) -> list:
        """Real ids for one path parameter: the objects whose secrets the walk looks for."""
        ids, namespace = self.ids, (namespaces or [""])[-1]
        if param in {"page_id", "page_to_move_id", "page_pk"}:
            return ids["pages"]
        if param in {"parent_page_id", "destination_id"}:
            return ids["parents"]
        if param.startswith("revision_id"):
            return ids["revisions"]
        if param == "pk":
            return self.pks(namespace, name)
        simple = {
            "task_state_id": [ids["task_state"]],
            "workflow_state_id": [ids["workflow_state"]],
            "task_id": [ids["task"]],
            "workflow_pk": [ids["workflow"]],
            "image_id": [ids["image"]],
            "document_id": [ids["document"]],
            "doc_id": [ids["document"]],
            "collection_id": ids["collections"],
            "user_id": [self.users["zuzanna.eagle"].pk],
            "object_id": ids["pages"],
            "action_name": ["approve"],
            "media_type": ["video"],
            "filter_spec": ["original"],
            "mode": ["desktop"],
        }
        return simple.get(param, [1])

    def pks(self, namespace: str, name: str) -> list:
        ids = self.ids
        if namespace.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
            model = apps.get_model(*namespace.split("_", 1)[1].split("_", 1))
            return [obj.pk for obj in self.objects_by_model.get(model, model.objects.all()[:1])]
        by_namespace = {
            "pages": ids["pages"],
            "wagtailadmin_pages": ids["pages"],
            "images": [ids["image"]],
            "wagtailimages_chooser": [ids["image"]],
            "documents": [ids["document"]],
            "wagtaildocs_chooser": [ids["document"]],
            "wagtailusers_users": [obj.pk for obj in self.objects_by_model[get_user_model()]],
            "wagtail_localize": [obj.pk for obj in self.objects_by_model[Comment]],
            "wagtailusers_groups": ids["groups"],
            "wagtailadmin_collections": ids["collections"],
            "wagtailadmin_workflows": [ids["task"] if "task" in name else ids["workflow"]],
            "wagtaillocales": [ids["locale"]],
            "wagtailsites": [ids["site"]],
        }
        return by_namespace.get(namespace, [1])

    def model_names(self, name: str) -> list[tuple[str, str]]:
        if name.startswith("wagtailsettings:"):
            return [(m._meta.app_label, m._meta.model_name) for m in settings_registry]
        if name == "wagtailadmin_workflows:add_task":
            return [("wagtailcore", "groupapprovaltask")]
        if name.startswith("wagtail_localize:"):
            return [("blogs", "comment")]
        if name.startswith("wagtailadmin_editing_sessions:"):
            return [("wagtailcore", "page")]
        return [("blogs", "blogpostpage"), ("blogs", "helpsheetpage")]

    def addresses(self) -> list[tuple[str, str]]:
        """(view name, URL) for every admin pattern, once for each set of real ids."""
        found = []
        for route, name, namespaces in admin_patterns():
            view_name = ":".join([*namespaces, name])
            if view_name in SKIPPED or ".*" in route or not name:
                continue
            params = re.findall(r"{(\w+)}", route)
            model_params = [p for p in params if p.endswith(("app_name", "app_label"))]
            choices = {p: self.values(p, namespaces, name) for p in params}
            for index, (app_label, model_name) in enumerate(self.model_names(view_name)):
                if not model_params and index:
                    break
                for p in params:
                    if p.endswith(("app_name", "app_label")):
                        choices[p] = [app_label]
                    elif p.endswith("model_name"):
                        choices[p] = [model_name]
                for variant in range(max([len(v) for v in choices.values()] or [1])):
                    filled = {p: v[variant % len(v)] for p, v in choices.items()}
                    url = "/" + route.format(**filled)
                    self.assertEqual(resolve(url.split("?")[0]).view_name, view_name, url)
                    found.append((view_name, url))
                    if "search" in name:
                        found.append((view_name, f"{url}?q=Zephyr"))
        return found + self.bulk_action_addresses()

    def bulk_action_addresses(self) -> list[tuple[str, str]]:
        """Every registered bulk action on every model, for all objects and for chosen ones."""
        found = []
        for model in apps.get_models():
            opts = model._meta
            for action in bulk_action_registry.get_bulk_actions_for_model(
                opts.app_label, opts.model_name
            ):
                url = f"/admin/bulk/{opts.app_label}/{opts.model_name}/{action.action_type}/"
                objects = self.objects_by_model.get(model) or list(model.objects.all()[:3])
                chosen = "&".join(f"id={obj.pk}" for obj in objects)
                queries = ["id=all", chosen]
                if model is Page:
                    queries.append(f"id=all&childOf={self.ids['parents'][1]}")
                found += [("wagtail_bulk_action", f"{url}?{query}") for query in queries]
        return found

    # The walk -------------------------------------------------------------------------------

    def pending_messages(self) -> str:
        """Messages a request left for the next page, taken now so they count against it.

        Wagtail's error messages name the object ("The page '...' is not currently awaiting
        moderation"); shown on whatever page comes next, they would be blamed on that one.
        """
        session = self.client.session
        messages = session.pop("_messages", "")
        if messages:
            session.save()
        return messages

    def walk(self, role: str) -> tuple[list[str], set[str]]:
        """GET every address as ``role``: (leaks found, names of the secrets it was shown)."""
        if role != VISITOR:
            self.client.force_login(self.users[role])
        forbidden = {name: s for name, s in SECRETS.items() if role not in s.allowed}
        leaks, seen = [], set()
        for view_name, url in self.addresses():
            response = self.client.get(url)
            text = self.pending_messages()
            if response.status_code == 200:
                if role != HEAD and is_report(view_name):
                    leaks.append(f"{url} is a report, for senior leaders only")
                body = b"".join(response) if response.streaming else response.content
                text += body.decode("utf-8", errors="replace")
            seen |= {name for name, s in SECRETS.items() if s.text in text}
            if shown := [name for name, s in forbidden.items() if s.text in text]:
                leaks.append(f"{url} shows {', '.join(shown)}")
        return leaks, seen

    def assert_walk_passes(self, role: str) -> None:
        leaks, seen = self.walk(role)
        if leaks:
            self.fail(f"{role} is shown what they may not see:\n" + "\n".join(leaks))
        self.assertLessEqual(MUST_SEE.get(role, set()), seen, f"{role} missed their own work")

    def test_visitors_see_nothing_of_the_admin(self):
        self.assert_walk_passes(VISITOR)

    def test_pupils_see_only_their_class_and_their_own_work(self):
        self.assert_walk_passes(EAGLE_PUPIL)

    def test_teachers_see_nothing_of_another_class(self):
        self.assert_walk_passes(FALCON_TEACHER)

    def test_the_other_class_teacher_sees_nothing_of_falcon(self):
        self.assert_walk_passes(EAGLE_TEACHER)

    def test_digital_leaders_see_only_awards_and_their_class(self):
        self.assert_walk_passes(DIGITAL_LEADER)

    def test_staff_see_nothing_of_the_admin(self):
        self.assert_walk_passes(STAFF_MEMBER)

    def test_senior_leaders_see_everything(self):
        self.assert_walk_passes(HEAD)

    def test_the_reports_menu_is_shown_to_senior_leaders_only(self):
        report = reverse("wagtailadmin_reports:site_history")
        for role, shown in [(EAGLE_TEACHER, False), (EAGLE_PUPIL, False), (HEAD, True)]:
            self.client.force_login(self.users[role])
            html = self.client.get(reverse("wagtailadmin_home")).content.decode()
            self.assertEqual(report in html, shown, role)

    def test_each_role_keeps_its_own_work_in_bulk_actions_and_choosers(self):
        def bulk(app_label: str, model_name: str, action: str) -> str:
            url = reverse("wagtail_bulk_action", args=(app_label, model_name, action))
            return self.client.get(f"{url}?id=all").content.decode()

        self.client.force_login(self.users[EAGLE_TEACHER])
        self.assertIn(SECRETS["Eagle's pending comment"].text, bulk("blogs", "comment", "approve"))
        self.assertIn(SECRETS["Eagle's draft"].text, bulk("wagtailcore", "page", "publish"))
        # Another class's live post may still be linked to from a post.
        falcon = reverse("wagtailadmin_choose_page_child", args=(self.ids["parents"][1],))
        self.assertIn("Our Big Write", self.client.get(falcon).content.decode())
        self.client.force_login(self.users[HEAD])
        self.assertIn(
            SECRETS["a Falcon pupil's username"].text, bulk("blogs", "authorprofile", "delete")
        )

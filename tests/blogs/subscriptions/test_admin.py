"""Senior leaders see how many families follow each class, not who; a subscriber's data is
exported or erased on request, from the address they give."""

import json

from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.utils import timezone

from blogs.models import Subscriber
from blogs.school.roles import SENIOR_LEADERS
from tests.factories import UserFactory
from tests.school import build_school

URL = "/admin/email-subscribers/"


class SubscriberAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.school = build_school()
        site = cls.school.home.get_site()
        cls.deputy = UserFactory(username="deputy", first_name="Dee")
        cls.deputy.groups.add(Group.objects.get(name=SENIOR_LEADERS))
        now = timezone.now()
        for email, frequency, classes, whole_school in [
            ("nain@example.com", "weekly", [cls.school.eagle], False),
            ("taid@example.com", "post", [cls.school.eagle, cls.school.falcon], False),
            ("babcia@example.com", "weekly", [], True),
        ]:
            subscriber = Subscriber.objects.create(
                site=site,
                email=email,
                frequency=frequency,
                whole_school=whole_school,
                language="cy",
                confirmed_at=now,
            )
            subscriber.classes.set(classes)
        Subscriber.objects.create(site=site, email="waiting@example.com")

    def test_senior_leaders_see_counts_per_class_but_no_address(self):
        self.client.force_login(self.deputy)
        response = self.client.get(URL)
        assert response.status_code == 200
        html = response.content.decode()
        eagle = response.context["schools"][0]["classes"][0]
        assert (eagle["title"], eagle["weekly"], eagle["each_post"], eagle["with_school"]) == (
            "Eagle Class",
            1,
            1,
            1,
        )
        assert response.context["schools"][0]["total"] == 3
        assert response.context["schools"][0]["waiting"] == 1
        assert "@example.com" not in html

    def test_addresses_are_shown_only_to_those_given_the_permission(self):
        self.deputy.user_permissions.add(
            Permission.objects.get(codename="view_subscriber_addresses")
        )
        self.client.force_login(self.deputy)
        html = self.client.get(URL).content.decode()
        for email in ["nain@example.com", "taid@example.com", "babcia@example.com"]:
            assert email in html

    def test_a_subscriber_asks_for_their_data_and_then_to_be_erased(self):
        self.client.force_login(self.deputy)
        response = self.client.post(URL, {"email": " Nain@Example.com ", "action": "export"})
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="subscriber-data.json"'
        [data] = json.loads(response.content)["subscriptions"]
        assert data["email"] == "nain@example.com"
        assert data["classes"] == ["Eagle Class"]
        assert data["frequency"] == "weekly" and data["language"] == "cy"

        response = self.client.post(URL, {"email": "nain@example.com", "action": "erase"})
        assert response.status_code == 302
        assert not Subscriber.objects.filter(email="nain@example.com").exists()
        # An address nobody subscribed with says so, to staff only.
        response = self.client.post(URL, {"email": "nain@example.com", "action": "export"})
        assert "Nobody has subscribed with this address." in response.content.decode()

    def test_teachers_and_pupils_cannot_open_it(self):
        for username in ["eagle.teacher", "eagle.pupil", "digital.leader"]:
            self.client.force_login(self.school.users[username])
            response = self.client.get(URL)
            assert response.status_code != 200, username
            response = self.client.post(URL, {"email": "nain@example.com", "action": "erase"})
            assert response.status_code != 200, username
        assert Subscriber.objects.filter(email="nain@example.com").exists()

import pytest

from blogs.models import AuthorProfile
from tests.consent import consent_to_everything
from tests.factories import ClassBlogIndexPageFactory, UserFactory


@pytest.fixture
def eagle(home_page):
    return ClassBlogIndexPageFactory(
        parent=home_page, title="Eagle Class", slug="eagle", colour="blue"
    )


@pytest.fixture
def falcon(home_page):
    return ClassBlogIndexPageFactory(
        parent=home_page, title="Falcon Class", slug="falcon", colour="red"
    )


@pytest.fixture
def pupil(db):
    user = UserFactory(username="amara.s", first_name="Amara", last_name="Smithson")
    AuthorProfile.objects.create(user=user, role=AuthorProfile.Role.PUPIL)
    consent_to_everything(user)
    return user


@pytest.fixture
def teacher(db):
    user = UserFactory(username="s.patel", first_name="Sanjay", last_name="Patel")
    AuthorProfile.objects.create(user=user, role=AuthorProfile.Role.STAFF, display_name="Mr Patel")
    return user

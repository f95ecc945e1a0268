"""The names of the school-wide groups, shared by every domain that asks who someone is."""

SENIOR_LEADERS = "Senior leaders"
DIGITAL_LEADERS = "Digital Leaders"
STAFF = "Staff"


def is_senior_leader(user) -> bool:
    """Senior leaders (and superusers) see everything in the admin, reports included."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=SENIOR_LEADERS).exists()
    )

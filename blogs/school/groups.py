"""The names of the school-wide groups, shared by every domain that asks who someone is."""

SENIOR_LEADERS = "Senior leaders"
DIGITAL_LEADERS = "Digital Leaders"
STAFF = "Staff"

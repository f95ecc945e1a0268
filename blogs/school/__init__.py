"""The school's people: roles and groups, approval workflows, pupil accounts, dashboards and
the boundary that keeps pupils to what they need in the admin."""

"""The school's people: roles and groups, approval workflows, pupil accounts, dashboards and
the admin boundary that shows each role only what it may see."""

"""``python manage.py setup_school``: make or update the school's roles, after adding a class."""

from django.core.management.base import BaseCommand
from django.db import transaction

from blogs.school.roles import setup_school_roles


class Command(BaseCommand):
    help = (
        "Create or update the groups, permissions, collections and approval workflows for "
        "senior leaders, Digital Leaders, staff and each class's teachers and pupils."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        class_blogs = setup_school_roles()
        if options["verbosity"] > 0:
            for class_blog in class_blogs:
                self.stdout.write(
                    f"{class_blog.title}: groups '{class_blog.teachers_group}' and "
                    f"'{class_blog.pupils_group}', collection '{class_blog.collection}'."
                )
            self.stdout.write(self.style.SUCCESS("The school's roles are set up."))

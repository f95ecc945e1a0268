"""British English dates as schools write them: "23 November 2025" (Django: "23 Nov 2025")."""

DATE_FORMAT = "j F Y"

"""The site's own date formats, where a language's defaults in Django do not suit a school.

Templates show dates with ``DATE_FORMAT`` and ``MONTH_DAY_FORMAT``, so each language writes
them its own way: "23 listopada 2025" in Polish (the month in the genitive case, Django's
``E``), "23 Tachwedd 2025" in Welsh. Django's British English abbreviates the month ("23 Nov
2025"); schools write it in full.
"""

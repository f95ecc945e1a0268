"""Words a seven-year-old must never read on her screens: issue 15's list, and the words
Wagtail's editor uses for the same things (checked where the HTML is read whole)."""

JARGON = [
    "Page title",
    "seen by the public",
    "Autosave",
    "moderation",
    "MODERATION",
    "Page locked",
    "workflow",
    "Workflow",
    "editor guide",
    "Help",
]
EDITOR_WORDS = ["slug", "Promote", "Revision"]

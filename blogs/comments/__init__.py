"""Visitors' comments: the model, the form and its defences, moderation and the emails."""

"""Families follow classes by email: each new post, or a weekly digest, in their language.

``models`` (the subscriber: an address, its choices and dates, nothing else), ``links`` (the
signed links in every email), ``forms`` and ``views`` (subscribe, confirm, preferences,
unsubscribe), ``content`` (what a digest holds, gathered once per language), ``emails`` (the
messages), ``schedule`` (when the weekly digest is due), ``sending`` (the resumable rounds
that queue them), ``tasks`` (the worker's round), ``admin_views`` and ``wagtail_hooks`` (counts,
export and erasure for senior leaders).
"""

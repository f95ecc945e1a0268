"""Pupil surveys: a short survey, run for some classes as a baseline and again later, with
anonymous answers compared side by side."""

"""One place for teachers to check everything ("To check"), feedback that reaches the child,
and emails that help: pupils' posts and visitors' comments waiting, oldest first, decided in
place; a teacher's words and voice on a decision, shown to the pupil; one email per teacher
per batch, to the class's own teachers only."""

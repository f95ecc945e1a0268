"""Class blogs: one blog per class, its posts, subjects, authors, feeds and the school timeline."""

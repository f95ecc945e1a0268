"""The weekly Blogging Awards: categories, award pages, candidates and private visit counts."""

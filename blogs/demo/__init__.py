"""The demo school that ``seed_demo`` builds: builders here, content in data files."""

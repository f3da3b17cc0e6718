"""The compiled catalog index: SQLite tables built from the catalog files, cached between runs."""

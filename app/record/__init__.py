"""The stored record: models, engine, migrations glue, the triggers and tallies that keep
counts, revisions, and what a new database is filled with.
"""

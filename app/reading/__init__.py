"""Reading the record: the timeline query, pages of statements, search, exact counts and
facets, permalinks, actors and countries. Nothing here writes.
"""

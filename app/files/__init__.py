"""The record as files and between databases: import and export rows, JSON-LD, Atom feeds,
backup and restore, copy, a synthetic record.
"""

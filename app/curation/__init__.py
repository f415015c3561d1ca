"""Changing the record: validated input, edits that leave revisions, the review queue,
importing articles, editors and tokens.
"""

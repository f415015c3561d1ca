"""The web layer: routes (thin), templates and fragments, the one error handler, API schemas.
"""

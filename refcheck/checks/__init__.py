"""Check families, one module each; see ``refcheck.rules``."""

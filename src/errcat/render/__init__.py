"""Output: plain/styled text (text.py, printed by console.py), markdown and JSON."""

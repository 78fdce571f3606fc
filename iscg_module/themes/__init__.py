"""Themes the group coordinates across the Sectors (AI, Accessibility, Climate change, ...)."""

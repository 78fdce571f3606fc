"""Pieces every page shares: template helpers and common form parts."""

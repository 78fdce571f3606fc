"""Signing members in and out."""

"""Turning members' text into safe HTML."""

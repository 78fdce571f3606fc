"""Meetings of the group: scheduling, agendas, attendance, pages."""

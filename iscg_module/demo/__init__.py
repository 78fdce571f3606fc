"""Demo data: the group's life as its 2021 progress report tells it."""

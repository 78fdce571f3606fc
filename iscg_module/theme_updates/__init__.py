"""Theme updates: a focal point writes, the secretariat publishes, members read."""

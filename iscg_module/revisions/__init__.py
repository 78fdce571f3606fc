"""Edit conflicts: what a form (or an API client) saw, and refusing saves made against less."""

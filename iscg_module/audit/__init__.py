"""Who did what, when: written by operations, read by admins."""

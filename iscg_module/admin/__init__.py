"""The secretariat's pages: members and their roles, and the audit log."""

"""Accounts of the organisation's members and the roles they hold in the product."""

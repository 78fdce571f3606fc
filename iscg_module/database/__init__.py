"""Database foundations shared by every domain: the declarative base and column types."""

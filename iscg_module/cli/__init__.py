"""Command-line commands: ``flask --app wsgi iscg ...``."""

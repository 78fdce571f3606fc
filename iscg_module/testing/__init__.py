"""Test support for the product and for plugin authors.

Load the fixtures with ``pytest_plugins = ["iscg_module.testing.fixtures"]``.
"""

"""The product's test fixtures: an app per database engine, users of each role, clients."""

pytest_plugins = ["iscg_module.testing.fixtures"]

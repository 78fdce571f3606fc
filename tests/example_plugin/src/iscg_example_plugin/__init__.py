"""The plugin guide's example: notes on a theme, with every hook of the plugin API."""

from iscg_example_plugin.plugin import ExamplePlugin

plugin = ExamplePlugin()

"""The plugin guide's example: a theme page listing the meetings that mention the theme."""

from iscg_example_plugin.plugin import ExamplePlugin

plugin = ExamplePlugin()

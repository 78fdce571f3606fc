"""The plugin platform: discovery, hook specifications, the enabled-state gate.

Plugins import only ``iscg_module.platform.api``; the rest of this package is the core's.
"""

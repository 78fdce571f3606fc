"""Accessibility tracking: the theme's requests and initiatives, fund and liaison statements."""

from iscg_accessibility.plugin import AccessibilityPlugin

plugin = AccessibilityPlugin()

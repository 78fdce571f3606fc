"""AI focal-point reports: the activities coordinated across the Sectors, the sub-group's terms."""

from iscg_ai.plugin import AIPlugin

plugin = AIPlugin()

"""Climate change: the greener-organisation updates with measured indicators over time."""

from iscg_climate.plugin import ClimatePlugin

plugin = ClimatePlugin()

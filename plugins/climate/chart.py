"""An indicator over time as a line chart, drawn by the core's chart helper."""

from __future__ import annotations

from iscg_climate.trend import Point

from iscg_module.platform.api import Chart, ChartKind, Series, make_chart


def indicator_chart(key: str, name: str, unit: str, points: list[Point], text: str) -> Chart:
    """One point per period, oldest first; ``text`` is the summary the chart carries."""
    ordered = sorted(points, key=lambda point: (point.period_start, point.period_end))
    return make_chart(
        key,
        f"{name} ({unit}), per period",
        text,
        [point.label for point in ordered],
        [Series(name, [point.value for point in ordered])],
        kind=ChartKind.LINES,
        unit=unit,
    )

"""The plugin guide cannot drift from the code: each of its Python excerpts is in a plugin."""

from __future__ import annotations

import re
from pathlib import Path

EXCERPT = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _excerpts(repository_root: Path) -> list[str]:
    guide = (repository_root / "docs" / "plugins.md").read_text(encoding="utf-8")
    return [excerpt.strip("\n") for excerpt in EXCERPT.findall(guide)]


def _sources(repository_root: Path) -> list[str]:
    """The plugins' own sources; a build folder's old copies would hide a drift."""
    folders = (repository_root / "tests" / "example_plugin", repository_root / "plugins")
    paths = [path for folder in folders for path in folder.rglob("*.py")]
    return [path.read_text(encoding="utf-8") for path in paths if "build" not in path.parts]


def test_each_excerpt_of_the_guide_is_copied_from_a_plugin(repository_root):
    excerpts = _excerpts(repository_root)
    sources = _sources(repository_root)
    assert len(excerpts) >= 10
    drifted = [excerpt for excerpt in excerpts if not any(excerpt in text for text in sources)]
    assert drifted == []

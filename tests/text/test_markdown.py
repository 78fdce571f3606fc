"""Members' Markdown becomes HTML without anything that could run."""

from __future__ import annotations

import pytest

from iscg_module.text.markdown import render_markdown
from tests.html_elements import elements_of

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="#" onclick="alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '<svg onload="alert(1)">',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_inert(payload):
    html = str(render_markdown(f"Before {payload} after"))
    for tag, attributes in elements_of(html):
        assert tag in {"p", "a"}, html
        assert not any(name.startswith("on") for name in attributes), html
        href = (attributes.get("href") or "").lower()
        assert not href.startswith(("javascript:", "data:")), html
    assert "Before" in html and "after" in html


def test_markdown_renders_links_emphasis_and_lists():
    html = str(render_markdown("# Title\n\n**bold** [ITU](https://www.itu.int)\n\n- one\n- two"))
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://www.itu.int" rel="noopener noreferrer nofollow">ITU</a>' in html
    assert "<li>one</li>" in html


def test_empty_source_renders_nothing():
    assert str(render_markdown("")) == ""
    assert str(render_markdown(None)) == ""

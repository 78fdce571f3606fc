"""A theme's published updates as an Atom feed, for feed readers and mail digests.

XML 1.0 cannot carry most control characters, so every stored text goes through the rule
for text on its way in, whatever the database holds.
"""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from iscg_module.text.markdown import render_markdown
from iscg_module.text.plain_text import one_line, printable
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.themes.models import Theme


def theme_feed(theme: Theme, updates: list[ThemeUpdate], site: str) -> bytes:
    """Atom XML of ``updates`` (the latest first); ids are stable addresses on ``site``."""
    base = f"{site.rstrip('/')}/themes/{theme.slug}/updates/"
    generator = FeedGenerator()
    generator.id(base)
    title = one_line(theme.title)
    generator.title(f"{title}: updates")
    generator.subtitle(f"Published updates of the ISCG theme {title}")
    generator.link(href=base, rel="alternate")
    generator.link(href=f"{base[:-1]}.atom", rel="self")
    generator.language("en")
    if updates:
        generator.updated(max(update.published_at for update in updates))
    for update in reversed(updates):
        entry = generator.add_entry()
        entry.id(f"{base}{update.id}")
        entry.title(one_line(update.title))
        entry.link(href=f"{base}{update.id}")
        entry.published(update.published_at)
        entry.updated(update.published_at)
        if update.author is not None:
            entry.author(name=one_line(update.author.display_name))
        period = f"Reporting period {update.period_start:%d %B %Y} – {update.period_end:%d %B %Y}"
        entry.summary(period)
        entry.content(str(render_markdown(printable(update.body))), type="html")
    return generator.atom_str(pretty=True)

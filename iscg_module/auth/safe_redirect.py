"""Redirect targets taken from requests are kept to this site's own paths."""

from urllib.parse import urlsplit


def local_path_or(target: str | None, default: str) -> str:
    """Return ``target`` if it is a path on this site, else ``default``.

    Refuses absolute URLs, scheme-relative ``//host`` and backslash tricks that some
    browsers read as ``//``.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target or any(ord(c) < 32 for c in target):
        return default
    return target

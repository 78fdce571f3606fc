"""Where the product's shipped folders are, in a source checkout and in an installed wheel.

The repository keeps ``templates/`` and ``migrations/`` at its top level; the wheel carries
them inside the package (see ``setup.py``). Both layouts resolve here and nowhere else.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_folder(name: str) -> Path:
    """Return the folder ``name`` inside the installed package, or at the checkout's top."""
    installed = PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    checkout = PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the product's {name!r} folder is missing from {PACKAGE_DIR}")

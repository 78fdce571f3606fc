"""Packaging of the top-level ``templates/`` and ``migrations/`` folders.

The repository keeps templates and migrations at its top level; the wheel ships them
inside the package as ``iscg_module/templates`` and ``iscg_module/migrations`` so that an
installed product finds them beside its code (see ``iscg_module/resources.py``).
"""

from setuptools import find_packages, setup

SHIPPED_FOLDERS = {
    "iscg_module.templates": "templates",
    "iscg_module.migrations": "migrations",
}

setup(
    packages=[*find_packages(include=["iscg_module", "iscg_module.*"]), *SHIPPED_FOLDERS],
    package_dir=SHIPPED_FOLDERS,
    package_data={
        "iscg_module": ["static/**/*"],
        "iscg_module.templates": ["**/*.html", "**/*.txt"],
        "iscg_module.migrations": ["alembic.ini", "script.py.mako", "versions/*.py"],
    },
    include_package_data=False,
)

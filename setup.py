"""Packaging of the top-level ``templates/`` and ``migrations/`` folders and of ``plugins/``.

The repository keeps templates and migrations at its top level; the wheel ships them
inside the package as ``iscg_module/templates`` and ``iscg_module/migrations`` so that an
installed product finds them beside its code (see ``iscg_module/resources.py``). Each
shipped theme plugin in ``plugins/<theme>/`` becomes the package ``iscg_<theme>``.
"""

from setuptools import find_packages, setup

SHIPPED_FOLDERS = {
    "iscg_module.templates": "templates",
    "iscg_module.migrations": "migrations",
}
SHIPPED_PLUGINS = {
    "iscg_accessibility": "plugins/accessibility",
    "iscg_climate": "plugins/climate",
    "iscg_ai": "plugins/ai",
}
PLUGIN_FILES = ["templates/**/*.html", "migrations/*.py"]

setup(
    packages=[
        *find_packages(include=["iscg_module", "iscg_module.*"]),
        *SHIPPED_FOLDERS,
        *SHIPPED_PLUGINS,
    ],
    package_dir={**SHIPPED_FOLDERS, **SHIPPED_PLUGINS},
    package_data={
        **dict.fromkeys(SHIPPED_PLUGINS, PLUGIN_FILES),
        "iscg_module": ["static/**/*"],
        "iscg_module.templates": ["**/*.html", "**/*.txt"],
        "iscg_module.migrations": ["alembic.ini", "script.py.mako", "versions/*.py"],
    },
    include_package_data=False,
)

"""One declaration of who may do what; every view states its rule through it.

Views are decorated with :func:`require`; a gate run before every request enforces the rule
of the matched endpoint and refuses any endpoint that declares none (deny by default).
"""

from iscg_module.access.enforcement import declare_endpoint, init_access, require, rule_of
from iscg_module.access.rules import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, THEME_WRITER, Rule

__all__ = [
    "ADMIN",
    "MEMBER",
    "PUBLIC",
    "SECRETARIAT_READ",
    "THEME_WRITER",
    "Rule",
    "declare_endpoint",
    "init_access",
    "require",
    "rule_of",
]

"""Operations either commit whole or leave nothing behind."""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from iscg_module.extensions import db

P = ParamSpec("P")
R = TypeVar("R")


def transactional(operation: Callable[P, R]) -> Callable[P, R]:
    """Roll the session back if ``operation`` raises, so no half-made change is left pending."""

    @functools.wraps(operation)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return operation(*args, **kwargs)
        except BaseException:
            db.session.rollback()
            raise

    return run

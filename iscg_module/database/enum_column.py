"""A portable enum column: the members' values as strings, checked by a constraint."""

from enum import Enum as PythonEnum

from sqlalchemy import Enum


def enum_column(enum_class: type[PythonEnum], length: int = 32, name: str | None = None) -> Enum:
    """Store ``enum_class`` members by value in a VARCHAR with a CHECK constraint.

    Two columns of one table holding the same enum need distinct ``name``s: the name is
    the CHECK constraint's.
    """
    return Enum(
        enum_class,
        name=name or enum_class.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )

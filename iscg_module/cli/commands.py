"""The ``iscg`` command group of the Flask command line."""

import click
from flask.cli import AppGroup

from iscg_module.demo.reference_group import load_reference_group

iscg_commands = AppGroup("iscg", help="Commands of the ISCG intranet module.")


@iscg_commands.command("demo")
def demo() -> None:
    """Load the demo data (the group's 2021 life); safe to run again."""
    loaded = load_reference_group()
    click.echo(
        f"Demo data ready: {loaded['meetings']} meetings, {loaded['themes']} themes, "
        f"{loaded['accounts']} demo accounts."
    )

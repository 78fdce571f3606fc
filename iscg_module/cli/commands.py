"""The ``iscg`` command group of the Flask command line."""

import click
from flask.cli import AppGroup

from iscg_module.demo.reference_group import load_reference_group
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.operations import PluginRuleError, set_plugin_enabled

iscg_commands = AppGroup("iscg", help="Commands of the ISCG intranet module.")


@iscg_commands.command("demo")
def demo() -> None:
    """Load the demo data (the group's 2021 life); safe to run again."""
    loaded = load_reference_group()
    plugins = load_plugin_demo_data()
    click.echo(
        f"Demo data ready: {loaded['meetings']} meetings, {loaded['themes']} themes, "
        f"{loaded['updates']} theme updates, {loaded['accounts']} demo accounts."
    )
    if plugins:
        click.echo(f"Demo data of the plugins: {', '.join(plugins)}.")


plugin_commands = AppGroup("plugins", help="List, enable and disable theme plugins.")
iscg_commands.add_command(plugin_commands)


@plugin_commands.command("list")
def list_plugins() -> None:
    """One plugin per line: name, state, version, title."""
    registry = plugin_registry()
    enabled = registry.enabled()
    for name, plugin in sorted(registry.plugins.items()):
        state = "enabled" if name in enabled else "disabled"
        click.echo(f"{name}\t{state}\t{plugin.version}\t{plugin.title}")
    for name, error in sorted(registry.failures.items()):
        click.echo(f"{name}\tfailed\t-\t{error}")


@plugin_commands.command("enable")
@click.argument("name")
def enable_plugin(name: str) -> None:
    """Enable the plugin NAME on every worker within a second."""
    _switch(name, enabled=True)


@plugin_commands.command("disable")
@click.argument("name")
def disable_plugin(name: str) -> None:
    """Disable the plugin NAME; its pages answer 404 and its data stays."""
    _switch(name, enabled=False)


def _switch(name: str, enabled: bool) -> None:
    try:
        set_plugin_enabled(None, name, enabled)
    except PluginRuleError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{name} {'enabled' if enabled else 'disabled'}")

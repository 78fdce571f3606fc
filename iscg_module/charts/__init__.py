"""Charts drawn on the server as SVG: no script, a text summary, the numbers beside them."""

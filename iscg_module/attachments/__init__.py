"""Files attached to what members write (theme updates, plugins' records), kept on disk."""

"""Readers: the only code that knows each Excel export's layout, one module per export."""

"""Data contracts (pandera) for every clean and computed table, one module per source."""

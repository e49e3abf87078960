"""Reading and contracts: raw Excel exports -> validated clean tables, quarantine and row accounting."""

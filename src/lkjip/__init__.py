"""lkjip: turn a government unit's raw Excel exports into its LKjIP, reproducibly."""

__version__ = "0.1.0"

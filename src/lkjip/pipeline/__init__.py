"""The data step: every export read, validated, computed and reviewed, then published to data/processed."""

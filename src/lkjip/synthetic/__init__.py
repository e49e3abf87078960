"""Synthetic default data: realistic, clearly labelled Excel exports reproducing the seed report."""

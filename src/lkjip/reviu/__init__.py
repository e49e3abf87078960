"""The reviu: printed and typed figures checked against computed ones, plausibility warnings, their text."""

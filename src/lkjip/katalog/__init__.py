"""The catalogue of datasets: every processed table declared once, its contract, and how it is stored."""

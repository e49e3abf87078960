"""Indicators: clean tables -> every computed figure (IKM, SAKIP, kelembagaan, budget, capaian, ...)."""

"""Foundation every layer uses: project paths, the configuration, rounding, category bands, checksums."""

"""Each SKM service unit's own publication: content (:mod:`.isi`, :mod:`.kalimat`), saran (:mod:`.saran`)."""

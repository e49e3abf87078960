"""The indicator engine: every computed table of the report from the clean tables, in one pure call."""

from __future__ import annotations

import pandas as pd

from lkjip.core.config import Config
from lkjip.indicators.anggaran import anggaran_per_sasaran, compute_anggaran, total_anggaran
from lkjip.indicators.capaian import compute_capaian, compute_tren, realisasi_terhitung, ringkas_capaian
from lkjip.indicators.ikm import compute_demografi, compute_ikm_pemda, compute_ikm_unit, compute_ikm_unsur
from lkjip.indicators.kelembagaan import compute_efektivitas, compute_kematangan, ringkas_kematangan
from lkjip.indicators.pembanding import bandingkan, sakip_pembanding
from lkjip.indicators.sakip import compute_sakip_pd, ringkas_sakip
from lkjip.ingest.clean import clean_table
from lkjip.katalog.hasil import validate_hasil

#: Names of the tables :func:`compute_all` returns, in computing order.
COMPUTED_TABLES = (
    "ikm_unit",
    "ikm_unsur",
    "ikm_pemda",
    "skm_demografi",
    "sakip_pd_hasil",
    "sakip_ringkas",
    "kematangan_pd",
    "kematangan_ringkas",
    "efektivitas",
    "anggaran_hasil",
    "anggaran_total",
    "capaian",
    "anggaran_sasaran",
    "ringkasan_capaian",
    "tren",
    "pembanding_hasil",
    "sakip_pembanding",
)


def compute_all(clean: dict[str, pd.DataFrame], config: Config) -> dict[str, pd.DataFrame]:
    """Compute every table of the report from the clean tables.

    Pure: the inputs are never modified. Each result is checked against its contract in
    :mod:`lkjip.katalog.hasil` (a failure there is a bug in the engine, not in the data).

    Parameters
    ----------
    clean : dict of DataFrame
        Clean tables by name (``docs/kontrak-data.md``); an absent table counts as empty.
    config : Config
        The report configuration (year, thresholds, unsur order, weights).

    Returns
    -------
    dict of DataFrame
        The tables named in :data:`COMPUTED_TABLES`.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> sakip = pd.DataFrame({"tahun": [2025, 2025], "kode_pd": ["PD-01", "PD-02"], "nilai": [85.5, 58.0]})
    >>> hasil = compute_all({"sakip_pd": sakip}, load_config())
    >>> list(hasil) == list(COMPUTED_TABLES), len(hasil["capaian"])
    (True, 0)
    >>> print(hasil["sakip_ringkas"].to_string(index=False))
     tahun  jumlah_pd  rata_rata  pd_minimal_baik
      2025          2      71.75                1
    """

    def table(name: str) -> pd.DataFrame:
        return clean_table(clean, name, config)

    out: dict[str, pd.DataFrame] = {}
    responden, unit = table("skm_responden"), table("skm_unit")
    out["ikm_unit"] = compute_ikm_unit(responden, unit, config)
    out["ikm_unsur"] = compute_ikm_unsur(responden, unit, config)
    out["ikm_pemda"] = compute_ikm_pemda(out["ikm_unit"], table("skm_unit_riwayat"), config)
    out["skm_demografi"] = compute_demografi(responden)

    out["sakip_pd_hasil"] = compute_sakip_pd(table("sakip_pd"), config)
    out["sakip_ringkas"] = ringkas_sakip(out["sakip_pd_hasil"])
    out["kematangan_pd"] = compute_kematangan(table("kelembagaan_pd"), config)
    out["kematangan_ringkas"] = ringkas_kematangan(out["kematangan_pd"])
    out["efektivitas"] = compute_efektivitas(table("kelembagaan_pemda"), config)

    out["anggaran_hasil"] = compute_anggaran(table("anggaran"))
    out["anggaran_total"] = total_anggaran(table("anggaran"), table("anggaran_riwayat"))

    desimal = config.format.desimal_persen
    out["capaian"] = compute_capaian(table("perjanjian_kinerja"), realisasi_terhitung(out), desimal)
    out["anggaran_sasaran"] = anggaran_per_sasaran(
        out["anggaran_hasil"],
        table("peta_sasaran_anggaran"),
        table("anggaran_sasaran_tercetak"),
        out["capaian"],
        config,
    )
    out["ringkasan_capaian"] = ringkas_capaian(out["capaian"], out["anggaran_total"], desimal)
    out["tren"] = compute_tren(out["capaian"], config)
    out["pembanding_hasil"] = bandingkan(out["capaian"], table("pembanding"), config)
    out["sakip_pembanding"] = sakip_pembanding(table("pembanding"), config)
    return {name: validate_hasil(out[name], name) for name in COMPUTED_TABLES}

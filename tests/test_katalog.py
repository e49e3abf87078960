"""The catalogue of datasets: one declaration per table, tables published all at once, loads checked.

A data step publishes its tables through a staging folder swapped in at the end; whoever loads a
table checks the folder against its manifest. Killed at any moment, the data step leaves either
the old tables or the new ones, and a folder changed by hand is refused with the command to run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from lkjip.core.config import SUMBER
from lkjip.katalog import dataset as katalog
from lkjip.katalog import store
from lkjip.katalog.store import DataTidakUtuh, check_folder, publish, recover


def _frame(value: int) -> pd.DataFrame:
    return pd.DataFrame({"tahun": [2025], "nilai": [value]})


def test_every_table_is_declared_once_with_its_sources_and_audience():
    tables = katalog.DATASET
    assert len(tables) == len(set(tables)) == 35
    # every export gives clean tables; the computed ones name the exports they come from
    assert {d.sumber[0] for d in tables.values() if d.jenis == "bersih"} == set(SUMBER)
    assert tables["ikm_pemda"].sumber == ("skm", "skm_riwayat")
    assert tables["anggaran_hasil"].sumber == ("anggaran",)
    assert tables["capaian"].sumber == () and tables["reviu"].sumber == ()
    assert tables["letak_kolom"].sumber == () and tables["letak_kolom"].publik
    # respondent rows, rejected raw rows and the figures an export printed (kept for the reviu)
    # are never published
    private = {n for n, d in tables.items() if not d.publik}
    assert private == {"skm_responden", "skm_nrr_tercetak", "karantina"}


def test_one_rule_says_which_tables_an_office_without_an_export_leaves_out():
    read = {"perjanjian_kinerja", "anggaran"}
    absent = katalog.absen(read)
    assert "anggaran_hasil" not in absent and "capaian" not in absent and "reviu" not in absent
    assert {"sakip_pd", "sakip_pd_hasil", "ikm_pemda", "pembanding_hasil"} <= absent
    assert "ikm_pemda" not in katalog.absen(read | {"skm_riwayat"})  # any one source suffices
    published = katalog.publik(read)
    assert published == [n for n in katalog.DATASET if n not in absent and n not in {"karantina"}]


def test_publish_writes_everything_with_a_manifest_that_lists_every_file(tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    (out / "publik").mkdir()
    (out / "publik" / "lampiran.xlsx").write_bytes(b"lama")
    written = publish({"a": _frame(1), "b": _frame(2)}, out, {"sidik": "x"}, {"catatan.csv": b"isi\n"})
    assert written["format"] == store.FORMAT_MANIFEST
    assert sorted(written["berkas"]) == ["a.csv", "a.parquet", "b.csv", "b.parquet", "catatan.csv"]
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == written
    # what the folder held besides the data step's files is kept; nothing is left beside it
    assert (out / ".gitkeep").exists() and (out / "publik" / "lampiran.xlsx").read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]
    assert check_folder(out)["sidik"] == "x"
    # a second publication replaces the tables of the first, whole
    publish({"a": _frame(3)}, out, {"sidik": "y"})
    assert not (out / "b.parquet").exists() and check_folder(out)["sidik"] == "y"
    assert (out / "publik" / "lampiran.xlsx").exists()


def test_a_folder_changed_by_hand_is_refused_with_the_command_that_rebuilds_it(tmp_path):
    out = tmp_path / "processed"
    publish({"a": _frame(1), "b": _frame(2)}, out, {})
    store.write_table(_frame(9), "a", out)  # one table rewritten outside a data step
    with pytest.raises(DataTidakUtuh, match=r"berbeda .*a\.csv, a\.parquet.*python -m lkjip data --force"):
        check_folder(out)
    (out / "b.csv").unlink()
    with pytest.raises(DataTidakUtuh, match=r"hilang: b\.csv"):
        check_folder(out)
    (out / "manifest.json").unlink()
    with pytest.raises(DataTidakUtuh, match=r"tidak memiliki manifest\.json"):
        check_folder(out)


def test_a_folder_of_an_older_layout_is_refused_not_read(tmp_path):
    out = tmp_path / "processed"
    publish({"a": _frame(1)}, out, {})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    del manifest["format"]
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(DataTidakUtuh, match="versi lkjip lain"):
        check_folder(out)


def test_a_swap_cut_between_its_two_renames_is_put_back(tmp_path):
    # Without an atomic exchange the swap takes two renames; a kill between them leaves the old
    # folder beside the missing one, and the next reader puts it back.
    out = tmp_path / "processed"
    publish({"a": _frame(1)}, out, {"sidik": "lama"})
    out.rename(tmp_path / ".processed.lama-4242")
    (tmp_path / ".processed.baru-4243").mkdir()
    recover(out)
    assert check_folder(out)["sidik"] == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_publish_without_an_atomic_exchange_still_swaps_the_whole_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_exchange", lambda a, b: False)
    out = tmp_path / "processed"
    publish({"a": _frame(1), "b": _frame(2)}, out, {"sidik": "lama"})
    publish({"a": _frame(3)}, out, {"sidik": "baru"})
    assert check_folder(out)["sidik"] == "baru" and not (out / "b.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_loading_an_unknown_or_unbuilt_table_names_the_way_out(tmp_path):
    with pytest.raises(katalog.TabelTidakDikenal, match="Mungkin maksudnya: capaian"):
        katalog.load("capaan", tmp_path)
    with pytest.raises(katalog.TabelBelumDibangun, match="python -m lkjip data"):
        katalog.load("capaian", tmp_path)


_KILL_AFTER = (1, 12, 40, "manifest")


@pytest.mark.slow
@pytest.mark.parametrize("moment", _KILL_AFTER)
def test_a_data_step_killed_during_its_writes_leaves_the_old_tables_or_the_new(processed_project, moment):
    """SIGKILL ``python -m lkjip data --force`` when its staging folder holds ``moment`` files."""
    processed = processed_project / "data" / "processed"
    before = check_folder(processed)
    env = {**os.environ, "LKJIP_ROOT": str(processed_project)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lkjip", "data", "--force"],
        cwd=processed_project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    killed = False
    while proc.poll() is None and time.monotonic() < deadline:
        staging = list(processed.parent.glob(".processed.baru-*"))
        if staging:
            try:
                names = {p.name for p in staging[0].iterdir()}
            except FileNotFoundError:  # swapped in meanwhile
                names = set()
            if (moment == "manifest" and "manifest.json" in names) or (
                moment != "manifest" and len(names) >= moment
            ):
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
        time.sleep(0.001)
    proc.wait(timeout=60)
    assert killed, f"the data step ended before its staging folder held {moment} files"
    # Recovers, then checks every file against the manifest found: one run's complete set.
    after = check_folder(processed)
    if after["dibuat"] == before["dibuat"]:
        assert after["berkas"] == before["berkas"], "the old tables, all of them"
    else:
        assert set(after["berkas"]) == set(before["berkas"]), "the new tables, all of them"
    assert not list(processed.parent.glob(".processed.*")), "nothing is left beside the folder"
    assert katalog.load("capaian", processed).shape[0] > 0


def test_the_data_step_rebuilds_a_damaged_folder_even_when_its_inputs_did_not_change(processed_project):
    from lkjip.core.config import load_config
    from lkjip.pipeline.data_step import run_data_step

    processed = processed_project / "data" / "processed"
    config = load_config(processed_project / "laporan.yml")
    args = (processed_project / "data" / "raw", processed, config)
    assert run_data_step(*args).skipped  # same inputs, intact folder: nothing to do
    (processed / "capaian.parquet").write_bytes(b"rusak")
    with pytest.raises(DataTidakUtuh, match=r"capaian\.parquet"):
        katalog.load("capaian", processed)
    assert not run_data_step(*args).skipped
    assert katalog.load("capaian", processed).shape[0] > 0


def test_a_folder_written_before_a_table_existed_is_rebuilt_not_skipped(processed_project):
    """After an upgrade that adds a table, the same exports still give a data step that runs."""
    from lkjip.core.config import load_config
    from lkjip.pipeline.data_step import run_data_step

    processed = processed_project / "data" / "processed"
    manifest = json.loads((processed / "manifest.json").read_text(encoding="utf-8"))
    gone = "letak_kolom"
    manifest["tabel"].remove(gone)
    for suffix in (".parquet", ".csv"):
        del manifest["berkas"][gone + suffix]
        (processed / (gone + suffix)).unlink()
    (processed / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    check_folder(processed)  # a consistent folder of the older version
    config = load_config(processed_project / "laporan.yml")
    assert not run_data_step(processed_project / "data" / "raw", processed, config).skipped
    assert (processed / f"{gone}.parquet").exists()

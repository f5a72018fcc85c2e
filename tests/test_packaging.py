"""The package installs from the repository (pip install . or git+URL, as on Colab and Binder)
and finds its data wherever it is installed; a missing data folder is reported clearly."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from aid2assets import paths

REPO = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    listed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "aid2assets").rglob("__init__.py")}
    assert on_disk <= set(listed), f"add to [tool.setuptools] packages: {sorted(on_disk - set(listed))}"


def test_data_dir_in_a_checkout_is_the_repository_data(monkeypatch):
    monkeypatch.delenv("A2A_DATA_DIR", raising=False)
    assert paths.data_dir() == REPO / "data"


def test_missing_data_lists_every_place_looked_in(monkeypatch, tmp_path):
    monkeypatch.delenv("A2A_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "REPO_ROOT", tmp_path / "checkout")
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / "site-packages" / "aid2assets")
    with pytest.raises(paths.DataDirNotFound) as err:
        paths.data_dir()
    message = str(err.value)
    assert str(tmp_path / "checkout" / "data") in message
    assert str(tmp_path / "site-packages" / "aid2assets" / "_data") in message
    assert "A2A_DATA_DIR" in message


def test_a2a_data_dir_wins_and_must_hold_the_data(monkeypatch, tmp_path):
    monkeypatch.setenv("A2A_DATA_DIR", str(tmp_path))
    with pytest.raises(paths.DataDirNotFound, match="A2A_DATA_DIR"):
        paths.data_dir()
    (tmp_path / "datapackage.json").write_text("{}", encoding="utf-8")
    assert paths.data_dir() == tmp_path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """A wheel built from a copy of the repository's package files (the checkout stays clean)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "aid2assets", "data", "LICENSE", "LICENSES"):
        subprocess.run(["cp", "-r", str(REPO / name), str(src / name)], check=True)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return next(out.glob("aid2assets-*.whl"))


def test_the_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"aid2assets/_data/{p.name}" for p in (REPO / "data").iterdir() if p.suffix in (".csv", ".json")}
    assert expected <= names, sorted(expected - names)
    assert "aid2assets/static/embed.js" in names
    assert "aid2assets/static/toolbar.js" in names   # the figure tools, bundled with embed.js


def test_an_installed_package_loads_its_data_from_anywhere(wheel, tmp_path):
    """Unpacked as pip would install it, outside any checkout, run from an unrelated folder."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "somewhere"
    work.mkdir()
    script = ("import aid2assets, aid2assets.paths as p; from aid2assets import load; "
              "print(aid2assets.__file__); print(p.data_dir()); print(len(load('events')))")
    env = {k: v for k, v in os.environ.items() if k != "A2A_DATA_DIR"}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run([sys.executable, "-c", script], cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    module, data, rows = done.stdout.split("\n")[:3]
    assert Path(module).is_relative_to(site)
    assert Path(data) == site / "aid2assets" / "_data"
    assert int(rows) > 0


def test_binder_installs_the_pins_and_the_package():
    reqs = (REPO / "binder" / "requirements.txt").read_text(encoding="utf-8").split()
    assert "-r" in reqs and "../requirements.txt" in reqs
    post = REPO / "binder" / "postBuild"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable"
    assert "pip install --no-deps -e ." in post.read_text(encoding="utf-8")

"""The package installs anywhere: a wheel built from this tree, installed into a fresh
virtual env, finds its configuration and its default model from any folder. The env
borrows the dependencies of the one running the tests (a path entry, no download)."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "configs", "models/default", "mailroom")


def test_an_installed_wheel_finds_its_configs_and_model_from_any_folder(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: the build leaves nothing in the working tree
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist")],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("mailroom-*.whl")

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True
    )
    env_site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    xsds = env_site / "mailroom" / "dispatch" / "xdomea_xsd"  # the xdomea connector validates against them
    assert (xsds / "3.0.0" / "xdomea_3.0.0" / "xdomea.xsd").is_file() and (
        xsds / "3.1.0" / "xoev" / "xoev-code.xsd"
    ).is_file()
    assert (xsds / "SOURCE.md").is_file()
    (env_site / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")  # after the env's own

    folder = tmp_path / "elsewhere"
    folder.mkdir()
    letter = _letter(folder / "antrag.pdf")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAILROOM_", "PYTHON"))}
    env.update(MAILROOM_HOME=str(folder / "home"), COLUMNS="250")
    mailroom = str(env_dir / "bin" / "mailroom")

    doctor = subprocess.run(
        [mailroom, "doctor"], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    assert doctor.returncode == 0, doctor.stderr
    assert str(env_site / "mailroom" / "_data" / "configs") in doctor.stdout

    classified = subprocess.run(
        [mailroom, "classify", letter.name], cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )
    assert classified.returncode == 0, classified.stderr
    line = json.loads(classified.stdout.strip().splitlines()[-1])
    assert line["path"] == letter.name and line["doc_type"] and line["route"] and line["model_version"]


def _letter(path: Path) -> Path:
    """A one-page letter with its own text layer, as an office's software writes it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    lines = ["Stadtverwaltung Chemnitz", "Antrag auf Wohngeld", "Sehr geehrte Damen und Herren,",
             "hiermit beantrage ich Wohngeld für meine Wohnung in der Zwickauer Straße 12."]  # fmt: skip
    figure = pyplot.figure(figsize=(8.27, 11.69))
    for number, line in enumerate(lines):
        figure.text(0.1, 0.9 - number * 0.04, line, fontsize=12)
    figure.savefig(path)
    pyplot.close(figure)
    return path

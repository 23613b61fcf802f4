"""The built wheel works on its own: installed into a clean virtual environment outside the
checkout, `verzuimdesk demo` and `verzuimdesk signals` run and find every shipped resource.

To keep the suite fast the new environment borrows the already installed dependencies (PySide6,
SQLAlchemy, …) of the test environment through a .pth file; verzuimdesk itself, its resources and
its migrations come only from the wheel (the test checks where they are loaded from).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "verzuimdesk", "resources")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv with only the wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: the build writes nothing into the checkout
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = work / "wheels"
    run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
        "-w", wheels, source, cwd=work,
    )  # fmt: skip
    (wheel,) = wheels.glob("verzuimdesk-*.whl")
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "-q", wheel, cwd=work,
    )  # fmt: skip
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work
        ).strip()
    )
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return python.parent


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("VERZUIMDESK_RESOURCES", "VERZUIMDESK_DB", "PYTHONPATH"):
        env.pop(name, None)
    return env


def test_the_wheel_holds_the_resources_and_migrations(installed: Path, tmp_path: Path) -> None:
    where = run(
        installed / "python",
        "-c",
        "import verzuimdesk, verzuimdesk.paths as p, verzuimdesk.store.migrate as m;"
        "print(verzuimdesk.__file__); print(p.resources_dir()); print(m.head_revision());"
        "print(sorted(x.name for x in (p.resources_dir() / 'policies').glob('*.toml')))",
        cwd=tmp_path,
        env=clean_env(),
    ).splitlines()
    venv = installed.parent
    assert Path(where[0]).is_relative_to(venv), where  # not the checkout's copy
    assert Path(where[1]).is_relative_to(venv), where
    assert where[2]  # the migrations are found
    assert "wettelijk.toml" in where[3] and "mbo-utrecht.toml" in where[3]
    resources = Path(where[1])
    for name in (ROOT / "resources").rglob("*"):
        if name.is_file():
            assert (resources / name.relative_to(ROOT / "resources")).is_file(), name


def test_demo_and_signals_run_from_the_installed_program(installed: Path, tmp_path: Path) -> None:
    database = tmp_path / "school.sqlite"
    made = run(
        installed / "verzuimdesk", "--db", database, "demo", "--students", "50",
        cwd=tmp_path, env=clean_env(),
    )  # fmt: skip
    assert "Leerlingen: 50" in made
    shown = run(
        installed / "verzuimdesk", "--db", database, "signals", "--on", date.today().isoformat(),
        cwd=tmp_path, env=clean_env(),
    )  # fmt: skip
    assert "Regel" in shown and "R-" in shown

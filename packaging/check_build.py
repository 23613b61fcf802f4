"""Checks a built one-folder program: its command line makes a demo school and finds signals,
its window program opens that school offscreen and quits cleanly. Prints size and start times.

    .venv/bin/python packaging/check_build.py dist/verzuimdesk

Runs in a temporary VERZUIMDESK_HOME, so the user's own data is never touched. Exit 0 when all
went well; otherwise the first thing that went wrong, in Dutch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STUDENTS = 200
START_TIMEOUT_S = 180


def fail(message: str) -> None:
    print(f"controle mislukt: {message}", file=sys.stderr)
    sys.exit(1)


def program(folder: Path, name: str) -> Path:
    path = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    if not path.exists():
        fail(f"{path} ontbreekt; is het programma gebouwd?")
    return path


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_cli(cli: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(cli), *args], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode != 0 or "Traceback" in result.stderr:
        fail(f"'verzuimdesk {' '.join(args)}' gaf code {result.returncode}:\n{result.stderr}")
    return result.stdout


def start_window(gui: Path, env: dict[str, str]) -> float:
    """Seconds from starting the window program to its window shown; it must then quit with 0."""
    started = time.time()
    result = subprocess.run(
        [str(gui), "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
        check=False,
    )
    shown = [line for line in result.stdout.splitlines() if "venster getoond om" in line]
    if result.returncode != 0 or not shown or "Traceback" in result.stderr:
        fail(
            f"het venster startte niet of sloot niet netjes (code {result.returncode}).\n"
            f"uitvoer: {result.stdout}\nfouten: {result.stderr}"
        )
    return float(shown[-1].rsplit(" ", 1)[1]) - started


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/verzuimdesk").resolve()
    cli, gui = program(folder, "verzuimdesk"), program(folder, "verzuimdesk-gui")
    with tempfile.TemporaryDirectory(prefix="verzuimdesk-check-") as home:
        env = dict(os.environ)
        env.update(
            VERZUIMDESK_HOME=home,
            QT_QPA_PLATFORM="offscreen",
            VERZUIMDESK_QUIT_AFTER_START="1",
        )
        env.pop("VERZUIMDESK_DB", None)
        env.pop("VERZUIMDESK_RESOURCES", None)  # the bundle must find its own resources
        demo = Path(home) / "data" / "demo.sqlite"
        demo.parent.mkdir(parents=True)
        began = time.time()
        run_cli(cli, env, "--db", str(demo), "demo", "--students", str(STUDENTS))
        demo_s = time.time() - began
        today = time.strftime("%Y-%m-%d")
        signals = run_cli(cli, env, "--db", str(demo), "signals", "--on", today, "--json")
        if '"rule"' not in signals:
            fail(f"'verzuimdesk signals' gaf geen signalen:\n{signals[:500]}")
        first = start_window(gui, env)
        second = start_window(gui, env)
        log_text = "".join(p.read_text(errors="replace") for p in (Path(home) / "log").rglob("*"))
        if "qtbase_nl niet gevonden" in log_text:
            fail("de Nederlandse Qt-vertaling (qtbase_nl) zit niet in het programma")
        if "Traceback" in log_text:
            fail(f"het logboek bevat een fout:\n{log_text[-2000:]}")
    size = folder_size(folder)
    print(f"map: {folder}")
    print(f"grootte: {size / 1024 / 1024:.0f} MB")
    print(f"demoschool met {STUDENTS} leerlingen via de command line: {demo_s:.1f} s")
    print(f"start tot venster (eerste keer): {first:.1f} s")
    print(f"start tot venster (tweede keer): {second:.1f} s")
    print(
        "controle geslaagd: demoschool gemaakt, signalen berekend, venster geopend en netjes "
        "afgesloten"
    )


if __name__ == "__main__":
    main()

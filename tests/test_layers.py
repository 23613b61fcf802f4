"""The core stays free of Qt: domain, store and services must import without PySide6."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "package",
    [
        "verzuimdesk.domain",
        "verzuimdesk.store",
        "verzuimdesk.services",
        "verzuimdesk.demo",
        "verzuimdesk.cli",
    ],
)
def test_core_packages_do_not_load_qt(package: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module('{package}')\n"
        "for info in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
        "    if '.migrations' in info.name: continue\n"
        "    importlib.import_module(info.name)\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False", result.stderr

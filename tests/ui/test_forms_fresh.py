"""Every committed ui_*.py is what pyside6-uic makes of its forms/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "compile_forms", ROOT / "scripts" / "compile_forms.py"
)
assert _spec is not None and _spec.loader is not None
compile_forms = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compile_forms)

FORMS = sorted((ROOT / "forms").glob("*.ui"))


@pytest.mark.parametrize("form", FORMS, ids=[f.stem for f in FORMS])
def test_generated_form_is_fresh(form: Path) -> None:
    target = compile_forms.target_for(form)
    assert target.exists(), f"{target.name} ontbreekt: run scripts/compile_forms.py"
    assert target.read_text(encoding="utf-8") == compile_forms.compile_form(form), (
        f"{target.name} is verouderd: run scripts/compile_forms.py"
    )
